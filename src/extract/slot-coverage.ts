/**
 * @file How well an extractor catches the slot, per query, from triples with slot provenance:
 *
 * - *slot coverage*: the filled slot lies in a triple's subject or object (the extractor turned the
 *   blank into an argument, so the fact graph has something to compare);
 * - *fact coverage*: a triple links the slot to the fact's subject: one argument holds the slot and
 *   the other names the subject (shares a content word with its label, see `namesSubject`) or is a
 *   third-person singular personal pronoun, which in a probe sentence about the subject refers to
 *   it ("He was born in [MASK]"). A fact without a subject (SQuAD) is covered when the slot is in
 *   an argument.
 *
 * Measured on the gold side (the extractor's reach on correct sentences) or the predicted side.
 *
 * @example
 * const triples = extractTriples(records, { extractor: 'svo-plus', side: 'gold', parse });
 * slotCoverageSummary(records, triples).overall; // { queries: 2683, slot: 0.81, fact: 0.62 }
 */
import type { TripleWithProvenance } from '../kg/types.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import { namesSubject } from './coverage.js';

/** Pronouns that, in a probe sentence about the subject, refer to it. */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself']);

export interface QuerySlotCoverage {
  queryId: string;
  factId: string;
  /** Relation id, or the dataset for facts without a relation. */
  relation: string;
  /** Whether the record carries a slot position (files of lmkg 0.1 do not). */
  known: boolean;
  slot: boolean;
  fact: boolean;
}

export interface CoverageFigures {
  queries: number;
  /** Share of queries with slot coverage (null without queries). */
  slot: number | null;
  /** Share of queries with fact coverage. */
  fact: number | null;
}

export interface SlotCoverageSummary {
  overall: CoverageFigures;
  byRelation: Array<CoverageFigures & { relation: string }>;
  /** Queries without a slot position, left out of the shares. */
  unknown: number;
}

/** Whether an argument text refers to the fact's subject (see the file comment). */
export function refersToSubject(argument: string, subject: string): boolean {
  return namesSubject(argument, subject) || SUBJECT_PRONOUNS.has(argument.trim().toLowerCase());
}

/** Per-query coverage of one side's triples (see the file comment). */
export function querySlotCoverage(records: readonly PredictionRecord[], triples: readonly TripleWithProvenance[]): QuerySlotCoverage[] {
  const byQuery = new Map<string, TripleWithProvenance[]>();
  for (const triple of triples) {
    const list = byQuery.get(triple.provenance.queryId);
    if (list) list.push(triple);
    else byQuery.set(triple.provenance.queryId, [triple]);
  }
  return records.map((record) => {
    const own = byQuery.get(record.queryId) ?? [];
    let slot = false;
    let fact = false;
    for (const triple of own) {
      const parts = triple.provenance.slot ?? [];
      const inSubject = parts.includes('subject');
      const inObject = parts.includes('object');
      if (!inSubject && !inObject) continue;
      slot = true;
      if (record.subject === null) fact = true;
      else if (inSubject !== inObject && refersToSubject(inSubject ? triple.object : triple.subject, record.subject)) fact = true;
    }
    return { queryId: record.queryId, factId: record.factId, relation: record.relation?.id ?? record.dataset, known: record.slot !== undefined, slot, fact };
  });
}

/** Shares of slot and fact coverage, overall and per relation (queries without a slot position left out). */
export function slotCoverageSummary(records: readonly PredictionRecord[], triples: readonly TripleWithProvenance[]): SlotCoverageSummary {
  const all = querySlotCoverage(records, triples);
  const known = all.filter((q) => q.known);
  const figures = (list: QuerySlotCoverage[]): CoverageFigures => ({
    queries: list.length,
    slot: list.length === 0 ? null : list.filter((q) => q.slot).length / list.length,
    fact: list.length === 0 ? null : list.filter((q) => q.fact).length / list.length,
  });
  const relations = [...new Set(known.map((q) => q.relation))];
  return {
    overall: figures(known),
    byRelation: relations.map((relation) => ({ relation, ...figures(known.filter((q) => q.relation === relation)) })),
    unknown: all.length - known.length,
  };
}
