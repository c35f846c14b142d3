/**
 * @file `probe(model, dataset, options)` and `createProber()`: fill every blank of a LAMA dataset
 * with a masked LM's top-k predictions, writing prediction records as facts finish and
 * resuming an interrupted run with the same model weights, tokenizer, dataset and options.
 *
 * @example
 * const { records } = await probe('./runs/epoch-3', 're-place-birth', { topK: 10, out: 'pob.jsonl' });
 * records[0].predictions[0]; // { token: 'Ġlondon', id: 4301, prob: 0.12, word: 'london', logProb: -2.1 }
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { loadLamaDataset, sha256File, type ClozeQuery } from '../data/index.js';
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { LMKG_VERSION } from '../version.js';
import { PROBE_DEFAULTS } from './defaults.js';
import { writeFileAtomic, writeJsonAtomic } from '../files.js';
import { MaskedLm, type MaskedLmOptions } from '../lm/masked-lm.js';
import type { PredictionRecord } from './prediction-types.js';
import { FILL_RULES, type FillRule } from './slot-fill.js';
import { commonVocabIds, encodeQueries, factKey, probeItems, type SkippedQuery } from './probe-engine.js';
import { metaPath, partialPath, readPartialPredictions, readPredictions, readProbeMeta, runKey, type ProbeRunMeta } from './predictions-file.js';

/** Progress events of `probe`. */
export type ProbeProgress =
  | { stage: 'load' | 'encode' | 'resume' | 'write'; message: string }
  | { stage: 'probe'; done: number; total: number };

/** Options of `probe`: top-k, batch size, limit, output file, fill rule. */
export interface ProbeOptions {
  topK?: number;
  batchSize?: number;
  limit?: number;
  mode?: 'sentences' | 'template';
  filterJudgments?: boolean;
  /** How blanks are filled in the predicted sentences (default `whole-word`; see slot-fill.ts). */
  fill?: FillRule;
  /** Longest multi-token fill in pieces (default 3). */
  fillPieces?: number;
  /** JSONL output; with it, lines are written as facts finish and a re-run resumes. */
  out?: string;
  /** Replace an output that came from a different run. */
  overwrite?: boolean;
  /** A common vocabulary file (one token per line, as LAMA's common_vocab files). */
  commonVocab?: string;
  /** Data root for dataset ids (default $LMKG_DATA_DIR, else the cache). */
  dataDir?: string;
  /** Name recorded for a dataset given as a query array (default "queries"). */
  datasetName?: string;
  onProgress?: (event: ProbeProgress) => void;
}

/** The prediction records of a probe run, with its metadata. */
export interface ProbeResult {
  /** Every record, in dataset order. */
  records: PredictionRecord[];
  meta: ProbeRunMeta;
  out: string | null;
  /** Queries taken from an earlier run's output instead of being probed again. */
  resumedQueries: number;
  /** Queries probed in this call. */
  probedQueries: number;
  skipped: SkippedQuery[];
}

/** A loaded model ready to probe datasets; `dispose()` releases its ONNX session. */
export interface Prober {
  readonly model: MaskedLm;
  probe(dataset: string | readonly ClozeQuery[], options?: ProbeOptions): Promise<ProbeResult>;
  dispose(): Promise<void>;
}

/** Loads a model once for several probes. */
export async function createProber(model: string | MaskedLm, options: MaskedLmOptions = {}): Promise<Prober> {
  const owned = typeof model === 'string';
  const lm = typeof model === 'string' ? await MaskedLm.load(model, options) : model;
  return {
    model: lm,
    probe: (dataset, probeOptions) => probeWith(lm, dataset, probeOptions),
    dispose: async () => {
      if (owned) await lm.dispose();
    },
  };
}

