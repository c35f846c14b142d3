/**
 * @file `lmkg run`: a whole study — models x datasets, each cell (one model on one dataset) probed
 * and read by every extractor — in three steps:
 *
 *   plan      -> <run>/study.json                        (study-plan.ts; preflight first)
 *   cells     -> <run>/<dataset>/<model>/...  cell.json  (cell-runner.ts, each under its lease)
 *                in this process, or this process's shard (--shard i/N), or by queue workers (--queue)
 *   assemble  -> summary.csv, timelines, run.json, report (assemble-study.ts)
 *
 * A re-run skips finished cells (their files record the inputs they came from) and redoes
 * unfinished ones; every file is written atomically, so an interruption leaves each finished file
 * valid. A cell that fails is recorded with its error; the others go on.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MetricName } from '../compare/index.js';
import type { LoadNlpOptions } from '../nlp/index.js';
import type { ReportMode, SummaryRow } from '../report/index.js';
import { assembleStudy } from './assemble-study.js';
import { createCellContext } from './cell-context.js';
import { runStudyCell, type CellOutcome, type CellStage } from './cell-runner.js';
import { preflightRun } from './preflight.js';
import { cellCosts, parseShard, shardCells, type Shard } from './shards.js';
import { planStudy, writePlan, type PlanCell, type StudyPlan } from './study-plan.js';
import { submitToQueue } from './study-queue.js';
import { availableCpus, checkThreads } from '../cpus.js';

/** Options of `runStudy`: models, datasets, output folder, shards, queue. */
export interface RunStudyOptions {
  models: string[];
  datasets: string[];
  out: string;
  extractors?: string[];
  topK?: number;
  batchSize?: number;
  limit?: number;
  mode?: 'sentences' | 'template';
  filterJudgments?: boolean;
  /** How blanks are filled (default `whole-word`; `raw` is lmkg 0.1's top token). */
  fill?: 'whole-word' | 'raw' | 'multi-token';
  fillPieces?: number;
  commonVocab?: string;
  compareMode?: 'exact-defs' | 'paper';
  /** Which triples the graph metrics see (default `fact`; `all` is the paper's graph). */
  graph?: 'fact' | 'context' | 'all';
  /** Chance baseline: R shuffles of the fills per model and dataset (0: none; default 39). */
  chance?: number;
  chanceBlockSize?: number;
  reference?: string;
  metrics?: MetricName[];
  bootstrap?: number;
  seed?: number;
  aedMaxNodes?: number;
  aedTimeBudgetSeconds?: number;
  report?: boolean;
  /** `single` report file, `split` (graphs loaded on demand) or `auto` (split when large; default). */
  reportMode?: ReportMode;
  dataDir?: string;
  /** holdout.json of an lmkg train run: timelines label facts seen in training and held out. */
  factGroups?: string;
  /** NLP settings for the sentence extractors (parser model file, or a smaller training set for tests). */
  nlp?: Pick<LoadNlpOptions, 'modelFile' | 'trainLimit' | 'cacheDir'>;
  /** Stop after this many cells are computed (finished ones do not count); for tests and partial runs. */
  maxCells?: number;
  /** Compute only this share of the cells (`i/N`, `auto`, `auto/N`); the assemble step is `lmkg report`. */
  shard?: string;
  /** A Redis URL: enqueue the cells for `lmkg worker`s, follow them, then assemble. */
  queue?: string;
  /** CPU threads for onnxruntime (default: cores, cgroup quota and SLURM_CPUS_PER_TASK, whichever is least). */
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (event: RunProgress) => void;
}

/** Progress events of `runStudy`. */
export interface RunProgress {
  stage: CellStage | 'skip' | 'failed' | 'queue' | 'timeline' | 'report';
  cell: string;
  cellsDone: number;
  cellsTotal: number;
  /** Detail of the stage (probe: queries done / total). */
  detail?: string;
  etaSeconds: number | null;
}

/** What `runStudy` computed and wrote. */
export interface RunStudyResult {
  out: string;
  /** False when cells are left (stopped early, another shard's, or running elsewhere); run again (or `lmkg report`) to finish. */
  complete: boolean;
  /** Cells (model x dataset) that computed something in this call. */
  cellsComputed: number;
  /** Cells already finished. */
  cellsSkipped: number;
  /** Cells that failed, with their errors (recorded in their cell.json, run.json and the report). */
  failed: Array<{ cell: string; error: string }>;
  /** The shard this call computed, if any. */
  shard: Shard | null;
  summary: SummaryRow[];
  reportFile: string | null;
}

