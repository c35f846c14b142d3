/**
 * @file Seeded nonparametric bootstrap with percentile intervals (B. Efron and R. J. Tibshirani,
 * "An Introduction to the Bootstrap", Chapman & Hall, 1993, ch. 13): resample the units (facts) with
 * replacement, recompute the statistics on each replicate, and take the (1 - level) / 2 and
 * 1 - (1 - level) / 2 quantiles (linear interpolation, numpy's default). The same seed gives the
 * same intervals.
 */
import { InvalidOptionError } from '../errors.js';
import { SeededRandom } from '../random.js';
import { resolveOptions } from '../options.js';
import { BOOTSTRAP_DEFAULTS } from './defaults.js';

/** Replicates and confidence level of a bootstrap interval. */
export interface BootstrapOptions {
  replicates?: number;
  seed?: number;
  level?: number;
}

/** A percentile bootstrap interval around a statistic. */
export interface BootstrapInterval {
  /** The statistic on the original sample. */
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** Replicates with a defined value (a statistic can be undefined on a replicate, e.g. 0 / 0). */
  replicates: number;
  seed: number;
  level: number;
}

/**
 * Bootstrap intervals of several statistics computed from the same replicates. `statistics` gets
 * the multiplicity of each unit in the replicate (all ones for the original sample) and returns the
 * value of each statistic (null where undefined).
 *
 * @example
 * const correct = [1, 0, 1, 1];
 * bootstrapIntervals(4, (w) => ({ p1: w.reduce((s, x, i) => s + x * correct[i], 0) / 4 }), { seed: 1 }).p1
 * // { estimate: 0.75, low: 0.25, high: 1, replicates: 1000, seed: 1, level: 0.95 }
 */
export function bootstrapIntervals<K extends string>(
  unitCount: number,
  statistics: (weights: Int32Array) => Record<K, number | null>,
  options: BootstrapOptions = {},
): Record<K, BootstrapInterval> {
  const { replicates, seed, level } = resolveOptions('bootstrapIntervals', BOOTSTRAP_DEFAULTS, options, {
    replicates: 'positive-integer',
    seed: 'number',
    level: 'number',
  });
  if (!(level > 0 && level < 1)) {
    throw new InvalidOptionError(`bootstrapIntervals: option "level" must be between 0 and 1 (e.g. 0.95), got ${level}`);
  }
  const weights = new Int32Array(unitCount).fill(1);
  const estimates = statistics(weights);
  const names = Object.keys(estimates) as K[];
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  const random = seededRandom(seed);
  for (let r = 0; r < replicates; r++) {
    weights.fill(0);
    for (let k = 0; k < unitCount; k++) weights[Math.floor(random() * unitCount)]! += 1;
    const values = statistics(weights);
    for (const name of names) {
      const value = values[name];
      if (value !== null && Number.isFinite(value)) samples.get(name)!.push(value);
    }
  }
  const out = {} as Record<K, BootstrapInterval>;
  for (const name of names) {
    const sorted = Float64Array.from(samples.get(name)!).sort();
    out[name] = {
      estimate: estimates[name],
      low: quantile(sorted, (1 - level) / 2),
      high: quantile(sorted, 1 - (1 - level) / 2),
      replicates: sorted.length,
      seed,
      level,
    };
  }
  return out;
}

/** Quantile of sorted values by linear interpolation (numpy.quantile's default); null when empty. */
export function quantile(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/** A seeded uniform generator on [0, 1) (lmkg's one generator, src/random.ts). */
export function seededRandom(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}
