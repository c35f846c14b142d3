/**
 * @file POS comparisons beyond the whole graph: the overlap per relation, and a fact-level bootstrap
 * interval of the overlap (resampling facts, keeping the triples that a drawn fact yielded; B. Efron
 * and R. J. Tibshirani, "An Introduction to the Bootstrap", 1993). Overlap as in pos-profile.ts.
 */
import { UsageError } from '../errors.js';
import { bootstrapIntervals, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';
import type { CompactGraph } from './compact-graph.js';
import { overlapRatio, POS_TAGS, type PosProfile } from './pos-profile.js';
import { factIdOfQuery } from './triple-scores.js';

export interface RelationPosOverlap {
  relation: string;
  /** Tagged words of this relation's triples in the graph and in the reference. */
  predictedWords: number;
  goldWords: number;
  /** Overlap of tag proportions; null when one side has no triple with this relation. */
  overlap: number | null;
  countOverlap: number | null;
}

/** Overlap of the two profiles per relation (every relation of either graph, sorted by key). */
export function posComparisonByRelation(predicted: PosProfile, gold: PosProfile): RelationPosOverlap[] {
  const empty = new Float64Array(POS_TAGS.length);
  const relations = [...new Set([...predicted.byRelation.keys(), ...gold.byRelation.keys()])].sort();
  const total = (counts: Float64Array) => counts.reduce((sum, x) => sum + x, 0);
  return relations.map((relation) => {
    const p = predicted.byRelation.get(relation) ?? empty;
    const g = gold.byRelation.get(relation) ?? empty;
    return { relation, predictedWords: total(p), goldWords: total(g), overlap: overlapRatio(p, g, true), countOverlap: overlapRatio(p, g, false) };
  });
}

/**
 * Bootstrap interval of the POS overlap (tag proportions), resampling facts: an edge counts in a
 * replicate when a fact that yielded it was drawn. `facts` lists the run's fact ids (facts without
 * triples are units too). Throws UsageError when an edge has no provenance.
 */
export function posOverlapBootstrap(
  graph: CompactGraph,
  profile: PosProfile,
  reference: CompactGraph,
  referenceProfile: PosProfile,
  facts: readonly string[] = [],
  options: BootstrapOptions = {},
): BootstrapInterval {
  const units = new Map<string, number>();
  for (const fact of facts) if (!units.has(fact)) units.set(fact, units.size);
  const supportOf = (g: CompactGraph) =>
    g.edgeQueryIds.map((queries) => {
      if (queries.length === 0) {
        throw new UsageError(`posOverlapBootstrap: an edge of graph "${g.name ?? '?'}" has no query ids, so facts cannot be resampled; build graphs with provenance or skip the bootstrap`);
      }
      return [...new Set(queries.map((query) => {
        const fact = factIdOfQuery(query);
        let unit = units.get(fact);
        if (unit === undefined) {
          unit = units.size;
          units.set(fact, unit);
        }
        return unit;
      }))];
    });
  const support1 = supportOf(graph);
  const support2 = supportOf(reference);
  const width = POS_TAGS.length;
  const sum = (support: number[][], p: PosProfile, weights: Int32Array) => {
    const counts = new Float64Array(width);
    support.forEach((units, e) => {
      if (!units.some((u) => weights[u]! > 0)) return;
      const w = p.edgeWeights[e]!;
      for (let t = 0; t < width; t++) counts[t]! += w * p.edgeCounts[e * width + t]!;
    });
    return counts;
  };
  return bootstrapIntervals(
    units.size,
    (weights) => ({ overlap: overlapRatio(sum(support1, profile, weights), sum(support2, referenceProfile, weights), true) }),
    options,
  ).overlap;
}
