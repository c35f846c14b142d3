/**
 * @file Per-fact timeline over an ordered series of runs (epochs or checkpoints), lmkg's addition
 * (in the spirit of the paper's question "when during training is a fact learned"): for each fact,
 * whether the top prediction equals the gold at each snapshot, the first snapshot where it does, and
 * its fate — `acquired` (correct at the last snapshot), `forgotten` (correct at some snapshot, wrong
 * at the last) or `never` — with counts per snapshot, as JSON (the report's TimelineView shape) and
 * CSV.
 */
import { csvCell } from '../csv.js';
import { UsageError } from '../errors.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import { correctnessTest, type CorrectnessOptions } from './precision-at-1.js';

/** One snapshot (e.g. a training epoch) of a fact timeline: its name and prediction records. */
export interface TimelineSnapshot {
  /** Snapshot name (e.g. `epoch-3`). */
  name: string;
  records: readonly PredictionRecord[];
}

/** Options of `factTimeline`: how a prediction counts as correct. */
export interface FactTimelineOptions extends CorrectnessOptions {
  /**
   * `query` (default): each cloze query (masked sentence) is a unit, the paper's unit;
   * `fact`: a fact is correct at a snapshot when all of its queries are.
   */
  unit?: 'query' | 'fact';
}

/** What happened to a fact over the snapshots. */
export type FactFate = 'acquired' | 'forgotten' | 'never';

/** One fact over the snapshots: correct or not in each, and its fate. */
export interface TimelineFact {
  /** Query id (unit `query`) or fact id (unit `fact`). */
  id: string;
  factId: string;
  subject: string | null;
  relation: string | null;
  gold: string;
  correct: boolean[];
  /** The top prediction at each snapshot (for `fact`, that of its first query). */
  predicted: string[];
  /** Index of the first snapshot where the prediction equals the gold, or null. */
  firstCorrect: number | null;
  /** Start of the final run of correct snapshots when correct at the end, else null. */
  acquiredAt: number | null;
  status: FactFate;
  /** Changes between correct and wrong from one snapshot to the next. */
  flips: number;
}

/** Facts correct, acquired and forgotten at one snapshot. */
export interface TimelineCounts {
  snapshot: string;
  /** Correct at this snapshot. */
  correct: number;
  /** Correct at this or an earlier snapshot (ever learned so far). */
  acquired: number;
  /** Correct at an earlier snapshot and wrong at this one. */
  forgotten: number;
  /** Never correct up to this snapshot. */
  never: number;
  /** Wrong at the previous snapshot, correct here. */
  gained: number;
  /** Correct at the previous snapshot, wrong here. */
  lost: number;
}

/** Which facts each snapshot gets right, and which are acquired or forgotten. */
export interface FactTimeline {
  snapshots: string[];
  unit: 'query' | 'fact';
  facts: TimelineFact[];
  counts: TimelineCounts[];
  /** Final fates: how many facts were acquired, forgotten, never learned. */
  totals: Record<FactFate, number>;
  /** Units present in some snapshots but not all (left out). */
  excluded: number;
  uncased: boolean;
}

/**
 * Builds the timeline of every unit present in all snapshots.
 *
 * @example
 * factTimeline([{ name: 'epoch-1', records: r1 }, { name: 'epoch-2', records: r2 }]).totals
 * // { acquired: 12, forgotten: 3, never: 85 }
 */
