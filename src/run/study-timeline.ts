/**
 * @file The per-fact timeline of an ordered series of snapshots on one dataset: for each query,
 * the first snapshot whose top prediction equals the gold object, and whether it stays
 * (acquired), is lost later (forgotten) or never comes. Optional fact groups (e.g. facts seen in
 * training and held-out facts, from an lmkg train run's holdout.json) label each fact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factTimeline, factTimelineCsv, type FactTimeline } from '../compare/index.js';
import { UsageError } from '../errors.js';
import { writeTextAtomic } from '../files.js';
import type { PredictionRecord } from '../probe/index.js';
import type { SummaryRow, TimelineView } from '../report/index.js';

export interface FactGroups {
  /** Group name by fact id. */
  groupOf: Map<string, string>;
}

/** The fact groups of an lmkg train run's holdout.json (seen, held-out, unseen). */
export function readFactGroups(file: string): FactGroups {
  const holdout = JSON.parse(readFileSync(file, 'utf8')) as { heldOutFactIds?: string[]; seenFactIds?: string[]; unseenFactIds?: string[] };
  if (!Array.isArray(holdout.heldOutFactIds) || !Array.isArray(holdout.seenFactIds)) {
    throw new UsageError(`run: --fact-groups ${file} is not a holdout.json of lmkg train (needs heldOutFactIds and seenFactIds)`);
  }
  const groupOf = new Map<string, string>();
  for (const id of holdout.seenFactIds) groupOf.set(id, 'seen');
  for (const id of holdout.heldOutFactIds) groupOf.set(id, 'held-out');
  for (const id of holdout.unseenFactIds ?? []) groupOf.set(id, 'unseen');
  return { groupOf };
}

export async function writeTimeline(
  datasetDir: string,
  dataset: string,
  snapshots: Array<{ name: string; records: readonly PredictionRecord[] }>,
  summary: readonly SummaryRow[],
  groups: FactGroups | null,
): Promise<TimelineView> {
  const timeline = factTimeline(snapshots);
  const extra: Record<string, string[]> = groups ? { group: timeline.facts.map((f) => groups.groupOf.get(f.factId) ?? '') } : {};
  await writeTextAtomic(join(datasetDir, 'timeline.csv'), factTimelineCsv(timeline, extra));
  await writeTextAtomic(join(datasetDir, 'timeline.json'), `${JSON.stringify(timeline, null, 2)}\n`);
  return timelineView(dataset, timeline, summary, groups);
}

function timelineView(dataset: string, timeline: FactTimeline, summary: readonly SummaryRow[], groups: FactGroups | null): TimelineView {
  const metrics: TimelineView['metrics'] = [];
  for (const snapshot of timeline.snapshots) {
    const rows = summary.filter((r) => r.dataset === dataset && r.model === snapshot);
    const first = rows[0];
    if (first) metrics.push({ snapshot, values: { p1: first.p1, mrr: first.mrr } });
    for (const row of rows) {
      metrics.push({
        snapshot, extractor: row.extractor,
        values: {
          factF1: row.factF1, factP: row.factP, factR: row.factR, factF1Chance: row.chance.factF1?.mean ?? null,
          factF1ChanceHigh: row.chance.factF1?.high ?? null, allTripleF1: row.allTripleF1, tripleF1: row.tripleF1, tripleP: row.tripleP, tripleR: row.tripleR,
        },
      });
    }
  }
  return {
    dataset,
    snapshots: timeline.snapshots,
    facts: timeline.facts.map((f) => {
      const group = groups?.groupOf.get(f.factId);
      return {
        factId: f.factId, subject: f.subject, gold: f.gold, firstCorrect: f.firstCorrect, status: f.status,
        correct: f.correct, predicted: f.predicted, ...(group ? { group } : {}),
      };
    }),
    counts: timeline.counts.map((c) => ({ snapshot: c.snapshot, acquired: c.acquired, forgotten: c.forgotten, never: c.never, correct: c.correct })),
    metrics,
  };
}
