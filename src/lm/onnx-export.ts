/**
 * @file ONNX export of the three masked LMs, written with onnx-proto straight from the weights
 * and the config (opset 17, which has LayerNormalization; GELU as its erf form).
 *
 * Graph (shapes: B batch, S sequence, N = B*S, H hidden, V vocabulary):
 *   inputs  input_ids [B,S] int64, attention_mask [B,S] int64, token_type_ids [B,S] int64 (BERT only)
 *   embeddings: word + position (+ token type) -> LayerNorm -> x [N,H]
 *   each layer (post-LN): x = LN(x + attention(x)); x = LN(x + W2 gelu(W1 x))
 *   MLM head: LN(gelu(dense(x))) @ word_embeddings^T + bias -> logits [B,S,V]
 * Linear layers are Gemm with transB=1 over the PyTorch [out, in] weights, so no weight is
 * copied or transposed, and the decoder reuses the word-embedding initializer (tied).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { headSize, type MaskedLmConfig } from './config.js';
import { writeFileAtomic } from '../files.js';
import { encodeModel, floatAttr, GraphBuilder, intAttr, intsAttr, ONNX_TYPES, valueInfo } from './onnx-graph.js';
import { modelNames, type LinearNames, type NormNames } from './weight-names.js';
import type { ModelWeights } from './weights.js';

/** The opset the export targets. */
export const ONNX_OPSET = 17;
const FLOAT_MIN = -3.4028234663852886e38; // torch.finfo(float32).min, HF's additive mask value

/** The input names of an architecture's ONNX graph, in order. */
export function onnxInputNames(config: MaskedLmConfig): string[] {
  return config.arch === 'bert' ? ['input_ids', 'attention_mask', 'token_type_ids'] : ['input_ids', 'attention_mask'];
}

export interface BuildOnnxOptions {
  docString?: string;
  /**
   * `logits` (default): the standard graph, logits for every position (what transformers.js
   * loads). `mask-logits`: a probing graph with an extra input `mask_positions` [B] (int64, the
   * mask's index in each row) and the output `mask_logits` [B, V]: the MLM head runs on the mask
   * rows only, which saves its cost (H x V per token) for every other position.
   */
  output?: 'logits' | 'mask-logits';
}

