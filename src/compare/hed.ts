/**
 * @file Hausdorff edit distance (HED), `exact-defs` mode, a lower bound on the graph edit distance:
 * A. Fischer, C. Y. Suen, V. Frinken, K. Riesen and H. Bunke, "Approximation of graph edit distance
 * based on Hausdorff matching", Pattern Recognition 48(2), 2015, pp. 331-343.
 *
 *   HED = max( 0.5 |n1 - n2|,  sum_u min_{v or e} c*(u, .) + sum_v min_{u or e} c*(., v) )
 *   c*(u, e) = 0.5 + 0.25 deg(u) / 2,   c*(e, v) = 0.5 + 0.25 deg(v) / 2,
 *   c*(u, v) = ( [labels differ] + max(HEC(u, v), L(u, v)) / 2 ) / 2,
 * where HEC (the Hausdorff edge cost) charges 0.25 for each incident edge of u whose (kind, relation)
 * does not occur at v and each of v's that does not occur at u (an edge change costs 0.25 after the
 * paper's halving of substitutions), and L(u, v) = 0.25 sum over kinds |deg_kind(u) - deg_kind(v)| is
 * the lower bound of Fischer et al. on the local edge cost. Costs as in AED (node 0.5, edge 0.25,
 * relabel 1). O(n1 n2) over node pairs with typed arrays; no node limit.
 */
import { resolveOptions } from '../options.js';
import type { CompactGraph } from './compact-graph.js';
import { EDIT_COSTS } from './defaults.js';
import { prepareEditPair } from './edit-pair.js';

export interface HedOptions {
  /** Count node and relation labels (default true). */
  useLabels?: boolean;
}

/** The Hausdorff edit distance of two graphs (a lower bound on the graph edit distance). */
export interface HedResult {
  value: number;
  elapsedMs: number;
}

/**
 * HED between two graphs with `exact-defs` costs.
 *
 * @example
 * hausdorffEditDistance(sixCycle, twoTriangles, { useLabels: false }).value // 0 (every node looks alike locally)
 */
export function hausdorffEditDistance(g1: CompactGraph, g2: CompactGraph, options: HedOptions = {}): HedResult {
  const resolved = resolveOptions('hausdorffEditDistance', { useLabels: true }, options, { useLabels: 'boolean' });
  const started = Date.now();
  const pair = prepareEditPair(g1, g2, resolved.useLabels);
  const { first, second } = pair;
  const n1 = first.nodeCount;
  const n2 = second.nodeCount;
  const { nodeIndel, edgeIndel, nodeRelabel } = EDIT_COSTS;

  const best1 = new Float64Array(n1);
  const best2 = new Float64Array(n2);
  for (let u = 0; u < n1; u++) best1[u] = nodeIndel + (edgeIndel * first.degree[u]!) / 2;
  for (let v = 0; v < n2; v++) best2[v] = nodeIndel + (edgeIndel * second.degree[v]!) / 2;

  // per row: edges of u matched by key at v (shared1) and edges of v matched at u (shared2)
  const shared1 = new Int32Array(n2);
  const shared2 = new Int32Array(n2);
  const touched = new Int32Array(n2);
  const labelCost = new Float64Array(n2);
  const degree2 = second.degree;
  const kind2 = second.kindDegree;
  for (let u = 0; u < n1; u++) {
    let touchedCount = 0;
    for (let k = first.keyOffsets[u]!; k < first.keyOffsets[u + 1]!; k++) {
      const key = first.keys[k]!;
      const countU = first.keyCounts[k]!;
      for (let p = pair.keyPostingOffsets2[key]!; p < pair.keyPostingOffsets2[key + 1]!; p++) {
        const v = pair.keyPostingNodes2[p]!;
        if (shared1[v] === 0 && shared2[v] === 0) touched[touchedCount++] = v;
        shared1[v]! += countU;
        shared2[v]! += pair.keyPostingCounts2[p]!;
      }
    }
    labelCost.fill(nodeRelabel);
    const label = first.label[u]!;
    for (let k = pair.labelOffsets2[label]!; k < pair.labelOffsets2[label + 1]!; k++) labelCost[pair.labelNodes2[k]!] = 0;

    const degreeU = first.degree[u]!;
    const outU = first.kindDegree[3 * u]!;
    const inU = first.kindDegree[3 * u + 1]!;
    const loopU = first.kindDegree[3 * u + 2]!;
    let bestU = best1[u]!;
    for (let v = 0; v < n2; v++) {
      const hec = edgeIndel * (degreeU - shared1[v]! + degree2[v]! - shared2[v]!);
      const lower = edgeIndel * (Math.abs(outU - kind2[3 * v]!) + Math.abs(inU - kind2[3 * v + 1]!) + Math.abs(loopU - kind2[3 * v + 2]!));
      const cost = (labelCost[v]! + (hec > lower ? hec : lower) / 2) / 2;
      if (cost < bestU) bestU = cost;
      if (cost < best2[v]!) best2[v] = cost;
    }
    best1[u] = bestU;
    for (let t = 0; t < touchedCount; t++) {
      shared1[touched[t]!] = 0;
      shared2[touched[t]!] = 0;
    }
  }
  let total = 0;
  for (let u = 0; u < n1; u++) total += best1[u]!;
  for (let v = 0; v < n2; v++) total += best2[v]!;
  const bound = nodeIndel * Math.abs(n1 - n2);
  return { value: Math.max(bound, total), elapsedMs: Date.now() - started };
}
