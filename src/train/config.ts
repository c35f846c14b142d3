/**
 * @file Resolves a training configuration: TRAIN_DEFAULTS, then a preset
 * (presets/train-<name>.json, or a path to such a file), then explicit overrides. Unknown keys and
 * wrong types are rejected with the key's name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFormatError, InvalidOptionError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { TRAIN_DEFAULTS, TRAIN_PRESET_NAMES, type TrainConfig } from './defaults.js';

type Check = 'string' | 'number' | 'boolean' | 'positive-integer' | readonly string[];

const CHECKS: Record<keyof TrainConfig, Check> = {
  arch: ['roberta', 'bert', 'distilbert'],
  hiddenSize: 'positive-integer', numLayers: 'positive-integer', numHeads: 'positive-integer',
  intermediateSize: 'positive-integer', maxLength: 'positive-integer', initStd: 'number',
  hiddenDropout: 'number', attentionDropout: 'number',
  vocabSize: 'positive-integer', minFrequency: 'positive-integer',
  evidenceText: ['snippets', 'fact-sentences'], splitSentences: 'boolean', blockMode: ['line-by-line', 'packed'], blockSize: 'positive-integer', mlmProbability: 'number', salientSpanProbability: 'number', salientSpanMode: ['one', 'each'],
  epochs: 'positive-integer', batchSize: 'positive-integer', gradAccumulation: 'positive-integer',
  learningRate: 'number', warmupRatio: 'number', weightDecay: 'number',
  adamBeta1: 'number', adamBeta2: 'number', adamEpsilon: 'number', maxGradNorm: 'number',
  seed: 'number', saveEpochs: 'positive-integer', saveSteps: 'number', maxSteps: 'number',
  engine: ['auto', 'onnx', 'tfjs'], device: ['cpu', 'cuda'], threads: 'number',
};

/** The folder with the shipped presets (src/train -> ../../presets, dist/train -> ../../presets). */
export function presetsFolder(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'presets');
}

/** Reads a preset by name (`tiny`, `small`, `paper`) or path to a JSON file. */
export function readTrainPreset(nameOrPath: string): Partial<TrainConfig> {
  const isName = (TRAIN_PRESET_NAMES as readonly string[]).includes(nameOrPath);
  const file = isName ? join(presetsFolder(), `train-${nameOrPath}.json`) : resolve(nameOrPath);
  if (!existsSync(file)) {
    throw new InvalidOptionError(`unknown training preset "${nameOrPath}"; use one of ${TRAIN_PRESET_NAMES.join(', ')} or a path to a preset JSON file`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataFormatError({ file }, `not valid JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new DataFormatError({ file }, 'a preset is a JSON object');
  const preset = Object.fromEntries(Object.entries(parsed).filter(([key]) => !key.startsWith('//')));
  for (const key of Object.keys(preset)) {
    if (!(key in CHECKS)) throw new DataFormatError({ file, field: key }, `unknown setting; known settings: ${Object.keys(CHECKS).join(', ')}`);
  }
  return preset as Partial<TrainConfig>;
}

/** Defaults <- preset <- overrides, validated. */
export function resolveTrainConfig(preset: string | undefined, overrides: Partial<TrainConfig> = {}): TrainConfig {
  const fromPreset = preset === undefined ? {} : readTrainPreset(preset);
  const merged = resolveOptions('train', { ...TRAIN_DEFAULTS } as TrainConfig, { ...fromPreset, ...overrides }, CHECKS);
  checkConsistency(merged);
  return merged;
}

function checkConsistency(config: TrainConfig): void {
  const fail = (message: string): never => {
    throw new InvalidOptionError(`train: ${message}`);
  };
  if (config.hiddenSize % config.numHeads !== 0) fail(`hiddenSize (${config.hiddenSize}) must be divisible by numHeads (${config.numHeads})`);
  if (config.blockSize > config.maxLength) fail(`blockSize (${config.blockSize}) exceeds maxLength (${config.maxLength})`);
  if (config.blockSize < 3) fail(`blockSize must be at least 3 (<s>, a token, </s>), got ${config.blockSize}`);
  for (const key of ['mlmProbability', 'hiddenDropout', 'attentionDropout', 'warmupRatio'] as const) {
    if (!(config[key] >= 0 && config[key] < 1)) fail(`${key} must be in [0, 1), got ${config[key]}`);
  }
  if (!(config.salientSpanProbability >= 0 && config.salientSpanProbability <= 1)) fail(`salientSpanProbability must be in [0, 1], got ${config.salientSpanProbability}`);
  if (!(config.learningRate > 0)) fail(`learningRate must be positive, got ${config.learningRate}`);
  if (!Number.isInteger(config.seed)) fail(`seed must be an integer, got ${config.seed}`);
  if (config.engine === 'tfjs' && config.device === 'cuda') fail('the tfjs engine runs on the CPU; --device cuda needs --engine onnx (or auto)');
  for (const key of ['saveSteps', 'maxSteps', 'threads'] as const) {
    if (!(Number.isInteger(config[key]) && config[key] >= 0)) fail(`${key} must be a whole number >= 0, got ${config[key]}`);
  }
}
