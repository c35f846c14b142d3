/**
 * @file Training checkpoints. Each one is a complete Hugging Face model folder (config.json,
 * model.safetensors, tokenizer files, onnx/model.onnx: `lmkg probe` uses it directly) plus
 * `trainer_state.json` (loss per step, learning rate, tokens seen, wall time, the resolved
 * config) and `optimizer.safetensors` (AdamW moments). A checkpoint is built in a temporary
 * folder and renamed into place, so an interrupted write never leaves a half checkpoint.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError } from '../errors.js';
import { decodeFloat32, loadCheckpoint, readSafetensors, writeJsonAtomic, writeModelFolder, writeSafetensors, type MaskedLmConfig, type ModelWeights } from '../lm/index.js';
import type { TrainConfig } from './defaults.js';
import type { AdamWState } from './optimizer.js';

export const TRAINER_STATE_FILE = 'trainer_state.json';
export const OPTIMIZER_FILE = 'optimizer.safetensors';

/** One line of the training log: step, loss, learning rate. */
export interface LogEntry {
  /** Optimizer step (1-based). */
  step: number;
  epoch: number;
  loss: number;
  learningRate: number;
  gradNorm: number;
  /** Tokens seen so far (padding excluded). */
  tokens: number;
  /** Training wall time so far, seconds. */
  seconds: number;
}

/** The trainer state saved with each checkpoint. */
export interface TrainerState {
  lmkgVersion: string;
  /** `epoch-<n>` or `step-<n>`. */
  name: string;
  /** Epochs completed (a step checkpoint inside epoch e has epoch = e - 1). */
  epoch: number;
  /** Optimizer steps taken. */
  globalStep: number;
  stepsPerEpoch: number;
  totalSteps: number;
  tokensSeen: number;
  wallSeconds: number;
  config: TrainConfig;
  /** What ran the steps (absent in runs from before the ONNX engine: they ran on tfjs). */
  runtime?: { engine: 'onnx' | 'tfjs'; device: 'cpu' | 'cuda'; threads: number; description: string };
  log: LogEntry[];
}

export interface CheckpointToWrite {
  modelConfig: MaskedLmConfig;
  weights: ModelWeights;
  tokenizerDir: string;
  state: TrainerState;
  /** Absent for epoch-0 (no optimizer step yet). */
  optimizer: AdamWState | null;
}

/** Writes `<runDir>/<state.name>` atomically. */
export function writeTrainingCheckpoint(runDir: string, checkpoint: CheckpointToWrite): string {
  const target = join(runDir, checkpoint.state.name);
  const temp = join(runDir, `.${checkpoint.state.name}.partial-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  try {
    writeModelFolder(temp, {
      config: checkpoint.modelConfig,
      weights: checkpoint.weights,
      tokenizer: checkpoint.tokenizerDir,
      provenance: { train: { checkpoint: checkpoint.state.name, epoch: checkpoint.state.epoch, globalStep: checkpoint.state.globalStep, seed: checkpoint.state.config.seed } },
    });
    writeJsonAtomic(join(temp, TRAINER_STATE_FILE), checkpoint.state);
    if (checkpoint.optimizer) {
      const tensors = [...checkpoint.optimizer.moments].map(([name, data]) => ({ name, shape: [data.length], data }));
      writeSafetensors(join(temp, OPTIMIZER_FILE), tensors, { format: 'lmkg-adamw', step: String(checkpoint.optimizer.step), layout: checkpoint.optimizer.layout ?? 'tfjs' });
    }
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
    return target;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** A training checkpoint folder and its epoch and step. */
export interface CheckpointRef {
  dir: string;
  name: string;
  globalStep: number;
}

/** The finished checkpoints of a run, ordered by optimizer step (epoch-0 first). */
export function listTrainingCheckpoints(runDir: string): CheckpointRef[] {
  if (!existsSync(runDir)) return [];
  const refs: CheckpointRef[] = [];
  for (const name of readdirSync(runDir)) {
    if (!/^(epoch|step)-\d+$/.test(name)) continue;
    const stateFile = join(runDir, name, TRAINER_STATE_FILE);
    if (!existsSync(stateFile)) continue;
    const state = readTrainerState(join(runDir, name));
    refs.push({ dir: join(runDir, name), name, globalStep: state.globalStep });
  }
  return refs.sort((a, b) => a.globalStep - b.globalStep || (a.name.startsWith('epoch') ? 1 : -1));
}

/** Reads the trainer state of a training run folder. */
export function readTrainerState(dir: string): TrainerState {
  const file = join(dir, TRAINER_STATE_FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as TrainerState;
  } catch (error) {
    throw new DataFormatError({ file }, `unreadable trainer state (${(error as Error).message})`);
  }
}

/** Weights, trainer state and optimizer moments of a checkpoint. */
export function readTrainingCheckpoint(dir: string): { modelConfig: MaskedLmConfig; weights: ModelWeights; state: TrainerState; optimizer: AdamWState | null } {
  const { config, weights } = loadCheckpoint(dir);
  const state = readTrainerState(dir);
  const optimizerFile = join(dir, OPTIMIZER_FILE);
  let optimizer: AdamWState | null = null;
  if (existsSync(optimizerFile)) {
    const file = readSafetensors(optimizerFile);
    const moments = new Map<string, Float32Array>();
    for (const [name, entry] of file.tensors) moments.set(name, decodeFloat32(entry, `${optimizerFile}: ${name}`));
    optimizer = { step: Number(file.metadata.step ?? state.globalStep), moments, layout: file.metadata.layout === 'pytorch' ? 'pytorch' : 'tfjs' };
  }
  return { modelConfig: config, weights, state, optimizer };
}
