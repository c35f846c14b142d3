import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { UsageError } from '../../src/errors.js';
import { listTrainingCheckpoints, readTrainingCheckpoint } from '../../src/train/checkpoint.js';
import { resumeTraining, train, type TrainProgress } from '../../src/train/loop.js';
import { mlmLoss } from '../../src/train/loss.js';
import { maskBatch } from '../../src/train/masking.js';
import { createTfMaskedLm, disposeTfMaskedLm } from '../../src/train/model.js';
import { makeExamples, padBatch } from '../../src/train/blocks.js';
import { loadTokenizer } from '../../src/tokenizers/index.js';
import { SeededRandom } from '../../src/random.js';
import { tempDir } from '../helpers/tmp.js';
import { TRAINING_SENTENCES } from '../helpers/training-sentences.js';

const SENTENCES = TRAINING_SENTENCES;

/** Tiny shapes so the tests run in seconds on 2 cores. */
const TINY = { hiddenSize: 64, numLayers: 2, numHeads: 2, intermediateSize: 128, maxLength: 32, blockSize: 32, vocabSize: 400, minFrequency: 1, batchSize: 8 };

function corpus(t: Parameters<typeof tempDir>[0]): string {
  const dir = tempDir(t);
  const file = join(dir, 'corpus.txt');
  writeFileSync(file, `${SENTENCES.join('\n')}\n`);
  return file;
}

test('train: a tiny model overfits a fixed batch (loss below 0.5)', async (t) => {
  const out = join(tempDir(t), 'run');
  const result = await train({
    corpus: [corpus(t)], out, preset: 'tiny',
    config: { ...TINY, epochs: 400, learningRate: 3e-3, warmupRatio: 0.02, hiddenDropout: 0, attentionDropout: 0, weightDecay: 0, seed: 3 },
  });
  assert.equal(result.state.globalStep, 400);
  const checkpoints = listTrainingCheckpoints(out);
  assert.equal(checkpoints[0]!.name, 'epoch-0');
  assert.equal(checkpoints.at(-1)!.name, 'epoch-400');
  // Loss on a fixed masked batch, without dropout, from the last checkpoint's weights.
  const tokenizer = await loadTokenizer(join(out, 'tokenizer'));
  const examples = makeExamples(SENTENCES.map((s) => tokenizer.encode(s, { addSpecialTokens: false })), 'line-by-line', { blockSize: 32, bosId: 0, eosId: 2 });
  const padded = padBatch(examples, tokenizer.specials.pad!.id);
  const masked = maskBatch(padded.ids, { maskId: tokenizer.specials.mask!.id, vocabSize: tokenizer.vocabSize, specialIds: new Set([0, 1, 2, 3, 4]), probability: 0.15 }, new SeededRandom(99));
  const final = readTrainingCheckpoint(checkpoints.at(-1)!.dir);
  const initial = readTrainingCheckpoint(checkpoints[0]!.dir);
  const lossOf = (weights: typeof final.weights) => {
    const model = createTfMaskedLm(final.modelConfig, weights);
    try {
      return tf.tidy(() => mlmLoss(model, { ...padded, inputIds: masked.inputIds, positions: masked.positions, labels: masked.labels }).dataSync()[0]!);
    } finally {
      disposeTfMaskedLm(model);
    }
  };
  const before = lossOf(initial.weights);
  const after = lossOf(final.weights);
  assert.ok(before > 5, `initial loss ${before} should be near ln(vocab)`);
  assert.ok(after < 0.5, `loss after 400 steps is ${after}`);
  const losses = result.state.log.map((e) => e.loss);
  assert.ok(losses.at(-1)! < losses[0]! / 4, 'the training loss falls');
});

