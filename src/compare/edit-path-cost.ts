/**
 * @file The cost of the complete edit path that a node mapping implies (Riesen & Bunke 2009, sect. 3:
 * "the edit path ... is completely determined by the node assignment; its cost is an upper bound on
 * the exact graph edit distance"). Every node and every edge edit is counted once: mapped nodes are
 * substituted (relabel cost when their labels differ), unmapped nodes of the first graph deleted and
 * unmapped nodes of the second inserted; an edge (u, x, r) is kept when (f(u), f(x), r) exists in the
 * second graph (each edge of the second graph keeps at most one), every other edge of the first
 * graph is deleted and every other edge of the second inserted. Substituting an edge by one with
 * another relation costs as much as deleting one and inserting the other, so it is counted that way.
 */
import { InvalidOptionError } from '../errors.js';
import { EDIT_COSTS } from './defaults.js';
import type { EditPair } from './edit-pair.js';

/** Costs of node and edge insertions, deletions and relabellings in edit distances. */
export type EditCosts = { nodeIndel: number; edgeIndel: number; nodeRelabel: number };

export interface EditPathCost {
  /** Total cost of the edit path. */
  cost: number;
  nodeSubstitutions: number;
  /** Substitutions between nodes with different labels. */
  nodeRelabels: number;
  nodeDeletions: number;
  nodeInsertions: number;
  /** Edges of the first graph carried over unchanged. */
  edgesKept: number;
  edgeDeletions: number;
  edgeInsertions: number;
}

/**
 * Cost of the edit path given by `mapping` (first-graph node -> second-graph node, or -1 for deletion).
 * Throws InvalidOptionError when the mapping is not injective or out of range.
 */
export function editPathCost(pair: EditPair, mapping: Int32Array, costs: EditCosts = EDIT_COSTS): EditPathCost {
  const { first, second } = pair;
  const n1 = first.nodeCount;
  const n2 = second.nodeCount;
  if (mapping.length !== n1) throw new InvalidOptionError(`editPathCost: mapping has ${mapping.length} entries, expected ${n1}`);
  const used = new Uint8Array(n2);
  let substitutions = 0;
  let relabels = 0;
  for (let u = 0; u < n1; u++) {
    const v = mapping[u]!;
    if (v === -1) continue;
    if (v < 0 || v >= n2 || used[v]) throw new InvalidOptionError(`editPathCost: mapping of node ${u} to ${v} is out of range or not injective`);
    used[v] = 1;
    substitutions += 1;
    if (first.label[u] !== second.label[v]) relabels += 1;
  }
  const deletions = n1 - substitutions;
  const insertions = n2 - substitutions;

  const R = pair.relationCount;
  const wanted = new Map<number, number>();
  for (let e = 0; e < first.edgeSource.length; e++) {
    const a = mapping[first.edgeSource[e]!]!;
    const b = mapping[first.edgeTarget[e]!]!;
    if (a === -1 || b === -1) continue;
    const key = (a * n2 + b) * R + first.edgeRelation[e]!;
    wanted.set(key, (wanted.get(key) ?? 0) + 1);
  }
  let kept = 0;
  for (let e = 0; e < second.edgeSource.length; e++) {
    const key = (second.edgeSource[e]! * n2 + second.edgeTarget[e]!) * R + second.edgeRelation[e]!;
    const left = wanted.get(key);
    if (left !== undefined && left > 0) {
      wanted.set(key, left - 1);
      kept += 1;
    }
  }
  const m1 = first.edgeSource.length;
  const m2 = second.edgeSource.length;
  const cost =
    relabels * costs.nodeRelabel + (deletions + insertions) * costs.nodeIndel + (m1 - kept + m2 - kept) * costs.edgeIndel;
  return {
    cost,
    nodeSubstitutions: substitutions,
    nodeRelabels: relabels,
    nodeDeletions: deletions,
    nodeInsertions: insertions,
    edgesKept: kept,
    edgeDeletions: m1 - kept,
    edgeInsertions: m2 - kept,
  };
}
