import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { initTfBackend } from '../../src/train/backend.js';
import { registerWasmTrainingKernels } from '../../src/train/kernels.js';
import { softmaxCrossEntropy } from '../../src/train/loss.js';

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i += 1) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

test('wasm kernels: UnsortedSegmentSum (the gradient of gather) and batched matmuls agree with the cpu backend', async () => {
  await initTfBackend('wasm');
  registerWasmTrainingKernels();
  const tableValues = Array.from({ length: 40 }, (_, i) => Math.sin(i));
  const ids = [1, 2, 1, 7, 9, 1];
  const weights = Array.from({ length: 24 }, (_, i) => i - 10);
  const gradOf = () => tf.tidy(() => {
    const table = tf.tensor2d(tableValues, [10, 4]);
    return tf.grad((t: tf.Tensor) => tf.gather(t, tf.tensor1d(ids, 'int32')).mul(tf.tensor2d(weights, [6, 4])).sum())(table).dataSync();
  });
  const q = Array.from({ length: 3 * 2 * 5 * 4 }, (_, i) => Math.cos(i * 0.7));
  const k = Array.from({ length: 3 * 2 * 5 * 4 }, (_, i) => Math.sin(i * 0.3));
  const products = () => tf.tidy(() => {
    const a = tf.tensor4d(q, [3, 2, 5, 4]);
    const b = tf.tensor4d(k, [3, 2, 5, 4]);
    return [tf.matMul(a, b, false, true), tf.matMul(a, b, true, false), tf.matMul(a, tf.transpose(b, [0, 1, 3, 2]))].map((t) => Array.from(t.dataSync()));
  });
  const wasmGrad = gradOf();
  const wasmProducts = products();
  await tf.setBackend('cpu');
  try {
    assert.ok(maxDiff(wasmGrad, gradOf()) < 1e-5);
    const cpuProducts = products();
    wasmProducts.forEach((values, i) => assert.ok(maxDiff(values, cpuProducts[i]!) < 1e-5, `product ${i}`));
  } finally {
    await tf.setBackend('wasm');
  }
});

test('softmaxCrossEntropy: value and hand-written gradient equal tfjs\' own', async () => {
  await initTfBackend('wasm');
  const logitValues = Array.from({ length: 3 * 7 }, (_, i) => Math.sin(i * 1.3) * 3);
  const labels = tf.oneHot(tf.tensor1d([2, 0, 6], 'int32'), 7).toFloat() as tf.Tensor2D;
  const logits = tf.tensor2d(logitValues, [3, 7]);
  const ours = tf.valueAndGrad((x: tf.Tensor) => softmaxCrossEntropy(x as tf.Tensor2D, labels))(logits);
  const reference = tf.valueAndGrad((x: tf.Tensor) => tf.losses.softmaxCrossEntropy(labels, x as tf.Tensor2D) as tf.Scalar)(logits);
  assert.ok(Math.abs(ours.value.dataSync()[0]! - reference.value.dataSync()[0]!) < 1e-6);
  assert.ok(maxDiff(ours.grad.dataSync(), reference.grad.dataSync()) < 1e-6);
});
