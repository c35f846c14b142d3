/**
 * @file Bootstrap interval of LAMA's P@1 at the fact level (the unit of `lamaMetrics`): a fact
 * counts when its gold is one token, and is correct when its fact-level gold rank is 1.
 * Resampling facts (Efron & Tibshirani, 1993), seeded.
 */
import type { PredictionRecord } from '../probe/index.js';
import { SeededRandom } from '../random.js';
import { bootstrapIntervals, quantile, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';
import { BOOTSTRAP_DEFAULTS } from './defaults.js';

export function factPrecisionAt1Bootstrap(records: readonly PredictionRecord[], options: BootstrapOptions = {}): BootstrapInterval {
  return proportionBootstrap(factCorrectness(records), options);
}

/** Bootstrap interval of the share of 1s among 0/1 values (one per resampled unit), seeded. */
export function proportionBootstrap(values: readonly number[], options: BootstrapOptions = {}): BootstrapInterval {
  return bootstrapIntervals(values.length, (weights) => {
    let hits = 0;
    let total = 0;
    for (let i = 0; i < values.length; i += 1) {
      hits += weights[i]! * values[i]!;
      total += weights[i]!;
    }
    return { p1: total === 0 ? null : hits / total };
  }, options).p1;
}

/** One record per (dataset, fact) whose gold is one token: the facts LAMA's fact-level P@1 scores. */
export function scoredFacts(records: readonly PredictionRecord[]): PredictionRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const key = `${record.dataset}\u0000${record.factId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return record.fact.goldRank !== null;
  });
}

/** Per-fact correctness (fact-level gold rank 1) of the facts whose gold is one token. */
export function factCorrectness(records: readonly PredictionRecord[]): number[] {
  return scoredFacts(records).map((record) => (record.fact.goldRank === 1 ? 1 : 0));
}

/**
 * Bootstrap interval of P@1(a) - P@1(b) for two disjoint sets of facts (e.g. facts seen in training
 * and held-out facts): a stratified bootstrap, each set resampled with replacement on its own.
 */
export function factPrecisionDifferenceBootstrap(a: readonly PredictionRecord[], b: readonly PredictionRecord[], options: BootstrapOptions = {}): BootstrapInterval {
  const { replicates, seed, level } = { ...BOOTSTRAP_DEFAULTS, ...options };
  const ca = factCorrectness(a);
  const cb = factCorrectness(b);
  const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
  if (ca.length === 0 || cb.length === 0) return { estimate: null, low: null, high: null, replicates: 0, seed, level };
  const random = new SeededRandom(seed);
  const resampledMean = (values: number[]): number => {
    let hits = 0;
    for (let i = 0; i < values.length; i += 1) hits += values[random.int(values.length)]!;
    return hits / values.length;
  };
  const diffs = new Float64Array(replicates);
  for (let r = 0; r < replicates; r += 1) diffs[r] = resampledMean(ca) - resampledMean(cb);
  diffs.sort();
  return { estimate: mean(ca) - mean(cb), low: quantile(diffs, (1 - level) / 2), high: quantile(diffs, 1 - (1 - level) / 2), replicates, seed, level };
}