/** Probes a dataset (an id such as `re-place-birth`, or cloze queries) with a model (folder, hub id or loaded MaskedLm). */
export async function probe(model: string | MaskedLm, dataset: string | readonly ClozeQuery[], options: ProbeOptions & MaskedLmOptions = {}): Promise<ProbeResult> {
  const { hubUrl, hubCacheDir, threads, device, graph, ...probeOptions } = options;
  const loadOptions: MaskedLmOptions = {
    ...(graph === undefined ? {} : { graph }),
    ...(device === undefined ? {} : { device }),
    ...(hubUrl === undefined ? {} : { hubUrl }),
    ...(hubCacheDir === undefined ? {} : { hubCacheDir }),
    ...(threads === undefined ? {} : { threads }),
    ...(options.onProgress ? { onProgress: (event: { message: string }) => options.onProgress!({ stage: 'load', message: event.message }) } : {}),
  };
  const prober = await createProber(model, loadOptions);
  try {
    return await prober.probe(dataset, probeOptions);
  } finally {
    await prober.dispose();
  }
}

async function probeWith(lm: MaskedLm, dataset: string | readonly ClozeQuery[], options: ProbeOptions = {}): Promise<ProbeResult> {
  const { onProgress, out: outOption, commonVocab, dataDir, datasetName, ...rest } = options;
  const resolved = resolveOptions('probe', { ...PROBE_DEFAULTS }, rest, {
    topK: 'positive-integer', batchSize: 'positive-integer', limit: 'positive-integer', mode: ['sentences', 'template'],
    filterJudgments: 'boolean', overwrite: 'boolean', fill: [...FILL_RULES], fillPieces: 'positive-integer',
  });
  const progress = onProgress ?? (() => {});
  const { queries, datasetMeta } = await datasetQueries(dataset, resolved, dataDir, datasetName);
  if (queries.length === 0) throw new UsageError(`probe: dataset "${datasetMeta.id}" has no usable cloze queries`);
  const common = commonVocab === undefined ? null : await readCommonVocab(lm, commonVocab);
  const meta: ProbeRunMeta = {
    lmkgVersion: LMKG_VERSION,
    status: 'running',
    model: {
      spec: lm.source.spec, kind: lm.source.kind, hubId: lm.source.hubId, arch: lm.config.arch,
      weightsSha256: lm.source.weightsSha256, tokenizerSha256: await sha256File(join(lm.source.dir, 'tokenizer.json')),
      vocabSize: lm.vocabSize, maskToken: lm.maskToken, tokenizerFamily: lm.tokenizerInfo.family, uncased: lm.tokenizerInfo.uncased,
    },
    dataset: datasetMeta,
    options: {
      topK: resolved.topK, mode: resolved.mode, limit: resolved.limit ?? null, filterJudgments: resolved.filterJudgments,
      commonVocab: common?.meta ?? null, fill: resolved.fill, ...(resolved.fill === 'multi-token' ? { fillPieces: resolved.fillPieces } : {}),
    },
    batchSize: resolved.batchSize,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    records: 0,
    skipped: [],
  };

  const out = outOption === undefined ? null : resolve(outOption);
  let kept: PredictionRecord[] = [];
  if (out) {
    const previous = readProbeMeta(out);
    const same = previous !== null && runKey(previous) === runKey(meta);
    if (same && previous.status === 'complete' && existsSync(out)) {
      progress({ stage: 'resume', message: `${out} is complete for this model, dataset and options; nothing to do` });
      const records = readPredictions(out);
      return { records, meta: previous, out, resumedQueries: records.length, probedQueries: 0, skipped: previous.skipped };
    }
    if (!same && !resolved.overwrite && (previous !== null || existsSync(out))) {
      throw new UsageError(`probe: ${out} holds predictions of a different run (${describeDifference(previous, meta)}); pass --overwrite (overwrite: true) to replace them, or choose another --out`);
    }
    if (same) kept = readPartialPredictions(partialPath(out));
    else rmSync(partialPath(out), { force: true });
  }

  progress({ stage: 'encode', message: `encoding ${queries.length} queries` });
  const { items, skipped } = encodeQueries(lm, queries);
  meta.skipped = skipped;
  // keep only facts whose every query is present in the partial output
  const expected = new Map<string, number>();
  for (const item of items) expected.set(factKey(item.query), (expected.get(factKey(item.query)) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const record of kept) seen.set(factKey(record), (seen.get(factKey(record)) ?? 0) + 1);
  const doneFacts = new Set([...seen].filter(([key, count]) => expected.get(key) === count).map(([key]) => key));
  kept = kept.filter((record) => doneFacts.has(factKey(record)));
  if (out) {
    writeJsonAtomic(metaPath(out), meta);
    writeFileAtomic(partialPath(out), kept.map((record) => `${JSON.stringify(record)}\n`).join(''));
    if (kept.length > 0) progress({ stage: 'resume', message: `resuming: ${kept.length} predictions of ${doneFacts.size} facts kept from the interrupted run` });
  }

  const fresh: PredictionRecord[] = [];
  for await (const records of probeItems(lm, items, {
    topK: resolved.topK, batchSize: resolved.batchSize, commonIds: common?.ids ?? null, skipFacts: doneFacts, fill: resolved.fill, fillPieces: resolved.fillPieces,
    onBatch: (done, total) => progress({ stage: 'probe', done, total }),
  })) {
    fresh.push(...records);
    if (out) appendFileSync(partialPath(out), records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  }

  const order = new Map(queries.map((query, index) => [`${query.dataset}\u0000${query.id}`, index]));
  const records = [...kept, ...fresh].sort((a, b) => order.get(`${a.dataset}\u0000${a.queryId}`)! - order.get(`${b.dataset}\u0000${b.queryId}`)!);
  meta.status = 'complete';
  meta.finishedAt = new Date().toISOString();
  meta.records = records.length;
  if (out) {
    progress({ stage: 'write', message: `writing ${records.length} predictions to ${out}` });
    writeFileAtomic(out, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    writeJsonAtomic(metaPath(out), meta);
    rmSync(partialPath(out), { force: true });
  }
  return { records, meta, out, resumedQueries: kept.length, probedQueries: fresh.length, skipped };
}

async function datasetQueries(
  dataset: string | readonly ClozeQuery[],
  options: { limit: number | undefined; mode: 'sentences' | 'template'; filterJudgments: boolean },
  dataDir: string | undefined,
  datasetName: string | undefined,
): Promise<{ queries: readonly ClozeQuery[]; datasetMeta: ProbeRunMeta['dataset'] }> {
  if (typeof dataset !== 'string') {
    const queries = options.limit === undefined ? dataset : dataset.slice(0, options.limit);
    const sha256 = createHash('sha256').update(JSON.stringify(queries)).digest('hex');
    return { queries, datasetMeta: { id: datasetName ?? 'queries', file: null, sha256, queries: queries.length } };
  }
  const loaded = await loadLamaDataset(dataset, {
    mode: options.mode, filterJudgments: options.filterJudgments,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(dataDir === undefined ? {} : { dataDir }),
  });
  return { queries: loaded.queries, datasetMeta: { id: dataset, file: loaded.ref.file, sha256: await sha256File(loaded.ref.file), queries: loaded.queries.length } };
}

async function readCommonVocab(lm: MaskedLm, file: string): Promise<{ ids: Uint8Array; meta: NonNullable<ProbeRunMeta['options']['commonVocab']> }> {
  if (!existsSync(file)) throw new UsageError(`probe: common vocabulary ${file}: no such file (one token per line, as LAMA's common_vocab_cased.txt)`);
  const words = readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (words.length === 0) throw new UsageError(`probe: common vocabulary ${file} is empty`);
  const ids = commonVocabIds(lm, words);
  const tokens = ids.reduce((sum, flag) => sum + flag, 0);
  return { ids, meta: { file: resolve(file), sha256: await sha256File(file), words: words.length, tokens } };
}

function describeDifference(previous: ProbeRunMeta | null, current: ProbeRunMeta): string {
  if (previous === null) return 'it has no .meta.json';
  if (previous.model.weightsSha256 !== current.model.weightsSha256) return 'other model weights';
  if (previous.model.tokenizerSha256 !== current.model.tokenizerSha256) return 'another tokenizer';
  if (previous.dataset.id !== current.dataset.id || previous.dataset.sha256 !== current.dataset.sha256 || previous.dataset.queries !== current.dataset.queries) return 'another dataset';
  return 'other options';
}
