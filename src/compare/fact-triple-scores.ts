/**
 * @file Fact-triple precision, recall and F1, scored per fact (lmkg's measure of what a model put
 * into the blank). A *fact triple* touches the filled slot (see `Provenance.slot`). For each fact f,
 * P_f is the set of distinct fact triples of its predicted sentences and G_f that of its gold
 * sentences (triples identified by normalised subject, relation and object, as in the KG layer).
 * Then, summed over facts (micro average):
 *
 *   precision = Σ|P_f ∩ G_f| / Σ|P_f|,  recall = Σ|P_f ∩ G_f| / Σ|G_f|,  F1 = 2 Σ|P_f ∩ G_f| / (Σ|P_f| + Σ|G_f|)
 *
 * (F1 is the harmonic mean of the two where both are defined, and 0 when nothing matches). A fact
 * is *covered* when G_f is not empty; `coveredOnly` repeats the scores over covered facts (recall is
 * the same; precision leaves out the predicted triples of facts whose gold sentences yield none).
 * Per relation the same, and `macro` is the unweighted mean over relations. Precision is null when
 * no fact triple was predicted, recall when there is no gold fact triple, F1 when neither.
 *
 * Context triples (the rest) are shared by the predicted and the gold sentence by construction, which
 * is why all-triple F1 is high even for a random model; fact triples are not.
 *
 * @example
 * factTripleScores(predictedKg, goldKg, { records }).micro; // { precision: 0.41, recall: 0.38, f1: 0.39, matched: 812, predicted: 1980, gold: 2140 }
 */
import {
  factCounts, factFigures, factIdOfQuery, factTripleSetsOfGraph, type FactCounts, type FactTripleFigures, type FactTripleSets,
} from '../kg/fact-scores.js';
import type { KnowledgeGraph } from '../kg/types.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import { bootstrapIntervals, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';

export interface FactTripleScores {
  micro: FactTripleFigures;
  /** Over facts with at least one gold fact triple. */
  coveredOnly: FactTripleFigures;
  byRelation: Array<FactTripleFigures & { relation: string }>;
  /** Unweighted mean over relations of their precision, recall and F1 (relations where each is defined). */
  macro: { precision: number | null; recall: number | null; f1: number | null; relations: number };
  perFact: FactCounts[];
  /** Bootstrap intervals of the micro figures, resampling facts. */
  ci?: Record<'precision' | 'recall' | 'f1', BootstrapInterval>;
}

export interface FactTripleScoreOptions {
  /** The run's records: every fact a unit (facts that yield no triple count too) and each fact's relation. */
  records?: readonly PredictionRecord[];
  /** Bootstrap replicates of the micro figures (0 or absent: none). */
  bootstrap?: BootstrapOptions & { replicates: number };
}

/** Every figure of the file comment from per-fact counts. */
export function scoreFactCounts(counts: readonly FactCounts[], options: Pick<FactTripleScoreOptions, 'bootstrap'> = {}): FactTripleScores {
  const relations = [...new Set(counts.map((c) => c.relation))];
  const byRelation = relations.map((relation) => ({ relation, ...factFigures(counts.filter((c) => c.relation === relation)) }));
  const mean = (values: Array<number | null>): number | null => {
    const defined = values.filter((v): v is number => v !== null);
    return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
  };
  const scores: FactTripleScores = {
    micro: factFigures(counts),
    coveredOnly: factFigures(counts.filter((c) => c.gold > 0)),
    byRelation,
    macro: {
      precision: mean(byRelation.map((r) => r.precision)), recall: mean(byRelation.map((r) => r.recall)), f1: mean(byRelation.map((r) => r.f1)),
      relations: byRelation.length,
    },
    perFact: [...counts],
  };
  if (options.bootstrap && options.bootstrap.replicates > 0 && counts.length > 0) {
    scores.ci = bootstrapIntervals(counts.length, (weights) => {
      let m = 0;
      let p = 0;
      let g = 0;
      counts.forEach((c, i) => {
        const w = weights[i]!;
        m += w * c.matched;
        p += w * c.predicted;
        g += w * c.gold;
      });
      const f = factFigures([{ factId: '', relation: '', matched: m, predicted: p, gold: g }]);
      return { precision: f.precision, recall: f.recall, f1: f.f1 };
    }, options.bootstrap);
  }
  return scores;
}

/**
 * Fact-triple scores of a predicted graph against a gold (or reference) graph, both with slot
 * provenance. With `records`, every fact of the run is scored (one with no triple on either side
 * counts as a fact with nothing predicted) under its relation; without, the facts seen in the graphs.
 */
export function factTripleScores(predicted: KnowledgeGraph, gold: KnowledgeGraph, options: FactTripleScoreOptions = {}): FactTripleScores {
  const factOf = new Map(options.records?.map((r) => [r.queryId, r.factId]) ?? []);
  const ofQuery = (queryId: string) => factOf.get(queryId) ?? factIdOfQuery(queryId);
  const p = factTripleSetsOfGraph(predicted, ofQuery);
  const g = factTripleSetsOfGraph(gold, ofQuery);
  return scoreFactCounts(factCounts(p, g, factRelations(options.records, [p, g])), options);
}

/** Fact id -> relation (relation id, else dataset) of the records, in record order; else the facts of the sets under "all". */
export function factRelations(records: readonly PredictionRecord[] | undefined, sets: readonly FactTripleSets[] = []): Map<string, string> {
  const facts = new Map<string, string>();
  if (records) {
    for (const record of records) if (!facts.has(record.factId)) facts.set(record.factId, record.relation?.id ?? record.dataset);
  } else {
    for (const set of sets) for (const factId of set.keys()) if (!facts.has(factId)) facts.set(factId, 'all');
  }
  return facts;
}
