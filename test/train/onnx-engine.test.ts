/**
 * The ONNX engine inside the training loop: the same loss curve as the tfjs reference from the
 * same initialisation and batches, gradient accumulation in one run (ONNX Loop), exact resume at
 * the recorded thread count, and checkpoints every existing reader loads.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MASK_MARKER } from '../../src/data/index.js';
import { loadCheckpoint, MaskedLm } from '../../src/lm/index.js';
import { listTrainingCheckpoints, readTrainerState, readTrainingCheckpoint } from '../../src/train/checkpoint.js';
import { resumeTraining, train, type TrainProgress } from '../../src/train/loop.js';
import { tempDir } from '../helpers/tmp.js';
import { TRAINING_SENTENCES } from '../helpers/training-sentences.js';

const SENTENCES = TRAINING_SENTENCES;
const TINY = { hiddenSize: 64, numLayers: 2, numHeads: 2, intermediateSize: 128, maxLength: 32, blockSize: 32, vocabSize: 400, minFrequency: 1, batchSize: 4, seed: 5 };
const NO_DROPOUT = { hiddenDropout: 0, attentionDropout: 0 };

function corpus(t: Parameters<typeof tempDir>[0]): string {
  const file = join(tempDir(t), 'corpus.txt');
  writeFileSync(file, `${SENTENCES.join('\n')}\n`);
  return file;
}

const losses = (dir: string) => readTrainingCheckpoint(listTrainingCheckpoints(dir).at(-1)!.dir).state.log.map((e) => e.loss);

/**
 * Tolerance: both engines compute in float32 with different summation orders (gradients agree to
 * ~1e-6 relative, onnx-gradients.test.ts); AdamW's early steps divide by sqrt(v) ~ |g| and so pass
 * such differences on, and they can compound over 50 steps. Measured on this machine: at most
 * 7e-7 relative; 1e-4 leaves room for other CPUs' rounding while still catching any real
 * difference (a wrong gradient or update moves the curve by far more within a few steps).
 */
const CURVE_TOLERANCE = 1e-4;

test('50 steps on the ONNX engine give the tfjs loss curve (same init and batches, dropout 0)', async (t) => {
  const text = corpus(t);
  const config = { ...TINY, ...NO_DROPOUT, epochs: 25, maxSteps: 50, learningRate: 3e-3, warmupRatio: 0.1 };
  const reference = join(tempDir(t), 'tfjs');
  const fast = join(tempDir(t), 'onnx');
  await train({ corpus: [text], out: reference, config: { ...config, engine: 'tfjs' } });
  await train({ corpus: [text], out: fast, config: { ...config, engine: 'onnx', threads: 2 } });
  const a = losses(fast);
  const b = losses(reference);
  assert.equal(a.length, 50);
  let worst = 0;
  for (let i = 0; i < 50; i += 1) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / b[i]!);
  t.diagnostic(`largest relative loss difference over 50 steps: ${worst.toExponential(2)} (loss ${b[0]!.toFixed(3)} -> ${b[49]!.toFixed(3)})`);
  assert.ok(worst <= CURVE_TOLERANCE, `loss curves differ by ${worst}`);
  assert.ok(b[49]! < 0.7 * b[0]!, 'the loss falls');
  const state = readTrainerState(join(fast, 'epoch-25'));
  assert.deepEqual({ engine: state.runtime?.engine, threads: state.runtime?.threads, device: state.runtime?.device }, { engine: 'onnx', threads: 2, device: 'cpu' });
  assert.equal(state.config.threads, 2, 'trainer_state.json records the thread count');
  assert.equal(readTrainerState(join(reference, 'epoch-25')).runtime?.engine, 'tfjs');
});

