/**
 * @file The whole training step as one ONNX graph: the flat parameters are split into blocks,
 * loss and gradients are computed for one micro-batch (or for several, accumulated inside an
 * ONNX Loop), the global gradient norm is clipped, and AdamW updates parameters and moments.
 * Weights and optimizer state go in and come out of every run, so the session holds no state
 * and a step depends only on its inputs (which is what makes `--resume` exact).
 *
 * Inputs (P parameters; K micro-batches, B batch, S sequence, M masked rows):
 *   params, adam_m, adam_v [P]; learning_rate, bias_correction1, bias_correction2 [] (step only)
 *   input_ids, position_ids [B, S] int64; attention_bias [B, 1, 1, S]; mask_rows, labels [M] int64;
 *   loss_weights [M]; dropout_<i> (per site, when the config has dropout)
 *   — with K > 1 each batch input has a leading [K] axis (padded to the longest micro-batch)
 * Outputs: `gradients` graph: loss [], gradient [P]. `step` graph: params_out, adam_m_out,
 *   adam_v_out [P], loss [], grad_norm [] (before clipping).
 */
import { encodeModel, floatTensorAttr, graphAttr, GraphBuilder, intAttr, ONNX_TYPES, valueInfo, type OnnxFloatType, type ValueInfoProto } from '../lm/onnx-graph.js';
import { adamWNodes, type AdamWHyper } from './onnx-adamw.js';
import { headSize, type MaskedLmConfig } from '../lm/index.js';
import { dropoutSites, lossAndGradients, usesDropout, type BatchTensors } from './onnx-model-grad.js';
import type { FlatLayout } from './onnx-layout.js';

/** The graph's opset (LayerNormalization needs 17; Split without num_outputs needs < 18). */
export const TRAINING_OPSET = 17;

export type { AdamWHyper };

export interface TrainingGraphOptions {
  floatType?: OnnxFloatType;
  /** `step` (default): gradients, clipping and AdamW. `gradients`: loss and flat gradient only. */
  output?: 'step' | 'gradients';
  /** Micro-batches accumulated per run (default 1; more run inside a Loop). */
  microBatches?: number;
  adam?: AdamWHyper;
}

/** The batch inputs of the graph, in feed order (dropout masks last). */
export function batchInputNames(config: MaskedLmConfig): string[] {
  const base = ['input_ids', 'position_ids', 'attention_bias', 'mask_rows', 'labels', 'loss_weights'];
  return usesDropout(config) ? [...base, ...dropoutSites(config).map((_, i) => `dropout_${i}`)] : base;
}

