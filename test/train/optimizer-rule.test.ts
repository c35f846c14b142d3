/**
 * AdamW and global-norm clipping, in both engines, against values worked out by hand from the
 * published rules (Loshchilov & Hutter 2019, as torch.optim.AdamW; torch.nn.utils.clip_grad_norm_).
 *
 * Three parameters: a weight w = [0.5, -1.0] (decayed) and a bias b = [0.25] (not decayed);
 * lr 0.1, beta1 0.9, beta2 0.999, eps 1e-8, weight decay 0.01, max norm 1.
 *
 * Step 1, g = [3, -4, 0]: ||g|| = 5 > 1, so g <- g / (5 + 1e-6) = [0.59999988, -0.79999984, 0];
 *   m = 0.1 g, v = 0.001 g^2; bc1 = 0.1, bc2 = 0.001; m/bc1 = g, sqrt(v/bc2) = |g|, so the step
 *   is lr * g / (|g| + eps) ~ lr * sign(g); w = w (1 - 0.1 * 0.01) - 0.1 * 0.9999999833 * sign(g)
 *   = [0.3995000017, -0.8990000013]; b unchanged (zero gradient, no decay) = 0.25.
 * Step 2, g = [0.1, 0.2, 0.5]: ||g|| = 0.5477 < 1, no clipping; m = 0.9 m + 0.1 g =
 *   [0.0639999892, -0.0519999856, 0.05]; v = 0.999 v + 0.001 g^2 = [3.6963986e-4, 6.7935974e-4, 2.5e-4];
 *   bc1 = 0.19, bc2 = 0.001999; w = w * 0.999 - 0.1 (m / bc1) / (sqrt(v / bc2) + eps) =
 *   [0.3207677666, -0.8511541891]; b = 0.25 - 0.1 * 0.7441368 = 0.1755863197.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { encodeModel, GraphBuilder, ONNX_TYPES, valueInfo } from '../../src/lm/onnx-graph.js';
import { initTfBackend } from '../../src/train/backend.js';
import { adamWNodes } from '../../src/train/onnx-adamw.js';
import { AdamW, clipByGlobalNorm, decaysParameter } from '../../src/train/optimizer.js';

const HYPER = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01, maxGradNorm: 1 };
const LR = 0.1;
const GRADS = [[3, -4, 0], [0.1, 0.2, 0.5]];
const EXPECTED = [
  { norm: 5, params: [0.399500001666667, -0.8990000012500002, 0.25], m: [0.05999998800000239, -0.07999998400000319, 0], v: [0.0003599998560000436, 0.0006399997440000773, 0] },
  { norm: 0.5477225575051661, params: [0.32076776663657813, -0.8511541890974, 0.17558631974751227], m: [0.06399998920000215, -0.05199998560000287, 0.05], v: [0.0003696398561440436, 0.0006793597442560772, 0.00025] },
];

function assertClose(actual: ArrayLike<number>, expected: number[], what: string): void {
  for (let i = 0; i < expected.length; i += 1) {
    const tolerance = 2e-7 + 2e-6 * Math.abs(expected[i]!); // float32 arithmetic
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= tolerance, `${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

test('the decay rule: weights decay, biases and LayerNorm weights do not (as Hugging Face)', () => {
  assert.equal(decaysParameter('roberta.encoder.layer.0.attention.self.query.weight'), true);
  assert.equal(decaysParameter('roberta.embeddings.word_embeddings.weight'), true);
  assert.equal(decaysParameter('roberta.encoder.layer.0.attention.self.query.bias'), false);
  assert.equal(decaysParameter('roberta.embeddings.LayerNorm.weight'), false);
  assert.equal(decaysParameter('distilbert.transformer.layer.0.sa_layer_norm.weight'), false);
  assert.equal(decaysParameter('lm_head.bias'), false);
});

test('tfjs AdamW + clipByGlobalNorm follow the rule worked out by hand', async () => {
  await initTfBackend();
  const params = new Map([['w', tf.variable(tf.tensor1d([0.5, -1]))], ['b.bias', tf.variable(tf.tensor1d([0.25]))]]);
  const optimizer = new AdamW(params, { ...HYPER, decays: decaysParameter });
  try {
    for (const [step, g] of GRADS.entries()) {
      const grads = new Map<string, tf.Tensor>([['w', tf.tensor1d(g.slice(0, 2))], ['b.bias', tf.tensor1d(g.slice(2))]]);
      const norm = clipByGlobalNorm(grads, HYPER.maxGradNorm);
      assertClose([norm], [EXPECTED[step]!.norm], `step ${step + 1} norm`);
      optimizer.apply(grads, LR);
      for (const grad of grads.values()) grad.dispose();
      const values = [...params.get('w')!.dataSync(), ...params.get('b.bias')!.dataSync()];
      assertClose(values, EXPECTED[step]!.params, `step ${step + 1} params`);
      const state = optimizer.state();
      assertClose([...state.moments.get('m.w')!, ...state.moments.get('m.b.bias')!], EXPECTED[step]!.m, `step ${step + 1} m`);
      assertClose([...state.moments.get('v.w')!, ...state.moments.get('v.b.bias')!], EXPECTED[step]!.v, `step ${step + 1} v`);
    }
  } finally {
    optimizer.dispose();
    for (const variable of params.values()) variable.dispose();
  }
});

test('the ONNX engine\'s clipping and AdamW nodes follow the same rule', async () => {
  const g = new GraphBuilder();
  adamWNodes(g, [{ size: 2, decays: true }, { size: 1, decays: false }], 'gradient', HYPER);
  const float = ONNX_TYPES.float32;
  const bytes = encodeModel(g, {
    name: 'adamw', opset: 17,
    inputs: [...['params', 'gradient', 'adam_m', 'adam_v'].map((n) => valueInfo(n, float, [3])), ...['learning_rate', 'bias_correction1', 'bias_correction2'].map((n) => valueInfo(n, float, []))],
    outputs: [...['params_out', 'adam_m_out', 'adam_v_out'].map((n) => valueInfo(n, float, [3])), valueInfo('grad_norm', float, [])],
  });
  const session = await ort.InferenceSession.create(bytes);
  let params: Float32Array = new Float32Array([0.5, -1, 0.25]);
  let m: Float32Array = new Float32Array(3);
  let v: Float32Array = new Float32Array(3);
  try {
    for (const [step, g] of GRADS.entries()) {
      const t = step + 1;
      const scalar = (x: number) => new ort.Tensor('float32', new Float32Array([x]), []);
      const vector = (x: Float32Array) => new ort.Tensor('float32', x, [3]);
      const out = await session.run({
        params: vector(params), gradient: vector(Float32Array.from(g)), adam_m: vector(m), adam_v: vector(v),
        learning_rate: scalar(LR), bias_correction1: scalar(1 - HYPER.beta1 ** t), bias_correction2: scalar(1 - HYPER.beta2 ** t),
      });
      params = out.params_out!.data as Float32Array;
      m = out.adam_m_out!.data as Float32Array;
      v = out.adam_v_out!.data as Float32Array;
      assertClose(out.grad_norm!.data as Float32Array, [EXPECTED[step]!.norm], `step ${t} norm`);
      assertClose(params, EXPECTED[step]!.params, `step ${t} params`);
      assertClose(m, EXPECTED[step]!.m, `step ${t} m`);
      assertClose(v, EXPECTED[step]!.v, `step ${t} v`);
    }
  } finally {
    await session.release();
  }
});
