/**
 * @file The masked-LM loss and its gradient with respect to every parameter block, as ONNX
 * nodes: embeddings -> post-LN encoder layers -> MLM head on the masked rows -> cross-entropy,
 * then the same path backwards. Used by the training-step graph (onnx-step-graph.ts) directly, or
 * inside a Loop body when several micro-batches accumulate.
 *
 * Shapes: B batch, S sequence, N = B*S, H hidden, M masked rows, V vocabulary, T token types.
 */
import { floatTensorAttr, intAttr, stringAttr, type GraphBuilder } from '../lm/onnx-graph.js';
import { headSize, modelNames, type MaskedLmConfig } from '../lm/index.js';
import {
  applyMask, attention, dropoutFactors, attentionGrad, gelu, geluGrad, layerNorm, layerNormGrad, linear, linearGrad, maskedCrossEntropy,
  type AttentionSaved, type AttentionShapes, type LayerNormSaved,
} from './onnx-blocks.js';
import type { FlatLayout } from './onnx-layout.js';

/** The names of one micro-batch's tensors in the graph being built. */
export interface BatchTensors {
  /** [B, S] int64 (masked input ids) */
  ids: string;
  /** [B, S] int64 (RoBERTa's padding-offset positions, else 0..S-1) */
  positionIds: string;
  /** [B, 1, 1, S] float: 0 for tokens, the float minimum for padding */
  attentionBias: string;
  /** [M] int64: flat row (b * S + s) of each masked token */
  maskRows: string;
  /** [M] int64 */
  labels: string;
  /** [M] float: each row's share of the loss (1 / M, or 0 for padding rows) */
  lossWeights: string;
  /** Dropout masks (uint8: 1 keep, 0 drop) in the order of `dropoutSites`, or null without dropout. */
  dropout: string[] | null;
}

/** Where dropout applies, in the order the masks are fed (the order tfjs' forward meets them). */
export interface DropoutSite {
  kind: 'hidden' | 'probs';
  rate: number;
}

export function dropoutSites(config: MaskedLmConfig): DropoutSite[] {
  const sites: DropoutSite[] = [{ kind: 'hidden', rate: config.hiddenDropout }];
  for (let layer = 0; layer < config.numLayers; layer += 1) {
    sites.push({ kind: 'probs', rate: config.attentionDropout });
    if (config.arch !== 'distilbert') sites.push({ kind: 'hidden', rate: config.hiddenDropout }); // DistilBERT has none after attention
    sites.push({ kind: 'hidden', rate: config.hiddenDropout });
  }
  return sites;
}

export function usesDropout(config: MaskedLmConfig): boolean {
  return config.hiddenDropout > 0 || config.attentionDropout > 0;
}

/**
 * Loss and gradients for one micro-batch. `params` maps each block key of `layout` to its tensor
 * (in block shape). Returns the scalar loss and the gradient of every block (block shape).
 */
