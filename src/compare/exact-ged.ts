/**
 * @file Exact graph edit distance for small graphs (about 10 nodes), to validate AED and HED: a
 * depth-first branch and bound over node mappings in the spirit of the A* search of Hart, Nilsson
 * and Raphael (1968) as applied to GED by Bunke & Allermann, "Inexact graph matching for structural
 * pattern recognition", Pattern Recognition Letters 1(4), 1983. Nodes of the first graph (most
 * connected first) are mapped to an unused node of the second or deleted; the remaining nodes of the
 * second are inserted. The cost model is AED's (edit-path-cost.ts); the search starts from AED's
 * upper bound and prunes with an admissible bound: nodes still to place cost at least 0.5 each
 * beyond the pairs that can share a label, and edges not yet decided can keep at most
 * min(open edges of either graph).
 */
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { approximateEditDistance } from './aed.js';
import type { CompactGraph } from './compact-graph.js';
import { EDIT_COSTS, EXACT_GED_DEFAULTS } from './defaults.js';
import { prepareEditPair, type NodeStructure } from './edit-pair.js';

export interface ExactGedOptions {
  /** Largest graph accepted (default 12 nodes). */
  maxNodes?: number;
  /** Search nodes expanded before giving up (default 20,000,000). */
  maxExpansions?: number;
  /** Count node and relation labels (default true). */
  useLabels?: boolean;
}

/** The exact graph edit distance, or the best bound found within the limits. */
export interface ExactGedResult {
  value: number;
  /** An optimal mapping: first-graph node -> second-graph node, or -1. */
  mapping: Int32Array;
  expansions: number;
  elapsedMs: number;
}

/**
 * Exact GED under the `exact-defs` costs. Throws UsageError for graphs above `maxNodes` or when
 * the search expands more than `maxExpansions` states.
 *
 * @example
 * exactGraphEditDistance(sixCycle, twoTriangles, { useLabels: false }).value // 1
 */
