import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readLockOwner, withCacheLock } from '../../src/data/cache-lock.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

function holder(root: string, log: string, holdMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test', 'helpers', 'lock-holder.ts'), root, 'lama', log, String(holdMs)], {
      cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

test('two processes taking one cache lock work one after the other', async (t) => {
  const root = tempDir(t);
  const log = join(root, 'log.txt');
  writeFileSync(log, '');
  const codes = await Promise.all([holder(root, log, 700), holder(root, log, 700)]);
  assert.deepEqual(codes, [0, 0]);
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  const order = lines.filter((line) => !line.startsWith('wait'));
  assert.equal(order.length, 4, lines.join('\n'));
  const [first, second] = [order[0]!.split(' ')[1], order[2]!.split(' ')[1]];
  assert.deepEqual(order, [`enter ${first}`, `leave ${first}`, `enter ${second}`, `leave ${second}`], 'no overlap');
  assert.notEqual(first, second);
  assert.ok(lines.some((line) => line.startsWith(`wait ${second} for ${first}`)), 'the second process says whom it waits for');
  assert.equal(existsSync(join(root, '.lama.lock')), false, 'released');
});

test('a lock left by a dead process is taken over at once', async (t) => {
  const root = tempDir(t);
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(dead.stdout);
  writeFileSync(join(root, '.lama.lock'), JSON.stringify({ host: hostname(), pid, since: new Date().toISOString(), token: 'old' }));
  const started = Date.now();
  const value = await withCacheLock(root, 'lama', async () => (await readLockOwner(root, 'lama'))?.pid, { staleMs: 60_000 });
  assert.equal(value, process.pid);
  assert.ok(Date.now() - started < 2_000);
});

test('a live lock is waited for; one untouched for staleMs is taken over', async (t) => {
  const root = tempDir(t);
  const lock = join(root, '.ud.lock');
  // A live owner (this very process, another token): a fresh lock makes the call wait.
  writeFileSync(lock, JSON.stringify({ host: hostname(), pid: process.pid, since: new Date().toISOString(), token: 'other' }));
  const waits: Array<number | undefined> = [];
  let entered = false;
  const pending = withCacheLock(root, 'ud', async () => {
    entered = true;
  }, { staleMs: 1_500, heartbeatMs: 100, pollMs: 20, onWait: (owner) => waits.push(owner?.pid) });
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(entered, false, 'waits while the lock is fresh');
  assert.deepEqual(waits, [process.pid]);
  // The owner stops touching it: once older than staleMs it is taken over.
  const past = new Date(Date.now() - 10_000);
  utimesSync(lock, past, past);
  await pending;
  assert.equal(entered, true);
  assert.equal(existsSync(lock), false);
});

test('an error inside the lock releases it', async (t) => {
  const root = tempDir(t);
  await assert.rejects(withCacheLock(root, 'lama', async () => {
    throw new Error('boom');
  }), /boom/);
  assert.equal(existsSync(join(root, '.lama.lock')), false);
  assert.equal(await withCacheLock(root, 'lama', async () => 7), 7);
});
