/**
 * @file The pieces of the ONNX training graph, each a forward function and its hand-written
 * backward: linear layers, LayerNorm, GELU, dropout by a given mask, softmax attention and the
 * masked cross-entropy. A forward returns what its backward needs (the "saved" tensors, as
 * autograd would keep them). The derivations follow the published rules; karpathy/llm.c's
 * train_gpt2.c has the same set written out for GPT-2 (pre-LN; these models are post-LN).
 *
 * Shapes: N = B*S tokens, H hidden, I intermediate, nh heads, d = H / nh, M masked rows, V vocab.
 * Linear weights are in PyTorch layout [out, in], so y = x W^T + b is one Gemm(transB=1).
 */
import { floatAttr, intAttr, intsAttr, MS_DOMAIN, ONNX_TYPES, stringAttr, type GraphBuilder } from '../lm/onnx-graph.js';

const keepdims = (value: 0 | 1) => intAttr('keepdims', value);

/** Sum over the leading axis of a 2-D tensor: [R, C] -> [C]. */
function sumRows(g: GraphBuilder, x: string): string {
  return g.node('ReduceSum', [x, g.ints([0])], [keepdims(0)], 'sum_rows');
}

/** y = x W^T + b: x [R, in], W [out, in], b [out] -> [R, out]. */
export function linear(g: GraphBuilder, x: string, weight: string, bias: string): string {
  return g.node('Gemm', [x, weight, bias], [intAttr('transB', 1)], 'linear');
}

/** dx = dy W [R, in], dW = dy^T x [out, in], db = sum_rows dy [out]. */
export function linearGrad(g: GraphBuilder, dy: string, x: string, weight: string): { dx: string; dWeight: string; dBias: string } {
  return {
    dx: g.node('MatMul', [dy, weight], [], 'linear_dx'),
    dWeight: g.node('Gemm', [dy, x], [intAttr('transA', 1)], 'linear_dw'),
    dBias: sumRows(g, dy),
  };
}

export interface LayerNormSaved {
  x: string;
  /** [R, 1] */
  mean: string;
  /** [R, 1]: 1 / sqrt(var + eps) */
  invStd: string;
  gamma: string;
}

/** LayerNorm over the last axis (biased variance, as torch), keeping its row statistics. */
export function layerNorm(g: GraphBuilder, x: string, gamma: string, beta: string, epsilon: number): { y: string; saved: LayerNormSaved } {
  if (g.floatType === 'float64') return layerNormFromOps(g, x, gamma, beta, epsilon);
  const [y, mean, invStd] = g.nodeOutputs('LayerNormalization', [x, gamma, beta], 3, [intAttr('axis', -1), floatAttr('epsilon', epsilon)], 'layer_norm');
  return { y: y!, saved: { x, mean: mean!, invStd: invStd!, gamma } };
}

/** The same from elementary ops: onnxruntime's LayerNormalization keeps float32 statistics even for double input. */
function layerNormFromOps(g: GraphBuilder, x: string, gamma: string, beta: string, epsilon: number): { y: string; saved: LayerNormSaved } {
  const lastAxis = [intsAttr('axes', [-1]), keepdims(1)];
  const mean = g.node('ReduceMean', [x], lastAxis);
  const centred = g.node('Sub', [x, mean]);
  const variance = g.node('ReduceMean', [g.node('Mul', [centred, centred])], lastAxis);
  const invStd = g.node('Reciprocal', [g.node('Sqrt', [g.node('Add', [variance, g.scalar(epsilon)])])]);
  const y = g.node('Add', [g.node('Mul', [g.node('Mul', [centred, invStd]), gamma]), beta], [], 'layer_norm');
  return { y, saved: { x, mean, invStd, gamma } };
}

/**
 * With xhat = (x - mean) invStd and g = dy gamma (per row of H values):
 * dx = invStd (g - mean(g) - xhat mean(g xhat)), dgamma = sum_rows dy xhat, dbeta = sum_rows dy.
 */
export function layerNormGrad(g: GraphBuilder, dy: string, s: LayerNormSaved): { dx: string; dGamma: string; dBeta: string } {
  const lastAxis = intsAttr('axes', [-1]); // ReduceMean takes axes as an attribute up to opset 17
  const xhat = g.node('Mul', [g.node('Sub', [s.x, s.mean]), s.invStd], [], 'ln_xhat');
  const scaled = g.node('Mul', [dy, s.gamma], [], 'ln_g');
  const meanScaled = g.node('ReduceMean', [scaled], [lastAxis, keepdims(1)]);
  const meanProjected = g.node('ReduceMean', [g.node('Mul', [scaled, xhat])], [lastAxis, keepdims(1)]);
  const centred = g.node('Sub', [g.node('Sub', [scaled, meanScaled]), g.node('Mul', [xhat, meanProjected])]);
  return {
    dx: g.node('Mul', [centred, s.invStd], [], 'ln_dx'),
    dGamma: sumRows(g, g.node('Mul', [dy, xhat])),
    dBeta: sumRows(g, dy),
  };
}

