import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presetConfig } from '../../src/lm/index.js';
import { SeededRandom } from '../../src/random.js';
import { fillDropoutMask, trainingFeeds, type MaskedMicroBatch } from '../../src/train/onnx-feeds.js';

const roberta = { ...presetConfig('roberta', 'tiny', { vocabSize: 100, padTokenId: 1, bosTokenId: 0, eosTokenId: 2 }), hiddenSize: 4, numHeads: 2, hiddenDropout: 0, attentionDropout: 0 };

function micro(ids: number[][], positions: number[], labels: number[]): MaskedMicroBatch {
  const seqLen = Math.max(...ids.map((r) => r.length));
  const inputIds = new Int32Array(ids.length * seqLen).fill(1);
  const attentionMask = new Int32Array(ids.length * seqLen);
  ids.forEach((row, b) => row.forEach((id, s) => {
    inputIds[b * seqLen + s] = id;
    attentionMask[b * seqLen + s] = 1;
  }));
  return { inputIds, attentionMask, batch: ids.length, seqLen, positions: Int32Array.from(positions), labels: Int32Array.from(labels) };
}

test('feeds: RoBERTa position ids, the attention bias, masked rows and loss weights', () => {
  // a <mask>-replaced token that drew the pad id (1) counts as padding for positions, as HF and tfjs do
  const feeds = trainingFeeds(roberta, [micro([[0, 5, 6, 2], [0, 1, 2]], [1, 5], [9, 8])], [new SeededRandom(1)], { stack: false, lossScale: 1 });
  assert.deepEqual([...(feeds.position_ids!.data as BigInt64Array)].map(Number), [2, 3, 4, 5, 2, 1, 3, 1]);
  assert.deepEqual([...feeds.attention_bias!.data].map((x) => (x === 0 ? 0 : 1)), [0, 0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(feeds.attention_bias!.dims, [2, 1, 1, 4]);
  assert.deepEqual([...(feeds.mask_rows!.data as BigInt64Array)].map(Number), [1, 5]);
  assert.deepEqual([...feeds.loss_weights!.data], [0.5, 0.5]);
  const bert = { ...roberta, arch: 'bert' as const, padTokenId: 0 };
  assert.deepEqual([...(trainingFeeds(bert, [micro([[5, 6, 7]], [1], [3])], [new SeededRandom(1)], { stack: false, lossScale: 1 }).position_ids!.data as BigInt64Array)].map(Number), [0, 1, 2]);
});

test('feeds: micro-batches stack on a leading axis, padded to the longest sequence and the most masked rows', () => {
  const a = micro([[0, 5, 6, 7, 2]], [1, 2, 3], [5, 6, 7]);
  const b = micro([[0, 8, 2], [0, 9, 2]], [1], [8]);
  const feeds = trainingFeeds(roberta, [a, b], [new SeededRandom(1), new SeededRandom(2)], { stack: true, lossScale: 0.5 });
  assert.deepEqual(feeds.input_ids!.dims, [2, 2, 5]);
  assert.deepEqual([...(feeds.input_ids!.data as BigInt64Array)].map(Number), [0, 5, 6, 7, 2, 1, 1, 1, 1, 1, 0, 8, 2, 1, 1, 0, 9, 2, 1, 1]);
  // b's masked row 1 (row 0, column 1) is row 1 in the stacked width too; its padding rows weigh 0
  assert.deepEqual([...(feeds.mask_rows!.data as BigInt64Array)].map(Number), [1, 2, 3, 1, 0, 0]);
  assert.deepEqual([...(feeds.loss_weights!.data as Float32Array)].map((w) => Number(w.toFixed(6))), [0.166667, 0.166667, 0.166667, 0.5, 0, 0]);
  assert.throws(() => trainingFeeds(roberta, [a, b], [new SeededRandom(1), new SeededRandom(2)], { stack: false, lossScale: 1 }), /exactly one/);
});

test('dropout masks: the requested share dropped, the same masks from the same seed', () => {
  const mask = new Uint8Array(200_001);
  fillDropoutMask(mask, 0.1, 42);
  const dropped = mask.reduce((n, keep) => n + (keep === 0 ? 1 : 0), 0) / mask.length;
  assert.ok(Math.abs(dropped - 0.1) < 0.003, `dropped ${dropped}`);
  const again = new Uint8Array(mask.length);
  fillDropoutMask(again, 0.1, 42);
  assert.deepEqual(again, mask);
  fillDropoutMask(again, 0.1, 43);
  assert.notDeepEqual(again, mask);
  fillDropoutMask(again, 0, 43);
  assert.ok(again.every((keep) => keep === 1));
  const withDropout = { ...roberta, hiddenDropout: 0.1, attentionDropout: 0.1 };
  const feeds = trainingFeeds(withDropout, [micro([[0, 5, 6, 2]], [1], [5])], [new SeededRandom(1)], { stack: false, lossScale: 1 });
  assert.deepEqual(Object.keys(feeds).filter((k) => k.startsWith('dropout_')), ['dropout_0', 'dropout_1', 'dropout_2', 'dropout_3', 'dropout_4', 'dropout_5', 'dropout_6']);
  assert.deepEqual(feeds.dropout_1!.dims, [1, 2, 4, 4], 'attention probabilities [B, heads, S, S]');
  assert.deepEqual(feeds.dropout_0!.dims, [4, 4], 'hidden states [N, H]');
});
