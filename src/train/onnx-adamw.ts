/**
 * @file Global-norm gradient clipping and the AdamW update as ONNX nodes, over the flat parameter
 * vector (onnx-layout.ts). Graph inputs it reads: params, adam_m, adam_v [P]; learning_rate,
 * bias_correction1 (1 - beta1^t), bias_correction2 (1 - beta2^t) []. Outputs it defines:
 * params_out, adam_m_out, adam_v_out [P] and grad_norm [].
 */
import { floatTensorAttr, intAttr, ONNX_TYPES, type GraphBuilder } from '../lm/onnx-graph.js';

export interface AdamWHyper {
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
  maxGradNorm: number;
}

/**
 * Global-norm clipping and AdamW, as `optimizer.ts` (PyTorch's rule):
 *   g = grad * s, s = min(1, max_norm / (norm + 1e-6));  m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
 *   p = p (1 - lr wd [decays]) - lr (m / bc1) / (sqrt(v / bc2) + eps)
 * Rearranged so that every operation over [P] is needed (the update is memory-bound: each op reads
 * and writes whole vectors): the clipping factor s goes into the moment coefficients, and
 * (m / bc1) / (sqrt(v / bc2) + eps) = (sqrt(bc2) / bc1) m / (sqrt(v) + eps sqrt(bc2)).
 */
export function adamWNodes(g: GraphBuilder, blocks: ReadonlyArray<{ size: number; decays: boolean }>, gradient: string, hyper: AdamWHyper): void {
  const norm = g.node('Sqrt', [g.node('ReduceSumSquare', [gradient], [intAttr('keepdims', 0)])], [], 'grad_norm');
  g.named('grad_norm', 'Identity', [norm]);
  const max = g.scalar(hyper.maxGradNorm);
  const scale = g.node('Where', [g.node('Greater', [norm, max]), g.node('Div', [max, g.node('Add', [norm, g.scalar(1e-6)])]), g.scalar(1)], [], 'clip_scale');
  const c1 = g.node('Mul', [scale, g.scalar(1 - hyper.beta1)]);
  const c2 = g.node('Mul', [g.node('Mul', [scale, scale]), g.scalar(1 - hyper.beta2)]);
  const m = g.named('adam_m_out', 'Add', [g.node('Mul', ['adam_m', g.scalar(hyper.beta1)]), g.node('Mul', [gradient, c1])]);
  const v = g.named('adam_v_out', 'Add', [g.node('Mul', ['adam_v', g.scalar(hyper.beta2)]), g.node('Mul', [g.node('Mul', [gradient, gradient]), c2])]);
  const rootBc2 = g.node('Sqrt', ['bias_correction2']);
  const ratio = g.node('Div', [m, g.node('Add', [g.node('Sqrt', [v]), g.node('Mul', [rootBc2, g.scalar(hyper.epsilon)])])], [], 'adam_ratio');
  const stepSize = g.node('Div', [g.node('Mul', ['learning_rate', rootBc2]), 'bias_correction1']);
  let kept = 'params';
  if (hyper.weightDecay > 0) {
    // 1 - lr wd on decayed blocks, 1 elsewhere; the mask is built from constants, which
    // onnxruntime folds at load time (so the model file does not carry a [P] tensor)
    const mask = g.node('Cast', [g.node('Concat', blocks.map((block) => g.node('ConstantOfShape', [g.ints([block.size])], [floatTensorAttr('value', block.decays ? 1 : 0, g.floatType)])), [intAttr('axis', 0)])], [intAttr('to', ONNX_TYPES.bool)], 'decay_mask');
    const decayed = g.node('Sub', [g.scalar(1), g.node('Mul', ['learning_rate', g.scalar(hyper.weightDecay)])]);
    kept = g.node('Mul', ['params', g.node('Where', [mask, decayed, g.scalar(1)])], [], 'decayed');
  }
  g.named('params_out', 'Sub', [kept, g.node('Mul', [ratio, stepSize])]);
}
