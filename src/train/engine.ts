/**
 * @file What the training loop needs from an engine: one optimizer step over a step's masked
 * micro-batches, and the weights and AdamW moments to checkpoint. Two engines implement it:
 *
 * - `onnx` (onnx-engine.ts): the whole step as one ONNX graph run by onnxruntime (MLAS on every
 *   core, or CUDA); the fast one, and the default.
 * - `tfjs` (tfjs-engine.ts): the tfjs model with autodiff; the reference implementation the ONNX
 *   engine is tested against, and the fallback.
 */
import type { Device, MaskedLmConfig, ModelWeights } from '../lm/index.js';
import type { SeededRandom } from '../random.js';
import type { TrainConfig } from './defaults.js';
import type { MaskedMicroBatch } from './onnx-feeds.js';
import type { AdamWState } from './optimizer.js';

/** A training engine. */
export type EngineName = 'onnx' | 'tfjs';
/** The training engines: onnx (onnxruntime) and tfjs. */
export const ENGINE_NAMES = Object.freeze(['onnx', 'tfjs'] as const);

/** One micro-batch and the generator that masked it (dropout draws continue from it). */
export interface MicroBatchInput {
  batch: MaskedMicroBatch;
  random: SeededRandom;
}

export interface StepResult {
  /** Sum over the micro-batches of their mean loss divided by their count (the step's mean loss). */
  loss: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
}

export interface TrainingEngine {
  readonly name: EngineName;
  /** What runs the step, for logs: e.g. "onnxruntime cpu, 2 threads", "tfjs-wasm". */
  readonly description: string;
  /** One optimizer step at learning rate `learningRate` over the step's micro-batches. */
  step(micros: MicroBatchInput[], learningRate: number): Promise<StepResult>;
  /** The current weights (HF names, PyTorch layout). */
  weights(): ModelWeights;
  optimizerState(): AdamWState;
  dispose(): Promise<void>;
}

export interface EngineSetup {
  modelConfig: MaskedLmConfig;
  config: TrainConfig;
  weights: ModelWeights;
  /** Moments to continue from (a resumed run), or null for a fresh optimizer. */
  optimizer: AdamWState | null;
  threads: number;
  device: Device;
}

export async function createTrainingEngine(name: EngineName, setup: EngineSetup): Promise<TrainingEngine> {
  if (name === 'onnx') return (await import('./onnx-engine.js')).createOnnxEngine(setup);
  return (await import('./tfjs-engine.js')).createTfjsEngine(setup);
}
