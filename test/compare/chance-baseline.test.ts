import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chanceBand, chanceBaseline, createChanceCache, factBlocks } from '../../src/compare/chance-baseline.js';
import { InvalidOptionError, UsageError } from '../../src/errors.js';
import type { PredictionRecord } from '../../src/probe/prediction-types.js';
import { placeFill } from '../../src/probe/slot-fill.js';

const BIRTH = { id: 'place_of_birth', label: 'place of birth', template: null };

/** A record of fact `id` whose blank holds `fill` and whose gold is `gold` (the lama extractor reads these). */
function record(id: string, gold: string, fill: string, relation: PredictionRecord['relation'] = BIRTH): PredictionRecord {
  const masked = `${id} was born in [MASK] .`;
  const predicted = placeFill(masked, '[MASK]', { text: fill, spaceBefore: true });
  const golden = placeFill(masked, '[MASK]', { text: gold, spaceBefore: true });
  return {
    queryId: `${id}#0`, dataset: 'test', factId: id, subject: id, relation, gold, maskedSentence: masked,
    predictions: [{ token: fill, id: 1, prob: 0.5, word: fill, logProb: Math.log(0.5) }],
    predictedSentence: predicted.sentence, goldSentence: golden.sentence, goldRank: null, goldLogProb: null, goldIsSingleToken: true,
    goldToken: null, truncated: false, fact: { sentences: 1, predictions: [], goldRank: null, goldLogProb: null },
    fill: { text: fill, spaceBefore: true, ids: [1], tokens: [fill], logProb: Math.log(0.5), rule: 'space-token' },
    slot: { predicted: predicted.span, gold: golden.span, goldText: gold, rendering: 'model-decoder' },
  };
}

const golds = Array.from({ length: 40 }, (_, i) => `City${i}`);

test('chanceBand: mean, percentile band and the one-sided permutation p-value (1 + #null >= observed) / (R + 1)', () => {
  const band = chanceBand(0.5, [0, 0.1, 0.2, 0.5, 0.6], 0.5);
  assert.equal(band.observed, 0.5);
  assert.ok(Math.abs(band.mean! - 0.28) < 1e-12);
  assert.deepEqual([band.low, band.high], [0.1, 0.5]);
  assert.equal(band.p, (1 + 2) / 6);
  // undefined null values count as 0; an undefined observation has no p-value
  assert.equal(chanceBand(0.1, [Number.NaN, Number.NaN, 0.2], 0.95).p, (1 + 1) / 4);
  assert.equal(chanceBand(Number.NaN, [0.1], 0.95).p, null);
});

test('factBlocks: a partition of each relation into blocks of at least 2, the same whatever the input order', () => {
  const facts = Array.from({ length: 23 }, (_, i) => ({ id: `f${i}` }));
  const blocks = factBlocks('place_of_birth', facts, 4, 1337);
  assert.deepEqual(blocks.flat().map((f) => f.id).sort(), facts.map((f) => f.id).sort());
  assert.ok(blocks.every((b) => b.length >= 2 && b.length <= 5));
  assert.equal(blocks.length, 6); // 5 of 4 and one of 3
  assert.equal(factBlocks('x', facts.slice(0, 21), 4, 1).length, 5); // a last block of 1 joins the one before
  assert.deepEqual(factBlocks('place_of_birth', [...facts].reverse(), 4, 1337), blocks);
  assert.notDeepEqual(factBlocks('place_of_birth', facts, 4, 1), blocks);
});

test('oracle fills (every fact its own gold, distinct golds): F1 1, chance 0 with a zero-width band, p = 1/(R+1)', () => {
  const records = golds.map((gold, i) => record(`f${i}`, gold, gold));
  const [lama] = chanceBaseline(records, { extractors: ['lama'], replicates: 39, seed: 3 });
  assert.equal(lama!.overall.f1.observed, 1);
  assert.deepEqual([lama!.overall.f1.mean, lama!.overall.f1.low, lama!.overall.f1.high], [0, 0, 0]);
  assert.equal(lama!.overall.f1.p, 1 / 40);
  assert.equal(lama!.overall.slot.observed, 1);
  assert.equal(lama!.permutation, 'relation-block-rotations');
  assert.deepEqual(lama!.constantGroups, []);
});

