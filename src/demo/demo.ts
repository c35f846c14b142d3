/**
 * @file `lmkg demo` (npm start): the paper's knowledge-acquisition experiment end to end.
 *
 *   1. corpus: the Wikipedia evidence of the Google-RE files (the sentences that state each fact),
 *      20% of the subjects held out
 *   2. train a tiny RoBERTa from scratch, a snapshot per epoch (epoch-0 = random init)
 *   3-4. probe every snapshot on the four datasets, build and compare graphs with every extractor,
 *      timelines labelled seen / held-out  (lmkg run)
 *   5. the table: P@1 and triple F1 per epoch for seen vs held-out facts, 95% intervals
 *
 * Before step 1 it checks what it needs, fetches LAMA and UD English EWT when missing and trains the
 * parser (preflight.ts), so nothing is found missing after the training.
 * Every step resumes: a second run finds the checkpoints and the finished cells and does no work.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { csvCell, type ChanceFigures } from '../compare/index.js';
import { memoiseParser } from '../extract/index.js';
import { writeTextAtomic } from '../files.js';
import { readPredictions } from '../probe/index.js';
import { loadNlp, type LoadNlpOptions } from '../nlp/index.js';
import { expandModels, readChanceResults, runStudy, safeFolderName, type RunProgress, type RunStudyResult } from '../run/index.js';
import { HOLDOUT_FILE, listTrainingCheckpoints, readTrainerState, resumeTraining, train, type TrainConfig, type TrainProgress } from '../train/index.js';
import { DEMO_DEFAULTS, DEMO_QUICK, GOOGLE_RE_DATASETS, PRETRAINED_MODELS } from './defaults.js';
import { groupTable, type GroupTable } from './group-table.js';
import { prepareDemo, type PrepareProgress } from './preflight.js';

/** Options of `runDemo`: quick or full, models, datasets, output folder. */
export interface DemoOptions {
  out?: string;
  /** About 2 minutes, no quality goal. */
  quick?: boolean;
  /** The paper's second experiment on hub models instead of training (needs the Hugging Face hub). */
  pretrained?: boolean;
  /** More training text besides the evidence snippets (files or folders). */
  corpus?: string[];
  epochs?: number;
  /** Training settings over the demo's own (DEMO_DEFAULTS.train), e.g. to try another learning rate. */
  train?: Partial<TrainConfig>;
  dataDir?: string;
  /** Parser settings (tests pass a smaller training set). */
  nlp?: Pick<LoadNlpOptions, 'modelFile' | 'trainLimit' | 'cacheDir'>;
  onProgress?: (event: DemoProgress) => void;
  signal?: AbortSignal;
}

/** Progress events of `runDemo`. */
export type DemoProgress =
  | PrepareProgress
  | { stage: 'train'; event: TrainProgress }
  | { stage: 'study'; event: RunProgress }
  | { stage: 'table'; message: string };

/** What `runDemo` computed and the files it wrote. */
export interface DemoResult {
  out: string;
  trainDir: string | null;
  studyDir: string;
  reportFile: string | null;
  /** Optimizer steps taken by this call (0 when the training was already finished). */
  trainedSteps: number;
  study: RunStudyResult;
  table: GroupTable | null;
  /**
   * The demo's goals, measured: seen > held-out at the last epoch (interval above 0), seen P@1
   * rises, and held-out P@1 at the last epoch within the most-frequent-object baseline's interval.
   */
  goals: { seenAboveHeldOut: boolean; seenRises: boolean; heldOutAtBaseline: boolean | null } | null;
}

/** Runs the paper's experiment end to end: train, probe, extract, compare and report. */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const out = resolve(options.out ?? DEMO_DEFAULTS.out);
  const dataDir = options.dataDir;
  const quick = options.quick === true;
  await prepareDemo(options, out, quick, (event) => options.onProgress?.(event));
  const extractors = quick ? DEMO_QUICK.extractors : DEMO_DEFAULTS.extractors;
  const bootstrap = quick ? DEMO_QUICK.bootstrap : DEMO_DEFAULTS.bootstrap;
  const studyDir = join(out, options.pretrained ? 'pretrained' : 'study');
  const common = {
    datasets: DEMO_DEFAULTS.datasets, extractors, out: studyDir, bootstrap, seed: DEMO_DEFAULTS.seed,
    ...(quick ? { limit: DEMO_QUICK.limit } : {}), ...(dataDir ? { dataDir } : {}), ...(options.nlp ? { nlp: options.nlp } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (event: RunProgress) => options.onProgress?.({ stage: 'study', event }),
  };
  if (options.pretrained) {
    const study = await runStudy({ ...common, models: [...PRETRAINED_MODELS] });
    return { out, trainDir: null, studyDir, reportFile: study.reportFile, trainedSteps: 0, study, table: null, goals: null };
  }

  const trainDir = join(out, 'train');
  const trainedSteps = await trainOrResume(trainDir, options, quick);
  const holdout = join(trainDir, HOLDOUT_FILE);
  const study = await runStudy({ ...common, models: [trainDir], factGroups: holdout });
  const table = study.complete ? await demoTable(out, trainDir, studyDir, holdout, study, trainedSteps, options, bootstrap) : null;
  const seen = table?.rows.filter((r) => r.group === 'seen') ?? [];
  const goals = table ? {
    seenAboveHeldOut: (table.lastDifference?.low ?? -1) > 0,
    seenRises: seen.length > 1 && (seen.at(-1)!.p1.estimate ?? 0) > (seen[0]!.p1.estimate ?? 0),
    heldOutAtBaseline: heldOutAtBaseline(table),
  } : null;
  return { out, trainDir, studyDir, reportFile: study.reportFile, trainedSteps, study, table, goals };
}

