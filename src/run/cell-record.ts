/**
 * @file A cell's record, `<dataset>/<model>/cell.json`: written last and atomically by whoever
 * holds the cell's lease, it says whether the cell is done or failed (with its error), what it was
 * computed from (the plan's key of the cell), the model's weights and the dataset's hashes, which
 * extractors do not apply, the versions and the worker (host, pid, threads) and its timings. The
 * assemble step builds run.json and summary.csv from these records.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { resolveExtractor } from '../extract/index.js';
import { writeTextAtomic } from '../files.js';
import { LMKG_VERSION } from '../version.js';
import type { PlanCell, StudyPlan } from './study-plan.js';
import { planDataset, planModel } from './study-plan.js';

export const CELL_RECORD_FILE = 'cell.json';

export interface CellRecord {
  cell: string;
  dataset: string;
  model: string;
  status: 'done' | 'failed';
  /** What the cell was computed from (cellKey); a record of another key is not this study's. */
  key: string;
  /** The error of a failed cell: what failed and at which stage. */
  error: { stage: string; message: string } | null;
  weightsSha256: string | null;
  /** The dataset's file and sha256 as the probe read it. */
  datasetFile: { id: string; name: string; file: string | null; sha256: string | null } | null;
  /** Extractors that cannot read this dataset, with the reason. */
  notApplicable: string[];
  versions: Record<string, string>;
  /** Where it ran (differs from run to run, as the timings do). */
  worker: { host: string; pid: number; threads: number | null };
  startedAt: string;
  finishedAt: string;
  /** Seconds per stage: probe, parse, chance, extract <extractor>, compare <extractor>. */
  timings: Record<string, number>;
}

export function cellDir(runDir: string, cell: PlanCell): string {
  return join(runDir, cell.id);
}

/** The plan's key of a cell: what its results depend on (settings, model, dataset, extractors and their versions). */
export function cellKey(plan: StudyPlan, cell: PlanCell): string {
  const model = planModel(plan, cell.model);
  const dataset = planDataset(plan, cell.dataset);
  const { report: _report, reportMode: _reportMode, batchSize: _batchSize, ...settings } = plan.settings;
  return createHash('sha256').update(JSON.stringify({
    lmkgVersion: LMKG_VERSION, model: model.spec, dataset: dataset.id, settings, metrics: plan.metrics, nlp: plan.nlp, reference: plan.reference,
    extractors: plan.extractors.map((name) => `${name}@${resolveExtractor(name).version}`),
  })).digest('hex').slice(0, 32);
}

/** The record in a cell folder, or null (none, or unreadable: the cell counts as not done). */
export function readCellRecord(dir: string): CellRecord | null {
  const file = join(dir, CELL_RECORD_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CellRecord;
  } catch {
    return null;
  }
}

export async function writeCellRecord(dir: string, record: CellRecord): Promise<void> {
  await writeTextAtomic(join(dir, CELL_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

export function runtimeVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const version = (name: string): string => {
    try {
      return (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  };
  return {
    lmkg: LMKG_VERSION, node: process.version, 'onnxruntime-node': version('onnxruntime-node'),
    '@huggingface/transformers': version('@huggingface/transformers'), '@tensorflow/tfjs': version('@tensorflow/tfjs'),
    'wink-nlp': version('wink-nlp'), graphology: version('graphology'),
  };
}
