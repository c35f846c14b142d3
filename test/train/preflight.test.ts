import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PreflightError } from '../../src/errors.js';
import { freeBytes } from '../../src/preflight.js';
import { checkpointSpace, resolveTrainConfig, train, trainProblems } from '../../src/train/index.js';
import { tempDir } from '../helpers/tmp.js';

test('checkpoint space: the paper preset is 83.5M parameters, 16 bytes each per kept checkpoint', () => {
  const { checkpoints, parameters, bytes } = checkpointSpace(resolveTrainConfig('paper', { epochs: 7 }));
  assert.equal(checkpoints, 8, 'epoch-0 .. epoch-7');
  // --save-epochs 2 over 7 epochs keeps epoch-0, -2, -4, -6 and the last, epoch-7
  assert.equal(checkpointSpace(resolveTrainConfig('paper', { epochs: 7, saveEpochs: 2 })).checkpoints, 5);
  assert.equal(checkpointSpace(resolveTrainConfig('paper', { epochs: 6, saveEpochs: 2 })).checkpoints, 4);
  assert.ok(Math.abs(parameters - 83.5e6) < 0.5e6, `${parameters}`);
  assert.equal(bytes, 8 * parameters * 16);
});

test('train stops before any work when the disk cannot hold its checkpoints', async (t) => {
  const dir = tempDir(t);
  const corpus = join(dir, 'corpus.txt');
  writeFileSync(corpus, 'Ann Lee was born in Paris .\n');
  const free = freeBytes(dir)!;
  // enough epochs of the paper model to need more than the disk has
  const epochs = Math.ceil(free / (83.5e6 * 16)) + 10;
  const problems = await trainProblems({ corpus: [corpus], out: join(dir, 'run') }, resolveTrainConfig('paper', { epochs }));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.what, new RegExp(`^disk space: ${epochs + 1} checkpoints of 8\\d,\\d{3},\\d{3} parameters \\(16 bytes per parameter each: weights, ONNX copy, AdamW state\\) need about [\\d.]+ [GT]?B, but the file system of .* has [\\d.]+ [GMk]?B free$`));
  assert.match(problems[0]!.fix, /--out a folder on a disk with room, or keep fewer checkpoints \(--save-epochs, --epochs\)/);
  assert.deepEqual(await trainProblems({ corpus: [corpus], out: join(dir, 'run') }, resolveTrainConfig('tiny', { epochs: 3 })), []);
});

test('train lists every problem at once and writes nothing', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a-file'), 'x');
  await assert.rejects(train({
    corpus: [join(dir, 'missing.txt'), 'lama-evidence:re-place-birth'], out: join(dir, 'a-file', 'run'), tokenizer: join(dir, 'no-tokenizer'),
    dataDir: join(dir, 'empty-root'),
  }), (error: unknown) => {
    assert.ok(error instanceof PreflightError);
    assert.equal(error.problems.length, 4, error.message);
    assert.match(error.message, /^train cannot start; 4 things are missing or unusable \(nothing was written\):/);
    assert.match(error.message, /cannot create .*a-file\/run, because .*a-file is a file/);
    assert.match(error.message, /LAMA data: no lama\/ in --data-dir .*empty-root.*needed for re-place-birth/);
    assert.match(error.message, /corpus: ".*missing\.txt" does not exist/);
    assert.match(error.message, /--tokenizer .*no-tokenizer: no such file or folder/);
    return true;
  });
  assert.deepEqual(readdirSync(dir), ['a-file']);
  assert.equal(existsSync(join(dir, 'empty-root')), false);
});