/**
 * erf. float32: the Erf operator. float64: onnxruntime has no double Erf kernel, so it is built
 * from ops as Numerical Recipes' erfc Chebyshev fit (fractional error < 1.2e-7, smooth), which is
 * what float64 gradient checks need: their finite differences see a smooth function.
 */
function erf(g: GraphBuilder, x: string): string {
  if (g.floatType === 'float32') return g.node('Erf', [x]);
  const z = g.node('Abs', [x]);
  const t = g.node('Reciprocal', [g.node('Add', [g.node('Mul', [z, g.scalar(0.5)]), g.scalar(1)])]);
  const coefficients = [0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368];
  let poly = g.scalar(coefficients[0]!);
  for (const c of coefficients.slice(1)) poly = g.node('Add', [g.node('Mul', [poly, t]), g.scalar(c)]);
  const exponent = g.node('Sub', [g.node('Add', [g.node('Mul', [poly, t]), g.scalar(-1.26551223)]), g.node('Mul', [z, z])]);
  const erfc = g.node('Mul', [t, g.node('Exp', [exponent])]);
  return g.node('Mul', [g.node('Sign', [x]), g.node('Sub', [g.scalar(1), erfc])], [], 'erf');
}

/** erf GELU, 0.5 x (1 + erf(x / sqrt 2)): onnxruntime's fused Gelu kernel in float32. */
export function gelu(g: GraphBuilder, x: string): string {
  if (g.floatType === 'float32') return g.node('Gelu', [x], [], 'gelu', MS_DOMAIN);
  return g.node('Mul', [x, normalCdf(g, x)], [], 'gelu');
}

/** Phi(x) = 0.5 (1 + erf(x / sqrt 2)). */
function normalCdf(g: GraphBuilder, x: string): string {
  return g.node('Mul', [g.node('Add', [erf(g, g.node('Mul', [x, g.scalar(Math.SQRT1_2)])), g.scalar(1)]), g.scalar(0.5)]);
}

/** d gelu / dx = Phi(x) + x phi(x), phi(x) = exp(-x^2 / 2) / sqrt(2 pi). */
export function geluGrad(g: GraphBuilder, dy: string, x: string): string {
  const density = g.node('Exp', [g.node('Mul', [g.node('Mul', [x, x]), g.scalar(-0.5)])]);
  const xDensity = g.node('Mul', [g.node('Mul', [x, density]), g.scalar(1 / Math.sqrt(2 * Math.PI))]);
  return g.node('Mul', [dy, g.node('Add', [normalCdf(g, x), xDensity])], [], 'gelu_dx');
}

/**
 * The inverted-dropout factors of a fed uint8 mask (1 keep, 0 drop): 0 or 1 / (1 - rate). Fed as
 * bytes because the masks are drawn in JS: a quarter of the memory of float factors.
 */
export function dropoutFactors(g: GraphBuilder, mask: string, rate: number): string {
  return g.node('Mul', [g.node('Cast', [mask], [intAttr('to', ONNX_TYPES[g.floatType])]), g.scalar(1 / (1 - rate))], [], 'dropout_factors');
}

/** x * mask, where mask holds 0 or 1 / (1 - rate) (inverted dropout); the same for the gradient. */
export function applyMask(g: GraphBuilder, x: string, mask: string | null): string {
  return mask === null ? x : g.node('Mul', [x, mask], [], 'dropout');
}

export interface AttentionShapes {
  /** [5]: [-1, S, 3, nh, d], the fused q/k/v projection split into heads. */
  qkvHeads: string;
  /** [5]: [1, -1, S, nh, d], a context gradient back into heads. */
  contextHeads: string;
  /** [2]: [-1, H] */
  flat: string;
  /** [2]: [-1, 3H] */
  flatQkv: string;
  /** 1 / sqrt(d) */
  scale: number;
}

export interface AttentionSaved {
  q: string;
  k: string;
  v: string;
  /** Softmax output [1, B, nh, S, S]. */
  probs: string;
  /** probs after dropout (what multiplied v). */
  probsDropped: string;
  probsMask: string | null;
}

/**
 * Self-attention from the fused projection qkv [N, 3H] to the context [N, H] (heads merged,
 * before the output projection). `bias` [B, 1, 1, S] is 0 where a key is attended and the float
 * minimum where it is padding.
 */
