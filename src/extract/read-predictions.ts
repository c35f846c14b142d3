/**
 * @file Loading a predictions file for extraction: the records (read by `lm`'s `readPredictions`,
 * the one reader of the format), checked for the fields the extractors need, plus the probe run's
 * meta (`<file>.meta.json`: which model) when it is there. A bad record fails before any output is
 * written.
 *
 * @example
 * const { records, probeMeta } = await loadPredictions('runs/bert/re-place-birth.jsonl');
 * records[0].predictedSentence; // 'Allan Dwan was born in Toronto .'
 * probeMeta?.model.spec;        // 'bert-base-uncased'
 */
import { existsSync } from 'node:fs';
import { DataFormatError, NotFoundError } from '../errors.js';
import { readPredictions, readProbeMeta, type ProbeRunMeta } from '../probe/predictions-file.js';
import type { PredictionRecord } from '../probe/prediction-types.js';

const STRING_FIELDS = ['queryId', 'dataset', 'factId', 'gold', 'maskedSentence', 'predictedSentence', 'goldSentence'] as const;

/** Prediction records read from a file, with the run's metadata. */
export interface LoadedPredictions {
  records: PredictionRecord[];
  /** The probe run's meta file beside the predictions, or null when there is none. */
  probeMeta: ProbeRunMeta | null;
}

/**
 * Reads a predictions file (JSONL of PredictionRecord, as `lmkg probe` writes it). Throws
 * NotFoundError for a missing file and DataFormatError (file, record, field) for a bad record or an
 * empty file.
 */
export async function loadPredictions(file: string): Promise<LoadedPredictions> {
  if (!existsSync(file)) throw new NotFoundError(`${file}: no such predictions file; write one with \`lmkg probe\``);
  const records = readPredictions(file);
  if (records.length === 0) throw new DataFormatError({ file }, 'the file holds no prediction records');
  records.forEach((record, i) => checkRecord(record as unknown as Record<string, unknown>, file, i));
  return { records, probeMeta: readProbeMeta(file) };
}

/** Checks that a record has what the extractors read; `index` (0-based) names it in messages. */
export function checkRecord(value: Record<string, unknown>, file: string, index: number): PredictionRecord {
  const where = `record ${index + 1}${typeof value.queryId === 'string' ? ` (query ${value.queryId})` : ''}`;
  const fail = (field: string, problem: string): never => {
    throw new DataFormatError({ file, field }, `${where}: ${problem}; is this a predictions file written by \`lmkg probe\`?`);
  };
  for (const field of STRING_FIELDS) {
    if (typeof value[field] !== 'string') fail(field, `expected a string, got ${describe(value[field])}`);
  }
  if (value.subject !== null && typeof value.subject !== 'string') fail('subject', `expected a string or null, got ${describe(value.subject)}`);
  const relation = value.relation;
  if (relation !== null) {
    const ok = typeof relation === 'object' && !Array.isArray(relation) && typeof (relation as Record<string, unknown>).id === 'string' &&
      typeof (relation as Record<string, unknown>).label === 'string';
    if (!ok) fail('relation', `expected null or { id, label, template }, got ${describe(relation)}`);
  }
  if (!Array.isArray(value.predictions)) fail('predictions', `expected an array, got ${describe(value.predictions)}`);
  (value.predictions as unknown[]).forEach((prediction, i) => {
    if (prediction === null || typeof prediction !== 'object' || typeof (prediction as Record<string, unknown>).word !== 'string') {
      fail(`predictions[${i}]`, `expected { token, id, prob, word }, got ${describe(prediction)}`);
    }
  });
  return value as unknown as PredictionRecord;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
