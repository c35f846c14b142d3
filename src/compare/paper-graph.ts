/**
 * @file The graph the paper's code compares (`paper` mode), rebuilt from a compact graph:
 * Swamy, Romanou & Jaggi, "Interpreting Language Models Through Knowledge Graph Extraction"
 * (NeurIPS 2021 XAI workshop), repository epfml/interpret-lm-knowledge,
 * scripts/run_graph2vec_experiments.py: `create_matching_dict` stems every node string with NLTK's
 * PorterStemmer and numbers the stems; `from_str_to_ids` maps each edge of the MultiDiGraph read
 * from the kg CSV to a pair of stem ids and builds an undirected simple `nx.Graph` from them.
 * Relation labels are dropped, parallel and reverse edges collapse, a triple whose subject and
 * object share a stem becomes a self-loop, and nodes only exist through edges.
 *
 * Node order follows networkx: the MultiDiGraph's edges are listed source by source (sources in
 * order of first appearance), each source's targets in the order they first appeared; the new
 * graph's nodes appear in the order of that list. The order matters for one quirk of the paper's
 * AED (see paper-edit-distance.ts).
 */
import type { CompactGraph } from './compact-graph.js';
import { porterStem } from './porter-stemmer.js';

export interface PaperGraph {
  nodeCount: number;
  /** The stem of each node, in the graph's node order. */
  stems: readonly string[];
  /** Undirected neighbours without the node itself (CSR: neighbours[offsets[i]..offsets[i+1]]). */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** 1 where the node has a self-loop. */
  selfLoop: Uint8Array;
}

/** Stems, merges and simplifies a graph as the paper's `from_str_to_ids` does. */
export function toPaperGraph(graph: CompactGraph, stem: (label: string) => string = porterStem): PaperGraph {
  // MultiDiGraph edge order: by source (node order), then target in order of first (source, target) edge.
  const targetsBySource: number[][] = Array.from({ length: graph.nodeCount }, () => []);
  const seenPair = new Set<number>();
  for (let e = 0; e < graph.edgeCount; e++) {
    const s = graph.edgeSource[e]!;
    const t = graph.edgeTarget[e]!;
    const pair = s * graph.nodeCount + t;
    if (seenPair.has(pair)) continue;
    seenPair.add(pair);
    targetsBySource[s]!.push(t);
  }
  const stemOf = graph.nodeLabels.map((label) => stem(label));
  const idOfStem = new Map<string, number>();
  const stems: string[] = [];
  const id = (node: number) => {
    const text = stemOf[node]!;
    let value = idOfStem.get(text);
    if (value === undefined) {
      value = stems.length;
      idOfStem.set(text, value);
      stems.push(text);
    }
    return value;
  };
  const adjacency: Array<Set<number>> = [];
  const loops: number[] = [];
  for (let s = 0; s < graph.nodeCount; s++) {
    for (const t of targetsBySource[s]!) {
      const a = id(s);
      const b = id(t);
      while (adjacency.length < stems.length) adjacency.push(new Set());
      if (a === b) loops.push(a);
      else {
        adjacency[a]!.add(b);
        adjacency[b]!.add(a);
      }
    }
  }
  const n = stems.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + adjacency[i]!.size;
  const neighbours = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) neighbours.set([...adjacency[i]!], offsets[i]!);
  const selfLoop = new Uint8Array(n);
  for (const node of loops) selfLoop[node] = 1;
  return { nodeCount: n, stems, offsets, neighbours, selfLoop };
}
