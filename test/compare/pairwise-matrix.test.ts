import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactGraphFromTriples } from '../../src/compare/compact-graph.js';
import { pairwiseMatrix } from '../../src/compare/pairwise-matrix.js';
import type { PosTagger } from '../../src/compare/pos-profile.js';

const tagger: PosTagger = (text) => text.split(' ').map(() => 'NOUN');

describe('pairwiseMatrix', () => {
  it('fills every ordered pair, with zero distances on the diagonal', () => {
    const graphs = [
      { name: 'one', kg: compactGraphFromTriples([['a', 'r', 'b']]) },
      { name: 'two', kg: compactGraphFromTriples([['a', 'r', 'b'], ['b', 'r', 'c']]) },
      { name: 'three', kg: compactGraphFromTriples([['x', 's', 'y']]) },
    ];
    const result = pairwiseMatrix(graphs, { graph: 'all', tagger, metrics: ['triples', 'hed', 'aligned', 'feather', 'pos'] });
    assert.deepEqual(result.names, ['one', 'two', 'three']);
    assert.deepEqual(result.matrices.aligned, [[0, 0.75, 2.5], [0.75, 0, 3.25], [2.5, 3.25, 0]]);
    assert.deepEqual(result.matrices.tripleF1!.map((row) => row.map((v) => Number(v!.toFixed(4)))), [[1, 0.6667, 0], [0.6667, 1, 0], [0, 0, 1]]);
    for (let i = 0; i < 3; i++) {
      assert.equal(result.matrices.hed![i]![i], 0);
      assert.ok(Math.abs(result.matrices.featherCosine![i]![i]! - 1) < 1e-12);
      assert.equal(result.matrices.featherEuclidean![i]![i], 0);
    }
    assert.equal(result.matrices.posOverlap![0]![2], 1);
    assert.equal(result.matrices.aed, undefined);
  });
});
