/**
 * @file The plan of a study: its resolved settings, models, datasets, extractors and cells, written
 * once to `<run>/study.json`. A cell is one model x one dataset (the probe, the chance baseline and
 * every extractor with its metrics; one model load). The plan is a pure function of the arguments
 * (and the model folders they name), so every shard and worker of one study writes the same bytes,
 * and whatever runs a cell reads its settings from the run folder alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { METRIC_NAMES, type MetricName } from '../compare/index.js';
import { DataFormatError, NotFoundError, UsageError } from '../errors.js';
import { resolveExtractor } from '../extract/index.js';
import { writeTextAtomic } from '../files.js';
import type { LoadNlpOptions } from '../nlp/index.js';
import { resolveTableOptions } from '../option-table.js';
import { LMKG_VERSION } from '../version.js';
import { studyDatasets, type StudyDataset } from './dataset-folders.js';
import { RUN_DEFAULTS } from './defaults.js';
import { expandModels, type ModelEntry } from './model-list.js';
import { STUDY_SETTING_OPTIONS } from './options.js';

export const PLAN_FILE = 'study.json';

/** The settings a study's results depend on (STUDY_SETTING_OPTIONS' defaults merged with what was given). */
export interface StudySettings {
  topK: number;
  batchSize: number;
  mode: 'sentences' | 'template';
  fill: 'whole-word' | 'raw' | 'multi-token';
  fillPieces: number;
  filterJudgments: boolean;
  compareMode: 'exact-defs' | 'paper';
  reference: string;
  graph: 'fact' | 'context' | 'all';
  chance: number;
  chanceBlockSize: number;
  bootstrap: number;
  seed: number;
  aedMaxNodes: number;
  aedTimeBudgetSeconds: number;
  report: boolean;
  reportMode: 'auto' | 'single' | 'split';
  limit?: number | undefined;
  commonVocab?: string | undefined;
  dataDir?: string | undefined;
  factGroups?: string | undefined;
}

/** One cell of a study plan. */
export interface PlanCell {
  /** `<dataset folder>/<model folder>`: the cell's folder under the run folder, and its id. */
  id: string;
  dataset: string;
  model: string;
}

/** The cells of a study and their settings. */
export interface StudyPlan {
  lmkgVersion: string;
  /** The study's arguments as run.json records them. */
  args: Record<string, unknown>;
  settings: StudySettings;
  metrics: MetricName[] | null;
  extractors: string[];
  models: ModelEntry[];
  datasets: StudyDataset[];
  /** True when the models form an ordered series of snapshots. */
  timeline: boolean;
  /** The reference model's name, or null to compare with the gold graphs. */
  reference: string | null;
  /** The parser every cell uses (the same file or training limit on every worker). */
  nlp: Pick<LoadNlpOptions, 'modelFile' | 'trainLimit'>;
  /** In the order one process runs them: the reference model's cells first, then model by model. */
  cells: PlanCell[];
}

export interface PlanInput {
  models: string[];
  datasets: string[];
  out: string;
  extractors?: string[] | undefined;
  metrics?: MetricName[] | undefined;
  nlp?: Pick<LoadNlpOptions, 'modelFile' | 'trainLimit' | 'cacheDir'> | undefined;
  settings: Record<string, unknown>;
}

/** Resolves and checks a study's arguments into its plan (see the file comment). */
export function planStudy(input: PlanInput): StudyPlan {
  const settings = resolveTableOptions<StudySettings>('runStudy', STUDY_SETTING_OPTIONS, input.settings);
  if (input.datasets.length === 0) throw new UsageError('run: give at least one dataset (--datasets)');
  const extractors = [...new Set((input.extractors ?? RUN_DEFAULTS.extractors).map((name) => resolveExtractor(name).name))];
  for (const metric of input.metrics ?? []) {
    if (!(METRIC_NAMES as readonly string[]).includes(metric)) throw new UsageError(`run: unknown metric "${metric}"; known metrics: ${METRIC_NAMES.join(', ')}`);
  }
  const out = resolve(input.out);
  const { models, timeline } = expandModels(input.models);
  const referenceModel = settings.reference === 'gold' ? null : models.find((m) => m.name === settings.reference || m.spec === settings.reference);
  if (settings.reference !== 'gold' && !referenceModel) {
    throw new UsageError(`run: --reference "${settings.reference}" is neither "gold" nor one of the models (${models.map((m) => m.name).join(', ')})`);
  }
  const datasets = studyDatasets(input.datasets, out);
  const ordered = referenceModel ? [referenceModel, ...models.filter((m) => m !== referenceModel)] : models;
  const cells = ordered.flatMap((model) => datasets.map((d) => ({ id: `${d.folder}/${model.folder}`, dataset: d.name, model: model.name })));
  const nlp = input.nlp ?? {};
  return {
    lmkgVersion: LMKG_VERSION,
    args: { models: input.models, datasets: input.datasets, out, metrics: input.metrics ?? null, ...settings, extractors },
    settings,
    metrics: input.metrics ?? null,
    extractors,
    models,
    datasets,
    timeline,
    reference: referenceModel?.name ?? null,
    nlp: { ...(nlp.modelFile ? { modelFile: resolve(nlp.modelFile) } : {}), ...(nlp.trainLimit ? { trainLimit: nlp.trainLimit } : {}) },
    cells,
  };
}

/** The plan's text as study.json holds it. */
export function planText(plan: StudyPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** A short hash of the plan: job ids and cell records name the plan they belong to. */
export function planHash(plan: StudyPlan): string {
  return createHash('sha256').update(planText(plan)).digest('hex').slice(0, 16);
}

/** Writes study.json unless it already holds these bytes (concurrent shards write the same plan). */
export async function writePlan(out: string, plan: StudyPlan): Promise<void> {
  const file = join(out, PLAN_FILE);
  const text = planText(plan);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  await writeTextAtomic(file, text);
}

/** The plan of a run folder written by `lmkg run`. */
export function readPlan(runDir: string): StudyPlan {
  const file = join(resolve(runDir), PLAN_FILE);
  if (!existsSync(file)) throw new NotFoundError(`${file} is missing: ${runDir} is not a run folder of lmkg run (start the study with \`lmkg run ... --out ${runDir}\`)`);
  try {
    const plan = JSON.parse(readFileSync(file, 'utf8')) as StudyPlan;
    if (!Array.isArray(plan.cells) || !Array.isArray(plan.models) || !Array.isArray(plan.datasets)) throw new Error('no cells, models or datasets');
    return plan;
  } catch (error) {
    throw new DataFormatError({ file }, `not a study plan (${(error as Error).message}); run \`lmkg run\` again to write it`);
  }
}

/** Whether a run folder has a study plan. */
export function hasPlan(runDir: string): boolean {
  return existsSync(join(resolve(runDir), PLAN_FILE));
}

export function planModel(plan: StudyPlan, name: string): ModelEntry {
  return plan.models.find((m) => m.name === name)!;
}

export function planDataset(plan: StudyPlan, name: string): StudyDataset {
  return plan.datasets.find((d) => d.name === name)!;
}

/** The reference model's cell of the same dataset, or null (gold reference, or the reference's own cell). */
export function referenceCell(plan: StudyPlan, cell: PlanCell): PlanCell | null {
  if (plan.reference === null || cell.model === plan.reference) return null;
  return plan.cells.find((c) => c.dataset === cell.dataset && c.model === plan.reference) ?? null;
}