test('train: an interrupted run resumed from its checkpoint reaches the same weights', async (t) => {
  const text = corpus(t);
  const config = { ...TINY, epochs: 3, batchSize: 4, saveSteps: 0, seed: 11 }; // 2 steps per epoch, dropout on
  const straight = join(tempDir(t), 'straight');
  await train({ corpus: [text], out: straight, config });
  const interrupted = join(tempDir(t), 'interrupted');
  const controller = new AbortController();
  const events: TrainProgress[] = [];
  await train({
    corpus: [text], out: interrupted, config, signal: controller.signal,
    onProgress: (event) => {
      events.push(event);
      if (event.stage === 'step' && event.step === 3) controller.abort(); // mid-epoch 2
    },
  });
  assert.deepEqual(listTrainingCheckpoints(interrupted).map((c) => c.name), ['epoch-0', 'epoch-1', 'step-3']);
  const resumed = await resumeTraining(interrupted);
  assert.equal(resumed.state.globalStep, 6);
  const names = listTrainingCheckpoints(interrupted).map((c) => c.name);
  assert.deepEqual(names, ['epoch-0', 'epoch-1', 'step-3', 'epoch-2', 'epoch-3']);
  for (const epoch of ['epoch-2', 'epoch-3']) {
    const a = readFileSync(join(straight, epoch, 'model.safetensors'));
    const b = readFileSync(join(interrupted, epoch, 'model.safetensors'));
    assert.ok(a.equals(b), `${epoch}: weights differ between the straight and the resumed run`);
    const optimizerA = readFileSync(join(straight, epoch, 'optimizer.safetensors'));
    assert.ok(optimizerA.equals(readFileSync(join(interrupted, epoch, 'optimizer.safetensors'))), `${epoch}: optimizer state differs`);
  }
  const straightLog = readTrainingCheckpoint(join(straight, 'epoch-3')).state.log.map((e) => e.loss);
  const resumedLog = readTrainingCheckpoint(join(interrupted, 'epoch-3')).state.log.map((e) => e.loss);
  assert.deepEqual(resumedLog, straightLog, 'the same loss curve');
});

test('train: checkpoints are complete HF folders; bad input gets clear errors', async (t) => {
  const out = join(tempDir(t), 'run');
  await train({ corpus: [corpus(t)], out, config: { ...TINY, epochs: 1 } });
  for (const file of ['config.json', 'model.safetensors', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'trainer_state.json', 'optimizer.safetensors']) {
    assert.ok(existsSync(join(out, 'epoch-1', file)), file);
  }
  const config = JSON.parse(readFileSync(join(out, 'epoch-1', 'config.json'), 'utf8'));
  assert.equal(config.model_type, 'roberta');
  assert.deepEqual(config.architectures, ['RobertaForMaskedLM']);
  assert.equal(existsSync(join(out, 'epoch-0', 'optimizer.safetensors')), false, 'epoch-0 is the random init');
  await assert.rejects(train({ corpus: [corpus(t)], out, config: TINY }), (error: unknown) => error instanceof UsageError && /--resume/.test(error.message));
  const empty = join(tempDir(t), 'empty.txt');
  writeFileSync(empty, '\n\n');
  const other = join(tempDir(t), 'other');
  await assert.rejects(train({ corpus: [empty], out: other, config: TINY }), /empty|no text/);
  await assert.rejects(train({ corpus: [join(tempDir(t), 'missing.txt')], out: other, config: TINY }), /missing\.txt/);
  await assert.rejects(train({ corpus: [corpus(t)], out: other, config: { ...TINY, numHeads: 3 } }), /divisible by numHeads/);
  await assert.rejects(train({ corpus: [corpus(t)], out: other, preset: 'huge' }), /unknown training preset "huge"/);
  await assert.rejects(train({ corpus: [corpus(t)], out: other, config: { ...TINY, vocabSize: 100 } }), /vocab/i);
  assert.deepEqual(listTrainingCheckpoints(other), []);
});

test('train: saveEpochs keeps every N-th epoch and always the last', async (t) => {
  const out = join(tempDir(t), 'run');
  await train({ corpus: [corpus(t)], out, config: { ...TINY, epochs: 5, batchSize: 4, saveEpochs: 2 } });
  assert.deepEqual(listTrainingCheckpoints(out).map((c) => c.name), ['epoch-0', 'epoch-2', 'epoch-4', 'epoch-5']);
});
