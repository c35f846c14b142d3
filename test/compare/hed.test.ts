import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactGraphFromTriples } from '../../src/compare/compact-graph.js';
import { hausdorffEditDistance } from '../../src/compare/hed.js';
import { InvalidOptionError } from '../../src/errors.js';
import { sixCycle, twoTriangles } from './graphs.js';

describe('hausdorffEditDistance (exact-defs)', () => {
  it('cannot tell a 6-cycle from two triangles (every node has a twin)', () => {
    assert.equal(hausdorffEditDistance(sixCycle(), twoTriangles()).value, 0);
    assert.equal(hausdorffEditDistance(sixCycle(), twoTriangles(), { useLabels: false }).value, 0);
  });

  it('computes hand-checked small cases', () => {
    const edge = compactGraphFromTriples([['a', 'r', 'b']]);
    const empty = compactGraphFromTriples([]);
    // each node: 0.5 + 0.25 x 1 / 2 = 0.625; max(0.5 x 2, 1.25)
    assert.equal(hausdorffEditDistance(edge, empty).value, 1.25);
    // relation changed: a->a costs (0 + 0.5 / 2) / 2 = 0.125 (HEC = 0.25 x 2); four such terms
    assert.equal(hausdorffEditDistance(edge, compactGraphFromTriples([['a', 's', 'b']])).value, 0.5);
    // three nodes vs one: node-count bound 0.5 x 2 = 1 beats the sum (0.125 x 2 + 0.625 + 0.125 + 0 ...)
    const path = compactGraphFromTriples([['a', 'r', 'b'], ['b', 'r', 'c']]);
    const single = compactGraphFromTriples([], ['b']);
    // a: min(del 0.625, vs b: (1 + 0.25 / 2) / 2 = 0.5625); b: vs b: (0 + 0.5 / 2) / 2 = 0.125;
    // c: min(0.625, 0.5625); b (second graph): 0.125 -> 0.5625 x 2 + 0.125 x 2 = 1.375
    assert.equal(hausdorffEditDistance(path, single).value, 1.375);
    assert.equal(hausdorffEditDistance(path, path).value, 0);
  });

  it('rejects unknown options', () => {
    assert.throws(() => hausdorffEditDistance(sixCycle(), sixCycle(), { maxNodes: 3 } as never), InvalidOptionError);
  });
});
