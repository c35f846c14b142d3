/**
 * @file AED and HED exactly as the paper's code computes them (`paper` mode).
 *
 * The paper (Swamy, Romanou & Jaggi 2021; epfml/interpret-lm-knowledge,
 * scripts/run_graph_edit_distance_experiments.py) calls `VanillaAED().ged(model_kg, reference_kg)`
 * and `VanillaHED().ged(...)` with default costs (node 0.5, edge 0.25) from a copy of
 * priba/aproximated_ged (VanillaAED.py, AproximatedEditDistance.py, VanillaHED.py,
 * HausdorffEditDistance.py; read at the source), on the stemmed id graphs of paper-graph.ts.
 * Those graphs carry no node or edge attributes, so:
 *
 * - every node substitution costs 0 (`cdist` of empty attribute vectors), and every inner edge
 *   assignment costs 0 too (its insertion/deletion costs are `0.25 * len(attribute dict) = 0`);
 * - AED's matrix puts `0.5 + 0.25 * deg` of the FIRST graph's nodes on the diagonal of the insertion
 *   block (rows n1.., columns ..n2) and those of the SECOND graph on the deletion block — the other
 *   way round — and `np.fill_diagonal` repeats (or truncates) that vector to the block's length. The
 *   optimal assignment substitutes min(n1, n2) node pairs for free and pays for the |n1 - n2| cheapest
 *   diagonal entries of the larger side's block, so AED = the sum of the |n1 - n2| smallest values of
 *   0.5 + 0.25 * deg_other(j mod n_other), j < n_larger (deg: distinct neighbours, a self-loop counting
 *   one). The optimum of an assignment is unique even when the assignment is not, so this closed form
 *   is what `scipy.optimize.linear_sum_assignment` returns on that matrix (checked in the tests by
 *   solving the full matrix);
 * - HED's substitution costs are all 0 (HEC and its lower bound vanish for attribute-less edges),
 *   so every node's best cost is 0 and HED = max(0.5 |n1 - n2|, 0) = 0.5 |n1 - n2|.
 *
 * A 6-cycle and two triangles therefore get AED = HED = 0 although their exact GED is 1.
 */
import { UsageError } from '../errors.js';
import type { PaperGraph } from './paper-graph.js';

/** The paper's AED value for two stemmed id graphs (first = the model's graph, second = the reference). */
export function paperApproximateEditDistance(g1: PaperGraph, g2: PaperGraph): number {
  checkNonEmpty('paperApproximateEditDistance', g1, g2);
  const n1 = g1.nodeCount;
  const n2 = g2.nodeCount;
  if (n1 === n2) return 0;
  // the larger graph's unmatched nodes pay the other graph's (cycled) indel costs
  const [small, large] = n1 < n2 ? [g1, g2] : [g2, g1];
  const costs = new Float64Array(large.nodeCount);
  for (let j = 0; j < large.nodeCount; j++) costs[j] = 0.5 + 0.25 * adjacencyLength(small, j % small.nodeCount);
  costs.sort();
  let total = 0;
  for (let k = 0; k < large.nodeCount - small.nodeCount; k++) total += costs[k]!;
  return total;
}

/** The paper's HED value: 0.5 |n1 - n2| (see the file comment for why). */
export function paperHausdorffEditDistance(g1: PaperGraph, g2: PaperGraph): number {
  checkNonEmpty('paperHausdorffEditDistance', g1, g2);
  return 0.5 * Math.abs(g1.nodeCount - g2.nodeCount);
}

/** `len(G.adj[node])` in networkx: distinct neighbours, the node itself included when it has a self-loop. */
export function adjacencyLength(graph: PaperGraph, node: number): number {
  return graph.offsets[node + 1]! - graph.offsets[node]! + graph.selfLoop[node]!;
}

function checkNonEmpty(where: string, g1: PaperGraph, g2: PaperGraph) {
  if (g1.nodeCount === 0 || g2.nodeCount === 0) {
    throw new UsageError(
      `${where}: a graph has no edges; the paper's code fails on an empty graph (scipy's cdist rejects it), so \`paper\` mode has no value here. Use exact-defs mode`,
    );
  }
}