export function exactGraphEditDistance(g1: CompactGraph, g2: CompactGraph, options: ExactGedOptions = {}): ExactGedResult {
  const resolved = resolveOptions('exactGraphEditDistance', EXACT_GED_DEFAULTS, options, {
    maxNodes: 'positive-integer',
    maxExpansions: 'positive-integer',
    useLabels: 'boolean',
  });
  const started = Date.now();
  const largest = Math.max(g1.nodeCount, g2.nodeCount);
  if (largest > resolved.maxNodes) {
    throw new UsageError(
      `exactGraphEditDistance: a graph has ${largest} nodes, more than maxNodes (${resolved.maxNodes}); ` +
        'exact GED is exponential: use AED (upper bound) and HED (lower bound) for larger graphs',
    );
  }
  const pair = prepareEditPair(g1, g2, resolved.useLabels);
  const { first, second } = pair;
  const n1 = first.nodeCount;
  const n2 = second.nodeCount;
  const m1 = first.edgeSource.length;
  const m2 = second.edgeSource.length;
  const { nodeIndel, edgeIndel, nodeRelabel } = EDIT_COSTS;
  const perUnsharedNode = Math.min(nodeIndel, nodeRelabel / 2);

  const edges1 = pairEdges(first);
  const edges2 = pairEdges(second);
  const order = Array.from({ length: n1 }, (_, u) => u).sort((a, b) => first.degree[b]! - first.degree[a]! || a - b);

  const upper = approximateEditDistance(g1, g2, { useLabels: resolved.useLabels, maxNodes: Math.max(1, largest) });
  let best = upper.value;
  let bestMapping = Int32Array.from(upper.mapping);

  const mapping = new Int32Array(n1).fill(-2); // -2: not placed yet
  const used = new Uint8Array(n2);
  const labelsLeft1 = new Int32Array(pair.labelCount);
  const labelsLeft2 = new Int32Array(pair.labelCount);
  for (let u = 0; u < n1; u++) labelsLeft1[first.label[u]!]! += 1;
  for (let v = 0; v < n2; v++) labelsLeft2[second.label[v]!]! += 1;
  let expansions = 0;

  const visit = (depth: number, nodeCost: number, kept: number, closed1: number, closed2: number, usedCount: number) => {
    expansions += 1;
    if (expansions > resolved.maxExpansions) {
      throw new UsageError(
        `exactGraphEditDistance: gave up after ${resolved.maxExpansions} search states (${n1} x ${n2} nodes); raise { maxExpansions } or compare smaller graphs`,
      );
    }
    if (depth === n1) {
      const total = nodeCost + nodeIndel * (n2 - usedCount) + edgeIndel * (m1 + m2 - 2 * kept);
      if (total < best - 1e-12) {
        best = total;
        bestMapping = mapping.map((v) => (v < 0 ? -1 : v));
      }
      return;
    }
    // admissible bound on what is left
    let shareable = 0;
    for (let l = 0; l < labelsLeft1.length; l++) shareable += Math.min(labelsLeft1[l]!, labelsLeft2[l]!);
    const nodesLeft = n1 - depth + n2 - usedCount;
    const bound =
      nodeCost + perUnsharedNode * (nodesLeft - 2 * shareable) + edgeIndel * (m1 + m2 - 2 * (kept + Math.min(m1 - closed1, m2 - closed2)));
    if (bound >= best - 1e-12) return;

    const u = order[depth]!;
    const labelU = first.label[u]!;
    labelsLeft1[labelU]! -= 1;
    // edges of the first graph closed by placing u: to already placed nodes and self-loops
    let closing1 = edges1.count[u * n1 + u]!;
    for (let d = 0; d < depth; d++) {
      const w = order[d]!;
      closing1 += edges1.count[u * n1 + w]! + edges1.count[w * n1 + u]!;
    }
    // candidates: equal labels first, deletion last
    const candidates: number[] = [];
    for (let v = 0; v < n2; v++) if (!used[v] && second.label[v] === labelU) candidates.push(v);
    for (let v = 0; v < n2; v++) if (!used[v] && second.label[v] !== labelU) candidates.push(v);
    for (const v of candidates) {
      let closing2 = edges2.count[v * n2 + v]!;
      let gained = commonCount(edges1, u * n1 + u, edges2, v * n2 + v);
      for (let d = 0; d < depth; d++) {
        const w = order[d]!;
        const x = mapping[w]!;
        if (x < 0) continue;
        closing2 += edges2.count[v * n2 + x]! + edges2.count[x * n2 + v]!;
        gained += commonCount(edges1, u * n1 + w, edges2, v * n2 + x) + commonCount(edges1, w * n1 + u, edges2, x * n2 + v);
      }
      mapping[u] = v;
      used[v] = 1;
      labelsLeft2[second.label[v]!]! -= 1;
      const cost = second.label[v] === labelU ? 0 : nodeRelabel;
      visit(depth + 1, nodeCost + cost, kept + gained, closed1 + closing1, closed2 + closing2, usedCount + 1);
      labelsLeft2[second.label[v]!]! += 1;
      used[v] = 0;
    }
    mapping[u] = -1;
    visit(depth + 1, nodeCost + nodeIndel, kept, closed1 + closing1, closed2, usedCount);
    mapping[u] = -2;
    labelsLeft1[labelU]! += 1;
  };
  visit(0, 0, 0, 0, 0, 0);
  return { value: best, mapping: bestMapping, expansions, elapsedMs: Date.now() - started };
}

interface PairEdges {
  /** Edges per ordered node pair (a * n + b). */
  count: Int32Array;
  /** Sorted relation ids per ordered pair (CSR over a * n + b). */
  offsets: Int32Array;
  relations: Int32Array;
}

function pairEdges(graph: NodeStructure): PairEdges {
  const n = graph.nodeCount;
  const count = new Int32Array(n * n);
  const m = graph.edgeSource.length;
  for (let e = 0; e < m; e++) count[graph.edgeSource[e]! * n + graph.edgeTarget[e]!]! += 1;
  const offsets = new Int32Array(n * n + 1);
  for (let k = 0; k < n * n; k++) offsets[k + 1] = offsets[k]! + count[k]!;
  const fill = offsets.slice(0, n * n);
  const relations = new Int32Array(m);
  for (let e = 0; e < m; e++) relations[fill[graph.edgeSource[e]! * n + graph.edgeTarget[e]!]!++] = graph.edgeRelation[e]!;
  for (let k = 0; k < n * n; k++) relations.subarray(offsets[k]!, offsets[k + 1]!).sort();
  return { count, offsets, relations };
}

/** Size of the multiset intersection of the relations on pair a (first graph) and pair b (second). */
function commonCount(first: PairEdges, a: number, second: PairEdges, b: number): number {
  let i = first.offsets[a]!;
  const iEnd = first.offsets[a + 1]!;
  let j = second.offsets[b]!;
  const jEnd = second.offsets[b + 1]!;
  let common = 0;
  while (i < iEnd && j < jEnd) {
    const x = first.relations[i]!;
    const y = second.relations[j]!;
    if (x === y) {
      common += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return common;
}