function heldOutAtBaseline(table: GroupTable): boolean | null {
  const held = table.rows.filter((r) => r.group === 'held-out').at(-1);
  const high = table.heldOutBaseline?.p1.high;
  if (!held || held.p1.estimate === null || high === null || high === undefined) return null;
  return held.p1.estimate <= high;
}

async function trainOrResume(trainDir: string, options: DemoOptions, quick: boolean): Promise<number> {
  const onProgress = (event: TrainProgress) => options.onProgress?.({ stage: 'train', event });
  const signal = options.signal ? { signal: options.signal } : {};
  const latest = listTrainingCheckpoints(trainDir).at(-1);
  if (latest) {
    const state = readTrainerState(latest.dir);
    if (state.globalStep >= state.totalSteps) return 0;
    const result = await resumeTraining(trainDir, { onProgress, ...signal, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
    return result.state.globalStep - state.globalStep;
  }
  const settings = quick ? DEMO_QUICK.train : DEMO_DEFAULTS.train;
  const result = await train({
    corpus: [`lama-evidence:${GOOGLE_RE_DATASETS.join(',')}`, ...(options.corpus ?? [])],
    out: trainDir, preset: DEMO_DEFAULTS.preset, holdout: DEMO_DEFAULTS.holdout,
    config: { ...settings, seed: DEMO_DEFAULTS.seed, ...options.train, ...(options.epochs ? { epochs: options.epochs } : {}) },
    onProgress, ...signal, ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  return result.state.globalStep;
}

/** The seen / held-out table, cached in demo-summary.json while nothing it depends on changed. */
async function demoTable(
  out: string, trainDir: string, studyDir: string, holdoutFile: string, study: RunStudyResult, trainedSteps: number,
  options: DemoOptions, bootstrap: number,
): Promise<GroupTable> {
  const file = join(out, 'demo-summary.json');
  if (existsSync(file) && study.cellsComputed === 0 && trainedSteps === 0) return JSON.parse(readFileSync(file, 'utf8')).table as GroupTable;
  options.onProgress?.({ stage: 'table', message: 'P@1 and fact-triple F1 for seen and held-out facts' });
  const holdout = JSON.parse(readFileSync(holdoutFile, 'utf8')) as { seenFactIds: string[]; heldOutFactIds: string[] };
  const groupOf = new Map<string, string>([...holdout.seenFactIds.map((id) => [id, 'seen'] as const), ...holdout.heldOutFactIds.map((id) => [id, 'held-out'] as const)]);
  const { models } = expandModels([trainDir]);
  const snapshots = models.map((model) => {
    const folders = GOOGLE_RE_DATASETS.map((dataset) => join(studyDir, safeFolderName(dataset), model.folder));
    // the study's chance baselines, per dataset: the table pools them per fact group
    const chance = new Map<string, ChanceFigures[]>();
    for (const folder of folders) {
      const baseline = readChanceResults(folder).find((result) => result.extractor === DEMO_DEFAULTS.tableExtractor);
      for (const [group, figures] of Object.entries(baseline?.groups ?? {})) chance.set(group, [...(chance.get(group) ?? []), figures]);
    }
    return { name: model.name, records: folders.flatMap((folder) => readPredictions(join(folder, 'predictions.jsonl'))), chance };
  });
  const nlp = await loadNlp({ typeEntities: false, ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...options.nlp });
  const table = groupTable(snapshots, groupOf, { extractor: DEMO_DEFAULTS.tableExtractor, parse: memoiseParser(nlp.parse), bootstrap, seed: DEMO_DEFAULTS.seed });
  await writeTextAtomic(file, `${JSON.stringify({ table }, null, 2)}\n`);
  await writeTextAtomic(join(out, 'demo-summary.csv'), groupTableCsv(table));
  return table;
}

export function groupTableCsv(table: GroupTable): string {
  const lines = ['snapshot,group,facts,p1,p1Low,p1High,factF1,factF1Low,factF1High,factF1Chance,factF1ChanceLow,factF1ChanceHigh,factF1ChanceP,allTripleF1'];
  for (const r of table.rows) {
    const c = r.factF1Chance;
    lines.push([
      r.snapshot, r.group, r.facts, r.p1.estimate, r.p1.low, r.p1.high, r.factF1.value, r.factF1.low, r.factF1.high,
      c?.mean ?? null, c?.low ?? null, c?.high ?? null, c?.p ?? null, r.allTripleF1,
    ].map((v) => (v === null ? '' : csvCell(String(v)))).join(','));
  }
  return `${lines.join('\n')}\n`;
}