export function factTimeline(snapshots: readonly TimelineSnapshot[], options: FactTimelineOptions = {}): FactTimeline {
  if (snapshots.length === 0) throw new UsageError('factTimeline: no snapshots; give an ordered series of runs (e.g. epoch-1..epoch-5)');
  const unit = options.unit ?? 'query';
  if (unit !== 'query' && unit !== 'fact') throw new UsageError(`factTimeline: option "unit" must be "query" or "fact", got ${JSON.stringify(unit)}`);
  const names = snapshots.map((s) => s.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new UsageError(`factTimeline: snapshot name "${duplicate}" appears twice; names must be unique`);

  const { uncased, isCorrect } = correctnessTest(snapshots.flatMap((s) => s.records), options);
  const keyOf = (record: PredictionRecord) => (unit === 'query' ? record.queryId : `${record.dataset}\u0000${record.factId}`);
  // per snapshot: unit key -> [correct, first record]
  const perSnapshot = snapshots.map((snapshot) => {
    const map = new Map<string, { correct: boolean; record: PredictionRecord }>();
    for (const record of snapshot.records) {
      const key = keyOf(record);
      const entry = map.get(key);
      const correct = isCorrect(record);
      if (entry === undefined) map.set(key, { correct, record });
      else entry.correct = entry.correct && correct;
    }
    return map;
  });
  const all = new Set(perSnapshot.flatMap((map) => [...map.keys()]));
  const keys = [...perSnapshot[0]!.keys()].filter((key) => perSnapshot.every((map) => map.has(key)));
  const facts: TimelineFact[] = keys.map((key) => {
    const entries = perSnapshot.map((map) => map.get(key)!);
    const record = entries[0]!.record;
    const correct = entries.map((entry) => entry.correct);
    const first = correct.indexOf(true);
    let acquiredAt: number | null = null;
    if (correct[correct.length - 1]) {
      acquiredAt = correct.length - 1;
      while (acquiredAt > 0 && correct[acquiredAt - 1]) acquiredAt -= 1;
    }
    let flips = 0;
    for (let s = 1; s < correct.length; s++) if (correct[s] !== correct[s - 1]) flips += 1;
    return {
      id: unit === 'query' ? record.queryId : record.factId,
      factId: record.factId,
      subject: record.subject,
      relation: record.relation?.id ?? null,
      gold: record.gold,
      correct,
      predicted: entries.map((entry) => entry.record.predictions[0]?.word ?? ''),
      firstCorrect: first === -1 ? null : first,
      acquiredAt,
      status: first === -1 ? 'never' : correct[correct.length - 1] ? 'acquired' : 'forgotten',
      flips,
    };
  });
  const counts: TimelineCounts[] = names.map((snapshot, s) => {
    let correct = 0;
    let acquired = 0;
    let forgotten = 0;
    let gained = 0;
    let lost = 0;
    for (const fact of facts) {
      const now = fact.correct[s]!;
      if (now) correct += 1;
      if (fact.firstCorrect !== null && fact.firstCorrect <= s) acquired += 1;
      if (!now && fact.firstCorrect !== null && fact.firstCorrect < s) forgotten += 1;
      if (s > 0 && now && !fact.correct[s - 1]) gained += 1;
      if (s > 0 && !now && fact.correct[s - 1]) lost += 1;
    }
    return { snapshot, correct, acquired, forgotten, never: facts.length - acquired, gained, lost };
  });
  const totals: Record<FactFate, number> = { acquired: 0, forgotten: 0, never: 0 };
  for (const fact of facts) totals[fact.status] += 1;
  return { snapshots: names, unit, facts, counts, totals, excluded: all.size - keys.length, uncased };
}

/** The timeline as CSV: one row per fact, then one 0/1 column per snapshot, then any extra columns (one value per fact). */
export function factTimelineCsv(timeline: FactTimeline, extraColumns: Record<string, readonly string[]> = {}): string {
  const extras = Object.entries(extraColumns);
  const header = ['id', 'fact_id', 'subject', 'relation', 'gold', 'status', 'first_correct', 'acquired_at', 'flips', ...timeline.snapshots, ...extras.map(([name]) => name)];
  const rows = timeline.facts.map((fact, index) => [
    fact.id,
    fact.factId,
    fact.subject ?? '',
    fact.relation ?? '',
    fact.gold,
    fact.status,
    fact.firstCorrect === null ? '' : timeline.snapshots[fact.firstCorrect]!,
    fact.acquiredAt === null ? '' : timeline.snapshots[fact.acquiredAt]!,
    String(fact.flips),
    ...fact.correct.map((c) => (c ? '1' : '0')),
    ...extras.map(([, values]) => values[index] ?? ''),
  ]);
  return `${[header, ...rows].map((row) => row.map((value) => csvCell(value)).join(',')).join('\n')}\n`;
}

export { csvCell } from '../csv.js';
