/**
 * @file Approximate graph edit distance (AED), `exact-defs` mode:
 * K. Riesen and H. Bunke, "Approximate graph edit distance computation by means of bipartite graph
 * matching", Image and Vision Computing 27(7), 2009, pp. 950-959.
 *
 * The (n1 + n2)-square cost matrix of the paper has substitutions c(u, v) in the top-left block,
 * deletions c(u, e) on the diagonal of the top-right block, insertions c(e, v) on the diagonal of the
 * bottom-left block (infinite elsewhere) and zeros bottom-right. Here:
 *   c(u, e) = 0.5 + 0.25 deg(u), c(e, v) = 0.5 + 0.25 deg(v),
 *   c(u, v) = [labels differ] + (cost of editing u's incident edges into v's),
 * and because edge costs are uniform (0.25 per edge; a relation change = delete + insert), the inner
 * edge assignment has a closed form: 0.25 (deg(u) + deg(v) - 2 I(u, v)), where I(u, v) counts the
 * incident edges of u and v that can be matched — equal kind (out, in, self-loop) and equal relation,
 * a multiset intersection. No assignment is solved per node pair.
 *
 * The square problem equals a rectangular one: subtracting c(u, e) + c(e, v) from every substitution
 * gives c'(u, v) = [labels differ] - 1 - 0.5 I(u, v), and each row may instead stay unmatched at cost 0
 * (virtual zero columns), so only n1 x n2 doubles are stored. The assignment is then turned into its
 * complete edit path and that path's cost — an upper bound on the exact GED — is the AED; the raw
 * assignment cost (edges counted from both ends) is reported beside it but is not a bound.
 */
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import type { CompactGraph } from './compact-graph.js';
import { AED_DEFAULTS, EDIT_COSTS } from './defaults.js';
import { prepareEditPair, type EditPair } from './edit-pair.js';
import { editPathCost, type EditPathCost } from './edit-path-cost.js';
import { linearSumAssignment } from './linear-sum-assignment.js';

export interface AedOptions {
  /** Largest graph accepted (default 4,000 nodes). */
  maxNodes?: number;
  /** Wall-clock budget in ms (default 120,000). */
  timeBudgetMs?: number;
  /** Count node and relation labels (default true). */
  useLabels?: boolean;
  /** Progress of the assignment: rows done of all rows. */
  onProgress?: (done: number, total: number) => void;
}

/** The approximate edit distance of two graphs, with its node mapping and edit path. */
export interface AedResult {
  /** Cost of the complete edit path implied by the assignment (an upper bound on GED). */
  value: number;
  /** Riesen & Bunke's raw assignment cost (not a bound; for reference). */
  assignmentCost: number;
  /** The edit path: counts of each operation. */
  path: EditPathCost;
  /** For each node of the first graph, its partner in the second, or -1 (deleted). */
  mapping: Int32Array;
  elapsedMs: number;
}

/**
 * AED between two graphs with `exact-defs` costs (node insert/delete 0.5, edge insert/delete 0.25,
 * relabel 1). Throws UsageError when a graph exceeds `maxNodes` or the time budget runs out.
 *
 * @example
 * approximateEditDistance(sixCycle, twoTriangles, { useLabels: false }).value // >= 1 (the exact GED is 1)
 */
export function approximateEditDistance(g1: CompactGraph, g2: CompactGraph, options: AedOptions = {}): AedResult {
  const { onProgress, ...rest } = options;
  const resolved = resolveOptions('approximateEditDistance', AED_DEFAULTS, rest, {
    maxNodes: 'positive-integer',
    timeBudgetMs: 'number',
    useLabels: 'boolean',
  });
  const started = Date.now();
  const largest = Math.max(g1.nodeCount, g2.nodeCount);
  if (largest > resolved.maxNodes) {
    const megabytes = ((g1.nodeCount * g2.nodeCount * 8) / 1e6).toFixed(0);
    throw new UsageError(
      `approximateEditDistance: a graph has ${largest} nodes, more than maxNodes (${resolved.maxNodes}); ` +
        `the assignment matrix would hold ${g1.nodeCount} x ${g2.nodeCount} doubles (${megabytes} MB). ` +
        'Raise { maxNodes } (CLI: --aed-max-nodes), or use HED or the aligned edit distance, which have no limit',
    );
  }
  const pair = prepareEditPair(g1, g2, resolved.useLabels);
  const matrix = substitutionMatrix(pair);
  const n1 = g1.nodeCount;
  const n2 = g2.nodeCount;
  const assignment = linearSumAssignment(matrix, n1, n2, {
    extraZeroColumns: n1,
    deadline: started + resolved.timeBudgetMs,
    deadlineMessage:
      `approximateEditDistance (${n1} x ${n2} nodes): the time budget of ${resolved.timeBudgetMs} ms ran out; ` +
      'raise { timeBudgetMs } (CLI: --aed-time-budget) or use HED',
    ...(onProgress === undefined ? {} : { onProgress }),
  });
  const mapping = new Int32Array(n1);
  for (let u = 0; u < n1; u++) {
    const j = assignment.rowToCol[u]!;
    mapping[u] = j < n2 ? j : -1;
  }
  let indelTotal = 0;
  for (let u = 0; u < n1; u++) indelTotal += EDIT_COSTS.nodeIndel + EDIT_COSTS.edgeIndel * pair.first.degree[u]!;
  for (let v = 0; v < n2; v++) indelTotal += EDIT_COSTS.nodeIndel + EDIT_COSTS.edgeIndel * pair.second.degree[v]!;
  const path = editPathCost(pair, mapping, EDIT_COSTS);
  return { value: path.cost, assignmentCost: indelTotal + assignment.cost, path, mapping, elapsedMs: Date.now() - started };
}

/** c'(u, v) = c(u, v) - c(u, e) - c(e, v) for every pair, row-major n1 x n2. */
export function substitutionMatrix(pair: EditPair): Float64Array {
  const { first, labelOffsets2, labelNodes2, keyPostingOffsets2, keyPostingNodes2, keyPostingCounts2 } = pair;
  const n1 = first.nodeCount;
  const n2 = pair.second.nodeCount;
  const { nodeIndel, edgeIndel, nodeRelabel } = EDIT_COSTS;
  const matrix = new Float64Array(n1 * n2);
  const unequal = nodeRelabel - 2 * nodeIndel;
  const equal = -2 * nodeIndel;
  const perSharedEdge = 2 * edgeIndel;
  for (let u = 0; u < n1; u++) {
    const offset = u * n2;
    const row = matrix.subarray(offset, offset + n2);
    row.fill(unequal);
    const label = first.label[u]!;
    for (let k = labelOffsets2[label]!; k < labelOffsets2[label + 1]!; k++) row[labelNodes2[k]!] = equal;
    for (let k = first.keyOffsets[u]!; k < first.keyOffsets[u + 1]!; k++) {
      const key = first.keys[k]!;
      const countU = first.keyCounts[k]!;
      for (let p = keyPostingOffsets2[key]!; p < keyPostingOffsets2[key + 1]!; p++) {
        const countV = keyPostingCounts2[p]!;
        row[keyPostingNodes2[p]!]! -= perSharedEdge * (countU < countV ? countU : countV);
      }
    }
  }
  return matrix;
}
