/**
 * @file Prediction files: `<out>` (JSONL, one PredictionRecord a line, in dataset order, written
 * atomically when a run completes), `<out>.partial` (lines appended as facts finish, so an
 * interrupted run resumes) and `<out>.meta.json` (what ran: model and weights sha256, tokenizer,
 * dataset, options, lmkg version, status).
 */
import { existsSync, readFileSync } from 'node:fs';
import { DataFormatError, NotFoundError } from '../errors.js';
import type { PredictionRecord } from './prediction-types.js';
import type { SkippedQuery } from './probe-engine.js';

/** What a probe run recorded: model, dataset, options, version. */
export interface ProbeRunMeta {
  lmkgVersion: string;
  status: 'running' | 'complete';
  model: {
    spec: string;
    kind: 'folder' | 'hub';
    hubId: string | null;
    arch: string;
    weightsSha256: string;
    tokenizerSha256: string;
    vocabSize: number;
    maskToken: string;
    tokenizerFamily: string;
    uncased: boolean;
  };
  dataset: { id: string; file: string | null; sha256: string; queries: number };
  options: {
    topK: number;
    mode: 'sentences' | 'template';
    limit: number | null;
    filterJudgments: boolean;
    commonVocab: { file: string; sha256: string; words: number; tokens: number } | null;
    /** The fill rule (absent in files of lmkg 0.1, which filled with the raw top token). */
    fill?: 'whole-word' | 'raw' | 'multi-token';
    /** Longest multi-token fill (only with `fill: multi-token`). */
    fillPieces?: number;
  };
  /** Sentences per forward pass (does not change results beyond float rounding; not part of the resume key). */
  batchSize: number;
  startedAt: string;
  finishedAt: string | null;
  records: number;
  skipped: SkippedQuery[];
}

export function metaPath(out: string): string {
  return `${out}.meta.json`;
}

export function partialPath(out: string): string {
  return `${out}.partial`;
}

/** What must match for a run to resume (or be reused): model weights, tokenizer, dataset, options. */
export function runKey(meta: ProbeRunMeta): string {
  return JSON.stringify({
    weights: meta.model.weightsSha256,
    tokenizer: meta.model.tokenizerSha256,
    dataset: [meta.dataset.id, meta.dataset.sha256, meta.dataset.queries],
    options: meta.options,
  });
}

/** Reads the run metadata written beside a predictions file, or null when there is none. */
export function readProbeMeta(out: string): ProbeRunMeta | null {
  const file = metaPath(out);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProbeRunMeta;
  } catch (error) {
    throw new DataFormatError({ file }, `not valid JSON (${(error as Error).message}); delete it to start the run afresh`);
  }
}

const REQUIRED_FIELDS: Array<keyof PredictionRecord> = ['queryId', 'dataset', 'factId', 'gold', 'predictions', 'goldRank', 'goldIsSingleToken', 'fact'];

/** Reads a complete predictions file; a bad line is a DataFormatError naming it. */
export function readPredictions(file: string): PredictionRecord[] {
  if (!existsSync(file)) throw new NotFoundError(`${file}: no such predictions file (write one with \`lmkg probe --out ${file}\`)`);
  const records: PredictionRecord[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    records.push(parseRecord(line, { file, line: index + 1 }));
  });
  return records;
}

/** Reads a partial file written by an interrupted run: a torn last line is dropped. */
export function readPartialPredictions(file: string): PredictionRecord[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  const records: PredictionRecord[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push(parseRecord(line, { file, line: index + 1 }));
    } catch (error) {
      if (index < lines.length - 1 && lines.slice(index + 1).some((rest) => rest.trim() !== '')) throw error;
    }
  });
  return records;
}

function parseRecord(line: string, where: { file: string; line: number }): PredictionRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new DataFormatError(where, `not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object') throw new DataFormatError(where, 'expected a JSON object');
  for (const field of REQUIRED_FIELDS) {
    if (!(field in value)) throw new DataFormatError({ ...where, field }, 'required field is missing (is this a file written by `lmkg probe`?)');
  }
  return value as PredictionRecord;
}