test('shared golds: a fact scores by chance when another fact of its block had its gold as fill', () => {
  // 40 facts, gold London for the even ones and Paris for the odd ones; each fill is its own gold.
  const records = golds.map((_, i) => record(`f${i}`, i % 2 ? 'Paris' : 'London', i % 2 ? 'Paris' : 'London'));
  const [lama] = chanceBaseline(records, { extractors: ['lama'], replicates: 99, seed: 5, blockSize: 4 });
  const f1 = lama!.overall.f1;
  // every fill a fact can draw is London or Paris: the null lies strictly between 0 and 1
  assert.ok(f1.mean! > 0.2 && f1.mean! < 0.8, `${f1.mean}`);
  assert.ok(f1.low! < f1.high!, 'the band has width');
  assert.equal(f1.p, 1 / 100);
  // a model that fills one token everywhere: the rotation changes nothing, the null is the observation
  const constant = golds.map((gold, i) => record(`f${i}`, gold, 'London'));
  const [same] = chanceBaseline(constant, { extractors: ['lama'], replicates: 39, seed: 5 });
  assert.deepEqual(same!.constantGroups, ['place_of_birth']);
  assert.deepEqual([same!.overall.f1.observed, same!.overall.f1.low, same!.overall.f1.high, same!.overall.f1.p], [0, 0, 0, 1]);
});

test('a fact never keeps its own fill: a model right on every fact but with distinct fills scores 0 under the null', () => {
  // blocks of 2 swap; with distinct golds no swap can be right
  const records = golds.slice(0, 10).map((gold, i) => record(`f${i}`, gold, gold));
  const [lama] = chanceBaseline(records, { extractors: ['lama'], replicates: 39, seed: 9, blockSize: 2 });
  assert.equal(lama!.overall.f1.high, 0);
});

test('groups: the same replicates scored per fact group; permutation within relations; seeded and cached', () => {
  const death = { id: 'place_of_death', label: 'place of death', template: null };
  const records = golds.map((gold, i) => record(`f${i}`, i % 2 ? 'Paris' : 'London', i < 20 ? (i % 2 ? 'Paris' : 'London') : 'Rome', i % 4 < 2 ? BIRTH : death));
  const groups = new Map(records.map((r, i) => [r.factId, i < 20 ? 'seen' : 'held-out']));
  let stats = { parsed: -1, cached: -1, seconds: -1 };
  const cache = createChanceCache();
  const [a] = chanceBaseline(records, { extractors: ['lama'], replicates: 39, seed: 2, groups, cache, onStats: (s) => { stats = s; } });
  assert.deepEqual(Object.keys(a!.groups).sort(), ['held-out', 'seen']);
  assert.equal(a!.groups.seen!.facts, 20);
  assert.equal(a!.groups.seen!.f1.observed, 1);
  assert.equal(a!.groups['held-out']!.f1.observed, 0);
  assert.ok(stats.seconds >= 0);
  const [b] = chanceBaseline(records, { extractors: ['lama'], replicates: 39, seed: 2, groups, cache });
  assert.deepEqual({ ...b, seconds: 0 }, { ...a, seconds: 0 });
});

test('chanceBaseline: bad options and records without slot positions are refused', () => {
  const records = golds.slice(0, 4).map((gold) => record('f', gold, gold));
  assert.throws(() => chanceBaseline(records, { extractors: ['lama'], blockSize: 1 }), InvalidOptionError);
  assert.throws(() => chanceBaseline(records, { extractors: ['svo-plus'] }), (e: unknown) => e instanceof UsageError && /need \{ parse \}/.test(e.message));
  const { slot: _slot, ...old } = records[0]!;
  assert.throws(() => chanceBaseline([old], { extractors: ['lama'] }), (e: unknown) => e instanceof UsageError && /lmkg 0\.1/.test(e.message));
});

test('poolChanceFigures: counts summed replicate by replicate; one set pools to itself', async () => {
  const { poolChanceFigures } = await import('../../src/compare/chance-baseline.js');
  const london = golds.slice(0, 20).map((_, i) => record(`a${i}`, i % 2 ? 'Paris' : 'London', i % 2 ? 'Paris' : 'London'));
  const rome = golds.slice(0, 20).map((_, i) => record(`b${i}`, i % 3 ? 'Rome' : 'Oslo', 'Rome'));
  const [a] = chanceBaseline(london, { extractors: ['lama'], replicates: 39, seed: 1 });
  const [b] = chanceBaseline(rome, { extractors: ['lama'], replicates: 39, seed: 2 });
  assert.deepEqual(poolChanceFigures([a!.overall], 0.95), a!.overall);
  const pooled = poolChanceFigures([a!.overall, b!.overall], 0.95);
  assert.equal(pooled.facts, 40);
  assert.deepEqual(pooled.counts.observed, a!.overall.counts.observed.map((v, i) => v + b!.overall.counts.observed[i]!));
  const [m, p, g] = pooled.counts.observed;
  assert.equal(pooled.f1.observed, (2 * m) / (p + g));
  assert.equal(pooled.counts.replicates.length, 39);
});
