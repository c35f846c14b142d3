import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { leaseExpired, leaseFile, readLease, tryAcquireLease } from '../../src/run/index.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const HELPER = join(REPO_ROOT, 'test', 'helpers', 'lease-holder.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function holder(dir: string): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', HELPER, 'hold', dir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const ready = new Promise<void>((resolve) => child.stdout!.on('data', (chunk) => {
    output += chunk;
    if (output.includes('held')) resolve();
  }));
  return { child, output: () => output, ready };
}

test('lease: a live holder\'s heartbeat keeps it; stopped (SIGSTOP), its lease expires after expiryMs of the waiter\'s own clock and is taken over; the old holder sees it lost', async (t) => {
  const dir = tempDir(t);
  const { child, output, ready } = holder(dir);
  t.after(() => child.kill('SIGKILL'));
  await ready;
  assert.equal(tryAcquireLease(dir, { expiryMs: 400 }), null);
  for (let i = 0; i < 10; i += 1) {
    assert.equal(leaseExpired(leaseFile(dir), { expiryMs: 400 }), false, 'the heartbeat keeps touching it');
    await sleep(100);
  }
  child.kill('SIGSTOP');
  await sleep(150); // a touch in flight lands
  assert.equal(leaseExpired(leaseFile(dir), { expiryMs: 400 }), false, 'not yet: 400 ms unchanged are needed');
  let taken = null;
  const started = Date.now();
  while (!taken && Date.now() - started < 5000) {
    taken = tryAcquireLease(dir, { expiryMs: 400 });
    if (!taken) await sleep(50);
  }
  assert.ok(taken, 'taken over');
  assert.ok(Date.now() - started >= 350, 'only after the expiry');
  assert.equal(readLease(leaseFile(dir))?.pid, process.pid);
  child.kill('SIGCONT');
  const deadline = Date.now() + 5000;
  while (!output().includes('lost') && Date.now() < deadline) await sleep(50);
  assert.match(output(), /lost/);
  assert.equal(taken.stillHeld(), true);
  taken.release();
  assert.equal(existsSync(leaseFile(dir)), false);
});

test('lease: a dead holder of this host is taken over at once; another host\'s lease expires by its unchanged mtime whatever its clock says', (t) => {
  const dir = tempDir(t);
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(leaseFile(dir), JSON.stringify({ host: hostname(), pid: Number(dead.stdout), token: 'dead', since: '2020-01-01T00:00:00Z' }));
  const lease = tryAcquireLease(dir, { expiryMs: 60_000 });
  assert.ok(lease, 'a dead pid of this host');
  lease.release();

  // another machine, its clock a day ahead: the mtime is in the future, yet the lease expires after expiryMs unchanged
  writeFileSync(leaseFile(dir), JSON.stringify({ host: 'elsewhere.example', pid: 1, token: 'far', since: '2031-01-01T00:00:00Z' }));
  const ahead = new Date(Date.now() + 86_400_000);
  utimesSync(leaseFile(dir), ahead, ahead);
  assert.equal(tryAcquireLease(dir, { expiryMs: 200 }), null, 'first look: live');
  const until = performance.now() + 250;
  while (performance.now() < until) { /* wait 250 ms of this machine's clock */ }
  const taken = tryAcquireLease(dir, { expiryMs: 200 });
  assert.ok(taken, 'unchanged for 200 ms: expired');
  taken.release();

  // a clock a day behind: an old mtime is not expired at first look
  writeFileSync(leaseFile(dir), JSON.stringify({ host: 'elsewhere.example', pid: 1, token: 'behind', since: '2019-01-01T00:00:00Z' }));
  const behind = new Date(Date.now() - 86_400_000);
  utimesSync(leaseFile(dir), behind, behind);
  assert.equal(tryAcquireLease(dir, { expiryMs: 200 }), null);
});

test('lease: of six processes that try at the same moment, exactly one takes it (O_EXCL)', async (t) => {
  const dir = tempDir(t);
  const startAt = Date.now() + 4000;
  const racers = Array.from({ length: 6 }, () => spawn(process.execPath, ['--import', 'tsx', HELPER, 'race', dir, String(startAt)], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] }));
  t.after(() => racers.forEach((child) => child.kill('SIGKILL')));
  const results = await Promise.all(racers.map((child) => new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
  })));
  for (const child of racers) child.stdin!.end(); // every racer has tried: now they may exit
  assert.equal(results.filter((r) => r === 'won').length, 1, results.join(','));
  assert.equal(results.filter((r) => r === 'lost').length, 5);
});

