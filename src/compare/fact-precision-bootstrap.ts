/**
 * @file Bootstrap interval of LAMA's P@1 at the fact level (the unit of `lamaMetrics`): a fact
 * counts when its gold is one token, and is correct when its fact-level gold rank is 1.
 * Resampling facts (Efron & Tibshirani, 1993), seeded.
 */
import type { PredictionRecord } from '../lm/index.js';
import { bootstrapIntervals, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';

export function factPrecisionAt1Bootstrap(records: readonly PredictionRecord[], options: BootstrapOptions = {}): BootstrapInterval {
  const seen = new Set<string>();
  const correct: number[] = [];
  for (const record of records) {
    const key = `${record.dataset}\u0000${record.factId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (record.fact.goldRank === null) continue;
    correct.push(record.fact.goldRank === 1 ? 1 : 0);
  }
  return bootstrapIntervals(correct.length, (weights) => {
    let hits = 0;
    let total = 0;
    for (let i = 0; i < correct.length; i += 1) {
      hits += weights[i]! * correct[i]!;
      total += weights[i]!;
    }
    return { p1: total === 0 ? null : hits / total };
  }, options).p1;
}
