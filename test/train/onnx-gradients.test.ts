/**
 * The ONNX engine's hand-written backward pass against tfjs autodiff on the same weights and
 * batch, per parameter tensor, for BERT-, RoBERTa- and DistilBERT-shaped tiny models (without
 * dropout, and with the same dropout masks fed to both); and against central finite differences
 * of its own loss, with the whole graph built in float64.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { initWeights, parameterSpecs, presetConfig, type Architecture, type MaskedLmConfig, type ModelWeights } from '../../src/lm/index.js';
import { SeededRandom } from '../../src/random.js';
import { initTfBackend } from '../../src/train/backend.js';
import { registerWasmTrainingKernels } from '../../src/train/kernels.js';
import { mlmLoss } from '../../src/train/loss.js';
import { createTfMaskedLm, disposeTfMaskedLm, weightsFromTfMaskedLm } from '../../src/train/model.js';
import { toTensors } from '../../src/train/onnx-engine.js';
import { trainingFeeds, type MaskedMicroBatch } from '../../src/train/onnx-feeds.js';
import { flatLayout, packWeights, unpackWeights } from '../../src/train/onnx-layout.js';
import { buildTrainingGraph } from '../../src/train/onnx-step-graph.js';

const ARCHS: Architecture[] = ['bert', 'roberta', 'distilbert'];

function tinyConfig(arch: Architecture, dropout = 0): MaskedLmConfig {
  const base = presetConfig(arch, 'tiny', { vocabSize: 300, padTokenId: arch === 'roberta' ? 1 : 0, bosTokenId: arch === 'roberta' ? 0 : null, eosTokenId: arch === 'roberta' ? 2 : null });
  return { ...base, hiddenSize: 32, numHeads: 4, intermediateSize: 64, numLayers: 2, maxPositions: 40, hiddenDropout: dropout, attentionDropout: dropout };
}

/** Three rows of lengths 9, 6 and 4 (padded to 9), seven masked positions, one of them a repeated id. */
function tinyBatch(config: MaskedLmConfig): MaskedMicroBatch {
  const random = new SeededRandom(5);
  const rows = 3;
  const seqLen = 9;
  const lengths = [9, 6, 4];
  const inputIds = new Int32Array(rows * seqLen);
  const attentionMask = new Int32Array(rows * seqLen);
  for (let b = 0; b < rows; b += 1) {
    for (let s = 0; s < seqLen; s += 1) {
      const real = s < lengths[b]!;
      inputIds[b * seqLen + s] = real ? 3 + random.int(config.vocabSize - 3) : config.padTokenId;
      attentionMask[b * seqLen + s] = real ? 1 : 0;
    }
  }
  inputIds[12] = inputIds[1]!; // a token id twice in the batch: its embedding gradient adds up
  const positions = Int32Array.from([1, 3, 5, 10, 12, 19, 20]);
  return { inputIds, attentionMask, batch: rows, seqLen, positions, labels: Int32Array.from([7, 8, 9, 10, 11, 12, 7]) };
}

/** tfjs gradients (PyTorch layout) of the mean masked-LM loss; `masks` replace dropout in order. */
function tfjsGradients(config: MaskedLmConfig, weights: ModelWeights, batch: MaskedMicroBatch, masks: Float32Array[] | null): { loss: number; grads: ModelWeights } {
  const model = createTfMaskedLm(config, weights);
  let call = 0;
  const dropout = (x: tf.Tensor) => tf.mul(x, tf.tensor(masks![call++]!, x.shape));
  const { value, grads } = tf.variableGrads(() => mlmLoss(model, batch, masks ? { training: true, dropout } : {}) as tf.Scalar, [...model.params.values()]);
  const loss = value.dataSync()[0]!;
  const values = new Map([...model.params.keys()].map((name) => [name, grads[name]!]));
  disposeTfMaskedLm(model);
  // tfjs keeps linear weights as [in, out]: read the gradients back through a model in that layout
  const holder = createTfMaskedLm(config, weights);
  for (const [name, variable] of holder.params) variable.assign(values.get(name)!);
  const out = weightsFromTfMaskedLm(holder);
  disposeTfMaskedLm(holder);
  tf.dispose([value, ...values.values()]);
  assert.equal(call, masks ? masks.length : 0, 'every dropout mask was used');
  return { loss, grads: out };
}

async function onnxGradients(config: MaskedLmConfig, weights: ModelWeights, batch: MaskedMicroBatch, float64 = false): Promise<{ loss: number; grads: ModelWeights; masks: Float32Array[]; lossAt: (params: Float64Array) => Promise<number>; flat: Float64Array }> {
  const layout = flatLayout(config);
  const session = await ort.InferenceSession.create(buildTrainingGraph(config, layout, { output: 'gradients', floatType: float64 ? 'float64' : 'float32' }), { intraOpNumThreads: 1 });
  const arrays = trainingFeeds(config, [batch], [new SeededRandom(9)], { stack: false, lossScale: 1, float64 });
  // the graph keeps 1 / (1 - rate) of what the uint8 mask keeps: the same factors for tfjs
  const masks = Object.keys(arrays).filter((k) => k.startsWith('dropout_')).map((k) => Float32Array.from(arrays[k]!.data as Uint8Array, (keep) => keep / (1 - config.hiddenDropout)));
  const feeds = toTensors(arrays);
  const packed = packWeights(layout, weights);
  const paramsTensor = (p: Float32Array | Float64Array) => (p instanceof Float64Array ? new ort.Tensor('float64', p, [layout.size]) : new ort.Tensor('float32', p, [layout.size]));
  const params = float64 ? Float64Array.from(packed) : packed;
  const out = await session.run({ ...feeds, params: paramsTensor(params) });
  const gradient = out.gradient!.data as Float32Array | Float64Array;
  return {
    loss: Number(out.loss!.data[0]),
    grads: unpackWeights(layout, Float32Array.from(gradient)),
    masks,
    flat: Float64Array.from(gradient),
    lossAt: async (p: Float64Array) => Number((await session.run({ ...feeds, params: paramsTensor(p) })).loss!.data[0]),
  };
}

