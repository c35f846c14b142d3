import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { factTripleScores } from '../../src/compare/fact-triple-scores.js';
import { buildKnowledgeGraph } from '../../src/kg/build.js';
import type { TriplePart } from '../../src/kg/types.js';
import { record } from './records.js';

type Row = [subject: string, relation: string, object: string, queryId: string, slot: TriplePart[]];

const graph = (rows: Row[]) => buildKnowledgeGraph(rows.map(([subject, relation, object, queryId, slot]) => ({
  subject, relation, object, provenance: { queryId, factId: queryId.split('#')[0]!, sentence: 'x', extractor: 'svo-plus', slot },
})));

// Four facts, two relations:
//   f1 (birth): gold {A born-in Toronto}, predicted {A born-in Toronto, Toronto bear A}      -> matched 1, predicted 2, gold 1
//   f2 (birth): gold {B born-in London, London bear B}, predicted {B born-in Paris}            -> 0, 1, 2
//   f3 (death): gold {} (the extractor missed the slot), predicted {C died-in Rome}           -> 0, 1, 0 (not covered)
//   f4 (death): gold {D died-in Oslo}, predicted {} (no fact triple)                           -> 0, 0, 1
// plus context triples (slot []) on both sides, which never count.
const gold = graph([
  ['A', 'born in', 'Toronto', 'f1#0', ['object']], ['A', 'was', 'director', 'f1#0', []],
  ['B', 'born in', 'London', 'f2#0', ['object']], ['London', 'bear', 'B', 'f2#1', ['subject']],
  ['C', 'was', 'painter', 'f3#0', []],
  ['D', 'died in', 'Oslo', 'f4#0', ['object']],
]);
const predicted = graph([
  ['A', 'born in', 'Toronto', 'f1#0', ['object']], ['Toronto', 'bear', 'A', 'f1#0', ['subject']], ['A', 'was', 'director', 'f1#0', []],
  ['B', 'born in', 'Paris', 'f2#0', ['object']],
  ['C', 'died in', 'Rome', 'f3#0', ['object']], ['C', 'was', 'painter', 'f3#0', []],
]);
const birth = { id: 'place_of_birth', label: 'place of birth', template: null };
const death = { id: 'place_of_death', label: 'place of death', template: null };
const records = [
  record('f1#0', 'Toronto', 'Toronto', { relation: birth }), record('f2#0', 'London', 'Paris', { relation: birth }),
  record('f2#1', 'London', 'Paris', { relation: birth }), record('f3#0', 'Rome', 'Rome', { relation: death }),
  record('f4#0', 'Oslo', ',', { relation: death }),
];

test('factTripleScores: per fact, summed over facts; covered facts; per relation and their macro mean', () => {
  const scores = factTripleScores(predicted, gold, { records });
  assert.deepEqual(scores.perFact, [
    { factId: 'f1', relation: 'place_of_birth', matched: 1, predicted: 2, gold: 1 },
    { factId: 'f2', relation: 'place_of_birth', matched: 0, predicted: 1, gold: 2 },
    { factId: 'f3', relation: 'place_of_death', matched: 0, predicted: 1, gold: 0 },
    { factId: 'f4', relation: 'place_of_death', matched: 0, predicted: 0, gold: 1 },
  ]);
  // micro: matched 1 of 4 predicted, of 4 gold; F1 = 2 * 1 / (4 + 4)
  assert.deepEqual(scores.micro, { precision: 1 / 4, recall: 1 / 4, f1: 2 / 8, matched: 1, predicted: 4, gold: 4, facts: 4 });
  // covered facts leave out f3 (no gold fact triple): precision 1 / 3, recall unchanged
  assert.deepEqual(scores.coveredOnly, { precision: 1 / 3, recall: 1 / 4, f1: 2 / 7, matched: 1, predicted: 3, gold: 4, facts: 3 });
  assert.deepEqual(scores.byRelation, [
    { relation: 'place_of_birth', precision: 1 / 3, recall: 1 / 3, f1: 2 / 6, matched: 1, predicted: 3, gold: 3, facts: 2 },
    { relation: 'place_of_death', precision: 0, recall: 0, f1: 0, matched: 0, predicted: 1, gold: 1, facts: 2 },
  ]);
  assert.deepEqual(scores.macro, { precision: 1 / 6, recall: 1 / 6, f1: 1 / 6, relations: 2 });
  // the graphs' own triple P/R/F1 would count the shared context triples; the fact scores never do
  assert.equal(scores.ci, undefined);
});

test('factTripleScores: undefined where a denominator is 0; a bootstrap interval around the estimate', () => {
  const empty = factTripleScores(buildKnowledgeGraph([]), gold, { records });
  assert.deepEqual([empty.micro.precision, empty.micro.recall, empty.micro.f1], [null, 0, 0]);
  const withCi = factTripleScores(predicted, gold, { records, bootstrap: { replicates: 200, seed: 7 } });
  assert.equal(withCi.ci!.f1.estimate, 1 / 4);
  assert.ok(withCi.ci!.f1.low! <= 0.25 && withCi.ci!.f1.high! >= 0.25);
  assert.deepEqual(factTripleScores(predicted, gold, { records, bootstrap: { replicates: 200, seed: 7 } }).ci, withCi.ci);
});

test('factTripleScores: without records, the facts seen in the graphs; graphs without slot provenance are a UsageError', () => {
  const scores = factTripleScores(predicted, gold);
  assert.equal(scores.micro.facts, 4);
  assert.deepEqual(scores.byRelation.map((r) => r.relation), ['all']);
  const plain = buildKnowledgeGraph([{ subject: 'a', relation: 'r', object: 'b', provenance: { queryId: 'f1#0', factId: 'f1', sentence: 'x', extractor: 'svo' } }]);
  assert.throws(() => factTripleScores(plain, gold), (error: unknown) => error instanceof UsageError && /no slot provenance/.test(error.message));
});
