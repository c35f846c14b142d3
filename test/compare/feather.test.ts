import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactGraphFromTriples } from '../../src/compare/compact-graph.js';
import { clusteringCoefficients, featherEmbedding, numpyAround } from '../../src/compare/feather.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toUndirectedGraph, type UndirectedGraph } from '../../src/compare/undirected-graph.js';
import { cosineSimilarity, euclideanDistance } from '../../src/compare/vector-distance.js';
import { InvalidOptionError, UsageError } from '../../src/errors.js';
import { randomGraph } from './graphs.js';
import { seededRandom } from '../../src/compare/bootstrap.js';

const graph = (edges: Array<[string, string]>, nodes: string[] = []) =>
  toUndirectedGraph(compactGraphFromTriples(edges.map(([a, b]) => [a, 'r', b] as const), nodes));
const triangle = () => graph([['a', 'b'], ['b', 'c'], ['c', 'a']]);
const path = () => graph([['a', 'b'], ['b', 'c']]);
const star = () => graph([['hub', 'x'], ['hub', 'y'], ['hub', 'z']]);

/** Independent reference: dense matrices, P = D^-1 (A + I), X_k = P^k X_0, mean over rows. */
function denseFeather(g: UndirectedGraph, order: number, points: number, thetaMax: number, karateclub: boolean): number[] {
  const n = g.nodeCount;
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const degree = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let k = g.offsets[i]!; k < g.offsets[i + 1]!; k++) {
      A[i]![g.neighbours[k]!] = 1;
      degree[i]! += 1;
    }
  }
  const cc = degree.map((d, i) => {
    if (d < 2) return 0;
    const nb = [...g.neighbours.subarray(g.offsets[i]!, g.offsets[i + 1]!)];
    let links = 0;
    for (const x of nb) for (const y of nb) if (x < y && A[x]![y]) links += 1;
    return (2 * links) / (d * (d - 1));
  });
  const theta = Array.from({ length: points }, (_, p) => (p === points - 1 ? thetaMax : 0.01 + (p * (thetaMax - 0.01)) / (points - 1)));
  let X = degree.map((d, i) => {
    const logDegree = Math.log((karateclub ? d + 2 : d) + 1);
    return [
      ...theta.map((t) => Math.cos(logDegree * t)), ...theta.map((t) => Math.cos(cc[i]! * t)),
      ...theta.map((t) => Math.sin(logDegree * t)), ...theta.map((t) => Math.sin(cc[i]! * t)),
    ];
  });
  const P = A.map((row, i) => row.map((a) => a / (karateclub ? degree[i]! + 2 : degree[i]! + 1)));
  const out: number[] = [];
  for (let step = 0; step < order; step++) {
    X = P.map((row) => X[0]!.map((_, c) => row.reduce((sum, p, j) => sum + p * X[j]![c]!, 0)));
    for (let c = 0; c < X[0]!.length; c++) out.push(X.reduce((sum, row) => sum + row[c]!, 0) / n);
  }
  return out;
}

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12) {
  assert.equal(actual.length, expected.length);
  for (let k = 0; k < expected.length; k++) assert.ok(Math.abs(actual[k]! - expected[k]!) <= tolerance, `index ${k}: ${actual[k]} vs ${expected[k]}`);
}

