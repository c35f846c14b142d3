import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { precisionAt1, precisionAt1Bootstrap } from '../../src/compare/precision-at-1.js';
import { InvalidOptionError } from '../../src/errors.js';
import { record } from './records.js';

describe('precisionAt1', () => {
  const uncasedRun = [record('a#0', 'Paris', 'paris'), record('a#1', 'Paris', 'london'), record('b#0', 'Rome', ' rome '), record('c#0', 'Oslo', 'bergen')];

  it('compares the top word with the gold, folding case for an uncased run (detected)', () => {
    assert.deepEqual(precisionAt1(uncasedRun), { value: 0.5, correct: 2, total: 4, uncased: true });
  });

  it('keeps case for a cased run and takes an explicit setting or normaliser', () => {
    const cased = [record('a#0', 'Paris', 'Paris'), record('b#0', 'Rome', 'rome')];
    assert.deepEqual(precisionAt1(cased), { value: 0.5, correct: 1, total: 2, uncased: false });
    assert.equal(precisionAt1(cased, { uncased: true }).value, 1);
    assert.equal(precisionAt1(cased, { normalise: (w) => w.slice(0, 1).toLowerCase() }).value, 1);
    assert.equal(precisionAt1([]).value, null);
    assert.throws(() => precisionAt1(cased, { uncased: 'yes' as never }), InvalidOptionError);
  });

  it('bootstraps over facts, deterministically', () => {
    const a = precisionAt1Bootstrap(uncasedRun, { seed: 5, replicates: 300 });
    assert.deepEqual(a, precisionAt1Bootstrap(uncasedRun, { seed: 5, replicates: 300 }));
    assert.equal(a.estimate, 0.5);
    assert.ok(a.low! >= 0 && a.high! <= 1 && a.low! <= 0.5 && a.high! >= 0.5);
  });
});
