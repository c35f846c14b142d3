/**
 * @file Fact triples counted per fact: for each fact f, P_f is the set of distinct fact triples (those
 * that touch the filled slot, `Provenance.slot` / the edges' `factQueryIds`) of its predicted
 * sentences and G_f that of its gold sentences; matched = |P_f ∩ G_f|. Summed over facts (micro):
 * precision = Σ matched / Σ|P_f|, recall = Σ matched / Σ|G_f|, F1 = 2 Σ matched / (Σ|P_f| + Σ|G_f|)
 * (the harmonic mean where both are defined, 0 when nothing matches). Precision is null when no fact
 * triple was predicted, recall when there is none in gold, F1 when neither. Triples are identified
 * by normalised subject, relation and object, as everywhere in the KG layer. compare/ adds the
 * relations, the macro mean and bootstrap intervals (fact-triple-scores.ts).
 *
 * @example
 * const counts = factCounts(factTripleSetsOfGraph(predicted), factTripleSetsOfGraph(gold), facts);
 * factFigures(counts); // { precision: 0.41, recall: 0.38, f1: 0.39, matched: 812, predicted: 1980, gold: 2140, facts: 2937 }
 */
import { UsageError } from '../errors.js';
import { hasSlotProvenance } from './create.js';
import { tripleKey } from './diff.js';
import { normaliseKey } from './normalise.js';
import type { KnowledgeGraph, TripleWithProvenance } from './types.js';

/** The fact id of a query id `<factId>#<n>` (lmkg's query ids). */
export function factIdOfQuery(queryId: string): string {
  const hash = queryId.lastIndexOf('#');
  return hash === -1 ? queryId : queryId.slice(0, hash);
}

/** Matched, predicted and gold fact triples of one fact. */
export interface FactCounts {
  factId: string;
  /** Relation id, or the dataset for facts without one (SQuAD). */
  relation: string;
  matched: number;
  predicted: number;
  gold: number;
}

export interface FactTripleFigures {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  matched: number;
  predicted: number;
  gold: number;
  facts: number;
}

/** Per-fact sets of fact-triple keys. */
export type FactTripleSets = Map<string, Set<string>>;

/** The fact-triple key sets of extracted triples (those with a non-empty `provenance.slot`). */
export function factTripleSetsOfTriples(triples: readonly TripleWithProvenance[]): FactTripleSets {
  const sets: FactTripleSets = new Map();
  for (const triple of triples) {
    if (!triple.provenance.slot || triple.provenance.slot.length === 0) continue;
    addKey(sets, triple.provenance.factId, `${normaliseKey(triple.subject)}\u0000${normaliseKey(triple.relation)}\u0000${normaliseKey(triple.object)}`);
  }
  return sets;
}

/** The fact-triple key sets of a graph with slot provenance (its edges' fact queries). */
export function factTripleSetsOfGraph(kg: KnowledgeGraph, factOfQuery: (queryId: string) => string = factIdOfQuery): FactTripleSets {
  if (kg.size > 0 && !hasSlotProvenance(kg)) {
    throw new UsageError(`fact triples: graph "${kg.getAttribute('name') ?? '?'}" has no slot provenance; extract it again with this lmkg (fact triples need the slot positions)`);
  }
  const sets: FactTripleSets = new Map();
  kg.forEachEdge((edge, attributes) => {
    const key = tripleKey(kg, edge);
    for (const queryId of attributes.factQueryIds ?? []) addKey(sets, factOfQuery(queryId), key);
  });
  return sets;
}

function addKey(sets: FactTripleSets, factId: string, key: string): void {
  const set = sets.get(factId);
  if (set) set.add(key);
  else sets.set(factId, new Set([key]));
}

/** Counts per fact from the two sides' key sets; `facts` (id -> relation) lists every fact to score. */
export function factCounts(predicted: FactTripleSets, gold: FactTripleSets, facts: ReadonlyMap<string, string>): FactCounts[] {
  return [...facts].map(([factId, relation]) => {
    const p = predicted.get(factId) ?? new Set<string>();
    const g = gold.get(factId) ?? new Set<string>();
    let matched = 0;
    for (const key of p) if (g.has(key)) matched += 1;
    return { factId, relation, matched, predicted: p.size, gold: g.size };
  });
}

/** Micro figures of a list of fact counts. */
export function factFigures(counts: readonly FactCounts[]): FactTripleFigures {
  let matched = 0;
  let predicted = 0;
  let gold = 0;
  for (const c of counts) {
    matched += c.matched;
    predicted += c.predicted;
    gold += c.gold;
  }
  return figures(matched, predicted, gold, counts.length);
}

function figures(matched: number, predicted: number, gold: number, facts: number): FactTripleFigures {
  return {
    precision: predicted === 0 ? null : matched / predicted,
    recall: gold === 0 ? null : matched / gold,
    f1: predicted + gold === 0 ? null : (2 * matched) / (predicted + gold),
    matched, predicted, gold, facts,
  };
}

