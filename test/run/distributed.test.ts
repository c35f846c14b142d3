/**
 * @file Studies beyond one process, against a one-process `lmkg run` of the same study (2 tiny
 * models x 2 datasets = 4 cells): three `lmkg run --shard i/3` processes then `lmkg report`; and a
 * real redis-server with two queue workers, one killed with SIGKILL from its progress hook in the
 * middle of a cell. Each run folder must equal the one-process folder byte for byte, except the
 * fields that differ by nature (timings, and the worker's host, pid and threads: run-folder.ts).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadNlp } from '../../src/nlp/index.js';
import { runStudy } from '../../src/run/index.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startRedis, type RedisServer } from '../helpers/redis.js';
import { runFolderSnapshot } from '../helpers/run-folder.js';
import { makeTinyModels } from '../helpers/tiny-models.js';
import { tempDir } from '../helpers/tmp.js';

let dir: string;
let reference: Map<string, string>;
let parserModel: string;
const STUDY = { datasets: ['re-place-birth', 'squad'], limit: 6, bootstrap: 10, chance: 2 };

/** The CLI arguments of the study (each test adds its own --out and mode). */
function studyArgs(out: string): string[] {
  return ['run', '--models', join(dir, 'models'), '--datasets', STUDY.datasets.join(','), '--limit', String(STUDY.limit), '--bootstrap', String(STUDY.bootstrap),
    '--chance', String(STUDY.chance), '--parser-model', parserModel, '--out', out];
}

before(async () => {
  dir = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  await makeTinyModels(dir);
  parserModel = (await loadNlp({ trainLimit: 2000, typeEntities: false })).modelFile;
  const out = join(dir, 'one-process');
  const result = await runStudy({ models: [join(dir, 'models')], ...STUDY, out, nlp: { modelFile: parserModel } });
  assert.equal(result.complete, true);
  assert.equal(result.cellsComputed, 4);
  reference = runFolderSnapshot(out);
});

function assertSameFolder(out: string): void {
  const actual = runFolderSnapshot(out);
  assert.deepEqual([...actual.keys()].sort(), [...reference.keys()].sort());
  for (const [file, text] of reference) assert.equal(actual.get(file), text, file);
}

test('shards 0/3, 1/3, 2/3 as three processes, then lmkg report: the same folder as one process', async () => {
  const out = join(dir, 'shards');
  const first = await runCli([...studyArgs(out), '--shard', '0/3']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /shard 0\/3: \d cells computed/);
  // with a shard missing, --status says so and lmkg report refuses, naming the missing cells
  const status = await runCli(['run', '--status', out]);
  assert.equal(status.code, 0, status.stderr);
  const missing = Number(/(\d) missing/.exec(status.stdout)![1]);
  assert.ok(missing >= 1 && missing <= 3, status.stdout);
  const early = await runCli(['report', out]);
  assert.equal(early.code, 2);
  assert.match(early.stderr, new RegExp(`${missing} of the study's cells are not finished`));
  assert.ok(!existsSync(join(out, 'summary.csv')));
  const rest = await Promise.all([1, 2].map((i) => runCli([...studyArgs(out), '--shard', `${i}/3`])));
  for (const shard of rest) assert.equal(shard.code, 0, shard.stderr);
  const computed = [first, ...rest].map((r) => Number(/: (\d) cells computed/.exec(r.stdout)![1]));
  assert.equal(computed.reduce((a, b) => a + b, 0), 4, 'every cell computed by exactly one shard');
  const report = await runCli(['report', out]);
  assert.equal(report.code, 0, report.stderr);
  assert.match((await runCli(['run', '--status', out])).stdout, /4 cells: 4 done, 0 running, 0 failed, 0 missing/);
  assertSameFolder(out);
});

let redis: RedisServer | null = null;
const workers: ChildProcess[] = [];
after(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await redis?.stop();
});

function startWorker(url: string, log: string, role: 'victim' | 'steady'): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test', 'helpers', 'queue-worker.ts'), url, log, role], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  workers.push(child);
  return child;
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a queue on redis-server with two workers, one killed by SIGKILL mid-cell: every cell done, the killed one computed again exactly once, the same folder as one process', async () => {
  redis = await startRedis(tempDir({ after: (fn: () => void) => process.on('exit', fn) }));
  const log = join(dir, 'workers.log');
  const lines = (): string[][] => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => l.split(' ')) : []);
  const victim = startWorker(redis.url, log, 'victim');
  const steady = startWorker(redis.url, log, 'steady');
  await waitFor('both workers', () => lines().filter(([kind]) => kind === 'ready').length === 2);
  const victimExit = new Promise<NodeJS.Signals | null>((resolve) => victim.once('exit', (_code, signal) => resolve(signal)));

  const out = join(dir, 'queue');
  const submitted = await runCli([...studyArgs(out), '--queue', redis.url], { timeoutMs: 240_000 });
  assert.equal(submitted.code, 0, `${submitted.stdout}\n${submitted.stderr}`);
  assert.match(submitted.stdout, /4 cells computed, 0 already finished/);
  assert.equal(await victimExit, 'SIGKILL');
  steady.kill('SIGTERM');
  await new Promise((resolve) => steady.once('exit', resolve));

  const events = lines();
  const killed = events.filter(([kind]) => kind === 'kill').map(([, cell]) => cell!);
  assert.equal(killed.length, 1, 'the victim died in its first cell');
  const cells = ['re-place-birth/epoch-0', 're-place-birth/epoch-1', 'squad/epoch-0', 'squad/epoch-1'];
  for (const cell of cells) {
    const starts = events.filter(([kind, c]) => kind === 'start' && c === cell);
    const dones = events.filter(([kind, c]) => kind === 'done' && c === cell);
    assert.equal(dones.length, 1, `${cell} finished once`);
    assert.equal(dones[0]![2], 'steady');
    assert.equal(starts.length, cell === killed[0] ? 2 : 1, `${cell} started ${cell === killed[0] ? 'twice (killed, then taken over)' : 'once'}`);
  }
  assert.deepEqual(events.filter(([kind]) => kind === 'failed'), []);
  const record = JSON.parse(readFileSync(join(out, killed[0]!, 'cell.json'), 'utf8'));
  assert.equal(record.status, 'done');
  assert.equal(record.worker.pid !== victim.pid, true);
  assertSameFolder(out);
});

test('lmkg worker: says where Redis is missing, runs until idle; lmkg run --queue refuses a Redis that evicts keys', async (t) => {
  const down = await runCli(['worker', '--queue', 'redis://127.0.0.1:1']);
  assert.equal(down.code, 2);
  assert.match(down.stderr, /--queue redis:\/\/127\.0\.0\.1:1: cannot connect to Redis/);
  const evicting = await startRedis(tempDir(t), { policy: 'allkeys-lru' });
  t.after(() => evicting.stop());
  const refused = await runCli([...studyArgs(join(dir, 'evicting')), '--queue', evicting.url]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /maxmemory-policy is allkeys-lru; the work queue needs noeviction/);
  const idle = await runCli(['worker', '--queue', redis!.url, '--idle-exit', '1', '--threads', '1']);
  assert.equal(idle.code, 0, idle.stderr);
  assert.match(idle.stdout, /worker ready on redis:\/\/127\.0\.0\.1:\d+ \(1 threads per cell\)\nworker stopped: 0 cells done, 0 failed/);
});
