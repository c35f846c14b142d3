/**
 * `lmkg train` and `lmkg train --resume` as commands: Ctrl-C (SIGINT) in the middle of an epoch,
 * then --resume, must end with the same bytes (sha256 of the weights and of the optimizer state)
 * as a run that was never interrupted.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listTrainingCheckpoints, readTrainerState } from '../../src/train/checkpoint.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const BIN = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const NAMES = ['Allan Dwan', 'Marie Curie', 'Ada Lovelace', 'Frida Kahlo', 'Nelson Mandela', 'Albert Einstein', 'Haruki Murakami', 'Johann Bach'];
const PLACES = ['Toronto', 'Warsaw', 'London', 'Coyoacan', 'Mvezo', 'Ulm', 'Kyoto', 'Eisenach', 'Paris', 'Zurich'];

/** 320 sentences: with batch 4, 80 steps per epoch, so an interrupt lands inside an epoch. */
function corpus(dir: string): string {
  const lines: string[] = [];
  for (let i = 0; i < 320; i += 1) lines.push(`${NAMES[i % NAMES.length]} was born in ${PLACES[(i * 7) % PLACES.length]} and died in ${PLACES[(i * 3 + 1) % PLACES.length]} in ${1800 + i} .`);
  const file = join(dir, 'corpus.txt');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const ARGS = ['--preset', 'tiny', '--epochs', '3', '--batch-size', '4', '--vocab-size', '300', '--min-frequency', '1', '--block-size', '32', '--threads', '2', '--seed', '3'];
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Starts `lmkg train`, sends SIGINT once the epoch-1 checkpoint is reported, and waits for the exit. */
function trainInterruptedAfterEpoch1(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, 'train', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (!sent && /checkpoint epoch-1:/.test(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stderr }));
  });
}

test('lmkg train, SIGINT mid-epoch, lmkg train --resume: the final weights and optimizer state equal a straight run\'s (sha256)', async (t) => {
  const dir = tempDir(t);
  const text = corpus(dir);
  const straight = join(dir, 'straight');
  const done = await runCli(['train', '--corpus', text, '--out', straight, ...ARGS], { timeoutMs: 180_000 });
  assert.equal(done.code, 0, done.stderr);

  const interrupted = join(dir, 'interrupted');
  const stopped = await trainInterruptedAfterEpoch1(['--corpus', text, '--out', interrupted, ...ARGS]);
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stderr, /stopping after this step/);
  const names = listTrainingCheckpoints(interrupted).map((c) => c.name);
  const partial = names.at(-1)!;
  assert.match(partial, /^step-\d+$/, `the interrupt left a step checkpoint (${names.join(', ')})`);
  const step = Number(partial.slice('step-'.length));
  assert.ok(step > 80 && step < 160, `step ${step} is inside epoch 2 (steps 81-160)`);

  const resumed = await runCli(['train', '--resume', interrupted], { timeoutMs: 180_000 });
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, new RegExp(`resuming from ${partial}`));
  assert.doesNotMatch(resumed.stderr, /warning/);
  const state = readTrainerState(join(interrupted, 'epoch-3'));
  assert.equal(state.runtime?.threads, 2, 'the recorded thread count was kept');
  assert.equal(state.runtime?.engine, 'onnx');
  for (const file of ['model.safetensors', 'optimizer.safetensors']) {
    assert.equal(sha256(join(interrupted, 'epoch-3', file)), sha256(join(straight, 'epoch-3', file)), `epoch-3/${file}`);
  }

  // --resume checks before it reads anything: with the corpus gone it stops at once (exit 7) and writes nothing
  renameSync(text, `${text}.moved`);
  const before = listTrainingCheckpoints(interrupted).map((c) => c.name);
  const refused = await runCli(['train', '--resume', interrupted], { timeoutMs: 60_000 });
  assert.equal(refused.code, 7, refused.stderr);
  assert.match(refused.stderr, /train --resume cannot start/);
  assert.match(refused.stderr, /corpus\.txt" does not exist/);
  assert.deepEqual(listTrainingCheckpoints(interrupted).map((c) => c.name), before);
});
