import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskBatch } from '../../src/train/masking.js';
import { makeExamples, padBatch } from '../../src/train/blocks.js';
import { linearWarmupDecay } from '../../src/train/schedule.js';
import { SeededRandom } from '../../src/random.js';

const spec = { maskId: 4, vocabSize: 1000, specialIds: new Set([0, 1, 2, 3, 4]), probability: 0.15 };

test('masking: 15% of non-special tokens, 80/10/10, specials and padding never masked', () => {
  const random = new SeededRandom(5);
  const rows = 400;
  const seqLen = 100;
  const ids = new Int32Array(rows * seqLen);
  for (let r = 0; r < rows; r += 1) {
    ids[r * seqLen] = 0; // <s>
    for (let c = 1; c < 90; c += 1) ids[r * seqLen + c] = 10 + ((r * 7 + c) % 900);
    ids[r * seqLen + 90] = 2; // </s>
    for (let c = 91; c < seqLen; c += 1) ids[r * seqLen + c] = 1; // <pad>
  }
  const { inputIds, positions, labels } = maskBatch(ids, spec, random);
  const eligible = rows * 89;
  assert.ok(Math.abs(positions.length / eligible - 0.15) < 0.01, `chosen share ${positions.length / eligible}`);
  let masked = 0;
  let unchanged = 0;
  positions.forEach((p, i) => {
    assert.ok(!spec.specialIds.has(ids[p]!), 'a special token was chosen');
    assert.equal(labels[i], ids[p]);
    if (inputIds[p] === spec.maskId) masked += 1;
    else if (inputIds[p] === ids[p]) unchanged += 1;
  });
  assert.ok(Math.abs(masked / positions.length - 0.8) < 0.02);
  assert.ok(Math.abs(unchanged / positions.length - 0.1) < 0.02);
  for (let i = 0; i < ids.length; i += 1) if (!positions.includes(i)) assert.equal(inputIds[i], ids[i]);
  assert.deepEqual([...positions], [...positions].sort((a, b) => a - b));
});

test('masking: seeded (same seed, same masks) and never empty', () => {
  const ids = Int32Array.from([0, 11, 12, 2]);
  const a = maskBatch(ids, { ...spec, probability: 0 }, new SeededRandom(1));
  assert.equal(a.positions.length, 1, 'a batch always has one chosen token');
  const b = maskBatch(ids, { ...spec, probability: 0 }, new SeededRandom(1));
  assert.deepEqual(a, b);
});

test('blocks: line-by-line truncates to the block size with <s> and </s>; packed cuts full blocks', () => {
  const lines = [[5, 6, 7, 8, 9, 10], [], [11, 12]];
  const lineByLine = makeExamples(lines, 'line-by-line', { blockSize: 5, bosId: 0, eosId: 2 });
  assert.deepEqual(lineByLine.map((e) => [...e]), [[0, 5, 6, 7, 2], [0, 11, 12, 2]]);
  const packed = makeExamples(lines, 'packed', { blockSize: 4, bosId: 0, eosId: 2 });
  assert.deepEqual(packed.map((e) => [...e]), [[0, 5, 6, 7], [8, 9, 10, 2], [0, 11, 12, 2]]);
  const batch = padBatch(lineByLine, 1);
  assert.deepEqual([...batch.ids], [0, 5, 6, 7, 2, 0, 11, 12, 2, 1]);
  assert.deepEqual([...batch.attentionMask], [1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  assert.equal(batch.tokens, 9);
});

test('schedule: linear warm-up then linear decay to zero', () => {
  assert.equal(linearWarmupDecay(0, 1e-3, 10, 110), 1e-4);
  assert.equal(linearWarmupDecay(9, 1e-3, 10, 110), 1e-3);
  assert.equal(linearWarmupDecay(10, 1e-3, 10, 110), 1e-3);
  assert.equal(linearWarmupDecay(60, 1e-3, 10, 110), 5e-4);
  assert.equal(linearWarmupDecay(110, 1e-3, 10, 110), 0);
});