function relativeError(a: Float32Array, b: Float32Array): { relative: number; diff: number; norm: number } {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i += 1) {
    num += (a[i]! - b[i]!) ** 2;
    den += b[i]! ** 2;
  }
  return { relative: Math.sqrt(num) / Math.sqrt(den), diff: Math.sqrt(num), norm: Math.sqrt(den) };
}

/**
 * Key biases have a zero gradient in exact arithmetic (softmax ignores a constant added to a row
 * of scores), so both engines give rounding noise there: checked against the gradient's scale.
 */
const isKeyBias = (name: string) => /(\.key|k_lin)\.bias$/.test(name);

for (const dropout of [0, 0.2]) {
  test(`ONNX gradients = tfjs autodiff gradients (||a - b|| / ||b|| <= 1e-4 per tensor), bert, roberta, distilbert, dropout ${dropout}`, async (t) => {
    await initTfBackend();
    registerWasmTrainingKernels();
    for (const arch of ARCHS) {
      const config = tinyConfig(arch, dropout);
      const weights = initWeights(config, { seed: 3, std: 0.1 });
      const batch = tinyBatch(config);
      const onnx = await onnxGradients(config, weights, batch);
      if (dropout > 0) assert.equal(onnx.masks.length, arch === 'distilbert' ? 5 : 7, `${arch}: embedding + per layer (probs, attention output, feed-forward)`);
      const reference = tfjsGradients(config, weights, batch, dropout > 0 ? onnx.masks : null);
      assert.ok(Math.abs(onnx.loss - reference.loss) <= 1e-5 * reference.loss, `${arch}: loss ${onnx.loss} vs ${reference.loss}`);
      let worst = 0;
      const scale = Math.max(...[...reference.grads.values()].map((t) => relativeError(t.data, new Float32Array(t.data.length)).diff));
      for (const spec of parameterSpecs(config)) {
        const error = relativeError(onnx.grads.get(spec.name)!.data, reference.grads.get(spec.name)!.data);
        if (isKeyBias(spec.name)) {
          assert.ok(error.diff <= 1e-6 * scale && error.norm <= 1e-6 * scale, `${arch} ${spec.name}: ${error.diff} (gradient scale ${scale})`);
        } else {
          assert.ok(error.norm > 0, `${arch} ${spec.name}: the reference gradient is zero`);
          assert.ok(error.relative <= 1e-4, `${arch} ${spec.name}: relative error ${error.relative.toExponential(2)}`);
          worst = Math.max(worst, error.relative);
        }
      }
      t.diagnostic(`${arch}: largest relative error ${worst.toExponential(2)}`);
    }
  });
}

test('ONNX gradients (float64 graph) = central finite differences of its loss on every parameter group', async (t) => {
  for (const arch of ARCHS) {
    const config = tinyConfig(arch);
    const weights = initWeights(config, { seed: 4, std: 0.1 });
    const layout = flatLayout(config);
    const onnx = await onnxGradients(config, weights, tinyBatch(config), true);
    const base = Float64Array.from(packWeights(layout, weights));
    const random = new SeededRandom(1);
    const h = 1e-5;
    let worst = 0;
    for (const block of layout.blocks) {
      // the block's largest gradient coordinate and a random one
      const slice = onnx.flat.subarray(block.offset, block.offset + block.size);
      let largest = 0;
      for (let i = 1; i < slice.length; i += 1) if (Math.abs(slice[i]!) > Math.abs(slice[largest]!)) largest = i;
      for (const i of [largest, random.int(block.size)]) {
        const at = block.offset + i;
        const plus = Float64Array.from(base);
        plus[at]! += h;
        const minus = Float64Array.from(base);
        minus[at]! -= h;
        const numeric = ((await onnx.lossAt(plus)) - (await onnx.lossAt(minus))) / (2 * h);
        const analytic = onnx.flat[at]!;
        // float64 central differences: truncation ~h^2 f''' and rounding ~1e-16 / h, both ~1e-10 here.
        // What remains is the float64 graph's erf approximation (relative error < 1.2e-7, see
        // onnx-blocks.ts): the analytic GELU derivative is that of the exact erf, so coordinates
        // whose gradient passes through a GELU differ by up to a few 1e-9 absolute (measured <= 4e-9)
        const error = Math.abs(numeric - analytic) / Math.max(Math.abs(analytic), 1e-3);
        worst = Math.max(worst, error);
        assert.ok(error <= 1e-5, `${arch} ${block.key}[${i}]: analytic ${analytic}, finite difference ${numeric}`);
      }
    }
    assert.ok(worst > 0, 'the comparison ran');
    t.diagnostic(`${arch}: ${2 * layout.blocks.length} coordinates, largest relative difference ${worst.toExponential(2)}`);
  }
});
