/**
 * @file The tfjs definition of the BERT, RoBERTa and DistilBERT masked LMs, with Hugging Face
 * semantics (post-LayerNorm encoder, erf GELU, RoBERTa's padding-offset positions, tied decoder
 * with its own bias). It only defines the network: the training loop and the runners live
 * elsewhere. Parameters are tf.Variables named by their HF names; linear weights are kept as
 * [in, out] (the transpose of PyTorch's layout) so every dense layer is a plain 2-D matmul,
 * the case the wasm backend runs through XNNPACK.
 *
 * Shapes: B batch, S sequence, N = B*S, H hidden, V vocabulary, nh heads, d = H / nh.
 */
import * as tf from '@tensorflow/tfjs';
import { headSize, modelNames, parameterSpecs, type LinearNames, type MaskedLmConfig, type ModelWeights, type NormNames } from '../lm/index.js';

/** A tfjs masked LM: its config and its parameters by HF name. */
export interface TfMaskedLm {
  config: MaskedLmConfig;
  params: Map<string, tf.Variable>;
}

export interface TfMaskedLmInputs {
  /** [B, S] int32 token ids. */
  inputIds: tf.Tensor2D;
  /** [B, S] 1 for real tokens, 0 for padding. */
  attentionMask: tf.Tensor2D;
  /** [B, S] int32 (BERT only; zeros when absent). */
  tokenTypeIds?: tf.Tensor2D;
}

export interface TfForwardOptions {
  /** Apply dropout (HF's places and rates from the config). Default false. */
  training?: boolean;
  /**
   * Dropout function used when training: returns x with a share `rate` of entries zeroed and
   * the rest scaled by 1/(1-rate). The trainer passes a seeded one; default tf.dropout.
   */
  dropout?: (x: tf.Tensor, rate: number) => tf.Tensor;
}

/**
 * A 2-D matmul whose gradient also uses plain 2-D matmuls with explicit transposes (tfjs'
 * default gradient uses transposed matmuls, which the wasm backend runs without XNNPACK).
 */