test('gradient accumulation runs all micro-batches of a step in one ONNX run and matches tfjs', async (t) => {
  const text = corpus(t);
  // 8 examples, batch 3: micro-batches of 3, 3 and 2 (uneven, padded inside the stacked feed)
  const config = { ...TINY, ...NO_DROPOUT, batchSize: 3, gradAccumulation: 2, epochs: 3, learningRate: 2e-3 };
  const reference = join(tempDir(t), 'tfjs');
  const fast = join(tempDir(t), 'onnx');
  await train({ corpus: [text], out: reference, config: { ...config, engine: 'tfjs' } });
  await train({ corpus: [text], out: fast, config: { ...config, engine: 'onnx' } });
  const a = losses(fast);
  const b = losses(reference);
  assert.equal(a.length, 6, '2 steps per epoch (2 micro-batches, then 1)');
  for (let i = 0; i < a.length; i += 1) assert.ok(Math.abs(a[i]! - b[i]!) <= 1e-4 * b[i]!, `step ${i + 1}: ${a[i]} vs ${b[i]}`);
});

test('an interrupted ONNX run resumed at the recorded thread count is bit-identical; another count warns', async (t) => {
  const text = corpus(t);
  const config = { ...TINY, epochs: 3, engine: 'onnx' as const, threads: 2 }; // 2 steps per epoch, dropout on (masks from the seeded generator)
  const straight = join(tempDir(t), 'straight');
  await train({ corpus: [text], out: straight, config });
  const interrupted = join(tempDir(t), 'interrupted');
  const controller = new AbortController();
  await train({
    corpus: [text], out: interrupted, config, signal: controller.signal,
    onProgress: (event) => {
      if (event.stage === 'step' && event.step === 3) controller.abort(); // mid-epoch 2
    },
  });
  assert.deepEqual(listTrainingCheckpoints(interrupted).map((c) => c.name), ['epoch-0', 'epoch-1', 'step-3']);
  const events: TrainProgress[] = [];
  await resumeTraining(interrupted, { onProgress: (event) => events.push(event) });
  assert.ok(!events.some((e) => e.stage === 'prepare' && e.message.startsWith('warning')), 'same runtime: no warning');
  for (const epoch of ['epoch-2', 'epoch-3']) {
    for (const file of ['model.safetensors', 'optimizer.safetensors']) {
      assert.ok(readFileSync(join(straight, epoch, file)).equals(readFileSync(join(interrupted, epoch, file))), `${epoch}/${file} differs`);
    }
  }
  assert.deepEqual(losses(interrupted), losses(straight));

  // resuming with another thread count is honoured, and says it will not be exact
  const again = join(tempDir(t), 'again');
  const stop = new AbortController();
  await train({ corpus: [text], out: again, config, signal: stop.signal, onProgress: (e) => e.stage === 'step' && e.step === 1 && stop.abort() });
  const warnings: string[] = [];
  const resumed = await resumeTraining(again, { runtime: { threads: 1 }, onProgress: (e) => e.stage === 'prepare' && e.message.startsWith('warning') && warnings.push(e.message) });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /1 threads; the run was started with 2.*not bit-identical/);
  assert.equal(resumed.state.runtime?.threads, 1);
});

test('ONNX-trained checkpoints load with the existing readers and probe through the ONNX export', async (t) => {
  const out = join(tempDir(t), 'run');
  await train({ corpus: [corpus(t)], out, config: { ...TINY, epochs: 1, engine: 'onnx' } });
  const dir = join(out, 'epoch-1');
  const { config, weights } = loadCheckpoint(dir);
  assert.equal(config.arch, 'roberta');
  const optimizer = readTrainingCheckpoint(dir).optimizer!;
  assert.equal(optimizer.layout, 'pytorch');
  assert.equal(optimizer.moments.size, 2 * weights.size, 'a first and a second moment per parameter');
  for (const graph of ['auto', 'full'] as const) {
    const lm = await MaskedLm.load(dir, { graph });
    try {
      const query = lm.encodeMasked(`Ada Lovelace was born in ${MASK_MARKER} in 1815 .`);
      assert.ok(query, 'the sentence encodes with one mask');
      const [row] = await lm.maskLogits([query]);
      assert.equal(row!.length, config.vocabSize);
      assert.ok(row!.every(Number.isFinite));
    } finally {
      await lm.dispose();
    }
  }
});
