/**
 * @file Triple precision, recall and F1 of a graph against a reference (lmkg's addition; standard
 * set-based information-retrieval measures, C. J. van Rijsbergen, "Information Retrieval", 1979),
 * with triples identified as in the KG layer's `diffKnowledgeGraphs` (normalised source, relation and
 * target keys), plus a fact-level bootstrap: resampling facts and rebuilding both triple sets from
 * the facts drawn, using each edge's provenance (the query ids that yielded it).
 */
import { UsageError } from '../errors.js';
import { bootstrapIntervals, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';
import type { CompactGraph } from './compact-graph.js';
import { factIdOfQuery } from '../kg/fact-scores.js';

/** Precision, recall and F1 of predicted triples against gold triples. */
export interface TripleScores {
  precision: number;
  recall: number;
  f1: number;
  /** Distinct triples in both, in the graph, in the reference. */
  intersection: number;
  predicted: number;
  gold: number;
}

/** Set-based scores; 0 where a denominator is 0 (as the KG layer). */
export function tripleScores(predicted: CompactGraph, gold: CompactGraph): TripleScores {
  const p = tripleKeys(predicted);
  const g = tripleKeys(gold);
  let intersection = 0;
  for (const key of p.keys()) if (g.has(key)) intersection += 1;
  return scores(intersection, p.size, g.size);
}

function scores(intersection: number, predicted: number, gold: number): TripleScores {
  const precision = predicted === 0 ? 0 : intersection / predicted;
  const recall = gold === 0 ? 0 : intersection / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, intersection, predicted, gold };
}

/** Distinct triple keys of a graph, each with the edges that carry it. */
export function tripleKeys(graph: CompactGraph): Map<string, number[]> {
  const keys = new Map<string, number[]>();
  for (let e = 0; e < graph.edgeCount; e++) {
    const key = `${graph.nodeKeys[graph.edgeSource[e]!]}\u0000${graph.relationKeys[graph.edgeRelation[e]!]}\u0000${graph.nodeKeys[graph.edgeTarget[e]!]}`;
    const edges = keys.get(key);
    if (edges === undefined) keys.set(key, [e]);
    else edges.push(e);
  }
  return keys;
}

export { factIdOfQuery } from '../kg/fact-scores.js';

/**
 * Which facts support each distinct triple of a graph, as unit indices. Facts not yet in `units`
 * are added. Throws UsageError when an edge has no provenance.
 */
export function tripleSupport(graph: CompactGraph, units: Map<string, number>, where: string): number[][] {
  const support: number[][] = [];
  for (const edges of tripleKeys(graph).values()) {
    const facts = new Set<number>();
    for (const e of edges) {
      const queries = graph.edgeQueryIds[e]!;
      if (queries.length === 0) {
        throw new UsageError(
          `${where}: an edge of graph "${graph.name ?? '?'}" has no query ids, so facts cannot be resampled; build graphs with provenance (lmkg extract keeps it) or skip the bootstrap`,
        );
      }
      for (const query of queries) {
        const fact = factIdOfQuery(query);
        let unit = units.get(fact);
        if (unit === undefined) {
          unit = units.size;
          units.set(fact, unit);
        }
        facts.add(unit);
      }
    }
    support.push([...facts]);
  }
  return support;
}

/**
 * Bootstrap intervals of triple precision, recall and F1, resampling facts. `facts` lists the fact
 * ids of the run (facts that yielded no triple still count as units); facts seen only in the
 * graphs' provenance are added.
 */
export function tripleScoresBootstrap(
  predicted: CompactGraph,
  gold: CompactGraph,
  facts: readonly string[] = [],
  options: BootstrapOptions = {},
): Record<'precision' | 'recall' | 'f1', BootstrapInterval> {
  const units = new Map<string, number>();
  for (const fact of facts) if (!units.has(fact)) units.set(fact, units.size);
  const where = 'tripleScoresBootstrap';
  const predictedKeys = [...tripleKeys(predicted).keys()];
  const goldKeys = [...tripleKeys(gold).keys()];
  const predictedSupport = tripleSupport(predicted, units, where);
  const goldSupport = tripleSupport(gold, units, where);
  const goldIndex = new Map(goldKeys.map((key, i) => [key, i]));
  const inGold = predictedKeys.map((key) => goldIndex.get(key) ?? -1);
  const present = (support: number[], weights: Int32Array) => support.some((unit) => weights[unit]! > 0);
  return bootstrapIntervals(
    units.size,
    (weights) => {
      const goldPresent = goldSupport.map((support) => present(support, weights));
      let p = 0;
      let both = 0;
      predictedSupport.forEach((support, i) => {
        if (!present(support, weights)) return;
        p += 1;
        const g = inGold[i]!;
        if (g !== -1 && goldPresent[g]) both += 1;
      });
      const g = goldPresent.filter(Boolean).length;
      const s = scores(both, p, g);
      return { precision: p === 0 ? null : s.precision, recall: g === 0 ? null : s.recall, f1: p === 0 || g === 0 ? null : s.f1 };
    },
    options,
  );
}