export function attention(g: GraphBuilder, qkv: string, bias: string, probsMask: string | null, sh: AttentionShapes): { context: string; saved: AttentionSaved } {
  const heads = g.node('Transpose', [g.node('Reshape', [qkv, sh.qkvHeads])], [intsAttr('perm', [2, 0, 3, 1, 4])], 'qkv_heads'); // [3, B, nh, S, d]
  const [q, k, v] = g.nodeOutputs('Split', [heads], 3, [intAttr('axis', 0)], 'qkv_split'); // [1, B, nh, S, d] each
  const scores = g.node('FusedMatMul', [q!, k!], [intAttr('transB', 1), floatAttr('alpha', sh.scale)], 'scores', MS_DOMAIN); // [1, B, nh, S, S]
  const probs = g.node('Softmax', [g.node('Add', [scores, bias])], [intAttr('axis', -1)], 'probs');
  const probsDropped = applyMask(g, probs, probsMask);
  const context = g.node('MatMul', [probsDropped, v!], [], 'context'); // [1, B, nh, S, d]
  const merged = g.node('Reshape', [g.node('Transpose', [context], [intsAttr('perm', [0, 1, 3, 2, 4])]), sh.flat], [], 'context_flat'); // [N, H]
  return { context: merged, saved: { q: q!, k: k!, v: v!, probs, probsDropped, probsMask } };
}

/** From the gradient of the merged context [N, H] to the gradient of the fused projection [N, 3H]. */
export function attentionGrad(g: GraphBuilder, dContext: string, s: AttentionSaved, sh: AttentionShapes): string {
  const dHeads = g.node('Transpose', [g.node('Reshape', [dContext, sh.contextHeads])], [intsAttr('perm', [0, 1, 3, 2, 4])], 'd_context'); // [1, B, nh, S, d]
  const dProbsDropped = g.node('FusedMatMul', [dHeads, s.v], [intAttr('transB', 1)], 'd_probs', MS_DOMAIN); // [1, B, nh, S, S]
  const dv = g.node('FusedMatMul', [s.probsDropped, dHeads], [intAttr('transA', 1)], 'd_v', MS_DOMAIN);
  const dProbs = applyMask(g, dProbsDropped, s.probsMask);
  // softmax: dscores = probs * (dprobs - sum_j dprobs_j probs_j)
  const rowDot = g.node('ReduceSum', [g.node('Mul', [dProbs, s.probs]), g.ints([-1])], [keepdims(1)]);
  const dScores = g.node('Mul', [s.probs, g.node('Sub', [dProbs, rowDot])], [], 'd_scores');
  const dq = g.node('FusedMatMul', [dScores, s.k], [floatAttr('alpha', sh.scale)], 'd_q', MS_DOMAIN);
  const dk = g.node('FusedMatMul', [dScores, s.q], [intAttr('transA', 1), floatAttr('alpha', sh.scale)], 'd_k', MS_DOMAIN);
  const stacked = g.node('Concat', [dq, dk, dv], [intAttr('axis', 0)]); // [3, B, nh, S, d]
  return g.node('Reshape', [g.node('Transpose', [stacked], [intsAttr('perm', [1, 3, 0, 2, 4])]), sh.flatQkv], [], 'd_qkv'); // [N, 3H]
}

/**
 * Mean cross-entropy of logits [M, V] against labels [M, 1] (int64), weighted per row by
 * weights [M, 1] (1 / M, or 0 for padding rows): loss = -sum_r w_r log softmax(logits_r)[label_r].
 * Returns the *unweighted* gradient softmax - onehot (formed by adding -1 at each label): the
 * caller applies the row weights after the decoder's matmuls, on [M, H] instead of [M, V].
 */
export function maskedCrossEntropy(g: GraphBuilder, logits: string, labels: string, weights: string, minusOnes: string): { loss: string; dLogitsUnweighted: string } {
  // LogSoftmax for the loss and Softmax for the gradient, both straight from the logits: in
  // onnxruntime both are one fast pass over [M, V], cheaper than ReduceLogSumExp or Exp(log probs)
  const picked = g.node('GatherElements', [g.node('LogSoftmax', [logits], [intAttr('axis', 1)], 'log_probs'), labels], [intAttr('axis', 1)]); // [M, 1]
  const loss = g.node('Neg', [g.node('ReduceSum', [g.node('Mul', [picked, weights])], [keepdims(0)])], [], 'loss');
  const probs = g.node('Softmax', [logits], [intAttr('axis', 1)], 'probs');
  const shifted = g.node('ScatterElements', [probs, labels, minusOnes], [intAttr('axis', 1), stringAttr('reduction', 'add')], 'd_logits');
  return { loss, dLogitsUnweighted: shifted };
}
