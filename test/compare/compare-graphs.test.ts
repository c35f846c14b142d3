import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareGraphs, PAPER_MODE_NOTES } from '../../src/compare/compare-graphs.js';
import type { PosTagger } from '../../src/compare/pos-profile.js';
import { InvalidOptionError } from '../../src/errors.js';
import { addTriple, createKnowledgeGraph } from '../../src/kg/create.js';
import type { KnowledgeGraph } from '../../src/kg/types.js';
import { record } from './records.js';

const tagger: PosTagger = (text) => text.split(/\s+/u).filter(Boolean).map((w) => (/^[A-Z]/u.test(w) ? 'PROPN' : w === 'in' ? 'ADP' : 'VERB'));

function kg(name: string, triples: Array<[string, string, string, string]>): KnowledgeGraph {
  const graph = createKnowledgeGraph({ name });
  for (const [subject, relation, object, queryId] of triples) addTriple(graph, { subject, relation, object }, queryId);
  return graph;
}

const cycle = kg('cycle', ['a', 'b', 'c', 'd', 'e', 'f'].map((x, i, all) => [x, 'r', all[(i + 1) % 6]!, `f${i}#0`]));
const triangles = kg('triangles', [
  ['a', 'r', 'b', 'f0#0'], ['b', 'r', 'c', 'f1#0'], ['c', 'r', 'a', 'f2#0'], ['d', 'r', 'e', 'f3#0'], ['e', 'r', 'f', 'f4#0'], ['f', 'r', 'd', 'f5#0'],
]);

describe('compareGraphs', () => {
  it('computes every metric of exact-defs mode on the 6-cycle vs two triangles', () => {
    const result = compareGraphs(cycle, triangles, { graph: 'all', tagger, metrics: ['triples', 'aed', 'hed', 'aligned', 'exact', 'feather', 'pos'], bootstrapReplicates: 200 });
    assert.equal(result.mode, 'exact-defs');
    assert.deepEqual(result.graph, { name: 'cycle', nodes: 6, edges: 6 });
    assert.equal(result.aed!.value, 1);
    assert.equal(result.hed!.value, 0);
    assert.equal(result.aligned!.value, 1);
    assert.equal(result.exact!.value, 1);
    assert.deepEqual([result.triples!.intersection, result.triples!.precision], [4, 4 / 6]);
    assert.ok(result.triples!.ci!.precision.low! <= 4 / 6);
    assert.equal(result.feather!.dimensions, 500);
    assert.ok(result.feather!.cosine < 1 && result.feather!.cosine > 0.5, `cosine ${result.feather!.cosine}`);
    assert.equal(result.pos!.overlap, 1);
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(result.notes, []);
    assert.equal(result.options.mode, 'exact-defs');
  });

  it('reproduces the paper: AED = HED = 0, FEATHER at order 10 rounded, and says so', () => {
    const result = compareGraphs(cycle, triangles, { mode: 'paper', tagger, metrics: ['aed', 'hed', 'feather'] });
    assert.equal(result.aed!.value, 0);
    assert.equal(result.hed!.value, 0);
    assert.equal(result.feather!.dimensions, 1000);
    assert.equal(result.feather!.normalisation, 'karateclub');
    assert.deepEqual(result.notes, [...PAPER_MODE_NOTES]);
  });

  it('adds P@1 with an interval when predictions are given', () => {
    const predictions = [record('f0#0', 'Paris', 'paris'), record('f1#0', 'Rome', 'oslo')];
    const result = compareGraphs(cycle, triangles, { graph: 'all', tagger, metrics: ['triples'], predictions, bootstrapReplicates: 100 });
    assert.equal(result.precisionAt1!.value, 0.5);
    assert.equal(result.precisionAt1!.ci!.replicates, 100);
  });

  it('lists a metric it cannot compute as skipped, with the reason', () => {
    const result = compareGraphs(cycle, triangles, { graph: 'all', tagger, metrics: ['aed', 'hed'], aedMaxNodes: 3 });
    assert.equal(result.aed, undefined);
    assert.equal(result.hed!.value, 0);
    assert.equal(result.skipped.length, 1);
    assert.match(result.skipped[0]!.reason, /more than maxNodes \(3\)/);
    const empty = compareGraphs(createKnowledgeGraph(), triangles, { tagger, mode: 'paper', metrics: ['aed', 'feather'] });
    assert.deepEqual(empty.skipped.map((s) => s.metric), ['aed', 'feather']);
  });

  it('tags with the NLP layer by default', () => {
    const a = kg('a', [['Allan Dwan', 'was born in', 'Toronto', 'q#0']]);
    const b = kg('b', [['Allan Dwan', 'was born in', 'Paris', 'q#0']]);
    const result = compareGraphs(a, b, { graph: 'all', metrics: ['pos'], bootstrapReplicates: 0 });
    assert.equal(result.pos!.predicted.PROPN, 3);
    assert.equal(result.pos!.overlap, 1);
  });

  it('rejects bad options', () => {
    assert.throws(() => compareGraphs(cycle, triangles, { metrics: ['ged' as never] }), InvalidOptionError);
    assert.throws(() => compareGraphs(cycle, triangles, { mode: 'exact' as never }), InvalidOptionError);
    assert.throws(() => compareGraphs(cycle, triangles, { bootstrapReplicates: -1 }), InvalidOptionError);
  });
});
