import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignedEditDistance } from '../../src/compare/aligned-edit-distance.js';
import { compactGraphFromTriples } from '../../src/compare/compact-graph.js';
import { sixCycle, twoTriangles } from './graphs.js';

describe('alignedEditDistance', () => {
  it('counts nodes and triples found in only one graph', () => {
    const g1 = compactGraphFromTriples([['Allan Dwan', 'born in', 'Toronto'], ['Toronto', 'in', 'Canada']]);
    const g2 = compactGraphFromTriples([['allan  dwan', 'born in', 'Ottawa'], ['Toronto', 'in', 'Canada']]);
    // Ottawa inserted, nothing deleted (Toronto stays through its other triple): 0.5;
    // (allan dwan, born in, toronto) deleted and (allan dwan, born in, ottawa) inserted: 0.5
    const result = alignedEditDistance(g1, g2);
    assert.equal(result.value, 1);
    assert.equal(result.path.nodeInsertions, 1);
    assert.equal(result.path.nodeDeletions, 0);
    assert.equal(result.path.edgesKept, 1);
  });

  it('is 1 for the 6-cycle vs two triangles on the same names', () => {
    assert.equal(alignedEditDistance(sixCycle(), twoTriangles()).value, 1);
  });

  it('treats a changed relation as delete + insert', () => {
    const g1 = compactGraphFromTriples([['a', 'r', 'b']]);
    assert.equal(alignedEditDistance(g1, compactGraphFromTriples([['a', 'R ', 'b']])).value, 0);
    assert.equal(alignedEditDistance(g1, compactGraphFromTriples([['a', 's', 'b']])).value, 0.5);
  });
});
