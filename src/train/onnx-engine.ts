/**
 * @file The ONNX training engine: the training-step graph (onnx-step-graph.ts) in one
 * onnxruntime session, run once per optimizer step. Parameters and AdamW moments live in JS as
 * flat vectors (onnx-layout.ts); each run takes them in and gives the updated ones back.
 *
 * onnxruntime-node has no IO binding, so on a GPU every run copies parameters and moments to the
 * device and back (3 x 4 bytes per parameter each way). Gradient accumulation runs all the step's
 * micro-batches inside one run (an ONNX Loop), so a larger --grad-accumulation amortises the copy.
 *
 * With a fixed thread count the CPU run is deterministic (MLAS partitions its work by thread
 * count, and every reduction and scatter in the graph has a fixed order), which is why the thread
 * count is recorded and kept on resume.
 */
import * as ort from 'onnxruntime-node';
import { createOrtSession, type ModelWeights } from '../lm/index.js';
import type { EngineSetup, MicroBatchInput, StepResult, TrainingEngine } from './engine.js';
import { trainingFeeds, type FeedArrays } from './onnx-feeds.js';
import { flatLayout, packWeights, unpackWeights, type FlatLayout } from './onnx-layout.js';
import { buildTrainingGraph } from './onnx-step-graph.js';
import { convertMoments } from './moments.js';
import type { AdamWState } from './optimizer.js';

export async function createOnnxEngine(setup: EngineSetup): Promise<TrainingEngine> {
  const { modelConfig, config } = setup;
  const layout = flatLayout(modelConfig);
  let params = packWeights(layout, setup.weights);
  let step = setup.optimizer?.step ?? 0;
  const moments = setup.optimizer ? convertMoments(setup.optimizer, modelConfig, 'pytorch') : null;
  let m = moments ? packMoments(layout, moments, 'm') : new Float32Array(layout.size);
  let v = moments ? packMoments(layout, moments, 'v') : new Float32Array(layout.size);
  const stacked = config.gradAccumulation > 1;
  const graph = buildTrainingGraph(modelConfig, layout, {
    microBatches: config.gradAccumulation,
    adam: { beta1: config.adamBeta1, beta2: config.adamBeta2, epsilon: config.adamEpsilon, weightDecay: config.weightDecay, maxGradNorm: config.maxGradNorm },
  });
  let session: ort.InferenceSession | null = await createOrtSession(graph, { threads: setup.threads, device: setup.device });
  return {
    name: 'onnx',
    description: `onnxruntime ${setup.device}${setup.device === 'cpu' ? `, ${setup.threads} thread${setup.threads === 1 ? '' : 's'}` : ''}`,
    async step(micros: MicroBatchInput[], learningRate: number): Promise<StepResult> {
      if (!session) throw new Error('onnx engine: used after dispose()');
      step += 1;
      const feeds = toTensors(trainingFeeds(modelConfig, micros.map((x) => x.batch), micros.map((x) => x.random), { stack: stacked, lossScale: 1 / micros.length }));
      feeds.params = new ort.Tensor('float32', params, [layout.size]);
      feeds.adam_m = new ort.Tensor('float32', m, [layout.size]);
      feeds.adam_v = new ort.Tensor('float32', v, [layout.size]);
      // the same float32 scalars the tfjs engine uses: JS doubles rounded once
      feeds.learning_rate = scalar(learningRate);
      feeds.bias_correction1 = scalar(1 - config.adamBeta1 ** step);
      feeds.bias_correction2 = scalar(1 - config.adamBeta2 ** step);
      const out = await session.run(feeds);
      params = out.params_out!.data as Float32Array;
      m = out.adam_m_out!.data as Float32Array;
      v = out.adam_v_out!.data as Float32Array;
      return { loss: (out.loss!.data as Float32Array)[0]!, gradNorm: (out.grad_norm!.data as Float32Array)[0]! };
    },
    weights: (): ModelWeights => unpackWeights(layout, params),
    optimizerState: (): AdamWState => ({ step, moments: unpackMoments(layout, m, v), layout: 'pytorch' }),
    async dispose(): Promise<void> {
      const current = session;
      session = null;
      if (current) await current.release();
    },
  };
}

function scalar(value: number): ort.Tensor {
  return new ort.Tensor('float32', new Float32Array([value]), []);
}

/** onnxruntime tensors of feed arrays. */
export function toTensors(feeds: FeedArrays): Record<string, ort.Tensor> {
  const tensors: Record<string, ort.Tensor> = {};
  for (const [name, { data, dims }] of Object.entries(feeds)) {
    tensors[name] = data instanceof BigInt64Array ? new ort.Tensor('int64', data, dims)
      : data instanceof Uint8Array ? new ort.Tensor('uint8', data, dims)
        : data instanceof Float64Array ? new ort.Tensor('float64', data, dims) : new ort.Tensor('float32', data, dims);
  }
  return tensors;
}

/** The flat vector of one moment (`m` or `v`) from a state keyed `m.<param>`. */
export function packMoments(layout: FlatLayout, state: AdamWState, key: 'm' | 'v'): Float32Array {
  const weights: ModelWeights = new Map();
  for (const block of layout.blocks) {
    for (const part of block.parts) {
      const data = state.moments.get(`${key}.${part.name}`);
      if (!data) throw new Error(`onnx engine: the optimizer state has no ${key}.${part.name}`);
      weights.set(part.name, { shape: part.shape, data });
    }
  }
  return packWeights(layout, weights);
}

function unpackMoments(layout: FlatLayout, m: Float32Array, v: Float32Array): Map<string, Float32Array> {
  const moments = new Map<string, Float32Array>();
  for (const [key, flat] of [['m', m], ['v', v]] as const) {
    for (const [name, tensor] of unpackWeights(layout, flat)) moments.set(`${key}.${name}`, tensor.data);
  }
  return moments;
}

