/**
 * @file FEATHER graph embedding: B. Rozemberczki and R. Sarkar, "Characteristic Functions on Graphs:
 * Birds of a Feather, from Statistical Descriptors to Parametric Models", CIKM 2020, as karateclub's
 * `FeatherGraph` computes it (karateclub/graph_embedding/feathergraph.py and estimator.py, read at the
 * source): node features log(degree + 1) and the clustering coefficient; their characteristic
 * function, cos and sin of feature x theta at `evalPoints` values theta = linspace(0.01, thetaMax),
 * laid out per node as [cos(logdeg theta), cos(cc theta), sin(logdeg theta), sin(cc theta)];
 * propagated `order` times over the normalised adjacency of the graph with a self-loop on every node
 * (karateclub's `_ensure_integrity`), every step's block concatenated (4 x evalPoints x order values:
 * 500 at order 5, 1,000 at order 10) and mean-pooled over the nodes.
 *
 * Normalisation: `karateclub` reproduces the library, where networkx counts the added self-loop twice
 * in the degree, so the propagation matrix is D^-1 (A + I) with D = deg + 2 and log(deg + 3) is the
 * degree feature; `random-walk` (exact-defs default) uses the random-walk matrix of the graph with
 * self-loops, (D + I)^-1 (A + I), and log(deg + 1). Both are deterministic (no randomness is involved),
 * and isolated nodes and disconnected graphs need no special case thanks to the self-loops.
 */
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { FEATHER_DEFAULTS } from './defaults.js';
import type { UndirectedGraph } from './undirected-graph.js';

export interface FeatherOptions {
  order?: number;
  evalPoints?: number;
  thetaMax?: number;
  normalisation?: 'random-walk' | 'karateclub';
  /** Round each value to this many decimals (numpy's round-half-to-even); null for none. */
  decimals?: number | null;
}

/**
 * The FEATHER embedding of one graph (length 4 x evalPoints x order). Throws UsageError for a graph
 * with no nodes (the mean over no nodes is undefined).
 *
 * @example
 * featherEmbedding(triangle, { normalisation: 'random-walk' })[0] // cos(log(3) * 0.01) = 0.99994...
 */
export function featherEmbedding(graph: UndirectedGraph, options: FeatherOptions = {}): Float64Array {
  const { decimals, ...rest } = options;
  const resolved = resolveOptions('featherEmbedding', FEATHER_DEFAULTS, rest, {
    order: 'positive-integer',
    evalPoints: 'positive-integer',
    thetaMax: 'number',
    normalisation: ['random-walk', 'karateclub'],
    decimals: 'number',
  });
  const rounding = decimals === undefined ? FEATHER_DEFAULTS.decimals : decimals;
  if (rounding !== null && (!Number.isInteger(rounding) || rounding < 0)) {
    throw new UsageError(`featherEmbedding: option "decimals" must be a non-negative integer or null, got ${rounding}`);
  }
  const n = graph.nodeCount;
  if (n === 0) throw new UsageError('featherEmbedding: the graph has no nodes; an embedding (a mean over nodes) is undefined');
  const { order, evalPoints, thetaMax } = resolved;
  const karateclub = resolved.normalisation === 'karateclub';

  const theta = linspace(0.01, thetaMax, evalPoints);
  const clustering = clusteringCoefficients(graph);
  const width = 4 * evalPoints;
  let current = new Float64Array(n * width);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const degree = graph.offsets[i + 1]! - graph.offsets[i]!;
    // networkx's degree counts the added self-loop twice; the random walk counts it once
    const walkDegree = karateclub ? degree + 2 : degree + 1;
    weight[i] = 1 / walkDegree;
    const logDegree = Math.log((karateclub ? walkDegree : degree) + 1);
    const cc = clustering[i]!;
    const row = i * width;
    for (let p = 0; p < evalPoints; p++) {
      const a = logDegree * theta[p]!;
      const b = cc * theta[p]!;
      current[row + p] = Math.cos(a);
      current[row + evalPoints + p] = Math.cos(b);
      current[row + 2 * evalPoints + p] = Math.sin(a);
      current[row + 3 * evalPoints + p] = Math.sin(b);
    }
  }
  const embedding = new Float64Array(order * width);
  let next = new Float64Array(n * width);
  for (let step = 0; step < order; step++) {
    for (let i = 0; i < n; i++) {
      const out = i * width;
      // the self-loop, then the neighbours
      for (let c = 0; c < width; c++) next[out + c] = current[out + c]!;
      for (let k = graph.offsets[i]!; k < graph.offsets[i + 1]!; k++) {
        const from = graph.neighbours[k]! * width;
        for (let c = 0; c < width; c++) next[out + c]! += current[from + c]!;
      }
      const w = weight[i]!;
      for (let c = 0; c < width; c++) next[out + c]! *= w;
    }
    const block = step * width;
    for (let i = 0; i < n; i++) {
      const row = i * width;
      for (let c = 0; c < width; c++) embedding[block + c]! += next[row + c]!;
    }
    for (let c = 0; c < width; c++) embedding[block + c]! /= n;
    [current, next] = [next, current];
  }
  if (rounding !== null) for (let k = 0; k < embedding.length; k++) embedding[k] = numpyAround(embedding[k]!, rounding);
  return embedding;
}

/** numpy.linspace(start, stop, count). */
function linspace(start: number, stop: number, count: number): Float64Array {
  const out = new Float64Array(count);
  if (count === 1) {
    out[0] = start;
    return out;
  }
  const step = (stop - start) / (count - 1);
  for (let k = 0; k < count; k++) out[k] = start + k * step;
  out[count - 1] = stop;
  return out;
}

/** Local clustering coefficient of every node: 2 T / (d (d - 1)), 0 below degree 2 (as networkx). */
export function clusteringCoefficients(graph: UndirectedGraph): Float64Array {
  const n = graph.nodeCount;
  const mark = new Int32Array(n).fill(-1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = graph.offsets[i]!;
    const end = graph.offsets[i + 1]!;
    const degree = end - start;
    if (degree < 2) continue;
    for (let k = start; k < end; k++) mark[graph.neighbours[k]!] = i;
    let links = 0;
    for (let k = start; k < end; k++) {
      const j = graph.neighbours[k]!;
      for (let q = graph.offsets[j]!; q < graph.offsets[j + 1]!; q++) if (mark[graph.neighbours[q]!] === i) links += 1;
    }
    // each link among neighbours was seen from both ends
    out[i] = links / (degree * (degree - 1));
  }
  return out;
}

/**
 * numpy's `np.around(value, decimals)` (the paper rounded FEATHER embeddings with it): `rint(value x
 * 10^decimals) / 10^decimals`, where rint rounds half to even. On exactly representable ties:
 * 0.125 -> 0.12, 0.375 -> 0.38, 2.5 -> 2.
 */
export function numpyAround(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = value * scale;
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  const rounded = diff > 0.5 ? floor + 1 : diff < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
  return rounded / scale;
}
