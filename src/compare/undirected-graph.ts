/**
 * @file The undirected simple view of a knowledge graph that graph embeddings use: direction,
 * relations, parallel edges and self-loops dropped; every node kept, isolated ones included.
 */
import type { CompactGraph } from './compact-graph.js';

/** Undirected simple graph in CSR form: the neighbours of i are neighbours[offsets[i]..offsets[i+1]]. */
export interface UndirectedGraph {
  nodeCount: number;
  offsets: Int32Array;
  neighbours: Int32Array;
}

export function toUndirectedGraph(graph: CompactGraph): UndirectedGraph {
  const n = graph.nodeCount;
  const adjacency = Array.from({ length: n }, () => new Set<number>());
  for (let e = 0; e < graph.edgeCount; e++) {
    const s = graph.edgeSource[e]!;
    const t = graph.edgeTarget[e]!;
    if (s === t) continue;
    adjacency[s]!.add(t);
    adjacency[t]!.add(s);
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + adjacency[i]!.size;
  const neighbours = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) neighbours.set([...adjacency[i]!].sort((a, b) => a - b), offsets[i]!);
  return { nodeCount: n, offsets, neighbours };
}
