/**
 * @file `lmkg run`: a whole study in one call — models x datasets x extractors.
 *
 *   for each model (the reference model first): for each dataset:
 *     probe -> <run>/<dataset>/<model>/predictions.jsonl        (resumes a cut-off probe)
 *     for each extractor: extract, compare -> <run>/<dataset>/<model>/<extractor>/   (skipped when finished)
 *   timelines per dataset when the models form a series -> <run>/<dataset>/timeline.{csv,json}
 *   summary.csv, run.json, report-data.json, report.html
 *
 * A re-run skips finished cells (their metrics.json records the inputs they came from) and redoes
 * unfinished ones; every file is written atomically, so an interruption leaves each finished file
 * valid.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createChanceCache, METRIC_NAMES, type ChanceBaseline, type MetricName } from '../compare/index.js';
import { sha256File } from '../data/index.js';
import { memoiseParser, resolveExtractor, type SentenceParser } from '../extract/index.js';
import { writeTextAtomic } from '../files.js';
import { createProber, readPredictions, readProbeMeta, type PredictionRecord, type Prober } from '../probe/index.js';
import { loadNlp, type LoadNlpOptions } from '../nlp/index.js';
import { resolveOptions } from '../options.js';
import { writeReport, type GraphView, type PosView, type ReportData, type SummaryRow, type TimelineView } from '../report/index.js';
import { UsageError } from '../errors.js';
import { LMKG_VERSION } from '../version.js';
import { RUN_DEFAULTS } from './defaults.js';
import { studyDatasets } from './dataset-folders.js';
import { preflightRun } from './preflight.js';
import { expandModels, type ModelEntry } from './model-list.js';
import { finishedCell, readCellGraphView, runCell, type CellMetrics, type CellSpec } from './study-cell.js';
import { chanceInputs, computeStudyChance, readStudyChance } from './study-chance.js';
import { writeTimeline, type FactGroups } from './study-timeline.js';
import { summaryCsv } from './summary-row.js';

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
  dataDir?: string;
  /** holdout.json of an lmkg train run: timelines label facts seen in training and held out. */
  factGroups?: string;
  /** NLP settings for the sentence extractors (parser model file, or a smaller training set for tests). */
  nlp?: Pick<LoadNlpOptions, 'modelFile' | 'trainLimit' | 'cacheDir'>;
  /** Stop after this many cells are computed (finished ones do not count); for tests and partial runs. */
  maxCells?: number;
  signal?: AbortSignal;
  onProgress?: (event: RunProgress) => void;
}

export interface RunProgress {
  stage: 'probe' | 'chance' | 'extract' | 'timeline' | 'report' | 'skip';
  cell: string;
  cellsDone: number;
  cellsTotal: number;
  /** Detail of the stage (probe: queries done / total). */
  detail?: string;
  etaSeconds: number | null;
}

export interface RunStudyResult {
  out: string;
  /** False when stopped early (maxCells or the signal); run again to finish. */
  complete: boolean;
  cellsComputed: number;
  cellsSkipped: number;
  summary: SummaryRow[];
  reportFile: string | null;
}

interface RunRecord {
  lmkgVersion: string;
  status: 'running' | 'complete' | 'partial';
  args: Record<string, unknown>;
  versions: Record<string, string>;
  models: Array<ModelEntry & { weightsSha256: string | null }>;
  /** id: as given (a file: id keeps its path); name: as shown in the summary and the report. */
  datasets: Array<{ id: string; name?: string; file: string | null; sha256: string | null }>;
  timeline: boolean;
  startedAt: string;
  finishedAt: string | null;
  /** Seconds per stage and cell (timings differ from run to run; nothing else in the folder does). */
  timings: Record<string, number>;
  /** Cells left out because the extractor cannot read the dataset, with the reason. */
  notApplicable?: string[];
}

