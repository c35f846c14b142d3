/**
 * @file The demo's headline table: per snapshot, LAMA P@1 (fact level) and triple F1 for facts
 * seen in training and for held-out facts, with bootstrap 95% intervals, and the interval of the
 * seen - held-out P@1 difference at the last snapshot.
 */
import { compareGraphs, factPrecisionAt1Bootstrap, factPrecisionDifferenceBootstrap, type BootstrapInterval } from '../compare/index.js';
import { extractKnowledgeGraphs, type SentenceParser } from '../extract/index.js';
import type { PredictionRecord } from '../lm/index.js';

export interface GroupRow {
  snapshot: string;
  group: string;
  facts: number;
  p1: BootstrapInterval;
  tripleF1: { value: number; low: number | null; high: number | null };
}

export interface GroupTable {
  rows: GroupRow[];
  /** P@1(seen) - P@1(held-out) at the last snapshot. */
  lastDifference: BootstrapInterval | null;
}

export function groupTable(
  snapshots: Array<{ name: string; records: PredictionRecord[] }>,
  groupOf: Map<string, string>,
  options: { extractor: string; parse: SentenceParser; bootstrap: number; seed: number },
): GroupTable {
  const rows: GroupRow[] = [];
  const byGroup = (records: PredictionRecord[], group: string) => records.filter((r) => groupOf.get(r.factId) === group);
  for (const { name, records } of snapshots) {
    for (const group of ['seen', 'held-out']) {
      const subset = byGroup(records, group);
      if (subset.length === 0) continue;
      const bootstrap = { replicates: Math.max(1, options.bootstrap), seed: options.seed };
      const extracted = extractKnowledgeGraphs(subset, { extractor: options.extractor, parse: options.parse });
      const triples = compareGraphs(extracted.predicted, extracted.gold, {
        metrics: ['triples'], predictions: subset, bootstrapReplicates: options.bootstrap, bootstrapSeed: options.seed,
      }).triples;
      rows.push({
        snapshot: name, group, facts: new Set(subset.map((r) => r.factId)).size,
        p1: factPrecisionAt1Bootstrap(subset, bootstrap),
        tripleF1: { value: triples?.f1 ?? 0, low: triples?.ci?.f1.low ?? null, high: triples?.ci?.f1.high ?? null },
      });
    }
  }
  const last = snapshots.at(-1);
  const lastDifference = last
    ? factPrecisionDifferenceBootstrap(byGroup(last.records, 'seen'), byGroup(last.records, 'held-out'), { replicates: Math.max(1, options.bootstrap), seed: options.seed })
    : null;
  return { rows, lastDifference };
}
