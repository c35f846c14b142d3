import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lamaMetrics, UsageError, type PredictionRecord, type TokenPrediction } from '../../src/index.js';

const relation = (id: string) => ({ id, label: id.replaceAll('_', ' '), template: null });
const preds = (...words: string[]): TokenPrediction[] => words.map((word, i) => ({ token: `Ġ${word}`, id: i, prob: 0.5 / (i + 1), logProb: Math.log(0.5 / (i + 1)), word }));

function record(queryId: string, factId: string, rel: string, gold: string, rank: number | null, factRank: number | null, top: string[], sentences = 1): PredictionRecord {
  return {
    queryId, dataset: 're', factId, subject: 's', relation: relation(rel), gold, maskedSentence: 'x [MASK] .', predictions: preds(...top),
    predictedSentence: '', goldSentence: '', goldRank: rank, goldLogProb: rank === null ? null : -1, goldIsSingleToken: rank !== null,
    goldToken: rank === null ? null : `Ġ${gold}`, truncated: false,
    fact: { sentences, predictions: preds(...top), goldRank: factRank, goldLogProb: factRank === null ? null : -1 },
  };
}

test('lamaMetrics: exact P@1, P@k, MRR per relation, mean over relations, exclusions, substring count', () => {
  const records = [
    // relation A: fact a1 has two sentences (ranks 1 and 3; by mean log-prob the fact ranks 2), a2 rank 12, a3 not one token
    record('a1#0', 'a1', 'A', 'Paris', 1, 2, ['Paris', 'Lyon', 'Nice', 'Metz', 'Pau'], 2),
    record('a1#1', 'a1', 'A', 'Paris', 3, 2, ['Lyon', 'Nice', 'Paris', 'Metz', 'Pau'], 2),
    record('a2#0', 'a2', 'A', 'Rome', 12, 12, ['Romeo', 'Milan', 'Turin', 'Bari', 'Genoa']),
    record('a3#0', 'a3', 'A', 'New York', null, null, ['York', 'Boston', 'New', 'LA', 'SF']),
    // relation B: one fact, rank 1
    record('b1#0', 'b1', 'B', 'Bonn', 1, 1, ['Bonn', 'Köln', 'Ulm', 'Kiel', 'Jena']),
  ];
  const m = lamaMetrics(records, { k: 10 });
  const [a, b] = m.relations;
  assert.equal(a!.relation, 'A');
  assert.deepEqual(a!.facts, { counted: 2, excluded: 1, p1: 0, pk: 0.5, mrr: (1 / 2 + 1 / 12) / 2 });
  assert.deepEqual(a!.sentences, { counted: 3, excluded: 1, p1: 1 / 3, pk: 2 / 3, mrr: (1 + 1 / 3 + 1 / 12) / 3 });
  // substring: a1#0 (Paris), a1#1 (Paris in top 5), a2#0 ("Rome" in "Romeo"); a3#0 no ("New York" in no single word)
  assert.deepEqual(a!.substring, { hits: 3, sentences: 4, share: 0.75 });
  assert.deepEqual(b!.facts, { counted: 1, excluded: 0, p1: 1, pk: 1, mrr: 1 });
  assert.deepEqual(m.meanOverRelations.facts, { p1: 0.5, pk: 0.75, mrr: ((1 / 2 + 1 / 12) / 2 + 1) / 2 });
  assert.deepEqual(m.overall.facts, { counted: 3, excluded: 1, p1: 1 / 3, pk: 2 / 3, mrr: (1 / 2 + 1 / 12 + 1) / 3 });
  assert.equal(m.overall.substring.hits, 4);
  // P@k with a smaller k; the substring count looks at the top 1 only when asked
  assert.equal(lamaMetrics(records, { k: 2 }).relations[0]!.facts.pk, 0.5);
  assert.equal(lamaMetrics(records, { substringTop: 1 }).overall.substring.hits, 3);
  // the records keep 5 predictions, so a top-10 substring count looks at 5
  assert.equal(lamaMetrics(records, { substringTop: 10 }).substringTop, 5);
  assert.equal(m.substringTop, 5);
});

test('lamaMetrics: errors', () => {
  assert.throws(() => lamaMetrics([]), UsageError);
  assert.throws(() => lamaMetrics([record('a#0', 'a', 'A', 'Paris', 1, 1, ['Paris'])], { ranking: 'common' }), /probe with --common-vocab/);
  assert.throws(() => lamaMetrics([record('a#0', 'a', 'A', 'Paris', 1, 1, ['Paris'])], { k: 0 }), /positive integer/);
});
