/**
 * @file Model weights as plain Float32Arrays keyed by Hugging Face parameter name, and their
 * random initialisation as Hugging Face does it (`_init_weights`): normal(0, initializer_range)
 * for linear and embedding weights, zero biases, unit LayerNorm, padding rows zeroed.
 */
import { SeededRandom } from '../random.js';
import { modelNames, parameterSpecs } from './weight-names.js';
import type { MaskedLmConfig } from './config.js';

/** One parameter: its shape and its values in row-major order. */
export interface WeightTensor {
  shape: number[];
  data: Float32Array;
}

/** All stored parameters of a model, by HF name (the tied decoder weight is the word embeddings). */
export type ModelWeights = Map<string, WeightTensor>;

export interface InitWeightsOptions {
  /** Seed of the generator (default 0). */
  seed?: number;
  /** Std of the normal draws (default: the config's initializer_range, 0.02 in HF). */
  std?: number;
}

/**
 * Random weights for a config. Parameters are drawn in HF order from one seeded generator, so a
 * seed gives the same weights on every machine.
 * @example
 * const weights = initWeights(config, { seed: 1 });
 * weights.get('bert.embeddings.LayerNorm.weight')!.data; // Float32Array [1, 1, ...]
 */
export function initWeights(config: MaskedLmConfig, options: InitWeightsOptions = {}): ModelWeights {
  const random = new SeededRandom(options.seed ?? 0);
  const std = options.std ?? config.initializerRange;
  const names = modelNames(config);
  const weights: ModelWeights = new Map();
  for (const spec of parameterSpecs(config)) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    if (spec.kind === 'norm-weight') data.fill(1);
    else if (spec.kind === 'embedding' || spec.kind === 'linear-weight') {
      for (let i = 0; i < size; i += 1) data[i] = std * random.normal();
    }
    weights.set(spec.name, { shape: spec.shape, data });
  }
  const h = config.hiddenSize;
  // nn.Embedding(padding_idx=pad) rows start at zero: the word table in all three, RoBERTa's position table too.
  weights.get(names.wordEmbeddings)!.data.fill(0, config.padTokenId * h, (config.padTokenId + 1) * h);
  if (config.arch === 'roberta') weights.get(names.positionEmbeddings)!.data.fill(0, config.padTokenId * h, (config.padTokenId + 1) * h);
  if (config.arch === 'distilbert' && config.sinusoidalPositions) {
    weights.get(names.positionEmbeddings)!.data.set(sinusoidalTable(config.maxPositions, h));
  }
  return weights;
}

/** DistilBERT's fixed position table (HF create_sinusoidal_embeddings). */
export function sinusoidalTable(positions: number, dim: number): Float32Array {
  const table = new Float32Array(positions * dim);
  for (let pos = 0; pos < positions; pos += 1) {
    for (let j = 0; j < dim; j += 1) {
      const angle = pos / 10000 ** ((2 * Math.floor(j / 2)) / dim);
      table[pos * dim + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return table;
}
