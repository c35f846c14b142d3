/**
 * @file Streams LAMA-format JSONL records (SQuAD, Google-RE or T-REx, told by their fields) into
 * facts, and facts into cloze queries: one per masked sentence with exactly one mask, or one per
 * fact from its relation template.
 */
import { DataFormatError, UsageError } from '../errors.js';
import { readJsonl } from './jsonl.js';
import { fillTemplate, GOOGLE_RE_RELATIONS } from './relations.js';
import { MASK_MARKER, type ClozeQuery, type LamaFact, type LamaShape, type Relation } from './types.js';

export interface ReadFactsOptions {
  /** Dataset id recorded in every fact. */
  dataset: string;
  /** T-REx relations from relations.jsonl, for labels and templates. */
  relations?: Map<string, Relation>;
}

/** Tells a record's shape by its fields: `predicate_id` = T-REx, `pred` = Google-RE, else SQuAD. */
export function recordShape(record: Record<string, unknown>): LamaShape {
  if ('predicate_id' in record) return 't-rex';
  if ('pred' in record) return 'google-re';
  return 'squad';
}

/**
 * Streams the facts of a LAMA JSONL file; every record must have the first record's shape, and fact
 * ids must be unique within the file (see {@link factIdOf} for where an id comes from).
 */
export async function* readLamaFacts(file: string, options: ReadFactsOptions): AsyncGenerator<LamaFact & { shape: LamaShape }> {
  let fileShape: LamaShape | null = null;
  const seen = new Map<string, { line: number; from: FactIdSource }>();
  for await (const { line, value } of readJsonl(file)) {
    const shape = recordShape(value);
    fileShape ??= shape;
    if (shape !== fileShape) {
      throw new DataFormatError({ file, line }, `record looks like ${shape} but the file's first record is ${fileShape}`);
    }
    const fact = parseRecord(value, shape, { file, line }, options);
    const earlier = seen.get(fact.factId);
    if (earlier) {
      throw new DataFormatError(
        { file, line, ...(fact.factIdFrom === 'line' ? {} : { field: fact.factIdFrom }) },
        `duplicate fact id "${fact.factId}" (line ${earlier.line} has it too); ids must be unique within a file: give each record its own "id", or leave "id" and "uuid" out to number the records by line`,
      );
    }
    seen.set(fact.factId, { line, from: fact.factIdFrom });
    yield { ...fact, shape };
  }
}

/** Where a fact's id came from. */
export type FactIdSource = 'id' | 'uuid' | 'line';

/**
 * A record's fact id: its `id` field (SQuAD) or `uuid` field (Google-RE, T-REx), whichever it has
 * (a string or a number), else its line number (`line-<n>`), so hand-written probes need no id.
 */
export function factIdOf(record: Record<string, unknown>, shape: LamaShape, where: { file: string; line: number }): { factId: string; factIdFrom: FactIdSource } {
  const fields: Array<'id' | 'uuid'> = shape === 'squad' ? ['id', 'uuid'] : ['uuid', 'id'];
  for (const field of fields) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))) return { factId: String(value), factIdFrom: field };
    throw new DataFormatError({ ...where, field }, `expected a non-empty string or a number, got ${JSON.stringify(value)} (leave the field out to number the records by line)`);
  }
  return { factId: `line-${where.line}`, factIdFrom: 'line' };
}

function parseRecord(
  record: Record<string, unknown>,
  shape: LamaShape,
  where: { file: string; line: number },
  options: ReadFactsOptions,
): LamaFact {
  const str = (field: string): string => {
    const value = record[field];
    if (typeof value !== 'string' || value === '') {
      throw new DataFormatError({ ...where, field }, value === undefined ? 'required field is missing' : 'expected a non-empty string');
    }
    return value;
  };
  const gold = str('obj_label');
  const id = factIdOf(record, shape, where);
  if (shape === 'squad') {
    return {
      ...id, dataset: options.dataset, subject: null, relation: null, gold,
      maskedSentences: sentenceList(record, where), evidenceUrl: null, judgments: null, line: where.line,
    };
  }
  if (shape === 'google-re') {
    const pred = str('pred');
    const relation = GOOGLE_RE_RELATIONS[pred] ?? { id: pred.split('/').pop() ?? pred, label: pred, template: null };
    const evidences = Array.isArray(record.evidences) ? (record.evidences as Array<Record<string, unknown>>) : [];
    const url = evidences.find((e) => typeof e?.url === 'string')?.url as string | undefined;
    return {
      ...id, dataset: options.dataset, subject: str('sub_label'), relation, gold,
      maskedSentences: sentenceList(record, where), evidenceUrl: url ?? null,
      judgments: countJudgments(record.judgments, where), line: where.line,
    };
  }
  const predicate = str('predicate_id');
  const known = options.relations?.get(predicate);
  const relation = known ?? { id: predicate, label: predicate, template: null };
  return {
    ...id, dataset: options.dataset, subject: str('sub_label'), relation, gold,
    maskedSentences: trexSentences(record, where), evidenceUrl: null, judgments: null, line: where.line,
  };
}