export function lossAndGradients(g: GraphBuilder, config: MaskedLmConfig, layout: FlatLayout, params: Map<string, string>, batch: BatchTensors): { loss: string; grads: Map<string, string> } {
  const names = modelNames(config);
  const h = config.hiddenSize;
  const p = (name: string): string => params.get(layout.blockOf.get(name) ?? name)!;
  const eps = config.layerNormEps;
  const sites = dropoutSites(config);
  const masks = batch.dropout ? batch.dropout.map((mask, i) => dropoutFactors(g, mask, sites[i]!.rate)) : null;
  const nextMask = (): string | null => (masks ? masks.shift()! : null);

  // shapes from the batch: [-1, S, 3, nh, d], [1, -1, S, nh, d], [-1, H], [-1, 3H]
  const seqLen = g.node('Slice', [g.node('Shape', [batch.ids]), g.ints([1]), g.ints([2])], [], 'seq_len'); // [1]
  const d = headSize(config);
  const sh: AttentionShapes = {
    qkvHeads: g.node('Concat', [g.ints([-1]), seqLen, g.ints([3, config.numHeads, d])], [intAttr('axis', 0)]),
    contextHeads: g.node('Concat', [g.ints([1, -1]), seqLen, g.ints([config.numHeads, d])], [intAttr('axis', 0)]),
    flat: g.ints([-1, h]),
    flatQkv: g.ints([-1, 3 * h]),
    scale: 1 / Math.sqrt(d),
  };
  const column = (ids: string): string => g.node('Reshape', [ids, g.ints([-1, 1])]); // [R] or [B, S] -> [R, 1]

  // ---- forward: embeddings [N, H]
  let embeddings = g.node('Add', [
    g.node('Gather', [p(names.wordEmbeddings), batch.ids], [intAttr('axis', 0)], 'word_embeddings'),
    g.node('Gather', [p(names.positionEmbeddings), batch.positionIds], [intAttr('axis', 0)], 'position_embeddings'),
  ]); // [B, S, H]
  if (names.tokenTypeEmbeddings) {
    // BERT trains with token type 0 everywhere and RoBERTa has one type: row 0 of the table
    embeddings = g.node('Add', [embeddings, g.node('Slice', [p(names.tokenTypeEmbeddings), g.ints([0]), g.ints([1])])]);
  }
  const embNorm = layerNorm(g, g.node('Reshape', [embeddings, sh.flat]), p(names.embeddingNorm.weight), p(names.embeddingNorm.bias), eps);
  const embMask = nextMask();
  let x = applyMask(g, embNorm.y, embMask);

  interface LayerSaved { input: string; attention: AttentionSaved; context: string; attentionMask: string | null; attnNorm: LayerNormSaved; ffnIn: string; ffnPre: string; ffnAct: string; outputMask: string | null; outNorm: LayerNormSaved }
  const saved: LayerSaved[] = [];
  for (const [i, layer] of names.layers.entries()) {
    const input = x;
    const qkv = linear(g, input, params.get(`layer.${i}.qkv.weight`)!, params.get(`layer.${i}.qkv.bias`)!);
    const att = attention(g, qkv, batch.attentionBias, nextMask(), sh);
    const attentionMask = config.arch === 'distilbert' ? null : nextMask();
    const projected = applyMask(g, linear(g, att.context, p(layer.attentionOutput.weight), p(layer.attentionOutput.bias)), attentionMask);
    const attnNorm = layerNorm(g, g.node('Add', [projected, input]), p(layer.attentionNorm.weight), p(layer.attentionNorm.bias), eps);
    const ffnPre = linear(g, attnNorm.y, p(layer.intermediate.weight), p(layer.intermediate.bias)); // [N, I]
    const ffnAct = gelu(g, ffnPre);
    const outputMask = nextMask();
    const ffnOut = applyMask(g, linear(g, ffnAct, p(layer.output.weight), p(layer.output.bias)), outputMask);
    const outNorm = layerNorm(g, g.node('Add', [ffnOut, attnNorm.y]), p(layer.outputNorm.weight), p(layer.outputNorm.bias), eps);
    saved.push({ input, attention: att.saved, context: att.context, attentionMask, attnNorm: attnNorm.saved, ffnIn: attnNorm.y, ffnPre, ffnAct, outputMask, outNorm: outNorm.saved });
    x = outNorm.y;
  }

  // ---- MLM head on the masked rows [M, H] and the loss
  const picked = g.node('Gather', [x, batch.maskRows], [intAttr('axis', 0)], 'masked_rows');
  const headPre = linear(g, picked, p(names.transform.weight), p(names.transform.bias));
  const headAct = gelu(g, headPre);
  const headNorm = layerNorm(g, headAct, p(names.transformNorm.weight), p(names.transformNorm.bias), eps);
  const logits = linear(g, headNorm.y, p(names.wordEmbeddings), p(names.decoderBias)); // tied decoder [M, V]
  const labels = column(batch.labels);
  const minusOnes = g.node('ConstantOfShape', [g.node('Shape', [labels])], [floatTensorAttr('value', -1, g.floatType)]);
  const weights = column(batch.lossWeights); // [M, 1]
  const { loss, dLogitsUnweighted } = maskedCrossEntropy(g, logits, labels, weights, minusOnes);

  // ---- backward
  const grads = new Map<string, string>();
  const put = (name: string, grad: string): void => {
    grads.set(layout.blockOf.get(name) ?? name, grad);
  };
  // the tied decoder, with the loss weights w applied on the [M, H] side: d logits = w (softmax - onehot)
  const dDecoderBias = g.node('Reshape', [g.node('MatMul', [g.node('Reshape', [weights, g.ints([1, -1])]), dLogitsUnweighted]), g.ints([-1])], [], 'd_decoder_bias'); // [V]
  const dDecoder = g.node('Gemm', [dLogitsUnweighted, g.node('Mul', [headNorm.y, weights])], [intAttr('transA', 1)], 'd_decoder'); // [V, H]
  const dHeadOut = g.node('Mul', [g.node('MatMul', [dLogitsUnweighted, p(names.wordEmbeddings)]), weights], [], 'd_head_out'); // [M, H]
  put(names.decoderBias, dDecoderBias);
  const headNormGrad = layerNormGrad(g, dHeadOut, headNorm.saved);
  put(names.transformNorm.weight, headNormGrad.dGamma);
  put(names.transformNorm.bias, headNormGrad.dBeta);
  const headLinear = linearGrad(g, geluGrad(g, headNormGrad.dx, headPre), picked, p(names.transform.weight));
  put(names.transform.weight, headLinear.dWeight);
  put(names.transform.bias, headLinear.dBias);
  // back to every row of the encoder output: zeros except the masked rows (which are distinct)
  const zerosLike = (t: string): string => g.node('ConstantOfShape', [g.node('Shape', [t])], [floatTensorAttr('value', 0, g.floatType)]);
  const spread = (rows: string, like: string): string => g.node('Expand', [column(rows), g.node('Shape', [like])]);
  let dx = g.node('ScatterElements', [zerosLike(x), spread(batch.maskRows, headLinear.dx), headLinear.dx], [intAttr('axis', 0), stringAttr('reduction', 'add')]);

  for (let i = names.layers.length - 1; i >= 0; i -= 1) {
    const layer = names.layers[i]!;
    const s = saved[i]!;
    const outNorm = layerNormGrad(g, dx, s.outNorm);
    put(layer.outputNorm.weight, outNorm.dGamma);
    put(layer.outputNorm.bias, outNorm.dBeta);
    const output = linearGrad(g, applyMask(g, outNorm.dx, s.outputMask), s.ffnAct, p(layer.output.weight));
    put(layer.output.weight, output.dWeight);
    put(layer.output.bias, output.dBias);
    const intermediate = linearGrad(g, geluGrad(g, output.dx, s.ffnPre), s.ffnIn, p(layer.intermediate.weight));
    put(layer.intermediate.weight, intermediate.dWeight);
    put(layer.intermediate.bias, intermediate.dBias);
    const attnNorm = layerNormGrad(g, g.node('Add', [intermediate.dx, outNorm.dx]), s.attnNorm);
    put(layer.attentionNorm.weight, attnNorm.dGamma);
    put(layer.attentionNorm.bias, attnNorm.dBeta);
    const projection = linearGrad(g, applyMask(g, attnNorm.dx, s.attentionMask), s.context, p(layer.attentionOutput.weight));
    put(layer.attentionOutput.weight, projection.dWeight);
    put(layer.attentionOutput.bias, projection.dBias);
    const qkv = linearGrad(g, attentionGrad(g, projection.dx, s.attention, sh), s.input, params.get(`layer.${i}.qkv.weight`)!);
    grads.set(`layer.${i}.qkv.weight`, qkv.dWeight);
    grads.set(`layer.${i}.qkv.bias`, qkv.dBias);
    dx = g.node('Add', [qkv.dx, attnNorm.dx]);
  }

  const embGrad = layerNormGrad(g, applyMask(g, dx, embMask), embNorm.saved);
  put(names.embeddingNorm.weight, embGrad.dGamma);
  put(names.embeddingNorm.bias, embGrad.dBeta);
  const dEmb = embGrad.dx; // [N, H]
  // gather gradients: scatter-add each token's row into its table row (ScatterElements with
  // reduction "add" walks the updates in order, so repeated ids add up deterministically)
  const scatterRows = (table: string, ids: string): string =>
    g.node('ScatterElements', [table, spread(ids, dEmb), dEmb], [intAttr('axis', 0), stringAttr('reduction', 'add')]);
  put(names.wordEmbeddings, scatterRows(dDecoder, batch.ids)); // tied: decoder gradient + lookup gradient
  put(names.positionEmbeddings, scatterRows(zerosLike(p(names.positionEmbeddings)), batch.positionIds));
  if (names.tokenTypeEmbeddings) {
    const rowZero = g.node('ReduceSum', [dEmb, g.ints([0])], [intAttr('keepdims', 1)]); // [1, H]
    const types = config.typeVocabSize;
    put(names.tokenTypeEmbeddings, types > 1 ? g.node('Pad', [rowZero, g.ints([0, 0, types - 1, 0])]) : rowZero);
  }
  return { loss, grads };
}
