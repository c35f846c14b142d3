/**
 * @file One cell of a study, model x dataset, under its lease:
 *
 *   (reference model's cell of this dataset done first, when the study compares with a model)
 *   probe  -> <cell>/predictions.jsonl        (resumes a cut-off probe; one model load)
 *   chance -> <cell>/chance.json              (every extractor at once)
 *   every extractor -> <cell>/<extractor>/    (metrics.json last; study-cell.ts)
 *   record -> <cell>/cell.json                (done, or failed with its error)
 *
 * Each stage is skipped when its files exist and were computed from the same inputs, so a cell
 * that was cut off resumes where it stopped. A failure of the model or the data is recorded, not
 * thrown: the other cells go on. Only the lease holder writes, and it writes only its cell folder.
 */
import { hostname } from 'node:os';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChanceBaseline, ChanceCache } from '../compare/index.js';
import { sha256File } from '../data/index.js';
import { resolveExtractor, type SentenceParser } from '../extract/index.js';
import { readPredictions, readProbeMeta, type PredictionRecord, type Prober } from '../probe/index.js';
import { tryAcquireLease, readLease, leaseFile, type HeldLease, type LeaseHolder } from './cell-lease.js';
import { cellDir, cellKey, readCellRecord, runtimeVersions, writeCellRecord, type CellRecord } from './cell-record.js';
import { LEASE_DEFAULTS } from './defaults.js';
import { finishedCell, runCell, type CellSpec } from './study-cell.js';
import { chanceInputs, computeStudyChance, readStudyChance } from './study-chance.js';
import { planDataset, planModel, referenceCell, type PlanCell, type StudyPlan } from './study-plan.js';
import type { ModelEntry } from './model-list.js';
import type { FactGroups } from './study-timeline.js';

export type CellStage = 'wait' | 'reference' | 'probe' | 'chance' | 'extract' | 'record';

/** What a cell needs from whatever runs it: one process for a whole study, or a worker's child per cell. */
export interface CellContext {
  runDir: string;
  plan: StudyPlan;
  /** CPU threads for onnxruntime (null: its own choice); recorded in the cell's record. */
  threads: number | null;
  /** A loaded model for this cell (a caller may keep it for the next cell of the same model). */
  prober(model: ModelEntry): Promise<Prober>;
  /** The memoised parser (observed sentences) and the raw one (refills of the chance baseline). */
  parsers(): Promise<{ parse?: SentenceParser; rawParse?: SentenceParser }>;
  chanceCache: ChanceCache;
  groups: FactGroups | null;
  /** Parses a cell's sentences ahead on several threads, when the context has them (optional). */
  prefillParses?(texts: readonly string[]): Promise<void>;
  /** Asked once, before a cell starts computing: false stops the study before this cell (--max-cells, Ctrl-C). */
  mayStart(): boolean;
  signal?: AbortSignal | undefined;
  lease?: { heartbeatMs?: number; expiryMs?: number; pollMs?: number };
  onProgress?: (cell: PlanCell, stage: CellStage, detail?: string) => void;
}

export interface CellOutcome {
  cell: PlanCell;
  /** stopped: not finished (asked to stop, or another worker took the cell over); run again to finish. */
  state: 'done' | 'failed' | 'stopped';
  /** Whether anything was computed (false: every stage was already finished). */
  computed: boolean;
  record: CellRecord | null;
  /** Why a cell failed when it has no record (its process died twice over). */
  error?: string;
}

class StopCell extends Error {}

/** Takes the cell's lease (waiting while another live worker holds it) and computes what is not finished. */
export async function runStudyCell(ctx: CellContext, cell: PlanCell): Promise<CellOutcome> {
  const dir = cellDir(ctx.runDir, cell);
  mkdirSync(dir, { recursive: true });
  const lease = await acquire(ctx, cell, dir);
  if (lease === null) return { cell, state: 'stopped', computed: false, record: null };
  try {
    removeLeftovers(dir);
    return await computeCell(ctx, cell, dir, lease);
  } finally {
    lease.release();
  }
}