function sentenceList(record: Record<string, unknown>, where: { file: string; line: number }): string[] {
  const value = record.masked_sentences;
  if (value === undefined) throw new DataFormatError({ ...where, field: 'masked_sentences' }, 'required field is missing');
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
    throw new DataFormatError({ ...where, field: 'masked_sentences' }, 'expected an array of strings');
  }
  return value as string[];
}

/** T-REx records carry their sentences in `evidences[].masked_sentence` (or, rarely, `masked_sentences`). */
function trexSentences(record: Record<string, unknown>, where: { file: string; line: number }): string[] {
  if (record.masked_sentences !== undefined) return sentenceList(record, where);
  const evidences = record.evidences;
  if (!Array.isArray(evidences)) throw new DataFormatError({ ...where, field: 'evidences' }, 'required field is missing (T-REx sentences live in evidences[].masked_sentence)');
  return evidences.map((evidence, index) => {
    const sentence = (evidence as Record<string, unknown> | null)?.masked_sentence;
    if (typeof sentence !== 'string') throw new DataFormatError({ ...where, field: `evidences[${index}].masked_sentence` }, 'expected a string');
    return sentence;
  });
}

function countJudgments(value: unknown, where: { file: string; line: number }): { yes: number; no: number } | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw new DataFormatError({ ...where, field: 'judgments' }, 'expected an array');
  let yes = 0;
  let no = 0;
  for (const entry of value as Array<Record<string, unknown> | null>) {
    if (entry?.judgment === 'yes') yes += 1;
    else if (entry?.judgment === 'no') no += 1;
  }
  return { yes, no };
}

/** LAMA's judgment filter: a fact is dropped when its "no" judgments outnumber its "yes" ones. */
export function passesJudgmentFilter(fact: LamaFact): boolean {
  return fact.judgments === null || fact.judgments.no <= fact.judgments.yes;
}

/** Number of mask markers in a sentence. */
export function countMasks(sentence: string): number {
  return sentence.split(MASK_MARKER).length - 1;
}

/** Cloze queries from the dataset's sentences or from its relation templates. */
export type QueryMode = 'sentences' | 'template';

/**
 * The cloze queries of one fact. `sentences` mode: one per masked sentence with exactly one mask
 * (the others are skipped; the caller counts them). `template` mode: one from the relation template.
 */
export function factQueries(fact: LamaFact, mode: QueryMode): ClozeQuery[] {
  const base = { dataset: fact.dataset, factId: fact.factId, subject: fact.subject, relation: fact.relation, gold: fact.gold, evidenceUrl: fact.evidenceUrl };
  if (mode === 'template') {
    const template = fact.relation?.template;
    if (fact.subject === null || !template) {
      throw new UsageError(
        fact.relation === null
          ? `dataset "${fact.dataset}" has no relation template (SQuAD facts have no subject or relation); use the masked sentences (the default mode)`
          : `relation "${fact.relation.id}" of dataset "${fact.dataset}" has no template; use the masked sentences (the default mode)`,
      );
    }
    return [{ ...base, id: `${fact.factId}#template`, maskedSentence: fillTemplate(template, fact.subject, MASK_MARKER) }];
  }
  const queries: ClozeQuery[] = [];
  fact.maskedSentences.forEach((sentence, index) => {
    if (countMasks(sentence) === 1) queries.push({ ...base, id: `${fact.factId}#${index}`, maskedSentence: sentence });
  });
  return queries;
}
