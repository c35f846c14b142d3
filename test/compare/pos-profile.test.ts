import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactGraphFromTriples } from '../../src/compare/compact-graph.js';
import { posComparisonByRelation } from '../../src/compare/pos-compare.js';
import { comparePosCounts, overlapRatio, POS_TAGS, posProfile, type PosTagger } from '../../src/compare/pos-profile.js';

const DICTIONARY: Record<string, string> = { allan: 'PROPN', dwan: 'PROPN', toronto: 'PROPN', born: 'VERB', in: 'ADP', the: 'DET', city: 'NOUN' };
/** A hand-made tagger: one tag per space-separated word. */
const tagger: PosTagger = (text) => text.split(/\s+/u).filter(Boolean).map((word) => DICTIONARY[word.toLowerCase()] ?? 'X');

const predicted = compactGraphFromTriples([
  ['Allan Dwan', 'born in', 'Toronto', ['f1#0']],
  ['Allan Dwan', 'born in', 'city', ['f2#0']],
]);
const gold = compactGraphFromTriples([
  ['Allan Dwan', 'born in', 'Toronto', ['f1#0']],
  ['Toronto', 'in', 'the city', ['f2#0']],
]);

describe('posProfile and comparePosCounts', () => {
  it('counts the tags of source, relation and target words', () => {
    const p = posProfile(predicted, { tagger });
    const counts = Object.fromEntries(POS_TAGS.map((tag, i) => [tag, p.counts[i]]).filter(([, c]) => c !== 0));
    assert.deepEqual(counts, { PROPN: 5, VERB: 2, ADP: 2, NOUN: 1 });
  });

  it('scores a hand-made pair the way the paper defines it (exact-defs)', () => {
    const result = comparePosCounts(posProfile(predicted, { tagger }).counts, posProfile(gold, { tagger }).counts);
    // gold: PROPN 4, VERB 1, ADP 2, DET 1, NOUN 1
    assert.equal(result.score.PROPN, 25);
    assert.equal(result.score.VERB, 100);
    assert.equal(result.score.ADP, 0);
    assert.equal(result.score.NOUN, 0);
    assert.equal(result.score.DET, -100);
    assert.equal(result.score.PUNCT, null);
    assert.deepEqual(result.absentFromGold, {});
    assert.equal(result.spider.PROPN, 0.75);
    assert.equal(result.spider.VERB, 0);
    assert.equal(result.spider.ADP, 1);
    assert.equal(result.spider.DET, 0);
    // proportions: min sum 77/90, max sum 103/90; counts: 8 / 11
    assert.ok(Math.abs(result.overlap! - 77 / 103) < 1e-12);
    assert.ok(Math.abs(result.countOverlap! - 8 / 11) < 1e-12);
  });

  it('reports a tag absent from gold separately and follows the paper\'s notebook in paper mode', () => {
    const extra = compactGraphFromTriples([['Allan Dwan', 'born in', 'Toronto'], ['the city', 'in', 'Toronto']]);
    const small = compactGraphFromTriples([['Allan Dwan', 'born in', 'Toronto'], ['Toronto', 'born in', 'Toronto']]);
    const p = posProfile(extra, { tagger }).counts; // PROPN 4, VERB 1, ADP 2, DET 1, NOUN 1
    const g = posProfile(small, { tagger }).counts; // PROPN 5, VERB 2, ADP 2
    const exact = comparePosCounts(p, g);
    assert.deepEqual(exact.absentFromGold, { DET: 1, NOUN: 1 });
    assert.equal(exact.score.DET, null);
    assert.equal(exact.score.PROPN, -20);
    const paper = comparePosCounts(p, g, 'paper');
    assert.equal(paper.score.DET, 0); // the notebook writes 0 when gold has no such tag
    assert.equal(paper.spider.DET, 1);
    assert.equal(paper.score.VERB, -50);
    assert.equal(paper.score.AUX, null); // absent from the graph: not listed
    const third = comparePosCounts(Float64Array.of(1, ...new Array(16).fill(0)), Float64Array.of(3, ...new Array(16).fill(0)), 'paper');
    assert.equal(third.score.NOUN, -66.667); // round((1 - 3) * 100 / 3, 3)
  });

  it('weights by extraction count when asked', () => {
    const weighted = { ...predicted, edgeExtractions: Int32Array.of(3, 1) };
    const p = posProfile(weighted, { tagger, weighting: 'extractions' });
    assert.equal(p.counts[POS_TAGS.indexOf('VERB')], 4);
  });

  it('compares per relation', () => {
    const rows = posComparisonByRelation(posProfile(predicted, { tagger }), posProfile(gold, { tagger }));
    assert.deepEqual(rows.map((r) => [r.relation, r.predictedWords, r.goldWords]), [['born in', 10, 5], ['in', 0, 4]]);
    assert.equal(rows[1]!.overlap, null);
    // born in: pred PROPN .5 VERB .2 ADP .2 NOUN .1; gold PROPN .6 VERB .2 ADP .2
    assert.ok(Math.abs(rows[0]!.overlap! - 0.9 / 1.1) < 1e-12);
  });

  it('overlapRatio is 1 for equal distributions and null without data', () => {
    assert.equal(overlapRatio([1, 2, 3], [2, 4, 6], true), 1);
    assert.equal(overlapRatio([0, 0], [1, 0], true), null);
    assert.equal(overlapRatio([0, 0], [0, 0], false), null);
  });
});
