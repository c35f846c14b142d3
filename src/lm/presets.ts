/**
 * @file Model shape presets for `lmkg model init`: `base` is the bert-base / roberta-base /
 * distilbert-base shape; `small` and `tiny` are for CPU experiments and tests. The vocabulary
 * size and special-token ids come from the tokenizer.
 */
import { InvalidOptionError } from '../errors.js';
import { validateConfig, type Architecture, type MaskedLmConfig } from './config.js';

/** Model size presets (layers, hidden size, heads) by name. */
export const MODEL_PRESETS = Object.freeze({
  /** 2 layers, hidden 128: about 0.4M parameters plus the embeddings; tests and quick runs. */
  tiny: Object.freeze({ hiddenSize: 128, numLayers: 2, numHeads: 2, intermediateSize: 512 }),
  /** 4 layers, hidden 256. */
  small: Object.freeze({ hiddenSize: 256, numLayers: 4, numHeads: 4, intermediateSize: 1024 }),
  /** bert-base / roberta-base (12 layers) and distilbert-base (6 layers). */
  base: Object.freeze({ hiddenSize: 768, numLayers: 12, numHeads: 12, intermediateSize: 3072 }),
});
/** The name of a model size preset. */
export type ModelPreset = keyof typeof MODEL_PRESETS;

export interface PresetTokens {
  vocabSize: number;
  padTokenId: number;
  bosTokenId?: number | null;
  eosTokenId?: number | null;
}

export interface PresetOverrides {
  /** Longest input in tokens, special tokens included (default 512). */
  maxLength?: number;
  /** Init std (HF initializer_range, default 0.02). */
  initializerRange?: number;
  numLayers?: number;
}

/** The config of a preset for an architecture and a tokenizer. */
export function presetConfig(arch: Architecture, preset: string, tokens: PresetTokens, overrides: PresetOverrides = {}): MaskedLmConfig {
  const shape = (MODEL_PRESETS as Record<string, (typeof MODEL_PRESETS)[ModelPreset]>)[preset];
  if (shape === undefined) {
    throw new InvalidOptionError(`presetConfig: unknown preset "${preset}"; valid presets: ${Object.keys(MODEL_PRESETS).join(', ')}`);
  }
  const maxLength = overrides.maxLength ?? 512;
  const numLayers = overrides.numLayers ?? (arch === 'distilbert' && preset === 'base' ? 6 : shape.numLayers);
  return validateConfig({
    arch,
    vocabSize: tokens.vocabSize,
    hiddenSize: shape.hiddenSize,
    numLayers,
    numHeads: shape.numHeads,
    intermediateSize: shape.intermediateSize,
    // RoBERTa's positions are offset by padding_idx + 1 (514 rows for 512 tokens, as roberta-base).
    maxPositions: arch === 'roberta' ? maxLength + tokens.padTokenId + 1 : maxLength,
    typeVocabSize: arch === 'bert' ? 2 : arch === 'roberta' ? 1 : 0,
    layerNormEps: arch === 'roberta' ? 1e-5 : 1e-12,
    padTokenId: tokens.padTokenId,
    bosTokenId: arch === 'distilbert' ? null : tokens.bosTokenId ?? null,
    eosTokenId: arch === 'distilbert' ? null : tokens.eosTokenId ?? null,
    sinusoidalPositions: false,
    hiddenDropout: 0.1,
    attentionDropout: 0.1,
    initializerRange: overrides.initializerRange ?? 0.02,
  }, `preset ${preset}`);
}
