/**
 * @file LAMA metrics from prediction records (definitions in src/lm/README.md, "Metrics").
 *
 * - unit: the fact (its mean log-probability over its sentences), and the sentence (the paper's
 *   unit), both reported;
 * - match: a predicted token matches when its normalised word (markers stripped, lowercased for
 *   uncased models) equals the gold token's; only golds that are one vocabulary token count, and
 *   the excluded number is reported;
 * - rank over the full vocabulary, or over the common vocabulary the records were probed with;
 * - P@1, P@k, MRR per relation, their mean over relations (as LAMA reports) and over all units;
 * - the paper's looser count: the gold is a case-sensitive substring of one of the top-5 words.
 */
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { METRICS_DEFAULTS } from './defaults.js';
import type { PredictionRecord } from './prediction-types.js';

/** Options of `lamaMetrics`: k, the vocabulary, the substring count. */
export interface LamaMetricsOptions {
  /** k of P@k (default 10). */
  k?: number;
  /** `full` vocabulary (default) or the `common` vocabulary the records were probed with. */
  ranking?: 'full' | 'common';
  /** Top tokens the substring count looks at (default 5; fewer when the records keep fewer). */
  substringTop?: number;
}

/** P@1, P@k and MRR at the fact or sentence level. */
export interface LevelMetrics {
  /** Units whose gold is one token (in the common vocabulary, for `common`). */
  counted: number;
  /** Units left out because the gold is not one token (or not in the common vocabulary). */
  excluded: number;
  /** Shares of the counted units (0 when none is counted). */
  p1: number;
  pk: number;
  mrr: number;
}

/** How often the gold object is a substring of a top prediction. */
export interface SubstringCount {
  /** Sentences (all, counted or not) whose gold is a case-sensitive substring of a top token's word. */
  hits: number;
  sentences: number;
  share: number;
}

/** LAMA metrics of one relation. */
export interface RelationMetrics {
  /** Relation id (`place_of_birth`, `P19`), or the dataset id when records have no relation. */
  relation: string;
  label: string;
  facts: LevelMetrics;
  sentences: LevelMetrics;
  substring: SubstringCount;
}

/** LAMA's metrics of prediction records, per relation and overall. */
export interface LamaMetrics {
  k: number;
  ranking: 'full' | 'common';
  substringTop: number;
  relations: RelationMetrics[];
  /** Unweighted mean over relations with at least one counted unit (LAMA's headline numbers). */
  meanOverRelations: { facts: Omit<LevelMetrics, 'counted' | 'excluded'>; sentences: Omit<LevelMetrics, 'counted' | 'excluded'>; substringShare: number };
  /** All units pooled. */
  overall: { facts: LevelMetrics; sentences: LevelMetrics; substring: SubstringCount };
}

interface Unit { rank: number | null }

function level(units: Unit[], k: number): LevelMetrics {
  const ranks = units.map((u) => u.rank).filter((rank): rank is number => rank !== null);
  const share = (count: number): number => (ranks.length === 0 ? 0 : count / ranks.length);
  return {
    counted: ranks.length,
    excluded: units.length - ranks.length,
    p1: share(ranks.filter((r) => r === 1).length),
    pk: share(ranks.filter((r) => r <= k).length),
    mrr: share(ranks.reduce((sum, r) => sum + 1 / r, 0)),
  };
}

function substring(records: PredictionRecord[], top: number, ranking: 'full' | 'common'): SubstringCount {
  const hits = records.filter((record) => {
    const predictions = ranking === 'common' ? record.common!.predictions : record.predictions;
    return predictions.slice(0, top).some((p) => p.word.includes(record.gold));
  }).length;
  return { hits, sentences: records.length, share: records.length === 0 ? 0 : hits / records.length };
}

/**
 * LAMA metrics of prediction records.
 * @example
 * const m = lamaMetrics(readPredictions('pob.jsonl'));
 * m.meanOverRelations.facts.p1; // 0.093
 */
export function lamaMetrics(records: readonly PredictionRecord[], options: LamaMetricsOptions = {}): LamaMetrics {
  const { k, ranking, substringTop: askedTop } = resolveOptions('lamaMetrics', { ...METRICS_DEFAULTS }, options, {
    k: 'positive-integer', ranking: ['full', 'common'], substringTop: 'positive-integer',
  });
  if (records.length === 0) throw new UsageError('lamaMetrics: no prediction records; probe a dataset first');
  // the substring count can only look at the predictions the records kept (--top-k)
  const substringTop = Math.min(askedTop, ...records.map((r) => r.predictions.length));
  if (ranking === 'common') {
    const without = records.find((record) => record.common === undefined);
    if (without) throw new UsageError(`lamaMetrics: record "${without.queryId}" has no common-vocabulary ranking; probe with --common-vocab <file> (ranks are computed at probe time, over the full distribution)`);
  }
  const sentenceRank = (r: PredictionRecord): Unit => ({ rank: ranking === 'common' ? r.common!.goldRank : r.goldRank });
  const factRank = (r: PredictionRecord): Unit => ({ rank: ranking === 'common' ? r.common!.fact.goldRank : r.fact.goldRank });

  const byRelation = new Map<string, { label: string; records: PredictionRecord[] }>();
  for (const record of records) {
    const id = record.relation?.id ?? record.dataset;
    const entry = byRelation.get(id) ?? { label: record.relation?.label ?? record.dataset, records: [] };
    entry.records.push(record);
    byRelation.set(id, entry);
  }
  const firstOfFact = (list: PredictionRecord[]): PredictionRecord[] => {
    const seen = new Set<string>();
    return list.filter((record) => {
      const key = `${record.dataset}\u0000${record.factId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const relations: RelationMetrics[] = [...byRelation].map(([relation, { label, records: list }]) => ({
    relation,
    label,
    facts: level(firstOfFact(list).map(factRank), k),
    sentences: level(list.map(sentenceRank), k),
    substring: substring(list, substringTop, ranking),
  }));
  const mean = (pick: (r: RelationMetrics) => LevelMetrics): Omit<LevelMetrics, 'counted' | 'excluded'> => {
    const used = relations.filter((r) => pick(r).counted > 0);
    const avg = (field: 'p1' | 'pk' | 'mrr'): number => (used.length === 0 ? 0 : used.reduce((sum, r) => sum + pick(r)[field], 0) / used.length);
    return { p1: avg('p1'), pk: avg('pk'), mrr: avg('mrr') };
  };
  return {
    k,
    ranking,
    substringTop,
    relations,
    meanOverRelations: {
      facts: mean((r) => r.facts),
      sentences: mean((r) => r.sentences),
      substringShare: relations.reduce((sum, r) => sum + r.substring.share, 0) / relations.length,
    },
    overall: {
      facts: level(firstOfFact([...records]).map(factRank), k),
      sentences: level(records.map(sentenceRank), k),
      substring: substring([...records], substringTop, ranking),
    },
  };
}
