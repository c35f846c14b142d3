/**
 * @file Set operations on the triples of two graphs, and triple precision / recall / F1.
 *
 * A triple is identified by its normalised (source, relation, target) keys, so "Allan Dwan" and
 * "allan dwan" are one. In `paper` mode each graph holds one relation per (source, target) pair, so
 * this is the paper's comparison of `((source, target), relation)` items.
 *
 * @example
 * const diff = diffKnowledgeGraphs(predicted, gold);
 * diff.counts;    // { predicted: 120, gold: 130, intersection: 80, missed: 50, new: 40 }
 * diff.precision; // 80 / 120
 */
import { UsageError } from '../errors.js';
import { copyEdgeAttributes, createKnowledgeGraph } from './create.js';
import type { KnowledgeGraph, KgMeta } from './types.js';

/** Triples only in the first graph, only in the second, and in both. */
export interface KgDiff {
  /** Triples in both graphs (labels, counts and query ids from the predicted graph). */
  intersection: KnowledgeGraph;
  /** Triples only in the gold graph. */
  missed: KnowledgeGraph;
  /** Triples only in the predicted graph. */
  new: KnowledgeGraph;
  counts: { predicted: number; gold: number; intersection: number; missed: number; new: number };
  /** intersection / predicted; 0 when the predicted graph has no triples. */
  precision: number;
  /** intersection / gold; 0 when the gold graph has no triples. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
}

/** The identity of an edge: normalised source, relation and target keys. */
export function tripleKey(kg: KnowledgeGraph, edge: string): string {
  return `${kg.source(edge)}\u0000${kg.getEdgeAttribute(edge, 'relationKey')}\u0000${kg.target(edge)}`;
}

/**
 * Compares a predicted graph with a gold graph. Throws UsageError when the graphs were built in
 * different modes (their triples are not comparable).
 */
export function diffKnowledgeGraphs(predicted: KnowledgeGraph, gold: KnowledgeGraph): KgDiff {
  const predictedMode = predicted.getAttribute('mode') ?? 'triples';
  const goldMode = gold.getAttribute('mode') ?? 'triples';
  if (predictedMode !== goldMode) {
    throw new UsageError(`diffKnowledgeGraphs: the predicted graph was built in "${predictedMode}" mode and the gold graph in "${goldMode}" mode; build both with the same mode`);
  }
  const predictedKeys = edgeKeys(predicted);
  const goldKeys = edgeKeys(gold);
  const meta = (name: string): KgMeta => ({ ...predicted.getAttributes(), side: undefined, name });
  const intersection = subgraph(predicted, [...predictedKeys].filter(([key]) => goldKeys.has(key)).map(([, edge]) => edge), meta('intersection'));
  const added = subgraph(predicted, [...predictedKeys].filter(([key]) => !goldKeys.has(key)).map(([, edge]) => edge), meta('new'));
  const missed = subgraph(gold, [...goldKeys].filter(([key]) => !predictedKeys.has(key)).map(([, edge]) => edge), { ...gold.getAttributes(), side: undefined, name: 'missed' });
  const counts = { predicted: predictedKeys.size, gold: goldKeys.size, intersection: intersection.size, missed: missed.size, new: added.size };
  const precision = counts.predicted === 0 ? 0 : counts.intersection / counts.predicted;
  const recall = counts.gold === 0 ? 0 : counts.intersection / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { intersection, missed, new: added, counts, precision, recall, f1 };
}

/** Distinct triple keys of a graph, each with its first edge. */
function edgeKeys(kg: KnowledgeGraph): Map<string, string> {
  const keys = new Map<string, string>();
  kg.forEachEdge((edge) => {
    const key = tripleKey(kg, edge);
    if (!keys.has(key)) keys.set(key, edge);
  });
  return keys;
}

function subgraph(kg: KnowledgeGraph, edges: string[], meta: KgMeta): KnowledgeGraph {
  const clean = Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)) as KgMeta;
  const out = createKnowledgeGraph(clean);
  for (const edge of edges) {
    const source = kg.source(edge);
    const target = kg.target(edge);
    for (const node of [source, target]) {
      if (!out.hasNode(node)) out.addNode(node, { ...kg.getNodeAttributes(node), count: 0 });
      out.updateNodeAttribute(node, 'count', (count = 0) => count + kg.getEdgeAttribute(edge, 'count'));
    }
    out.addEdge(source, target, copyEdgeAttributes(kg.getEdgeAttributes(edge)));
  }
  return out;
}
