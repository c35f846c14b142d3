import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { approximateEditDistance, substitutionMatrix } from '../../src/compare/aed.js';
import { compactGraphFromTriples } from '../../src/compare/compact-graph.js';
import { prepareEditPair } from '../../src/compare/edit-pair.js';
import { InvalidOptionError, UsageError } from '../../src/errors.js';
import { sixCycle, twoTriangles } from './graphs.js';

describe('approximateEditDistance (exact-defs)', () => {
  it('gives the edit path cost of the labelled 6-cycle vs two triangles: 1', () => {
    // identity is the optimal assignment (equal labels, equal local structure):
    // keep ab, bc, de, ef; delete cd, fa; insert ca, fd -> 4 x 0.25
    const result = approximateEditDistance(sixCycle(), twoTriangles());
    assert.equal(result.value, 1);
    assert.deepEqual([...result.mapping], [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(result.path, {
      cost: 1, nodeSubstitutions: 6, nodeRelabels: 0, nodeDeletions: 0, nodeInsertions: 0,
      edgesKept: 4, edgeDeletions: 2, edgeInsertions: 2,
    });
    // raw Riesen-Bunke assignment cost: 12 x (0.5 + 0.25 x 2) indel total + 6 x (0 - 1 - 0.5 x 2) = 0
    assert.equal(result.assignmentCost, 0);
  });

  it('is an upper bound of at least 1 on the unlabelled pair', () => {
    const result = approximateEditDistance(sixCycle(), twoTriangles(), { useLabels: false });
    assert.ok(result.value >= 1);
    assert.equal(result.path.nodeSubstitutions, 6);
  });

  it('computes hand-checked small cases', () => {
    const edge = compactGraphFromTriples([['a', 'r', 'b']]);
    const empty = compactGraphFromTriples([]);
    // delete two nodes (0.5 each) and their edge (0.25)
    assert.equal(approximateEditDistance(edge, empty).value, 1.25);
    assert.equal(approximateEditDistance(empty, edge).value, 1.25);
    // relation changed: the edge is deleted and inserted
    assert.equal(approximateEditDistance(edge, compactGraphFromTriples([['a', 's', 'b']])).value, 0.5);
    // direction reversed, labels kept: 0.5; without labels the nodes swap for free
    const reversed = compactGraphFromTriples([['b', 'r', 'a']], ['a', 'b']);
    assert.equal(approximateEditDistance(edge, reversed).value, 0.5);
    assert.equal(approximateEditDistance(edge, reversed, { useLabels: false }).value, 0);
    // a renamed node: relabel (1) beats delete + insert of the node and its edge (1.5)
    const renamed = compactGraphFromTriples([['a', 'r', 'c']]);
    assert.equal(approximateEditDistance(edge, renamed).value, 1);
    assert.equal(approximateEditDistance(edge, edge).value, 0);
  });

  it('builds the substitution matrix in closed form: [labels differ] - 1 - 0.5 I(u, v)', () => {
    const g1 = compactGraphFromTriples([['a', 'r', 'b'], ['a', 'r', 'c'], ['a', 's', 'a']]);
    const g2 = compactGraphFromTriples([['a', 'r', 'x'], ['y', 'r', 'a']]);
    const matrix = substitutionMatrix(prepareEditPair(g1, g2, true));
    // g1 nodes a, b, c; g2 nodes a, x, y. a(g1): out r x2, loop s; a(g2): out r, in r -> I = 1
    assert.deepEqual([...matrix], [
      -1.5, 0, -0.5, // a: vs a (equal label, I=1), x (in r: none shared), y (out r: 1 shared)
      -0.5, -0.5, 0, // b: in r -> shares with a (y -> a) and x
      -0.5, -0.5, 0, // c: the same
    ]);
  });

  it('refuses graphs above the node limit and an exhausted time budget', () => {
    const big = compactGraphFromTriples(Array.from({ length: 30 }, (_, i) => [`n${i}`, 'r', `n${i + 1}`] as const));
    assert.throws(() => approximateEditDistance(big, big, { maxNodes: 10 }), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /31 nodes, more than maxNodes \(10\)/);
      return true;
    });
    const shuffled = compactGraphFromTriples(Array.from({ length: 30 }, (_, i) => [`m${i}`, 'r', `m${(i * 7) % 31}`] as const));
    assert.throws(() => approximateEditDistance(big, shuffled, { timeBudgetMs: -1 }), /time budget/);
  });

  it('rejects unknown options', () => {
    assert.throws(() => approximateEditDistance(sixCycle(), sixCycle(), { nodes: 3 } as never), InvalidOptionError);
  });
});
