import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapIntervals, quantile, seededRandom } from '../../src/compare/bootstrap.js';
import { InvalidOptionError } from '../../src/errors.js';

describe('bootstrapIntervals', () => {
  const correct = [1, 0, 1, 1, 0, 1, 0, 1, 1, 1];
  const mean = (weights: Int32Array) => {
    let sum = 0;
    let total = 0;
    weights.forEach((w, i) => {
      sum += w * correct[i]!;
      total += w;
    });
    return { mean: sum / total };
  };

  it('is deterministic for a seed and changes with the seed', () => {
    const a = bootstrapIntervals(10, mean, { seed: 7, replicates: 500 }).mean;
    const b = bootstrapIntervals(10, mean, { seed: 7, replicates: 500 }).mean;
    const values = [0.31, 1.7, 2.25, 0.05, 3.3, 1.1, 0.9, 2.8, 0.45, 1.95];
    const continuous = (seed: number) =>
      bootstrapIntervals(10, (w) => ({ m: w.reduce((s, x, i) => s + x * values[i]!, 0) / 10 }), { seed, replicates: 500 }).m;
    assert.deepEqual(continuous(7), continuous(7));
    assert.notDeepEqual([continuous(7).low, continuous(7).high], [continuous(8).low, continuous(8).high]);
    assert.deepEqual(a, b);
    assert.equal(a.estimate, 0.7);
    assert.ok(a.low! <= 0.7 && a.high! >= 0.7);
    assert.ok(a.low! >= 0.2 && a.high! <= 1);
    assert.equal(a.replicates, 500);
  });

  it('gives a zero-width interval for a constant statistic', () => {
    const result = bootstrapIntervals(5, () => ({ constant: 3 }), { replicates: 50 }).constant;
    assert.deepEqual([result.low, result.high, result.estimate], [3, 3, 3]);
  });

  it('leaves out undefined replicate values', () => {
    const result = bootstrapIntervals(3, (w) => ({ firstOnly: w[0] === 0 ? null : 1 }), { replicates: 200, seed: 3 }).firstOnly;
    assert.ok(result.replicates < 200 && result.replicates > 100);
  });

  it('rejects a level outside (0, 1)', () => {
    assert.throws(() => bootstrapIntervals(3, mean, { level: 95 }), InvalidOptionError);
  });
});

describe('quantile and seededRandom', () => {
  it('interpolates linearly like numpy', () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantile([1, 2, 3, 4], 0.025), 1.075);
    assert.equal(quantile([], 0.5), null);
  });

  it('repeats its sequence for a seed', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const values = Array.from({ length: 5 }, () => a());
    assert.deepEqual(values, Array.from({ length: 5 }, () => b()));
    assert.ok(values.every((v) => v >= 0 && v < 1));
  });
});
