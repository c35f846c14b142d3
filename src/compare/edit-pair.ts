/**
 * @file What the edit distances of `exact-defs` mode need about two graphs, in typed arrays:
 * node labels and relation labels mapped to ids shared by both graphs, and each node's local
 * structure as a sorted list of (edge kind, relation) keys with multiplicities, where the edge kind
 * is outgoing, incoming or self-loop. A node's incident edges can only be edited into incident edges
 * of the same kind (an edit path maps edge (u, x) to (f(u), f(x))), so these keys are all that the
 * closed-form local edge costs need.
 *
 * The graph model: a directed multigraph with labelled edges; a node's degree counts each incident
 * edge once (a self-loop once).
 */
import type { CompactGraph } from './compact-graph.js';

/** Local structure of one graph's nodes. */
export interface NodeStructure {
  nodeCount: number;
  /** Node label ids (shared with the other graph; all 0 when labels are ignored). */
  label: Int32Array;
  /** Incident edges per node (self-loops once). */
  degree: Int32Array;
  /** Incident edges per node and kind: out, in, loop (3 per node). */
  kindDegree: Int32Array;
  /** CSR of distinct keys (kind * relationCount + relation) with their multiplicities, sorted by key. */
  keyOffsets: Int32Array;
  keys: Int32Array;
  keyCounts: Int32Array;
  /** Edges with shared relation ids. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeRelation: Int32Array;
}

export interface EditPair {
  first: NodeStructure;
  second: NodeStructure;
  /** Shared relation ids (1 when labels are ignored). */
  relationCount: number;
  /** Shared node label ids. */
  labelCount: number;
  /** For each label id, the nodes of the second graph that carry it (CSR). */
  labelOffsets2: Int32Array;
  labelNodes2: Int32Array;
  /** For each key, the nodes of the second graph that have it (CSR), with their multiplicities. */
  keyPostingOffsets2: Int32Array;
  keyPostingNodes2: Int32Array;
  keyPostingCounts2: Int32Array;
}

/** Prepares two graphs for AED, HED, exact GED and edit-path costs. */
export function prepareEditPair(g1: CompactGraph, g2: CompactGraph, useLabels: boolean): EditPair {
  const labelIds = new Map<string, number>();
  const relationIds = new Map<string, number>();
  const labelOf = (key: string) => {
    if (!useLabels) return 0;
    let id = labelIds.get(key);
    if (id === undefined) {
      id = labelIds.size;
      labelIds.set(key, id);
    }
    return id;
  };
  const relationOf = (key: string) => {
    if (!useLabels) return 0;
    let id = relationIds.get(key);
    if (id === undefined) {
      id = relationIds.size;
      relationIds.set(key, id);
    }
    return id;
  };
  const labels1 = Int32Array.from(g1.nodeKeys, labelOf);
  const labels2 = Int32Array.from(g2.nodeKeys, labelOf);
  const rel1 = Int32Array.from(g1.relationKeys, relationOf);
  const rel2 = Int32Array.from(g2.relationKeys, relationOf);
  const relationCount = useLabels ? Math.max(1, relationIds.size) : 1;
  const labelCount = useLabels ? Math.max(1, labelIds.size) : 1;
  const first = structure(g1, labels1, rel1, relationCount);
  const second = structure(g2, labels2, rel2, relationCount);

  const [labelOffsets2, labelNodes2] = invert(labels2, labelCount);
  // postings of keys in the second graph
  const keySpace = 3 * relationCount;
  const postingOffsets = new Int32Array(keySpace + 1);
  for (let k = 0; k < second.keys.length; k++) postingOffsets[second.keys[k]! + 1]! += 1;
  for (let k = 0; k < keySpace; k++) postingOffsets[k + 1]! += postingOffsets[k]!;
  const fill = postingOffsets.slice(0, keySpace);
  const postingNodes = new Int32Array(second.keys.length);
  const postingCounts = new Int32Array(second.keys.length);
  for (let v = 0; v < second.nodeCount; v++) {
    for (let k = second.keyOffsets[v]!; k < second.keyOffsets[v + 1]!; k++) {
      const slot = fill[second.keys[k]!]!++;
      postingNodes[slot] = v;
      postingCounts[slot] = second.keyCounts[k]!;
    }
  }
  return {
    first,
    second,
    relationCount,
    labelCount,
    labelOffsets2,
    labelNodes2,
    keyPostingOffsets2: postingOffsets,
    keyPostingNodes2: postingNodes,
    keyPostingCounts2: postingCounts,
  };
}

function structure(graph: CompactGraph, labels: Int32Array, relationIds: Int32Array, relationCount: number): NodeStructure {
  const n = graph.nodeCount;
  const m = graph.edgeCount;
  const edgeRelation = new Int32Array(m);
  for (let e = 0; e < m; e++) edgeRelation[e] = relationIds[graph.edgeRelation[e]!]!;
  // every incident edge end as a key: out at the source, in at the target, loop once
  const degree = new Int32Array(n);
  const kindDegree = new Int32Array(3 * n);
  for (let e = 0; e < m; e++) {
    const s = graph.edgeSource[e]!;
    const t = graph.edgeTarget[e]!;
    if (s === t) {
      degree[s]! += 1;
      kindDegree[3 * s + 2]! += 1;
    } else {
      degree[s]! += 1;
      degree[t]! += 1;
      kindDegree[3 * s]! += 1;
      kindDegree[3 * t + 1]! += 1;
    }
  }
  const endOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) endOffsets[i + 1] = endOffsets[i]! + degree[i]!;
  const fill = endOffsets.slice(0, n);
  const ends = new Int32Array(endOffsets[n]!);
  for (let e = 0; e < m; e++) {
    const s = graph.edgeSource[e]!;
    const t = graph.edgeTarget[e]!;
    const r = edgeRelation[e]!;
    if (s === t) ends[fill[s]!++] = 2 * relationCount + r;
    else {
      ends[fill[s]!++] = r;
      ends[fill[t]!++] = relationCount + r;
    }
  }
  // sort each node's keys and run-length encode them
  const keyOffsets = new Int32Array(n + 1);
  const keys: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const slice = ends.subarray(endOffsets[i]!, endOffsets[i + 1]!).sort();
    for (let k = 0; k < slice.length; k++) {
      if (k > 0 && slice[k] === slice[k - 1]) counts[counts.length - 1]! += 1;
      else {
        keys.push(slice[k]!);
        counts.push(1);
      }
    }
    keyOffsets[i + 1] = keys.length;
  }
  return {
    nodeCount: n,
    label: labels,
    degree,
    kindDegree,
    keyOffsets,
    keys: Int32Array.from(keys),
    keyCounts: Int32Array.from(counts),
    edgeSource: graph.edgeSource,
    edgeTarget: graph.edgeTarget,
    edgeRelation,
  };
}

/** CSR inverse of a value array: for each value, the indices that carry it. */
function invert(values: Int32Array, valueCount: number): [Int32Array, Int32Array] {
  const offsets = new Int32Array(valueCount + 1);
  for (const value of values) offsets[value + 1]! += 1;
  for (let k = 0; k < valueCount; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, valueCount);
  const items = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) items[fill[values[i]!]!++] = i;
  return [offsets, items];
}