describe('featherEmbedding', () => {
  it('has 4 x points x order dimensions: 500 by default, 1,000 at order 10', () => {
    assert.equal(featherEmbedding(triangle()).length, 500);
    assert.equal(featherEmbedding(triangle(), { order: 10 }).length, 1000);
  });

  it('gives hand-computed values on a triangle', () => {
    // every node has degree 2 and clustering 1. Random walk: rows of P sum to 1 and all rows of X
    // are equal, so every step repeats X0 = [cos(log 3 t), cos(t), sin(log 3 t), sin(t)].
    const walk = featherEmbedding(triangle(), { order: 2, evalPoints: 2, thetaMax: 1 });
    const l3 = Math.log(3);
    const x0 = [Math.cos(l3 * 0.01), Math.cos(l3), Math.cos(0.01), Math.cos(1), Math.sin(l3 * 0.01), Math.sin(l3), Math.sin(0.01), Math.sin(1)];
    assertClose(walk, [...x0, ...x0]);
    // karateclub: degree 2 + 2 (self-loop counted twice), rows of P sum to 3/4: X_k = (3/4)^k X0(log 5)
    const kc = featherEmbedding(triangle(), { order: 2, evalPoints: 2, thetaMax: 1, normalisation: 'karateclub' });
    const l5 = Math.log(5);
    const y0 = [Math.cos(l5 * 0.01), Math.cos(l5), Math.cos(0.01), Math.cos(1), Math.sin(l5 * 0.01), Math.sin(l5), Math.sin(0.01), Math.sin(1)];
    assertClose(kc, [...y0.map((v) => v * 0.75), ...y0.map((v) => v * 0.5625)]);
  });

  it('gives hand-computed values on a path of three nodes (first point, one step)', () => {
    // ends: degree 1, P row 1/2 (self + middle); middle: degree 2, P row 1/3. cc = 0 everywhere.
    const e = featherEmbedding(path(), { order: 1, evalPoints: 1, thetaMax: 1 });
    const end = Math.cos(Math.log(2) * 0.01);
    const middle = Math.cos(Math.log(3) * 0.01);
    const expected = ((end + middle) / 2 + (end + middle) / 2 + (2 * end + middle) / 3) / 3;
    assertClose(e.subarray(0, 1), [expected]);
    assertClose(e.subarray(1, 2), [1]); // cos(0 * t) everywhere
    assertClose(e.subarray(3, 4), [0]); // sin(0 * t)
  });

  it('matches a dense-matrix reference on path, star, triangle and random graphs, both normalisations', () => {
    const random = seededRandom(5);
    const graphs = [path(), star(), triangle(), ...Array.from({ length: 6 }, () => toUndirectedGraph(randomGraph(random, 12, 16, 12)))];
    for (const g of graphs) {
      for (const karateclub of [false, true]) {
        const options = { order: 3, evalPoints: 4, thetaMax: 2.5, normalisation: karateclub ? 'karateclub' : 'random-walk' } as const;
        assertClose(featherEmbedding(g, options), denseFeather(g, 3, 4, 2.5, karateclub));
      }
    }
  });

  it('is invariant to relabelling the nodes', () => {
    const random = seededRandom(8);
    for (let trial = 0; trial < 5; trial++) {
      const names = Array.from({ length: 15 }, (_, i) => `v${i}`);
      const edges: Array<[string, string]> = Array.from({ length: 20 }, () => [names[Math.floor(random() * 15)]!, names[Math.floor(random() * 15)]!]);
      const shuffled = [...names].sort(() => random() - 0.5);
      const rename = new Map(names.map((name, i) => [name, shuffled[i]!]));
      const a = featherEmbedding(graph(edges, names));
      const b = featherEmbedding(graph(edges.map(([x, y]) => [rename.get(x)!, rename.get(y)!]), shuffled.slice().reverse()));
      assertClose(a, b, 1e-12);
    }
  });

  it('handles isolated nodes and disconnected graphs', () => {
    const g = graph([['a', 'b']], ['a', 'b', 'lonely']);
    const e = featherEmbedding(g, { order: 1, evalPoints: 1, thetaMax: 1 });
    // a, b: degree 1 (x = cos(log 2 * 0.01)), the isolated node: degree 0 (cos(0) = 1)
    assertClose(e.subarray(0, 1), [(2 * Math.cos(Math.log(2) * 0.01) + 1) / 3]);
    assert.ok(featherEmbedding(graph([['a', 'b'], ['c', 'd']])).every(Number.isFinite));
  });

  it('rounds half to even like numpy when asked', () => {
    const e = featherEmbedding(triangle(), { decimals: 3 });
    for (const value of e) assert.equal(Math.round(value * 1000) / 1000, value);
  });

  it('refuses an empty graph and bad options', () => {
    assert.throws(() => featherEmbedding(graph([])), UsageError);
    assert.throws(() => featherEmbedding(triangle(), { order: 0 }), InvalidOptionError);
    assert.throws(() => featherEmbedding(triangle(), { normalisation: 'sym' as never }), InvalidOptionError);
  });
});

describe('clusteringCoefficients', () => {
  it('counts closed triangles', () => {
    // a-b-c triangle plus d attached to a: a has 3 neighbours, 1 link among them
    const g = graph([['a', 'b'], ['b', 'c'], ['c', 'a'], ['a', 'd']]);
    assert.deepEqual([...clusteringCoefficients(g)], [1 / 3, 1, 1, 0]);
  });
});

describe('cosineSimilarity and euclideanDistance', () => {
  it('computes known values', () => {
    assert.equal(cosineSimilarity([1, 0], [0, 1]), 0);
    assert.ok(Math.abs(cosineSimilarity([1, 2], [2, 4]) - 1) < 1e-15);
    assert.equal(euclideanDistance([0, 0], [3, 4]), 5);
    assert.ok(Number.isNaN(cosineSimilarity([0, 0], [1, 1])));
    assert.throws(() => euclideanDistance([1], [1, 2]), InvalidOptionError);
  });
});

describe('featherEmbedding against karateclub', () => {
  // Numbers made by karateclub itself (FeatherGraph at commit cb46a91, float64; see the fixture's "source").
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'feather-karateclub.json'), 'utf8')) as {
    graphs: Array<{ name: string; nodes: number; edges: Array<[number, number]> }>;
    embeddings: Array<{ order: number; evalPoints: number; thetaMax: number; dimensions: number; byGraph: Record<string, number[]> }>;
  };
  for (const reference of fixture.embeddings) {
    it(`equals karateclub's FeatherGraph(order=${reference.order}) on five small graphs (karateclub normalisation)`, () => {
      for (const spec of fixture.graphs) {
        const nodes = Array.from({ length: spec.nodes }, (_, i) => String(i));
        const g = toUndirectedGraph(compactGraphFromTriples(spec.edges.map(([a, b]) => [String(a), 'r', String(b)] as const), nodes));
        const ours = featherEmbedding(g, { order: reference.order, evalPoints: reference.evalPoints, thetaMax: reference.thetaMax, normalisation: 'karateclub' });
        assert.equal(ours.length, reference.dimensions);
        assertClose(ours, reference.byGraph[spec.name]!, 1e-12);
      }
    });
  }
  it('rounds as numpy.around: half to even on exactly representable ties', () => {
    assert.deepEqual([numpyAround(0.125, 2), numpyAround(0.375, 2), numpyAround(2.5, 0), numpyAround(3.5, 0), numpyAround(-0.125, 2)], [0.12, 0.38, 2, 4, -0.12]);
    assert.equal(numpyAround(0.1234, 3), 0.123);
  });
});
