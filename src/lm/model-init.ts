/**
 * @file `initModel()`: a randomly initialised masked LM folder (the "epoch 0" of a training
 * timeline and the source of every test model), shaped by a preset and sized by its tokenizer.
 */
import { resolve } from 'node:path';
import { resolveOptions } from '../options.js';
import { ARCHITECTURES, type Architecture, type MaskedLmConfig } from './config.js';
import { INIT_DEFAULTS } from './defaults.js';
import { writeModelFolder } from './model-folder.js';
import { MODEL_PRESETS, presetConfig } from './presets.js';
import { readTokenizerInfo } from '../tokenizers/index.js';
import { UsageError } from '../errors.js';
import { countParameters } from './weight-names.js';
import { initWeights } from './weights.js';

/** Options of `initModel`: architecture, preset, tokenizer, output folder, seed. */
export interface InitModelOptions {
  arch: Architecture;
  /** tiny, small or base (default tiny). */
  preset?: 'tiny' | 'small' | 'base';
  /** tokenizer.json or a folder with one. */
  tokenizer: string;
  out: string;
  seed?: number;
  /** Init std (default 0.02, HF's initializer_range). */
  std?: number;
  maxLength?: number;
  onnx?: boolean;
  overwrite?: boolean;
}

/** The folder `initModel` wrote and the model's config. */
export interface InitModelResult {
  dir: string;
  config: MaskedLmConfig;
  parameters: number;
  weightsSha256: string;
}

/**
 * Writes a random-weight model folder.
 * @example
 * await initModel({ arch: 'roberta', preset: 'tiny', tokenizer: './tok', out: './runs/epoch-0' });
 * // { dir: '/…/runs/epoch-0', parameters: 1_330_000, … }
 */
export async function initModel(options: InitModelOptions): Promise<InitModelResult> {
  const resolved = resolveOptions('initModel', { ...INIT_DEFAULTS, arch: 'bert' as Architecture, tokenizer: '', out: '', overwrite: false }, options, {
    arch: ARCHITECTURES, preset: Object.keys(MODEL_PRESETS), tokenizer: 'string', out: 'string', seed: 'number', std: 'number',
    maxLength: 'positive-integer', onnx: 'boolean', overwrite: 'boolean',
  });
  if (!Number.isInteger(resolved.seed)) throw new UsageError(`initModel: seed must be an integer, got ${resolved.seed}`);
  const info = readTokenizerInfo(resolved.tokenizer);
  if (!info.pad) throw new UsageError(`initModel: tokenizer ${info.dir} has no padding token ([PAD] or <pad>)`);
  const config = presetConfig(resolved.arch, resolved.preset, {
    vocabSize: info.vocab.length, padTokenId: info.pad.id, bosTokenId: info.bos?.id ?? null, eosTokenId: info.eos?.id ?? null,
  }, { maxLength: resolved.maxLength, initializerRange: resolved.std });
  const weights = initWeights(config, { seed: resolved.seed, std: resolved.std });
  const { weightsSha256 } = writeModelFolder(resolved.out, {
    config, weights, tokenizer: resolved.tokenizer, onnx: resolved.onnx, overwrite: resolved.overwrite,
    provenance: { init: { arch: resolved.arch, preset: resolved.preset, seed: resolved.seed, std: resolved.std, maxLength: resolved.maxLength } },
  });
  return { dir: resolve(resolved.out), config, parameters: countParameters(config), weightsSha256 };
}
