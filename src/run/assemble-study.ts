/**
 * @file The assemble step: what needs several cells, computed once every cell is done or failed,
 * from the run folder alone (study.json and the cell records): summary.csv, the timelines of a
 * series, run.json (arguments, versions, models' weights and datasets' hashes, timings and the
 * failed cells, all taken from the records) and the report. One process runs it (`lmkg run` at the
 * end of its cells, the submitter of a queue, or `lmkg report <run-dir>` after shards), so these
 * files are never written by processes running at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTextAtomic } from '../files.js';
import { readPredictions } from '../probe/index.js';
import { writeStudyReport, type GraphView, type PosView, type ReportData, type ReportMode, type SummaryRow, type TimelineView } from '../report/index.js';
import { cellDir, readCellRecord, type CellRecord } from './cell-record.js';
import { CELL_METRICS_FILE, readCellGraphView, type CellMetrics } from './study-cell.js';
import { readPlan, type PlanCell, type StudyPlan } from './study-plan.js';
import { studyStatus, type CellStatus } from './study-status.js';
import { readFactGroups, writeTimeline } from './study-timeline.js';
import { summaryCsv } from './summary-row.js';

export const RUN_RECORD_FILE = 'run.json';

/** Options of `assembleStudy`: report and chance settings. */
export interface AssembleOptions {
  /** Write report.html (default: the study's `report` setting). */
  report?: boolean;
  /** `single` (one self-contained file), `split` (a file per cell, loaded on demand) or `auto` (split when large). */
  reportMode?: ReportMode;
  /** Write what the finished cells give (summary.csv, run.json with status partial) when cells are missing. */
  partial?: boolean;
  onProgress?: (stage: 'timeline' | 'report', detail: string) => void;
}

/** What `assembleStudy` wrote and which cells are missing. */
export interface AssembleResult {
  runDir: string;
  /** True when every cell is done or failed and the files were written. */
  complete: boolean;
  /** Cells neither done nor failed (running or missing). */
  missing: CellStatus[];
  failed: CellStatus[];
  summary: SummaryRow[];
  reportFile: string | null;
}

interface RunRecord {
  lmkgVersion: string;
  status: 'complete' | 'complete-with-failures' | 'partial';
  args: Record<string, unknown>;
  versions: Record<string, string>;
  /** Versions of the cells whose worker ran other versions than `versions`. */
  otherVersions?: Record<string, Record<string, string>>;
  models: Array<{ spec: string; name: string; folder: string; weightsSha256: string | null }>;
  datasets: Array<{ id: string; name?: string; file: string | null; sha256: string | null }>;
  timeline: boolean;
  startedAt: string | null;
  finishedAt: string | null;
  timings: Record<string, number>;
  notApplicable?: string[];
  failed?: Array<{ cell: string; error: string }>;
  missing?: string[];
}

/** Assembles a study's summary and report from its finished cells. */
export async function assembleStudy(runDir: string, options: AssembleOptions = {}): Promise<AssembleResult> {
  const status = studyStatus(runDir);
  const { plan } = status;
  const missing = status.cells.filter((c) => c.state === 'running' || c.state === 'missing');
  const failed = status.cells.filter((c) => c.state === 'failed');
  const done = new Set(status.cells.filter((c) => c.state === 'done').map((c) => c.id));
  const records = new Map<string, CellRecord>();
  for (const cell of plan.cells) {
    const record = readCellRecord(cellDir(runDir, cell));
    if (record && (done.has(cell.id) || failed.some((f) => f.id === cell.id))) records.set(cell.id, record);
  }
  const result = { runDir, missing, failed, summary: [] as SummaryRow[], reportFile: null as string | null };
  if (missing.length > 0 && !options.partial) return { ...result, complete: false };

  const metrics = cellMetrics(runDir, plan, done, records);
  const summary = orderedSummary(plan, metrics);
  await writeTextAtomic(join(runDir, 'summary.csv'), summaryCsv(summary));
  const record = runRecord(plan, records, failed, missing);
  if (missing.length > 0) {
    await writeRunRecord(runDir, record);
    return { ...result, summary, complete: false };
  }

  const timelines = await writeTimelines(runDir, plan, done, summary, options);
  const data: ReportData = {
    title: `lmkg study: ${plan.models.length} model${plan.models.length === 1 ? '' : 's'} on ${plan.datasets.map((d) => d.name).join(', ')}`,
    createdAt: record.startedAt ?? new Date(0).toISOString(),
    lmkgVersion: plan.lmkgVersion,
    run: { args: plan.args, models: plan.models.map((m) => m.name), datasets: plan.datasets.map((d) => d.name), extractors: plan.extractors, timeline: plan.timeline },
    summary,
    graphs: [],
    timelines,
    pos: [...metrics.values()].map((m) => m.pos).filter((p): p is PosView => p !== null),
    ...(failed.length > 0 ? { failures: failed.map((f) => ({ dataset: f.dataset, model: f.model, error: f.error ?? 'failed' })) } : {}),
  };
  const report = options.report ?? plan.settings.report;
  if (report) options.onProgress?.('report', runDir);
  const written = await writeStudyReport(runDir, data, graphViews(runDir, plan, done, records), { html: report, mode: options.reportMode ?? plan.settings.reportMode ?? 'auto' });
  record.finishedAt = latest(records);
  await writeRunRecord(runDir, record);
  return { ...result, summary, complete: true, reportFile: written.file };
}