/** Builds the ONNX model bytes. `weights` must hold every parameter of the config. */
export function buildOnnxModel(config: MaskedLmConfig, weights: ModelWeights, options: BuildOnnxOptions = {}): Uint8Array {
  const maskRowsOnly = options.output === 'mask-logits';
  const g = new GraphBuilder();
  const names = modelNames(config);
  const h = config.hiddenSize;
  const heads = config.numHeads;
  const d = headSize(config);
  const weight = (name: string): string => {
    const tensor = weights.get(name);
    if (!tensor) throw new UsageError(`buildOnnxModel: weight "${name}" is missing`);
    return g.floatTensor(name, tensor.shape, tensor.data);
  };
  const gemm = (x: string, linear: LinearNames | { weight: string; bias: string }): string =>
    g.node('Gemm', [x, weight(linear.weight), weight(linear.bias)], [intAttr('transB', 1)], 'Gemm');
  const layerNorm = (x: string, norm: NormNames): string =>
    g.node('LayerNormalization', [x, weight(norm.weight), weight(norm.bias)], [intAttr('axis', -1), floatAttr('epsilon', config.layerNormEps)], 'LayerNorm');
  const gelu = (x: string): string => {
    // 0.5 * x * (1 + erf(x / sqrt 2)), the pattern onnxruntime fuses into one Gelu kernel
    const erf = g.node('Erf', [g.node('Div', [x, g.scalar(Math.SQRT2)])]);
    return g.node('Mul', [g.node('Mul', [x, g.node('Add', [erf, g.scalar(1)])]), g.scalar(0.5)], [], 'Gelu');
  };

  // shapes: [B, S], and [B, S, heads, d] for the attention reshapes
  const shape = g.node('Shape', ['input_ids']);
  const seqLength = g.node('Gather', [shape, g.int64Tensor('const_i_1_scalar', [], [1])], [intAttr('axis', 0)]);
  const headShape = g.node('Concat', [shape, g.int64Tensor('const_heads_shape', [2], [heads, d])], [intAttr('axis', 0)]);
  const flatShape = g.int64Tensor('const_flat_shape', [2], [-1, h]);

  // embeddings [B,S,H]
  let embeddings = g.node('Gather', [weight(names.wordEmbeddings), 'input_ids'], [intAttr('axis', 0)], 'word_embeddings');
  let positions: string;
  if (config.arch === 'roberta') {
    // HF create_position_ids_from_input_ids: cumsum(mask) * mask + padding_idx, mask = input_ids != pad
    const pad = g.int64Tensor('const_pad_id', [], [config.padTokenId]);
    const notPad = g.node('Cast', [g.node('Not', [g.node('Equal', ['input_ids', pad])])], [intAttr('to', ONNX_TYPES.int64)]);
    const cumulative = g.node('CumSum', [notPad, g.int64Tensor('const_i_1_axis', [], [1])]);
    positions = g.node('Add', [g.node('Mul', [cumulative, notPad]), pad], [], 'position_ids');
  } else {
    positions = g.node('Range', [g.int64Tensor('const_i_0', [], [0]), seqLength, g.int64Tensor('const_i_1_step', [], [1])], [], 'position_ids');
  }
  embeddings = g.node('Add', [embeddings, g.node('Gather', [weight(names.positionEmbeddings), positions], [intAttr('axis', 0)])]);
  if (config.arch === 'bert') {
    embeddings = g.node('Add', [embeddings, g.node('Gather', [weight(names.tokenTypeEmbeddings!), 'token_type_ids'], [intAttr('axis', 0)])]);
  } else if (config.arch === 'roberta') {
    // RoBERTa's graph has no token_type_ids input: HF uses zeros, i.e. row 0 of the table
    const table = weights.get(names.tokenTypeEmbeddings!)!;
    embeddings = g.node('Add', [embeddings, g.floatTensor('token_type_row_0', [h], table.data.subarray(0, h))]);
  }
  let x = g.node('Reshape', [layerNorm(embeddings, names.embeddingNorm), flatShape], [], 'hidden'); // [N,H]

  // additive attention mask [B,1,1,S]: 0 where attended, float min where masked
  const maskFloat = g.node('Cast', ['attention_mask'], [intAttr('to', ONNX_TYPES.float32)]);
  const maskAdd = g.node('Unsqueeze', [
    g.node('Mul', [g.node('Sub', [g.scalar(1), maskFloat]), g.scalar(FLOAT_MIN)]),
    g.int64Tensor('const_unsqueeze_axes', [2], [1, 2]),
  ], [], 'extended_mask');
  const scale = g.scalar(Math.sqrt(d));

  for (const layer of names.layers) {
    const split = (linear: LinearNames, perm: number[]): string =>
      g.node('Transpose', [g.node('Reshape', [gemm(x, linear), headShape])], [intsAttr('perm', perm)]);
    const q = split(layer.query, [0, 2, 1, 3]); // [B,heads,S,d]
    const k = split(layer.key, [0, 2, 3, 1]); // [B,heads,d,S]
    const v = split(layer.value, [0, 2, 1, 3]);
    const scores = g.node('Add', [g.node('Div', [g.node('MatMul', [q, k]), scale]), maskAdd]);
    const probs = g.node('Softmax', [scores], [intAttr('axis', -1)]);
    const context = g.node('Reshape', [g.node('Transpose', [g.node('MatMul', [probs, v])], [intsAttr('perm', [0, 2, 1, 3])]), flatShape]);
    x = layerNorm(g.node('Add', [gemm(context, layer.attentionOutput), x]), layer.attentionNorm);
    const feedForward = gemm(gelu(gemm(x, layer.intermediate)), layer.output);
    x = layerNorm(g.node('Add', [feedForward, x]), layer.outputNorm);
  }

  if (maskRowsOnly) {
    // rows b*S + mask_positions[b] of x [N,H] -> [B,H]
    const batchSize = g.node('Gather', [shape, g.int64Tensor('const_i_0_scalar', [], [0])], [intAttr('axis', 0)]);
    const rowStarts = g.node('Mul', [g.node('Range', [g.int64Tensor('const_i_0', [], [0]), batchSize, g.int64Tensor('const_i_1_step', [], [1])]), seqLength]);
    x = g.node('Gather', [x, g.node('Add', [rowStarts, 'mask_positions'])], [intAttr('axis', 0)], 'mask_rows');
  }
  const transformed = layerNorm(gelu(gemm(x, names.transform)), names.transformNorm);
  const flatLogits = gemm(transformed, { weight: names.wordEmbeddings, bias: names.decoderBias }); // tied decoder [N,V] (or [B,V])
  if (maskRowsOnly) g.nodes.push({ opType: 'Identity', input: [flatLogits], output: ['mask_logits'], name: 'mask_logits_node' });
  else {
    const logitsShape = g.node('Concat', [shape, g.int64Tensor('const_vocab_shape', [1], [config.vocabSize])], [intAttr('axis', 0)]);
    g.nodes.push({ opType: 'Reshape', input: [flatLogits, logitsShape], output: ['logits'], name: 'logits_node' });
  }

  const int64 = ONNX_TYPES.int64;
  return encodeModel(g, {
    name: `${config.arch}_masked_lm`,
    opset: ONNX_OPSET,
    docString: options.docString ?? `${config.arch} masked LM exported by lmkg`,
    inputs: [
      ...onnxInputNames(config).map((name) => valueInfo(name, int64, ['batch_size', 'sequence_length'])),
      ...(maskRowsOnly ? [valueInfo('mask_positions', int64, ['batch_size'])] : []),
    ],
    outputs: [maskRowsOnly
      ? valueInfo('mask_logits', ONNX_TYPES.float32, ['batch_size', config.vocabSize])
      : valueInfo('logits', ONNX_TYPES.float32, ['batch_size', 'sequence_length', config.vocabSize])],
  });
}

/** Writes `<file>` (normally `<model dir>/onnx/model.onnx`) atomically. */
export function exportOnnx(config: MaskedLmConfig, weights: ModelWeights, file: string, options: BuildOnnxOptions = {}): void {
  const bytes = buildOnnxModel(config, weights, options);
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, bytes);
}