export function buildTrainingGraph(config: MaskedLmConfig, layout: FlatLayout, options: TrainingGraphOptions = {}): Uint8Array {
  const floatType = options.floatType ?? 'float32';
  const output = options.output ?? 'step';
  const micro = options.microBatches ?? 1;
  if (output === 'step' && !options.adam) throw new Error('buildTrainingGraph: a step graph needs the AdamW settings');
  const g = new GraphBuilder(floatType);
  const float = ONNX_TYPES[floatType];
  const int64 = ONNX_TYPES.int64;

  // parameter blocks: one Split of the flat vector, each block reshaped (Reshape does not copy)
  const sizes = layout.blocks.map((b) => b.size);
  const pieces = g.nodeOutputs('Split', ['params', g.ints(sizes)], layout.blocks.length, [intAttr('axis', 0)], 'param_block');
  const params = new Map(layout.blocks.map((block, i) => [block.key, g.node('Reshape', [pieces[i]!, g.ints(block.shape)], [], 'param')]));

  const batchNames = batchInputNames(config);
  const batchTypes = batchNames.map((name) => (name.startsWith('dropout_') ? ONNX_TYPES.uint8 : name.endsWith('_ids') || name === 'mask_rows' || name === 'labels' ? int64 : float));
  const batchDims = batchNames.map((name) => batchInputDims(config, name));
  const flatGradient = (builder: GraphBuilder, grads: Map<string, string>): string =>
    builder.node('Concat', layout.blocks.map((block) => builder.node('Reshape', [grads.get(block.key)!, builder.ints([-1])])), [intAttr('axis', 0)], 'gradient');
  const tensors = (names: string[]): BatchTensors => ({
    ids: names[0]!, positionIds: names[1]!, attentionBias: names[2]!, maskRows: names[3]!, labels: names[4]!, lossWeights: names[5]!,
    dropout: names.length > 6 ? names.slice(6) : null,
  });

  let loss: string;
  let gradient: string;
  if (micro === 1) {
    const result = lossAndGradients(g, config, layout, params, tensors(batchNames));
    loss = result.loss;
    gradient = flatGradient(g, result.grads);
  } else {
    // Loop body: take micro-batch `iteration` of every stacked input, add its loss and gradient
    const body = new GraphBuilder(floatType, 'body');
    const iteration = 'body_iteration';
    const slices = batchNames.map((name) => body.node('Gather', [name, iteration], [intAttr('axis', 0)], `body_${name}`));
    const result = lossAndGradients(body, config, layout, params, tensors(slices));
    body.named('body_gradient_out', 'Add', ['body_gradient_in', flatGradient(body, result.grads)]);
    body.named('body_loss_out', 'Add', ['body_loss_in', result.loss]);
    body.named('body_cond_out', 'Identity', ['body_cond_in']);
    const bodyGraph = {
      name: 'micro_batch', node: body.nodes, initializer: body.initializers,
      input: [valueInfo(iteration, int64, []), valueInfo('body_cond_in', ONNX_TYPES.bool, []), valueInfo('body_gradient_in', float, [layout.size]), valueInfo('body_loss_in', float, [])],
      output: [valueInfo('body_cond_out', ONNX_TYPES.bool, []), valueInfo('body_gradient_out', float, [layout.size]), valueInfo('body_loss_out', float, [])],
    };
    const trips = g.node('Gather', [g.node('Shape', ['input_ids']), g.ints(0)], [intAttr('axis', 0)], 'micro_batches');
    const zeros = g.node('ConstantOfShape', [g.ints([layout.size])], [floatTensorAttr('value', 0, floatType)]);
    [gradient, loss] = g.nodeOutputs('Loop', [trips, '', zeros, g.scalar(0)], 2, [graphAttr('body', bodyGraph)], 'accumulate') as [string, string];
  }

  const inputs: ValueInfoProto[] = [valueInfo('params', float, [layout.size])];
  const outputs: ValueInfoProto[] = [];
  if (output === 'gradients') {
    g.named('loss', 'Identity', [loss]);
    g.named('gradient', 'Identity', [gradient]);
    outputs.push(valueInfo('loss', float, []), valueInfo('gradient', float, [layout.size]));
  } else {
    adamWNodes(g, layout.blocks, gradient, options.adam!);
    g.named('loss', 'Identity', [loss]);
    inputs.push(...['adam_m', 'adam_v'].map((name) => valueInfo(name, float, [layout.size])));
    inputs.push(...['learning_rate', 'bias_correction1', 'bias_correction2'].map((name) => valueInfo(name, float, [])));
    outputs.push(...['params_out', 'adam_m_out', 'adam_v_out'].map((name) => valueInfo(name, float, [layout.size])));
    outputs.push(valueInfo('loss', float, []), valueInfo('grad_norm', float, []));
  }
  inputs.push(...batchNames.map((name, i) => valueInfo(name, batchTypes[i]!, micro === 1 ? batchDims[i]! : ['micro_batches', ...batchDims[i]!])));
  return encodeModel(g, { name: `${config.arch}_training_${output}`, opset: TRAINING_OPSET, microsoftOps: true, inputs, outputs, docString: `lmkg training ${output} graph (${config.arch}, ${config.numLayers} layers, hidden ${config.hiddenSize}, head size ${headSize(config)})` });
}

function batchInputDims(config: MaskedLmConfig, name: string): Array<string | number> {
  if (name === 'attention_bias') return ['batch', 1, 1, 'sequence'];
  if (name === 'mask_rows' || name === 'labels' || name === 'loss_weights') return ['masked'];
  if (name.startsWith('dropout_')) {
    const site = dropoutSites(config)[Number(name.slice('dropout_'.length))]!;
    return site.kind === 'probs' ? ['batch', config.numHeads, 'sequence', 'sequence'] : ['tokens', config.hiddenSize];
  }
  return ['batch', 'sequence'];
}