/** Each done cell's metrics per extractor, keyed `<dataset>/<model>/<extractor>`. */
function cellMetrics(runDir: string, plan: StudyPlan, done: Set<string>, records: Map<string, CellRecord>): Map<string, CellMetrics> {
  const metrics = new Map<string, CellMetrics>();
  for (const cell of plan.cells) {
    if (!done.has(cell.id)) continue;
    for (const extractor of applicable(plan, cell, records)) {
      const file = join(cellDir(runDir, cell), extractor, CELL_METRICS_FILE);
      metrics.set(`${cell.dataset}/${cell.model}/${extractor}`, JSON.parse(readFileSync(file, 'utf8')) as CellMetrics);
    }
  }
  return metrics;
}

function applicable(plan: StudyPlan, cell: PlanCell, records: Map<string, CellRecord>): string[] {
  const skipped = records.get(cell.id)?.notApplicable ?? [];
  return plan.extractors.filter((e) => !skipped.some((line) => line.startsWith(`${cell.dataset}/${cell.model}/${e}:`)));
}

/** Dataset by dataset, model by model (in the order given), extractor by extractor. */
function orderedSummary(plan: StudyPlan, metrics: Map<string, CellMetrics>): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const dataset of plan.datasets) {
    for (const model of plan.models) {
      for (const extractor of plan.extractors) {
        const cell = metrics.get(`${dataset.name}/${model.name}/${extractor}`);
        if (cell) rows.push(cell.summary);
      }
    }
  }
  return rows;
}

/** The graph views of the done cells, cell by cell (read one cell at a time: a large study never holds them all). */
function* graphViews(runDir: string, plan: StudyPlan, done: Set<string>, records: Map<string, CellRecord>): Generator<GraphView[]> {
  for (const dataset of plan.datasets) {
    for (const model of plan.models) {
      const cell = plan.cells.find((c) => c.dataset === dataset.name && c.model === model.name)!;
      if (!done.has(cell.id)) continue;
      yield applicable(plan, cell, records).map((extractor) => readCellGraphView(join(cellDir(runDir, cell), extractor)));
    }
  }
}

async function writeTimelines(runDir: string, plan: StudyPlan, done: Set<string>, summary: SummaryRow[], options: AssembleOptions): Promise<TimelineView[]> {
  if (!plan.timeline || plan.models.length < 2) return [];
  const groups = plan.settings.factGroups ? readFactGroups(plan.settings.factGroups) : null;
  const timelines: TimelineView[] = [];
  for (const dataset of plan.datasets) {
    // a snapshot whose cell failed has no predictions: the timeline runs over the others
    const cells = plan.models.map((m) => ({ model: m, cell: plan.cells.find((c) => c.dataset === dataset.name && c.model === m.name)! }))
      .filter(({ cell }) => done.has(cell.id));
    if (cells.length < 2) continue;
    options.onProgress?.('timeline', dataset.name);
    const snapshots = cells.map(({ model, cell }) => ({ name: model.name, records: readPredictions(join(cellDir(runDir, cell), 'predictions.jsonl')) }));
    timelines.push(await writeTimeline(join(runDir, dataset.folder), dataset.name, snapshots, summary, groups));
  }
  return timelines;
}

function runRecord(plan: StudyPlan, records: Map<string, CellRecord>, failed: CellStatus[], missing: CellStatus[]): RunRecord {
  const all = plan.cells.map((c) => records.get(c.id)).filter((r): r is CellRecord => r !== undefined);
  const versions = all[0]?.versions ?? {};
  const otherVersions = Object.fromEntries(all.filter((r) => JSON.stringify(r.versions) !== JSON.stringify(versions)).map((r) => [r.cell, r.versions]));
  const timings: Record<string, number> = {};
  for (const r of all) {
    for (const [stage, seconds] of Object.entries(r.timings)) {
      const [what, extractor] = stage.split(' ');
      timings[`${what} ${r.dataset}/${r.model}${extractor ? `/${extractor}` : ''}`] = seconds;
    }
  }
  const datasets = plan.datasets.map((d) => {
    const file = all.find((r) => r.dataset === d.name && r.datasetFile)?.datasetFile;
    return { id: d.id, name: d.name, file: file?.file ?? null, sha256: file?.sha256 ?? null };
  });
  const notApplicable = [...new Set(all.flatMap((r) => r.notApplicable))];
  return {
    lmkgVersion: plan.lmkgVersion,
    status: missing.length > 0 ? 'partial' : failed.length > 0 ? 'complete-with-failures' : 'complete',
    args: plan.args,
    versions,
    ...(Object.keys(otherVersions).length > 0 ? { otherVersions } : {}),
    models: plan.models.map((m) => ({ ...m, weightsSha256: all.find((r) => r.model === m.name && r.weightsSha256)?.weightsSha256 ?? null })),
    datasets,
    timeline: plan.timeline,
    startedAt: all.map((r) => r.startedAt).sort()[0] ?? null,
    finishedAt: null,
    timings,
    ...(notApplicable.length > 0 ? { notApplicable } : {}),
    ...(failed.length > 0 ? { failed: failed.map((f) => ({ cell: f.id, error: f.error ?? 'failed' })) } : {}),
    ...(missing.length > 0 ? { missing: missing.map((m) => m.id) } : {}),
  };
}

function latest(records: Map<string, CellRecord>): string | null {
  return [...records.values()].map((r) => r.finishedAt).sort().at(-1) ?? null;
}

async function writeRunRecord(runDir: string, record: RunRecord): Promise<void> {
  await writeTextAtomic(join(runDir, RUN_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

/** The run.json of a run folder, or null. */
export function readRunRecord(runDir: string): Record<string, unknown> | null {
  const file = join(runDir, RUN_RECORD_FILE);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> : null;
}
