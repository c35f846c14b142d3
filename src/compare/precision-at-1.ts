/**
 * @file LAMA precision at 1 (F. Petroni et al., "Language Models as Knowledge Bases?", EMNLP 2019)
 * of one run, from its prediction records: a query is correct when the model's top word equals the
 * gold object after normalisation (trimmed, Unicode NFC, lowercased for uncased models — the lm
 * layer's `normaliseWord`). Per query (the paper's unit: one masked sentence) or per fact, with a
 * fact-level bootstrap interval.
 */
import { InvalidOptionError } from '../errors.js';
import { normaliseWord } from '../tokenizers/index.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import { bootstrapIntervals, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';

/** How a prediction is judged correct (case, whole-word matching). */
export interface CorrectnessOptions {
  /**
   * Fold case before comparing: true for uncased models. `auto` (default) treats the records as
   * uncased when no predicted word of any record has an upper-case letter.
   */
  uncased?: boolean | 'auto';
  /** Custom normalisation of both the predicted word and the gold (replaces the default). */
  normalise?: (word: string) => string;
}

/** Precision at 1 over prediction records, overall and per relation. */
export interface PrecisionAt1 {
  /** Correct queries / queries (null when there are none). */
  value: number | null;
  correct: number;
  total: number;
  /** Whether the comparison folded case. */
  uncased: boolean;
}

/** A function telling whether a record's top prediction equals its gold. */
export function correctnessTest(records: readonly PredictionRecord[], options: CorrectnessOptions = {}): { uncased: boolean; isCorrect: (record: PredictionRecord) => boolean } {
  const setting = options.uncased ?? 'auto';
  if (setting !== 'auto' && typeof setting !== 'boolean') {
    throw new InvalidOptionError(`precisionAt1: option "uncased" must be true, false or "auto", got ${JSON.stringify(setting)}`);
  }
  const uncased = setting === 'auto' ? !records.some((record) => record.predictions.some((p) => p.word !== p.word.toLowerCase())) : setting;
  const normalise = options.normalise ?? ((word: string) => normaliseWord(word, uncased));
  return {
    uncased,
    isCorrect: (record) => record.predictions.length > 0 && normalise(record.predictions[0]!.word) === normalise(record.gold),
  };
}

/**
 * P@1 over the records (one per cloze query).
 *
 * @example
 * precisionAt1(records) // { value: 0.25, correct: 1, total: 4, uncased: true }
 */
export function precisionAt1(records: readonly PredictionRecord[], options: CorrectnessOptions = {}): PrecisionAt1 {
  const { uncased, isCorrect } = correctnessTest(records, options);
  const correct = records.filter(isCorrect).length;
  return { value: records.length === 0 ? null : correct / records.length, correct, total: records.length, uncased };
}

/** Bootstrap interval of P@1 (queries pooled), resampling facts with all their queries. */
export function precisionAt1Bootstrap(
  records: readonly PredictionRecord[],
  options: CorrectnessOptions & BootstrapOptions = {},
): BootstrapInterval {
  const { uncased, normalise, ...bootstrap } = options;
  const { isCorrect } = correctnessTest(records, { ...(uncased === undefined ? {} : { uncased }), ...(normalise === undefined ? {} : { normalise }) });
  const units = new Map<string, number>();
  const perUnit: Array<[correct: number, total: number]> = [];
  for (const record of records) {
    const key = `${record.dataset}\u0000${record.factId}`;
    let unit = units.get(key);
    if (unit === undefined) {
      unit = units.size;
      units.set(key, unit);
      perUnit.push([0, 0]);
    }
    perUnit[unit]![1] += 1;
    if (isCorrect(record)) perUnit[unit]![0] += 1;
  }
  return bootstrapIntervals(
    units.size,
    (weights) => {
      let correct = 0;
      let total = 0;
      for (let u = 0; u < perUnit.length; u++) {
        correct += weights[u]! * perUnit[u]![0];
        total += weights[u]! * perUnit[u]![1];
      }
      return { p1: total === 0 ? null : correct / total };
    },
    bootstrap,
  ).p1;
}
