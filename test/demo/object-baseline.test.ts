import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostFrequentObjects, objectBaseline } from '../../src/demo/object-baseline.js';
import type { PredictionRecord } from '../../src/probe/index.js';

/** A record with what the baseline reads: dataset, fact, gold, and whether the gold is one token. */
function record(dataset: string, factId: string, gold: string, singleToken = true): PredictionRecord {
  return { dataset, factId, gold, fact: { goldRank: singleToken ? 3 : null } } as unknown as PredictionRecord;
}

test('the most frequent object per relation, counted over distinct single-token facts', () => {
  const training = [
    record('re-place-birth', 'a', 'London'), record('re-place-birth', 'a', 'London'), // one fact, two sentences
    record('re-place-birth', 'b', 'Paris'), record('re-place-birth', 'c', 'Paris'),
    record('re-place-birth', 'd', 'New York', false), record('re-place-birth', 'e', 'New York', false), record('re-place-birth', 'f', 'New York', false),
    record('re-date-birth', 'g', '1950'), record('re-date-birth', 'h', '1949'),
  ];
  assert.deepEqual(mostFrequentObjects(training), new Map([['re-place-birth', 'Paris'], ['re-date-birth', '1949']]));
});

test('the baseline P@1 on held-out facts, with a bootstrap interval', () => {
  const training = [record('re-place-birth', 'a', 'London'), record('re-place-birth', 'b', 'London'), record('re-date-birth', 'c', '1950')];
  const heldOut = [
    record('re-place-birth', 'x', 'London'), record('re-place-birth', 'y', 'Paris'), record('re-place-birth', 'z', 'Rome'),
    record('re-date-birth', 'w', '1950'), record('re-date-birth', 'v', 'Boston', false),
  ];
  const baseline = objectBaseline(training, heldOut, { seed: 1, replicates: 500 });
  assert.equal(baseline.facts, 4, 'the multi-token fact is not scored');
  assert.equal(baseline.p1.estimate, 0.5);
  assert.ok(baseline.p1.low! >= 0 && baseline.p1.low! < 0.5 && baseline.p1.high! > 0.5 && baseline.p1.high! <= 1);
  assert.equal(objectBaseline([], heldOut).p1.estimate, 0, 'no training facts: never right');
});