async function acquire(ctx: CellContext, cell: PlanCell, dir: string): Promise<HeldLease | null> {
  let reported: LeaseHolder | null = null;
  for (;;) {
    const lease = tryAcquireLease(dir, ctx.lease);
    if (lease) return lease;
    if (ctx.signal?.aborted) return null;
    const holder = readLease(leaseFile(dir));
    if (holder && holder.token !== reported?.token) {
      reported = holder;
      ctx.onProgress?.(cell, 'wait', `held by ${holder.host} pid ${holder.pid} since ${holder.since}`);
    }
    await new Promise((resolve) => setTimeout(resolve, ctx.lease?.pollMs ?? LEASE_DEFAULTS.pollMs));
  }
}

/** Temp files of atomic writes cut off by a worker that died (the lease holder alone writes here). */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.startsWith('.') && name.endsWith('.tmp')) rmSync(path, { force: true });
    else if (statSync(path).isDirectory()) removeLeftovers(path);
  }
}

async function computeCell(ctx: CellContext, cell: PlanCell, dir: string, lease: HeldLease): Promise<CellOutcome> {
  const { plan, runDir } = ctx;
  const settings = plan.settings;
  const key = cellKey(plan, cell);
  const previous = readCellRecord(dir);
  const startedAt = new Date().toISOString();
  const timings: Record<string, number> = {};
  let computed = false;
  let stage: CellStage = 'reference';
  const begin = (next: CellStage): void => {
    stage = next;
    if (ctx.signal?.aborted) throw new StopCell();
    if (!computed && !ctx.mayStart()) throw new StopCell();
    computed = true;
  };
  const record: CellRecord = {
    cell: cell.id, dataset: cell.dataset, model: cell.model, status: 'done', key, error: null, weightsSha256: null, datasetFile: null,
    notApplicable: [], versions: runtimeVersions(), worker: { host: hostname(), pid: process.pid, threads: ctx.threads }, startedAt, finishedAt: startedAt, timings,
  };
  try {
    const reference = referenceCell(plan, cell);
    if (reference) {
      const done = readCellRecord(cellDir(runDir, reference));
      if (done?.status !== 'done' || done.key !== cellKey(plan, reference)) {
        ctx.onProgress?.(cell, 'reference', `the reference model's cell ${reference.id} first`);
        const outcome = await runStudyCell(ctx, reference);
        if (outcome.state === 'stopped') throw new StopCell();
        if (outcome.state === 'failed') throw new Error(`the reference model's cell ${reference.id} failed: ${outcome.record?.error?.message ?? 'see its cell.json'}`);
        computed ||= outcome.computed;
      }
    }
    const model = planModel(plan, cell.model);
    const dataset = planDataset(plan, cell.dataset);
    const predictionsFile = join(dir, 'predictions.jsonl');
    stage = 'probe';
    let records: PredictionRecord[];
    if (probeFinished(predictionsFile, settings)) {
      records = readPredictions(predictionsFile);
    } else {
      begin('probe');
      const prober = await ctx.prober(model);
      const started = performance.now();
      // the run owns its folders: a predictions file of other options (or of lmkg 0.1) is replaced
      const result = await prober.probe(dataset.id, {
        topK: settings.topK, batchSize: settings.batchSize, mode: settings.mode, filterJudgments: settings.filterJudgments, out: predictionsFile,
        fill: settings.fill, fillPieces: settings.fillPieces, overwrite: true,
        ...(settings.limit ? { limit: settings.limit } : {}), ...(settings.commonVocab ? { commonVocab: settings.commonVocab } : {}),
        ...(settings.dataDir ? { dataDir: settings.dataDir } : {}),
        onProgress: (event) => {
          if (event.stage === 'probe') ctx.onProgress?.(cell, 'probe', `${event.done}/${event.total} queries`);
        },
      });
      timings.probe = (performance.now() - started) / 1000;
      records = result.records;
    }
    const meta = readProbeMeta(predictionsFile);
    record.weightsSha256 = meta?.model.weightsSha256 ?? null;
    record.datasetFile = { id: dataset.id, name: dataset.name, file: meta?.dataset.file ?? null, sha256: meta?.dataset.sha256 ?? null };

    // The lama extractor needs a subject and relation per query (Google-RE, T-REx); SQuAD has none.
    const applicable = plan.extractors.filter((e) => resolveExtractor(e).input !== 'record' || !records.some((r) => r.subject === null || r.relation === null));
    record.notApplicable = plan.extractors.filter((e) => !applicable.includes(e))
      .map((e) => `${cell.dataset}/${cell.model}/${e}: ${e} needs subjects and relations, which ${cell.dataset} does not have`);
    const predictionsSha256 = await sha256File(predictionsFile);
    const chanceSettings = { replicates: settings.chance, seed: settings.seed, blockSize: settings.chanceBlockSize };
    const chanceKey = chanceInputs(predictionsSha256, applicable, chanceSettings, ctx.groups?.groupOf ?? null);
    let chance: Map<string, ChanceBaseline> | null = null;
    const spec = (extractor: string): CellSpec => ({
      dataset: cell.dataset, model: cell.model, extractor, dir: join(dir, extractor), predictionsFile, records,
      referenceGraphFile: reference ? join(runDir, reference.id, extractor, 'kg.json') : null,
      inputs: {
        compareMode: settings.compareMode, graph: settings.graph, reference: settings.reference, metrics: plan.metrics,
        bootstrap: settings.bootstrap, seed: settings.seed, aedMaxNodes: settings.aedMaxNodes, aedTimeBudgetSeconds: settings.aedTimeBudgetSeconds,
        chance: settings.chance, chanceSeed: settings.seed, chanceBlockSize: settings.chanceBlockSize,
      },
      chance: chance?.get(resolveExtractor(extractor).name) ?? null,
    });
    stage = 'chance';
    if (applicable.some((extractor) => !finishedCell(spec(extractor)))) {
      await ctx.prefillParses?.(records.flatMap((r) => [r.predictedSentence, r.goldSentence]));
    }
    // the null shuffles fills and scores them against the gold graph: a chance band beside a score
    // against another model's graph would answer a different question, so there is none then
    if (settings.chance > 0 && settings.reference === 'gold' && applicable.some((extractor) => !finishedCell(spec(extractor)))) {
      chance = readStudyChance(dir, chanceKey);
      if (chance === null) {
        begin('chance');
        const { parse: observed, rawParse: refill } = await ctx.parsers();
        chance = await computeStudyChance(dir, records, chanceKey, applicable, chanceSettings, {
          ...(refill ? { parse: refill } : {}), ...(observed ? { parseObserved: observed } : {}),
        }, ctx.chanceCache, ctx.groups?.groupOf ?? null, (r, total) => ctx.onProgress?.(cell, 'chance', `${r}/${total} shuffles`), (stats) => {
          // parsing the sentences as probed is the extractors' work (they read the memoised parses); the null is the rest
          timings.parse = stats.observedSeconds;
          timings.chance = stats.nullSeconds;
        });
      }
    }
    for (const extractor of applicable) {
      stage = 'extract';
      const extractorSpec = spec(extractor);
      if (finishedCell(extractorSpec)) continue;
      begin('extract');
      ctx.onProgress?.(cell, 'extract', extractor);
      const { parse } = await ctx.parsers();
      mkdirSync(extractorSpec.dir, { recursive: true });
      const metrics = await runCell({ ...extractorSpec, ...(parse ? { parse } : {}) });
      timings[`extract ${extractor}`] = metrics.seconds.extract;
      timings[`compare ${extractor}`] = metrics.seconds.compare;
    }
  } catch (error) {
    if (error instanceof StopCell) return { cell, state: 'stopped', computed, record: null };
    record.status = 'failed';
    record.error = { stage, message: error instanceof Error ? error.message : String(error) };
    computed = true;
  }
  if (!lease.stillHeld()) return { cell, state: 'stopped', computed, record: null }; // taken over: the new holder writes
  const unchanged = !computed && previous?.status === 'done' && previous.key === key;
  if (unchanged) return { cell, state: 'done', computed: false, record: previous };
  record.finishedAt = new Date().toISOString();
  ctx.onProgress?.(cell, 'record', record.status);
  await writeCellRecord(dir, record);
  return { cell, state: record.status, computed, record };
}

/** A finished probe whose options match (the probe itself resumes unfinished ones). */
function probeFinished(file: string, settings: StudyPlan['settings']): boolean {
  const meta = readProbeMeta(file);
  const fillPieces = settings.fill === 'multi-token' ? settings.fillPieces : undefined;
  return meta !== null && meta.status === 'complete' && meta.options.topK === settings.topK && meta.options.mode === settings.mode
    && meta.options.limit === (settings.limit ?? null) && meta.options.filterJudgments === settings.filterJudgments
    && meta.options.fill === settings.fill && meta.options.fillPieces === fillPieces && existsFile(file);
}

function existsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
