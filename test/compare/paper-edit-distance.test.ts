import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compactGraphFromTriples } from '../../src/compare/compact-graph.js';
import { linearSumAssignment } from '../../src/compare/linear-sum-assignment.js';
import {
  adjacencyLength, paperApproximateEditDistance, paperHausdorffEditDistance,
} from '../../src/compare/paper-edit-distance.js';
import { toPaperGraph, type PaperGraph } from '../../src/compare/paper-graph.js';
import { UsageError } from '../../src/errors.js';
import { sixCycle, twoTriangles } from './graphs.js';
import { seededRandom } from '../../src/compare/bootstrap.js';

/** A paper graph with nodes 0..n-1 in index order (as networkx keeps them when added first). */
function paperGraphFromEdges(edges: number[][]): PaperGraph {
  const n = edges.length === 0 ? 0 : 1 + Math.max(...edges.flat());
  const adjacency = Array.from({ length: n }, () => new Set<number>());
  const selfLoop = new Uint8Array(n);
  for (const [a, b] of edges) {
    if (a === b) selfLoop[a!] = 1;
    else {
      adjacency[a!]!.add(b!);
      adjacency[b!]!.add(a!);
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + adjacency[i]!.size;
  const neighbours = Int32Array.from(adjacency.flatMap((set) => [...set]));
  return { nodeCount: n, stems: Array.from({ length: n }, (_, i) => String(i)), offsets, neighbours, selfLoop };
}

/**
 * The paper's AED matrix built as priba's AproximatedEditDistance.cost_matrix does with numpy:
 * zero substitutions, np.fill_diagonal cycling the first graph's insertion costs over the insertion
 * block and the second graph's deletion costs over the deletion block, inf elsewhere; solved here.
 */
function paperAedByMatrix(g1: PaperGraph, g2: PaperGraph): number {
  const n1 = g1.nodeCount;
  const n2 = g2.nodeCount;
  const size = n1 + n2;
  const matrix = new Float64Array(size * size);
  for (let i = n1; i < size; i++) for (let j = 0; j < n2; j++) matrix[i * size + j] = Infinity;
  for (let i = 0; i < n1; i++) for (let j = n2; j < size; j++) matrix[i * size + j] = Infinity;
  for (let k = 0; k < n2; k++) matrix[(n1 + k) * size + k] = 0.5 + 0.25 * adjacencyLength(g1, k % n1);
  for (let k = 0; k < n1; k++) matrix[k * size + n2 + k] = 0.5 + 0.25 * adjacencyLength(g2, k % n2);
  return linearSumAssignment(matrix, size, size).cost;
}

describe('toPaperGraph', () => {
  it('stems labels, drops relations and direction, and keeps the networkx node order', () => {
    const graph = compactGraphFromTriples([
      ['Running', 'r1', 'cities'],
      ['Paris', 'r2', 'London'],
      ['runs', 'r3', 'city'], // same stems as the first triple: collapses into it
      ['city', 'r4', 'running'], // reverse edge: collapses too
      ['Paris', 'r5', 'paris'], // same node after keying
      ['London', 'r6', 'Londons'], // stems meet: self-loop
    ]);
    const paper = toPaperGraph(graph);
    assert.deepEqual(paper.stems, ['run', 'citi', 'pari', 'london']);
    assert.deepEqual([...paper.selfLoop], [0, 0, 1, 1]);
    assert.deepEqual([0, 1, 2, 3].map((node) => adjacencyLength(paper, node)), [1, 1, 2, 2]);
  });

  it('lists edges source by source, as networkx iterates a MultiDiGraph', () => {
    // rows (A,B), (C,D), (A,E): edges() gives (A,B), (A,E), (C,D) -> node order A, B, E, C, D
    const paper = toPaperGraph(compactGraphFromTriples([['a', 'r', 'b'], ['c', 'r', 'd'], ['a', 'r', 'e']]));
    assert.deepEqual(paper.stems, ['a', 'b', 'e', 'c', 'd']);
  });
});

describe('paper AED and HED', () => {
  it('gives 0 for a 6-cycle vs two triangles (the paper\'s blind spot)', () => {
    const cycle = toPaperGraph(sixCycle());
    const triangles = toPaperGraph(twoTriangles());
    assert.equal(paperApproximateEditDistance(cycle, triangles), 0);
    assert.equal(paperHausdorffEditDistance(cycle, triangles), 0);
  });

  it('reproduces the values of the paper\'s own code on 40 random graph pairs', () => {
    const fixture = JSON.parse(readFileSync(new URL('./fixtures/paper-ged-cases.json', import.meta.url), 'utf8')) as {
      cases: Array<{ edges1: number[][]; edges2: number[][]; aed: number; hed: number }>;
    };
    for (const [k, item] of fixture.cases.entries()) {
      const g1 = paperGraphFromEdges(item.edges1);
      const g2 = paperGraphFromEdges(item.edges2);
      assert.equal(paperApproximateEditDistance(g1, g2), item.aed, `case ${k} AED`);
      assert.equal(paperHausdorffEditDistance(g1, g2), item.hed, `case ${k} HED`);
    }
  });

  it('equals the optimum of the full (n1 + n2)-square matrix with cycled diagonals', () => {
    const random = seededRandom(21);
    for (let trial = 0; trial < 200; trial++) {
      const edges = (nodes: number) =>
        Array.from({ length: nodes + Math.floor(random() * nodes) }, (_, e) =>
          e < nodes ? [e, Math.floor(random() * nodes)] : [Math.floor(random() * nodes), Math.floor(random() * nodes)]);
      const g1 = paperGraphFromEdges(edges(1 + Math.floor(random() * 9)));
      const g2 = paperGraphFromEdges(edges(1 + Math.floor(random() * 9)));
      assert.equal(paperApproximateEditDistance(g1, g2), paperAedByMatrix(g1, g2), `trial ${trial}`);
      assert.equal(paperHausdorffEditDistance(g1, g2), 0.5 * Math.abs(g1.nodeCount - g2.nodeCount));
    }
  });

  it('refuses an empty graph, as the paper\'s code fails on one', () => {
    const empty = toPaperGraph(compactGraphFromTriples([]));
    const one = toPaperGraph(compactGraphFromTriples([['a', 'r', 'b']]));
    assert.throws(() => paperApproximateEditDistance(one, empty), UsageError);
    assert.throws(() => paperHausdorffEditDistance(empty, one), UsageError);
  });
});
