/**
 * @file The demo's headline table: per snapshot, for facts seen in training and for held-out facts,
 * LAMA P@1 (fact level) and fact-triple F1 (the triples that touch the filled slot, scored per
 * fact), each with a bootstrap 95% interval, the chance band of fact F1 (the permutation null of
 * the study's chance baselines, pooled over the datasets), and all-triple F1 (the paper's graph) for
 * contrast; plus the interval of the seen - held-out P@1 difference at the last snapshot and the
 * most-frequent-object baseline of the held-out facts (what knowing only the slot's type gives).
 */
import {
  compareGraphs, factPrecisionAt1Bootstrap, factPrecisionDifferenceBootstrap, poolChanceFigures, type BootstrapInterval, type ChanceFigures,
} from '../compare/index.js';
import { extractKnowledgeGraphs, type SentenceParser } from '../extract/index.js';
import type { PredictionRecord } from '../probe/index.js';
import { objectBaseline } from './object-baseline.js';

/** One row of the demo's group table (a model group on one dataset). */
export interface GroupRow {
  snapshot: string;
  group: string;
  facts: number;
  p1: BootstrapInterval;
  /** Fact-triple F1, scored per fact over the group's facts, with its bootstrap interval. */
  factF1: { value: number | null; low: number | null; high: number | null };
  /** The chance of fact F1: mean, 95% band and one-sided p-value (null when no chance baseline was computed). */
  factF1Chance: { mean: number | null; low: number | null; high: number | null; p: number | null } | null;
  /** F1 of every triple (the paper's graph): high whatever the model knows. */
  allTripleF1: number;
}

/** The demo's table of metrics by model group. */
export interface GroupTable {
  rows: GroupRow[];
  /** P@1(seen) - P@1(held-out) at the last snapshot. */
  lastDifference: BootstrapInterval | null;
  /**
   * Per relation, always the object the seen facts most often have, scored on the held-out facts
   * (P@1 with its interval): held-out P@1 well above it needs more than slot priors — clues in the
   * probe sentence ("born in [MASK], Illinois") or a leak (the leak tests rule that one out).
   */
  heldOutBaseline: { objects: Record<string, string>; p1: BootstrapInterval; facts: number } | null;
  /** The extractor whose triples the table scores. */
  extractor: string;
}

export interface GroupSnapshot {
  name: string;
  records: PredictionRecord[];
  /** Chance figures of the table's extractor per group, one per dataset (pooled here). */
  chance?: Map<string, ChanceFigures[]>;
}

export function groupTable(
  snapshots: readonly GroupSnapshot[],
  groupOf: Map<string, string>,
  options: { extractor: string; parse: SentenceParser; bootstrap: number; seed: number; level?: number },
): GroupTable {
  const rows: GroupRow[] = [];
  const byGroup = (records: PredictionRecord[], group: string) => records.filter((r) => groupOf.get(r.factId) === group);
  for (const { name, records, chance } of snapshots) {
    for (const group of ['seen', 'held-out']) {
      const subset = byGroup(records, group);
      if (subset.length === 0) continue;
      const bootstrap = { replicates: Math.max(1, options.bootstrap), seed: options.seed };
      const extracted = extractKnowledgeGraphs(subset, { extractor: options.extractor, parse: options.parse });
      const facts = compareGraphs(extracted.predicted, extracted.gold, {
        metrics: ['facts'], predictions: subset, bootstrapReplicates: options.bootstrap, bootstrapSeed: options.seed,
      }).facts;
      const figures = chance?.get(group);
      const pooled = figures && figures.length > 0 ? poolChanceFigures(figures, options.level ?? 0.95).f1 : null;
      rows.push({
        snapshot: name, group, facts: new Set(subset.map((r) => r.factId)).size,
        p1: factPrecisionAt1Bootstrap(subset, bootstrap),
        factF1: { value: facts?.micro.f1 ?? null, low: facts?.ci?.f1.low ?? null, high: facts?.ci?.f1.high ?? null },
        factF1Chance: pooled ? { mean: pooled.mean, low: pooled.low, high: pooled.high, p: pooled.p } : null,
        allTripleF1: extracted.diff.f1,
      });
    }
  }
  const last = snapshots.at(-1);
  const lastDifference = last
    ? factPrecisionDifferenceBootstrap(byGroup(last.records, 'seen'), byGroup(last.records, 'held-out'), { replicates: Math.max(1, options.bootstrap), seed: options.seed })
    : null;
  // the facts and golds are the same in every snapshot: any one's records give the baseline
  const baseline = last ? objectBaseline(byGroup(last.records, 'seen'), byGroup(last.records, 'held-out'), { replicates: Math.max(1, options.bootstrap), seed: options.seed }) : null;
  const heldOutBaseline = baseline && baseline.facts > 0 ? { objects: Object.fromEntries(baseline.objects), p1: baseline.p1, facts: baseline.facts } : null;
  return { rows, lastDifference, heldOutBaseline, extractor: options.extractor };
}
