import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { approximateEditDistance } from '../../src/compare/aed.js';
import { alignedEditDistance } from '../../src/compare/aligned-edit-distance.js';
import { compactGraphFromTriples, type CompactGraph } from '../../src/compare/compact-graph.js';
import { prepareEditPair } from '../../src/compare/edit-pair.js';
import { editPathCost } from '../../src/compare/edit-path-cost.js';
import { exactGraphEditDistance } from '../../src/compare/exact-ged.js';
import { hausdorffEditDistance } from '../../src/compare/hed.js';
import { UsageError } from '../../src/errors.js';
import { randomGraph, sixCycle, twoTriangles } from './graphs.js';
import { seededRandom } from '../../src/compare/bootstrap.js';

/** Minimum edit-path cost over every partial injective mapping (independent of the search). */
function bruteForceGed(g1: CompactGraph, g2: CompactGraph, useLabels: boolean): number {
  const pair = prepareEditPair(g1, g2, useLabels);
  const mapping = new Int32Array(g1.nodeCount);
  const used = new Uint8Array(g2.nodeCount);
  let best = Infinity;
  const visit = (u: number) => {
    if (u === g1.nodeCount) {
      best = Math.min(best, editPathCost(pair, mapping).cost);
      return;
    }
    mapping[u] = -1;
    visit(u + 1);
    for (let v = 0; v < g2.nodeCount; v++) {
      if (used[v]) continue;
      used[v] = 1;
      mapping[u] = v;
      visit(u + 1);
      used[v] = 0;
    }
  };
  visit(0);
  return best;
}

describe('exactGraphEditDistance', () => {
  it('gives 1 for the 6-cycle vs two triangles, with and without labels', () => {
    // at most 4 of the cycle's 6 edges fit into two triangles: delete 2, insert 2 (4 x 0.25)
    assert.equal(exactGraphEditDistance(sixCycle(), twoTriangles(), { useLabels: false }).value, 1);
    assert.equal(exactGraphEditDistance(sixCycle(), twoTriangles()).value, 1);
  });

  it('matches brute force over all mappings on random tiny graphs', () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 60; trial++) {
      const g1 = randomGraph(random, Math.floor(random() * 5), Math.floor(random() * 6), 5);
      const g2 = randomGraph(random, Math.floor(random() * 5), Math.floor(random() * 6), 5);
      const useLabels = trial % 2 === 0;
      assert.equal(exactGraphEditDistance(g1, g2, { useLabels }).value, bruteForceGed(g1, g2, useLabels), `trial ${trial}`);
    }
  });

  it('satisfies HED <= exact <= AED (and <= aligned) on random small graphs, with and without labels', () => {
    const random = seededRandom(42);
    for (let trial = 0; trial < 150; trial++) {
      const n1 = Math.floor(random() * 8);
      const n2 = Math.floor(random() * 8);
      const g1 = randomGraph(random, n1, Math.floor(random() * 2 * n1), 8, 1 + Math.floor(random() * 3));
      const g2 = randomGraph(random, n2, Math.floor(random() * 2 * n2), 8, 1 + Math.floor(random() * 3));
      for (const useLabels of [true, false]) {
        const exact = exactGraphEditDistance(g1, g2, { useLabels }).value;
        const hed = hausdorffEditDistance(g1, g2, { useLabels }).value;
        const aed = approximateEditDistance(g1, g2, { useLabels }).value;
        assert.ok(hed <= exact + 1e-9, `trial ${trial} labels=${useLabels}: HED ${hed} > exact ${exact}`);
        assert.ok(exact <= aed + 1e-9, `trial ${trial} labels=${useLabels}: exact ${exact} > AED ${aed}`);
        if (useLabels) assert.ok(exact <= alignedEditDistance(g1, g2).value + 1e-9);
      }
    }
  });

  it('refuses graphs above maxNodes and gives up after maxExpansions', () => {
    const big = compactGraphFromTriples(Array.from({ length: 13 }, (_, i) => [`n${i}`, 'r', `n${i + 1}`] as const));
    assert.throws(() => exactGraphEditDistance(big, big), UsageError);
    const random = seededRandom(9);
    const g1 = randomGraph(random, 9, 14, 20);
    const g2 = randomGraph(random, 9, 14, 20);
    assert.throws(() => exactGraphEditDistance(g1, g2, { maxExpansions: 5 }), /gave up after 5 search states/);
  });
});