export async function runStudy(options: RunStudyOptions): Promise<RunStudyResult> {
  const { models: modelSpecs, datasets: datasetIds, out: outArg, nlp, signal, onProgress, metrics, extractors: extractorNames, ...rest } = options;
  const { extractors: _defaultExtractors, ...runDefaults } = RUN_DEFAULTS;
  const settings = resolveOptions('runStudy', { ...runDefaults, limit: undefined as number | undefined, commonVocab: undefined as string | undefined, dataDir: undefined as string | undefined, factGroups: undefined as string | undefined, maxCells: undefined as number | undefined }, rest, {
    topK: 'positive-integer', batchSize: 'positive-integer', limit: 'positive-integer', mode: ['sentences', 'template'],
    filterJudgments: 'boolean', fill: ['whole-word', 'raw', 'multi-token'], fillPieces: 'positive-integer', commonVocab: 'string',
    compareMode: ['exact-defs', 'paper'], graph: ['fact', 'context', 'all'], chance: 'number', chanceBlockSize: 'positive-integer',
    reference: 'string', bootstrap: 'number', seed: 'number',
    aedMaxNodes: 'positive-integer', aedTimeBudgetSeconds: 'number', report: 'boolean', dataDir: 'string', factGroups: 'string', maxCells: 'positive-integer',
  });
  if (!Number.isInteger(settings.chance) || settings.chance < 0) throw new UsageError(`run: --chance must be a whole number of shuffles (0: no chance baseline), got ${settings.chance}`);
  if (settings.chanceBlockSize < 2) throw new UsageError(`run: --chance-block-size must be at least 2, got ${settings.chanceBlockSize}`);
  if (datasetIds.length === 0) throw new UsageError('run: give at least one dataset (--datasets)');
  const extractors = [...new Set((extractorNames ?? RUN_DEFAULTS.extractors).map((name) => resolveExtractor(name).name))];
  for (const metric of metrics ?? []) {
    if (!(METRIC_NAMES as readonly string[]).includes(metric)) throw new UsageError(`run: unknown metric "${metric}"; known metrics: ${METRIC_NAMES.join(', ')}`);
  }
  const out = resolve(outArg);
  await preflightRun({
    models: modelSpecs, datasets: datasetIds, out, extractors, dataDir: settings.dataDir, parserModel: nlp?.modelFile,
    factGroups: settings.factGroups, commonVocab: settings.commonVocab,
  });
  // Loops run over the datasets' short names (P19 for file:/x/TREx/P19.jsonl); the probe loads by id.
  const study = studyDatasets(datasetIds, out);
  const datasets = study.map((d) => d.name);
  const idOf = (name: string): string => study.find((d) => d.name === name)!.id;
  const folderOf = (name: string): string => study.find((d) => d.name === name)!.folder;
  const { models, timeline } = expandModels(modelSpecs);
  const referenceModel = settings.reference === 'gold' ? null : models.find((m) => m.name === settings.reference || m.spec === settings.reference);
  if (settings.reference !== 'gold' && !referenceModel) {
    throw new UsageError(`run: --reference "${settings.reference}" is neither "gold" nor one of the models (${models.map((m) => m.name).join(', ')})`);
  }
  const ordered = referenceModel ? [referenceModel, ...models.filter((m) => m !== referenceModel)] : models;
  const groups = settings.factGroups ? readFactGroups(settings.factGroups) : null;
  mkdirSync(out, { recursive: true });

  const record: RunRecord = previousRecord(out) ?? {
    lmkgVersion: LMKG_VERSION, status: 'running', args: {}, versions: versions(), models: [], datasets: [], timeline,
    startedAt: new Date().toISOString(), finishedAt: null, timings: {},
  };
  record.args = { models: modelSpecs, datasets: datasetIds, out: outArg, metrics: metrics ?? null, ...settings, extractors };
  record.models = models.map((m) => ({ ...m, weightsSha256: record.models.find((r) => r.folder === m.folder)?.weightsSha256 ?? null }));
  record.timeline = timeline;
  record.status = 'running';
  await writeRecord(out, record);

  const total = models.length * datasets.length * extractors.length;
  let done = 0;
  let computed = 0;
  let skipped = 0;
  const started = performance.now();
  const progress = (stage: RunProgress['stage'], cell: string, detail?: string) => {
    const elapsed = (performance.now() - started) / 1000;
    onProgress?.({ stage, cell, cellsDone: done, cellsTotal: total, ...(detail ? { detail } : {}), etaSeconds: computed > 0 ? (elapsed / computed) * (total - done) : null });
  };
  const metricsByCell = new Map<string, CellMetrics>();
  const notApplicable = new Set<string>();
  const recordsByCell = new Map<string, PredictionRecord[]>();
  let parse: SentenceParser | undefined;
  let rawParse: SentenceParser | undefined;
  const needsParser = extractors.some((name) => resolveExtractor(name).input === 'sentence');
  const parsers = async () => {
    // One memoised parser for the whole study: the gold sentences recur in every model's cells.
    if (needsParser && !parse) {
      rawParse = (await loadNlp({ typeEntities: false, ...(settings.dataDir ? { dataDir: settings.dataDir } : {}), ...nlp })).parse;
      parse = memoiseParser(rawParse);
    }
    return { parse, rawParse };
  };
  // refilled sentences of the chance baseline, shared by the snapshots of a series (their fills recur)
  const chanceCache = createChanceCache();
  const chanceSettings = { replicates: settings.chance, seed: settings.seed, blockSize: settings.chanceBlockSize };
  let stopped = false;

  outer: for (const model of ordered) {
    let prober: Prober | null = null;
    try {
      for (const dataset of datasets) {
        const datasetDir = join(out, folderOf(dataset));
        const modelDir = join(datasetDir, model.folder);
        const predictionsFile = join(modelDir, 'predictions.jsonl');
        mkdirSync(modelDir, { recursive: true });
        const key = `${dataset}/${model.name}`;
        let records: PredictionRecord[];
        if (probeFinished(predictionsFile, { ...settings, fillPieces: settings.fill === 'multi-token' ? settings.fillPieces : undefined })) {
          records = readPredictions(predictionsFile);
        } else {
          if (signal?.aborted || (settings.maxCells !== undefined && computed >= settings.maxCells)) {
            stopped = true;
            break outer;
          }
          prober ??= await createProber(model.spec);
          const probeStarted = performance.now();
          // the run owns its folders: a predictions file of other options (or of lmkg 0.1) is replaced
          const result = await prober.probe(idOf(dataset), {
            topK: settings.topK, batchSize: settings.batchSize, mode: settings.mode, filterJudgments: settings.filterJudgments, out: predictionsFile,
            fill: settings.fill, fillPieces: settings.fillPieces, overwrite: true,
            ...(settings.limit ? { limit: settings.limit } : {}), ...(settings.commonVocab ? { commonVocab: settings.commonVocab } : {}),
            ...(settings.dataDir ? { dataDir: settings.dataDir } : {}),
            onProgress: (event) => {
              if (event.stage === 'probe') progress('probe', key, `${event.done}/${event.total} queries`);
            },
          });
          record.timings[`probe ${key}`] = (performance.now() - probeStarted) / 1000;
          records = result.records;
        }
        recordsByCell.set(key, records);
        const meta = readProbeMeta(predictionsFile);
        const entry = record.models.find((m) => m.folder === model.folder);
        if (entry && meta) entry.weightsSha256 = meta.model.weightsSha256;
        if (!record.datasets.some((d) => d.id === idOf(dataset)) && meta) record.datasets.push({ id: idOf(dataset), name: dataset, file: meta.dataset.file, sha256: meta.dataset.sha256 });

        // The lama extractor needs a subject and relation per query (Google-RE, T-REx); SQuAD has none.
        const applicable = extractors.filter((extractor) => resolveExtractor(extractor).input !== 'record' || !records.some((r) => r.subject === null || r.relation === null));
        let chance: Map<string, ChanceBaseline> | null = null;
        const predictionsSha256 = await sha256File(predictionsFile);
        const chanceKey = chanceInputs(predictionsSha256, applicable, chanceSettings, groups?.groupOf ?? null);
        const cellSpec = (extractor: string): CellSpec => ({
          dataset, model: model.name, extractor, dir: join(modelDir, extractor), predictionsFile, records,
          referenceGraphFile: referenceModel && referenceModel !== model ? join(datasetDir, referenceModel.folder, extractor, 'kg.json') : null,
          inputs: {
            compareMode: settings.compareMode, graph: settings.graph, reference: settings.reference, metrics: metrics ?? null,
            bootstrap: settings.bootstrap, seed: settings.seed, aedMaxNodes: settings.aedMaxNodes, aedTimeBudgetSeconds: settings.aedTimeBudgetSeconds,
            chance: settings.chance, chanceSeed: settings.seed, chanceBlockSize: settings.chanceBlockSize,
          },
          chance: chance?.get(resolveExtractor(extractor).name) ?? null,
        });
        if (settings.chance > 0 && applicable.some((extractor) => !finishedCell(cellSpec(extractor)))) {
          chance = readStudyChance(modelDir, chanceKey);
          if (chance === null) {
            if (signal?.aborted || (settings.maxCells !== undefined && computed >= settings.maxCells)) {
              stopped = true;
              break outer;
            }
            const { parse: observed, rawParse: refill } = await parsers();
            chance = await computeStudyChance(modelDir, records, chanceKey, applicable, chanceSettings, {
              ...(refill ? { parse: refill } : {}), ...(observed ? { parseObserved: observed } : {}),
            }, chanceCache, groups?.groupOf ?? null, (r, total) => progress('chance', key, `${r}/${total} shuffles`), (stats) => {
              // parsing the sentences as probed is the cells' work (their extraction reads the memoised parses); the null is the rest
              record.timings[`parse ${key}`] = stats.observedSeconds;
              record.timings[`chance ${key}`] = stats.nullSeconds;
            });
          }
        }

        for (const extractor of extractors) {
          const cellKey = `${key}/${extractor}`;
          if (!applicable.includes(extractor)) {
            notApplicable.add(cellKey);
            record.notApplicable = [...new Set([...(record.notApplicable ?? []), `${cellKey}: ${extractor} needs subjects and relations, which ${dataset} does not have`])];
            done += 1;
            continue;
          }
          const spec = cellSpec(extractor);
          const finished = finishedCell(spec);
          if (finished) {
            metricsByCell.set(cellKey, finished);
            skipped += 1;
            done += 1;
            progress('skip', cellKey);
            continue;
          }
          if (signal?.aborted || (settings.maxCells !== undefined && computed >= settings.maxCells)) {
            stopped = true;
            break outer;
          }
          await parsers();
          progress('extract', cellKey);
          mkdirSync(spec.dir, { recursive: true });
          const cellMetrics = await runCell({ ...spec, ...(parse ? { parse } : {}) });
          record.timings[`extract ${cellKey}`] = cellMetrics.seconds.extract;
          record.timings[`compare ${cellKey}`] = cellMetrics.seconds.compare;
          metricsByCell.set(cellKey, cellMetrics);
          computed += 1;
          done += 1;
          progress('extract', cellKey);
        }
      }
    } finally {
      await prober?.dispose();
    }
  }

  const summary = orderedSummary(metricsByCell, models, datasets, extractors);
  await writeTextAtomic(join(out, 'summary.csv'), summaryCsv(summary));
  if (stopped) {
    record.status = 'partial';
    await writeRecord(out, record);
    return { out, complete: false, cellsComputed: computed, cellsSkipped: skipped, summary, reportFile: null };
  }

  const timelines: TimelineView[] = [];
  if (timeline && models.length > 1) {
    for (const dataset of datasets) {
      progress('timeline', dataset);
      const snapshots = models.map((m) => ({ name: m.name, records: recordsByCell.get(`${dataset}/${m.name}`)! }));
      timelines.push(await writeTimeline(join(out, folderOf(dataset)), dataset, snapshots, summary, groups));
    }
  }
  const data: ReportData = {
    title: `lmkg study: ${models.length} model${models.length === 1 ? '' : 's'} on ${datasets.join(', ')}`,
    createdAt: record.startedAt,
    lmkgVersion: LMKG_VERSION,
    run: { args: record.args, models: models.map((m) => m.name), datasets, extractors, timeline },
    summary,
    graphs: graphViews(out, models, study, extractors, notApplicable),
    timelines,
    pos: [...metricsByCell.values()].map((m) => m.pos).filter((p): p is PosView => p !== null),
  };
  await writeTextAtomic(join(out, 'report-data.json'), `${JSON.stringify(data)}\n`);
  let reportFile: string | null = null;
  if (settings.report) {
    progress('report', out);
    reportFile = (await writeReport(out, { data })).file;
  }
  record.status = 'complete';
  record.finishedAt = new Date().toISOString();
  await writeRecord(out, record);
  return { out, complete: true, cellsComputed: computed, cellsSkipped: skipped, summary, reportFile };
}