/** Runs a whole study (models x datasets: probe, extract, compare) and writes its report. */
export async function runStudy(options: RunStudyOptions): Promise<RunStudyResult> {
  const plan = await planAndCheck(options);
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  await writePlan(out, plan);
  const shard = options.shard === undefined ? null : parseShard(options.shard);
  const cells = shard ? shardCells(plan.cells, cellCosts(plan), shard.index, shard.count) : plan.cells;
  const tally = options.queue
    ? await submitToQueue(out, plan, options.queue, { ...(options.signal ? { signal: options.signal } : {}), onProgress: progressReporter(options, plan.cells.length) })
    : await runCellsHere(out, plan, cells, options);
  const failed = tally.outcomes.filter((o) => o.state === 'failed').map((o) => ({ cell: o.cell.id, error: o.record?.error?.message ?? o.error ?? 'failed' }));
  const base = { out, cellsComputed: tally.computed, cellsSkipped: tally.skipped, failed, shard };
  if (shard) return { ...base, complete: false, summary: [], reportFile: null };
  const stopped = tally.outcomes.some((o) => o.state === 'stopped');
  const report = (stage: 'timeline' | 'report', detail: string): void => options.onProgress?.({ stage, cell: detail, cellsDone: plan.cells.length, cellsTotal: plan.cells.length, etaSeconds: null });
  const assembled = await assembleStudy(out, { partial: stopped, onProgress: report });
  return { ...base, complete: assembled.complete, summary: assembled.summary, reportFile: assembled.reportFile };
}

/** The plan, after the preflight of everything it needs (nothing is written before). */
async function planAndCheck(options: RunStudyOptions): Promise<StudyPlan> {
  const { models, datasets, out, extractors, metrics, nlp, signal: _s, onProgress: _p, maxCells: _m, shard: _sh, queue: _q, threads, ...settings } = options;
  checkThreads(threads);
  const plan = planStudy({ models, datasets, out, extractors, metrics, nlp, settings });
  await preflightRun({
    models, datasets, out: resolve(out), extractors: plan.extractors, dataDir: plan.settings.dataDir, parserModel: nlp?.modelFile,
    factGroups: plan.settings.factGroups, commonVocab: plan.settings.commonVocab,
  });
  return plan;
}

interface Tally {
  computed: number;
  skipped: number;
  outcomes: CellOutcome[];
}

/** Runs `cells` in this process, in order; a cell another worker holds is waited for at the end. */
async function runCellsHere(out: string, plan: StudyPlan, cells: readonly PlanCell[], options: RunStudyOptions): Promise<Tally> {
  const report = progressReporter(options, cells.length);
  const ctx = createCellContext(out, plan, {
    threads: options.threads ?? availableCpus(), cacheDir: options.nlp?.cacheDir, signal: options.signal, maxCells: options.maxCells,
    onProgress: (cell, stage, detail) => report.stage(cell, stage, detail),
  });
  const tally: Tally = { computed: 0, skipped: 0, outcomes: [] };
  try {
    for (const cell of cells) {
      const outcome = await runStudyCell(ctx, cell);
      tally.outcomes.push(outcome);
      if (outcome.state === 'stopped') break;
      if (outcome.computed) tally.computed += 1;
      else tally.skipped += 1;
      report.finished(outcome);
    }
  } finally {
    await ctx.dispose();
  }
  return tally;
}

export interface ProgressReporter {
  stage(cell: PlanCell, stage: RunProgress['stage'], detail?: string): void;
  finished(outcome: CellOutcome): void;
}

/** Progress events with cells done, total and an ETA from the computed cells' pace. */
export function progressReporter(options: Pick<RunStudyOptions, 'onProgress'>, total: number): ProgressReporter {
  const started = performance.now();
  let done = 0;
  let computed = 0;
  const emit = (stage: RunProgress['stage'], cell: string, detail?: string): void => {
    const elapsed = (performance.now() - started) / 1000;
    options.onProgress?.({ stage, cell, cellsDone: done, cellsTotal: total, ...(detail ? { detail } : {}), etaSeconds: computed > 0 ? (elapsed / computed) * (total - done) : null });
  };
  return {
    stage: (cell, stage, detail) => emit(stage, cell.id, detail),
    finished: (outcome) => {
      done += 1;
      if (outcome.computed) computed += 1;
      emit(outcome.state === 'failed' ? 'failed' : outcome.computed ? 'record' : 'skip', outcome.cell.id, outcome.record?.error?.message);
    },
  };
}