export const matMul2d: (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D = tf.customGrad(
  ((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
    save([a, b]);
    return {
      value: tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sa, sb] = saved as [tf.Tensor2D, tf.Tensor2D];
        return [tf.matMul(dy as tf.Tensor2D, tf.transpose(sb)), tf.matMul(tf.transpose(sa), dy as tf.Tensor2D)];
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0],
) as unknown as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

/** Whether a parameter is a linear weight (stored transposed in tfjs). */
function linearWeightNames(config: MaskedLmConfig): Set<string> {
  return new Set(parameterSpecs(config).filter((s) => s.kind === 'linear-weight').map((s) => s.name));
}

function transpose2d(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r += 1) for (let c = 0; c < cols; c += 1) out[c * rows + r] = data[r * cols + c]!;
  return out;
}

/** tf.Variables from HF weights (linear weights transposed to [in, out]). */
export function createTfMaskedLm(config: MaskedLmConfig, weights: ModelWeights, options: { trainable?: boolean } = {}): TfMaskedLm {
  const linear = linearWeightNames(config);
  const params = new Map<string, tf.Variable>();
  for (const spec of parameterSpecs(config)) {
    const tensor = weights.get(spec.name);
    if (!tensor) throw new Error(`createTfMaskedLm: weight "${spec.name}" is missing`);
    const [rows, cols] = spec.shape as [number, number];
    const values = linear.has(spec.name)
      ? tf.tensor2d(transpose2d(tensor.data, rows, cols), [cols, rows])
      : tf.tensor(tensor.data, spec.shape);
    params.set(spec.name, tf.variable(values, options.trainable ?? true, spec.name));
    values.dispose();
  }
  return { config, params };
}

/** HF weights (PyTorch layout) from a tfjs model's current parameters. */
export function weightsFromTfMaskedLm(model: TfMaskedLm): ModelWeights {
  const linear = linearWeightNames(model.config);
  const weights: ModelWeights = new Map();
  for (const spec of parameterSpecs(model.config)) {
    const data = model.params.get(spec.name)!.dataSync() as Float32Array;
    const [rows, cols] = spec.shape as [number, number];
    weights.set(spec.name, { shape: spec.shape, data: linear.has(spec.name) ? transpose2d(data, cols, rows) : Float32Array.from(data) });
  }
  return weights;
}

export function disposeTfMaskedLm(model: TfMaskedLm): void {
  for (const variable of model.params.values()) variable.dispose();
  model.params.clear();
}

/** Logits [B, S, V] for a batch. Call inside tf.tidy (or dispose the result). */
export function maskedLmLogits(model: TfMaskedLm, inputs: TfMaskedLmInputs, options: TfForwardOptions = {}): tf.Tensor3D {
  const [batch, sequence] = inputs.inputIds.shape;
  const hidden = maskedLmHidden(model, inputs, options);
  return maskedLmHead(model, hidden).reshape([batch, sequence, model.config.vocabSize]);
}

/** Encoder output [N, H] (N = B*S, row-major over batch then position). */
export function maskedLmHidden(model: TfMaskedLm, inputs: TfMaskedLmInputs, options: TfForwardOptions = {}): tf.Tensor2D {
  const { config, params } = model;
  const names = modelNames(config);
  const p = (name: string): tf.Variable => params.get(name)!;
  const [batch, sequence] = inputs.inputIds.shape;
  const h = config.hiddenSize;
  const heads = config.numHeads;
  const d = headSize(config);
  const training = options.training === true;
  const dropoutFn = options.dropout ?? ((x: tf.Tensor, rate: number) => tf.dropout(x, rate));
  const dropout = <T extends tf.Tensor>(x: T, rate: number): T => (training && rate > 0 ? (dropoutFn(x, rate) as T) : x);
  const dense = (x: tf.Tensor2D, linear: LinearNames): tf.Tensor2D => tf.add(matMul2d(x, p(linear.weight) as tf.Tensor2D), p(linear.bias));
  const norm = (x: tf.Tensor2D, n: NormNames): tf.Tensor2D => layerNorm(x, p(n.weight), p(n.bias), config.layerNormEps);

  // embeddings
  const ids = inputs.inputIds.toInt();
  let embeddings = tf.gather(p(names.wordEmbeddings), ids) as tf.Tensor3D; // [B,S,H]
  if (config.arch === 'roberta') {
    const notPad = tf.notEqual(ids, config.padTokenId).toInt();
    const positions = tf.add(tf.mul(tf.cumsum(notPad, 1), notPad), tf.scalar(config.padTokenId, 'int32'));
    embeddings = tf.add(embeddings, tf.gather(p(names.positionEmbeddings), positions));
  } else {
    embeddings = tf.add(embeddings, tf.gather(p(names.positionEmbeddings), tf.range(0, sequence, 1, 'int32')));
  }
  if (config.arch === 'bert') {
    const types = inputs.tokenTypeIds ? inputs.tokenTypeIds.toInt() : tf.zerosLike(ids);
    embeddings = tf.add(embeddings, tf.gather(p(names.tokenTypeEmbeddings!), types));
  } else if (config.arch === 'roberta') {
    embeddings = tf.add(embeddings, tf.slice(p(names.tokenTypeEmbeddings!), [0, 0], [1, h]).reshape([h]));
  }
  let x = dropout(norm(embeddings.reshape([batch * sequence, h]), names.embeddingNorm), config.hiddenDropout);

  // additive mask [B,1,1,S]: 0 where attended, float32 min where padded (as HF)
  const maskAdd = tf.mul(tf.sub(1, inputs.attentionMask.toFloat()), -3.4028234663852886e38).reshape([batch, 1, 1, sequence]);
  const scale = Math.sqrt(d);
  const toHeads = (t: tf.Tensor2D): tf.Tensor4D => t.reshape([batch, sequence, heads, d]).transpose([0, 2, 1, 3]);

  for (const layer of names.layers) {
    const q = toHeads(dense(x, layer.query));
    const k = toHeads(dense(x, layer.key));
    const v = toHeads(dense(x, layer.value));
    const scores = tf.add(tf.div(tf.matMul(q, k, false, true), scale), maskAdd); // [B,nh,S,S]
    const probs = dropout(tf.softmax(scores, -1), config.attentionDropout);
    const context = tf.matMul(probs, v).transpose([0, 2, 1, 3]).reshape([batch * sequence, h]) as tf.Tensor2D;
    let attention = dense(context, layer.attentionOutput);
    // DistilBERT has no dropout after the attention projection; BERT and RoBERTa do
    if (config.arch !== 'distilbert') attention = dropout(attention, config.hiddenDropout);
    x = norm(tf.add(attention, x), layer.attentionNorm);
    const feedForward = dropout(dense(gelu(dense(x, layer.intermediate)), layer.output), config.hiddenDropout);
    x = norm(tf.add(feedForward, x), layer.outputNorm);
  }
  return x;
}

/** MLM head on hidden states [N, H]: dense + GELU + LayerNorm, tied decoder + bias -> logits [N, V]. */
export function maskedLmHead(model: TfMaskedLm, hidden: tf.Tensor2D): tf.Tensor2D {
  const { config, params } = model;
  const names = modelNames(config);
  const p = (name: string): tf.Variable => params.get(name)!;
  const transformed = layerNorm(
    gelu(tf.add(matMul2d(hidden, p(names.transform.weight) as tf.Tensor2D), p(names.transform.bias))),
    p(names.transformNorm.weight), p(names.transformNorm.bias), config.layerNormEps,
  );
  const decoder = tf.transpose(p(names.wordEmbeddings) as tf.Tensor2D); // [H,V], tied
  return tf.add(matMul2d(transformed, decoder), p(names.decoderBias));
}

/** erf GELU: 0.5 x (1 + erf(x / sqrt 2)). */
export function gelu<T extends tf.Tensor>(x: T): T {
  return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2)))) as T;
}

/** LayerNorm over the last axis with biased variance, as torch.nn.LayerNorm. */
export function layerNorm(x: tf.Tensor2D, weight: tf.Tensor, bias: tf.Tensor, eps: number): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), weight), bias);
}