/** A finished probe whose options match (the probe itself resumes unfinished ones). */
function probeFinished(
  file: string, settings: { topK: number; mode: string; limit?: number | undefined; filterJudgments: boolean; fill: string; fillPieces: number | undefined },
): boolean {
  const meta = readProbeMeta(file);
  return meta !== null && existsSync(file) && meta.status === 'complete' && meta.options.topK === settings.topK && meta.options.mode === settings.mode
    && meta.options.limit === (settings.limit ?? null) && meta.options.filterJudgments === settings.filterJudgments
    && meta.options.fill === settings.fill && meta.options.fillPieces === settings.fillPieces;
}

function orderedSummary(cells: Map<string, CellMetrics>, models: ModelEntry[], datasets: string[], extractors: string[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const dataset of datasets) {
    for (const model of models) {
      for (const extractor of extractors) {
        const cell = cells.get(`${dataset}/${model.name}/${extractor}`);
        if (cell) rows.push(cell.summary);
      }
    }
  }
  return rows;
}

function graphViews(out: string, models: ModelEntry[], datasets: Array<{ name: string; folder: string }>, extractors: string[], notApplicable: Set<string>): GraphView[] {
  const views: GraphView[] = [];
  for (const { name: dataset, folder } of datasets) {
    for (const model of models) {
      for (const extractor of extractors) {
        if (!notApplicable.has(`${dataset}/${model.name}/${extractor}`)) views.push(readCellGraphView(join(out, folder, model.folder, extractor)));
      }
    }
  }
  return views;
}

function readFactGroups(file: string): FactGroups {
  const holdout = JSON.parse(readFileSync(file, 'utf8')) as { heldOutFactIds?: string[]; seenFactIds?: string[]; unseenFactIds?: string[] };
  if (!Array.isArray(holdout.heldOutFactIds) || !Array.isArray(holdout.seenFactIds)) {
    throw new UsageError(`run: --fact-groups ${file} is not a holdout.json of lmkg train (needs heldOutFactIds and seenFactIds)`);
  }
  const groupOf = new Map<string, string>();
  for (const id of holdout.seenFactIds) groupOf.set(id, 'seen');
  for (const id of holdout.heldOutFactIds) groupOf.set(id, 'held-out');
  for (const id of holdout.unseenFactIds ?? []) groupOf.set(id, 'unseen');
  return { groupOf };
}

function previousRecord(out: string): RunRecord | null {
  const file = join(out, 'run.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
  } catch {
    return null;
  }
}

async function writeRecord(out: string, record: RunRecord): Promise<void> {
  await writeTextAtomic(join(out, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
}

function versions(): Record<string, string> {
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


