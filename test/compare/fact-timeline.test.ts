import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factTimeline, factTimelineCsv } from '../../src/compare/fact-timeline.js';
import { UsageError } from '../../src/errors.js';
import { record } from './records.js';

// four facts over three epochs (uncased run):
//   a: wrong, right, right   -> acquired at epoch-2
//   b: right, wrong, wrong   -> forgotten
//   c: wrong, wrong, wrong   -> never
//   d: right, wrong, right   -> acquired (relearned at epoch-3), first correct epoch-1
const series = [
  { name: 'epoch-1', records: [record('a#0', 'Paris', 'rome'), record('b#0', 'Oslo', 'oslo'), record('c#0', 'Bern', 'rome'), record('d#0', 'Lima', 'lima')] },
  { name: 'epoch-2', records: [record('a#0', 'Paris', 'paris'), record('b#0', 'Oslo', 'rome'), record('c#0', 'Bern', 'rome'), record('d#0', 'Lima', 'rome')] },
  { name: 'epoch-3', records: [record('a#0', 'Paris', 'paris'), record('b#0', 'Oslo', 'rome'), record('c#0', 'Bern', 'rome'), record('d#0', 'Lima', 'lima'), record('e#0', 'Kyiv', 'kyiv')] },
];

describe('factTimeline', () => {
  it('follows each fact over a hand-made series', () => {
    const timeline = factTimeline(series);
    assert.equal(timeline.excluded, 1); // e is only in epoch-3
    assert.deepEqual(
      timeline.facts.map((f) => [f.id, f.status, f.firstCorrect, f.acquiredAt, f.flips]),
      [['a#0', 'acquired', 1, 1, 1], ['b#0', 'forgotten', 0, null, 1], ['c#0', 'never', null, null, 0], ['d#0', 'acquired', 0, 2, 2]],
    );
    assert.deepEqual(timeline.totals, { acquired: 2, forgotten: 1, never: 1 });
    assert.deepEqual(timeline.counts, [
      { snapshot: 'epoch-1', correct: 2, acquired: 2, forgotten: 0, never: 2, gained: 0, lost: 0 },
      { snapshot: 'epoch-2', correct: 1, acquired: 3, forgotten: 2, never: 1, gained: 1, lost: 2 },
      { snapshot: 'epoch-3', correct: 2, acquired: 3, forgotten: 1, never: 1, gained: 1, lost: 0 },
    ]);
    assert.deepEqual(timeline.facts[0]!.predicted, ['rome', 'paris', 'paris']);
  });

  it('writes CSV with one 0/1 column per snapshot', () => {
    const csv = factTimelineCsv(factTimeline(series));
    const lines = csv.trim().split('\n');
    assert.equal(lines[0], 'id,fact_id,subject,relation,gold,status,first_correct,acquired_at,flips,epoch-1,epoch-2,epoch-3');
    assert.equal(lines[1], 'a#0,a,subject of a,place_of_birth,Paris,acquired,epoch-2,epoch-2,1,0,1,1');
    assert.equal(lines.length, 5);
  });

  it('counts a fact as correct only when all its queries are (unit "fact")', () => {
    const byFact = factTimeline([
      { name: 's1', records: [record('a#0', 'Paris', 'paris'), record('a#1', 'Paris', 'rome')] },
      { name: 's2', records: [record('a#0', 'Paris', 'paris'), record('a#1', 'Paris', 'paris')] },
    ], { unit: 'fact' });
    assert.deepEqual(byFact.facts.map((f) => [f.id, f.correct]), [['a', [false, true]]]);
  });

  it('refuses an empty series and repeated names', () => {
    assert.throws(() => factTimeline([]), UsageError);
    assert.throws(() => factTimeline([series[0]!, series[0]!]), /appears twice/);
  });
});
