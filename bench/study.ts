/**
 * @file Studies on many machines (issue 17):
 *
 * 1. A 24-cell study (6 tiny RoBERTa snapshots x the 4 LAMA datasets, 40 queries each, clause
 *    extractor, chance R = 9, 100 bootstrap replicates) run in one process, then through the BullMQ
 *    queue on a local redis-server with 1 and with 2 workers (the built dist/, as `lmkg worker`
 *    runs: child processes that run up to 16 cells each). Rows: the wall times, the 1 / 2 worker
 *    ratio (this machine has 2 cores, shared with other work: the load average is in the notes), and
 *    the queue's overhead per cell: the median of the worker's time around a cell minus the cell's
 *    own time in its child (IPC, reading the plan, the lease; a child's start on its first cell),
 *    plus the pick-up gap after the worker's previous cell; and, all included, (queue wall - one
 *    process wall) / 24.
 * 2. The per-cell cost of a base-size BERT (random weights, 12 layers, hidden 768, WordPiece 30,522)
 *    on each LAMA dataset (150 queries, run defaults: clause, chance R = 39, 1,000 bootstrap
 *    replicates), scaled to the full datasets, and the MultiBERTs series (25 seeds + 28 checkpoints
 *    of 5 seeds = 165 models) x the 4 datasets projected from it.
 * 3. The report of a generated 1,000-cell study (40 datasets x 25 models, one extractor, about 150
 *    nodes per graph with its sentences): size of what the page loads first and of the whole split
 *    report against one self-contained file, and in Chromium the time to the summary, to the first
 *    graph, and to any other cell's graph (median and worst of 8 random cells).
 *
 * Run alone: LMKG_DATA_DIR=../shared/data node --import tsx bench/study.ts
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import {
  createProber, initModel, loadLamaDataset, loadNlp, runStudy, writeStudyReport, saveTokenizer, trainTokenizer, type GraphView, type ReportData,
} from '../src/index.js';
import { makeReportData, startRedis } from '../src/internal.js';
import { CHROMIUM_ARGS } from './report.js';
import { runAlone } from './table.js';
import type { BenchRow } from './types.js';

const DATASETS = ['squad', 're-place-birth', 're-date-birth', 're-place-death'];
const MULTIBERTS = 25 + 28 * 5;
const log = (message: string): void => {
  process.stderr.write(`[bench/study ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

export async function run(): Promise<BenchRow[]> {
  const dataDir = process.env.LMKG_DATA_DIR;
  if (!dataDir) throw new Error('bench/study.ts: set LMKG_DATA_DIR to ../shared/data');
  const dir = mkdtempSync(join(tmpdir(), 'lmkg-bench-study-'));
  try {
    return [...await queueRows(dir), ...await projectionRows(dir, dataDir), ...await reportRows(dir)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Tiny random-weight roberta snapshots in <dir>/models/epoch-0..n-1, made as a user makes them: a
 * BPE tokenizer (vocabulary 3,000) trained on the first 3,000 lines of corpus/bio/bio_000.txt, then initModel.
 * A larger init std spreads the predictions so that ties do not decide the extractions.
 */
async function tinySnapshots(dir: string, count: number): Promise<void> {
  const lines = readFileSync(join(process.env.LMKG_DATA_DIR!, 'corpus', 'bio', 'bio_000.txt'), 'utf8').split('\n').slice(0, 3000);
  const tokenizer = join(dir, 'tokenizer');
  await saveTokenizer(await trainTokenizer({ type: 'bpe', texts: lines, vocabSize: 3000 }), tokenizer);
  for (let seed = 0; seed < count; seed += 1) {
    await initModel({ arch: 'roberta', preset: 'tiny', tokenizer, out: join(dir, 'models', `epoch-${seed}`), seed, std: 0.5, maxLength: 128 });
  }
}

export async function queueRows(dir: string): Promise<BenchRow[]> {
  const dist = resolve(import.meta.dirname, '..', 'dist', 'index.js');
  if (!existsSync(resolve(import.meta.dirname, '..', 'dist', 'run', 'cell-process.js'))) throw new Error('bench/study.ts: run `npm run build` first (the workers run dist/)');
  const lmkg = await import(dist) as typeof import('../src/index.js');
  log('6 tiny snapshots and the test parser');
  await tinySnapshots(dir, 6);
  const parserModel = (await loadNlp({ trainLimit: 2000, typeEntities: false })).modelFile;
  const study = { models: [join(dir, 'models')], datasets: DATASETS, limit: 40, chance: 9, bootstrap: 100, nlp: { modelFile: parserModel }, report: false };
  const note = '6 tiny snapshots x 4 LAMA datasets, 40 queries, clause, chance R = 9';

  log('24 cells in one process');
  let started = performance.now();
  const one = await lmkg.runStudy({ ...study, out: join(dir, 'one'), threads: 1 });
  const oneSeconds = (performance.now() - started) / 1000;
  if (!one.complete || one.cellsComputed !== 24) throw new Error(`one-process study: ${one.cellsComputed} cells`);

  const redis = await startRedis(dir);
  const load = (): string => `load average ${loadavg()[0]!.toFixed(1)}`;
  const rows: BenchRow[] = [{ name: '24-cell study, one process', value: round(oneSeconds), unit: 's', note: `${note}; ${load()}` }];
  try {
    const walls: number[] = [];
    let overheads: number[] = [];
    for (const workers of [1, 2]) {
      log(`24 cells through the queue, ${workers} worker(s)`);
      const controller = new AbortController();
      const perWorker = new Map<number, number>(); // worker -> when its previous cell ended
      const overhead: number[] = [];
      const running = Array.from({ length: workers }, (_, w) => lmkg.runQueueWorker({
        queue: redis.url, threads: 1, signal: controller.signal,
        onEvent: (event) => {
          const now = performance.now();
          if (event.kind === 'done' || event.kind === 'failed') {
            const gap = perWorker.has(w) ? now - event.processMs - perWorker.get(w)! : 0;
            if (event.cellMs !== null) overhead.push(event.processMs - event.cellMs + Math.max(0, gap));
            perWorker.set(w, now);
          }
        },
      }));
      started = performance.now();
      const queued = await lmkg.runStudy({ ...study, out: join(dir, `queue-${workers}`), queue: redis.url });
      walls.push((performance.now() - started) / 1000);
      controller.abort();
      await Promise.all(running);
      if (!queued.complete || queued.cellsComputed !== 24) throw new Error(`queue study: ${queued.cellsComputed} cells, ${queued.failed.length} failed`);
      rows.push({ name: `24-cell study, queue, ${workers} worker${workers === 1 ? '' : 's'}`, value: round(walls.at(-1)!), unit: 's', note: `${note}; dist/, child processes; ${load()}` });
      if (workers === 1) overheads = overhead;
    }
    rows.push({ name: '24-cell study, 1 worker / 2 workers', value: round(walls[0]! / walls[1]!, 2), unit: 'x', note: 'wall-time ratio; this machine has 2 cores shared with other work' });
    rows.push({ name: 'queue overhead per cell (median)', value: round(median(overheads), 0), unit: 'ms', note: `1 worker, ${overheads.length} cells: IPC, plan, lease, pick-up (a child's start counts on its first cell); range ${round(Math.min(...overheads), 0)}-${round(Math.max(...overheads), 0)} ms` });
    rows.push({ name: 'queue overhead per cell, all included', value: round(((walls[0]! - oneSeconds) / 24) * 1000, 0), unit: 'ms', note: '(queue with 1 worker - one process) / 24 cells: also the children\'s parser loads and cold caches' });
    rows.push({ name: 'queue (1 worker) / one process', value: round(walls[0]! / oneSeconds, 2), unit: 'x', note: 'one process keeps the parser and the chance cache across cells' });
  } finally {
    await redis.stop();
  }
  return rows;
}

export async function projectionRows(dir: string, dataDir: string): Promise<BenchRow[]> {
  log('a random bert-base model (WordPiece 30,522 on corpus/bio)');
  await saveTokenizer(await trainTokenizer({ type: 'wordpiece', corpus: [join(dataDir, 'corpus', 'bio')], vocabSize: 30522 }), join(dir, 'tok'));
  const model = await initModel({ arch: 'bert', preset: 'base', tokenizer: join(dir, 'tok'), out: join(dir, 'bert-base', 'model'), seed: 1 });
  let started = performance.now();
  await (await createProber(model.dir)).dispose();
  const loadSeconds = (performance.now() - started) / 1000;
  const limit = 150;
  log(`bert-base on the 4 datasets, ${limit} queries each, run defaults`);
  const out = join(dir, 'base-study');
  started = performance.now();
  const result = await runStudy({ models: [model.dir], datasets: DATASETS, limit, out, report: false });
  const studySeconds = (performance.now() - started) / 1000;
  if (!result.complete) throw new Error('base-size study did not complete');
  const rows: BenchRow[] = [];
  let perModel = 0;
  const parts: string[] = [];
  for (const dataset of DATASETS) {
    const record = JSON.parse(readFileSync(join(out, dataset, 'model', 'cell.json'), 'utf8')) as { timings: Record<string, number> };
    const cellSeconds = Object.values(record.timings).reduce((a, b) => a + b, 0);
    const full = (await loadLamaDataset(dataset, { dataDir })).stats.queries;
    const measured = Math.min(limit, full);
    const projected = loadSeconds + (cellSeconds * full) / measured;
    perModel += projected;
    parts.push(`${dataset} ${round(projected, 0)} s`);
    rows.push({ name: `base-size cell, ${dataset} (full ${full} queries, projected)`, value: round(projected), unit: 's', note: `${measured} queries measured in ${round(cellSeconds)} s (probe ${round(record.timings.probe ?? 0)} s) + model load ${round(loadSeconds)} s` });
  }
  const cells = MULTIBERTS * DATASETS.length;
  const total = perModel * MULTIBERTS;
  rows.push({ name: 'MultiBERTs x 4 LAMA datasets, projected (1 worker, 2 threads)', value: round(total / 3600), unit: 'h', note: `${MULTIBERTS} models x 4 = ${cells} cells; per model ${round(perModel / 60)} min (${parts.join(', ')}); study of 4 cells measured end to end in ${round(studySeconds)} s` });
  for (const workers of [16, 64]) {
    rows.push({ name: `MultiBERTs x 4 LAMA datasets, ${workers} workers like this machine`, value: round(total / 3600 / workers, 2), unit: 'h', note: `${cells} cells shared by ${workers} workers of 2 cores (the cells are independent; assembling adds minutes)` });
  }
  return rows;
}

export async function reportRows(dir: string): Promise<BenchRow[]> {
  log('report of a generated 1,000-cell study (40 datasets x 25 models)');
  const datasets = Array.from({ length: 40 }, (_, i) => `P${100 + i}`);
  const first = makeReportData({ nodes: 150, snapshots: 25, extractors: ['clause'], dataset: datasets[0]!, seed: 1 });
  const index: ReportData = { ...first, title: 'A generated 1,000-cell study', graphs: [], timelines: [], summary: [], pos: [],
    run: { ...first.run, datasets, models: first.run.models, timeline: false } };
  const perDataset = datasets.map((dataset, i) => () => makeReportData({ nodes: 150, snapshots: 25, extractors: ['clause'], dataset, seed: i + 1 }));
  for (const make of perDataset) {
    const data = make();
    index.summary.push(...data.summary);
    index.pos.push(...data.pos);
  }
  // the cells one at a time, as the assemble step reads them
  function* cells(): Generator<GraphView[]> {
    for (const make of perDataset) for (const graph of make().graphs) yield [graph];
  }
  const split = join(dir, 'report-split');
  const single = join(dir, 'report-single');
  mkdirSync(split);
  mkdirSync(single);
  let started = performance.now();
  const written = await writeStudyReport(split, index, cells(), { mode: 'auto' });
  const writeSeconds = (performance.now() - started) / 1000;
  const partsBytes = readdirSync(join(split, 'report-parts')).reduce((sum, f) => sum + statSync(join(split, 'report-parts', f)).size, 0);
  const largestPart = Math.max(...readdirSync(join(split, 'report-parts')).map((f) => statSync(join(split, 'report-parts', f)).size));
  const singleWritten = await writeStudyReport(single, index, cells(), { mode: 'single' });
  const rows: BenchRow[] = [
    { name: '1,000-cell report: report.html (what loads first)', value: round(written.bytes / 1e6, 2), unit: 'MB', note: `${written.mode}: summary of ${index.summary.length} rows, POS views, index of ${written.partFiles - 40} cells; written in ${round(writeSeconds)} s` },
    { name: '1,000-cell report: all part files', value: round(partsBytes / 1e6, 1), unit: 'MB', note: `${written.partFiles} files, largest ${round(largestPart / 1e3, 0)} kB (a cell's graph and sentences)` },
    { name: '1,000-cell report as one self-contained file', value: round(singleWritten.bytes / 1e6, 1), unit: 'MB', note: 'the single-file mode, for contrast' },
  ];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const summary: number[] = [];
    const firstGraph: number[] = [];
    let cellTimes: number[] = [];
    for (let load = 0; load < 3; load += 1) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`file://${join(split, 'report.html')}`);
      await page.waitForFunction(() => (globalThis as any).__lmkgReport?.firstRenderMs() != null, null, { timeout: 120_000 });
      summary.push(await page.evaluate(() => (globalThis as any).__lmkgReport.summaryShownMs() as number));
      firstGraph.push(await page.evaluate(() => (globalThis as any).__lmkgReport.firstRenderMs() as number));
      if (load === 0) {
        await page.evaluate(() => (globalThis as any).document.querySelector('#graph').scrollIntoView());
        cellTimes = [];
        for (let i = 0; i < 8; i += 1) {
          const dataset = datasets[(i * 17 + 5) % datasets.length]!;
          const model = `epoch-${(i * 7 + 3) % 25}`;
          cellTimes.push(await page.evaluate(`window.__lmkgReport.showGraph(${JSON.stringify(dataset)}, 'clause', ${JSON.stringify(model)})`) as number);
        }
      }
      await page.close();
    }
    rows.push({ name: '1,000-cell report: summary shown', value: round(median(summary), 0), unit: 'ms', note: `from navigation start, median of 3 loads from file:// (${summary.map((v) => round(v, 0)).join(', ')}); goal < 2,000` });
    rows.push({ name: '1,000-cell report: first graph drawn', value: round(median(firstGraph), 0), unit: 'ms', note: 'from navigation start: its cell and layout parts loaded, software WebGL' });
    rows.push({ name: '1,000-cell report: any cell\'s graph', value: round(median(cellTimes), 0), unit: 'ms', note: `median of 8 cells of other datasets and models (worst ${round(Math.max(...cellTimes), 0)} ms): part loaded, graph built and drawn; goal < 1,000` });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    started = performance.now();
    await page.goto(`file://${join(single, 'report.html')}`, { timeout: 300_000 });
    await page.waitForFunction(() => (globalThis as any).__lmkgReport?.summaryShownMs() != null, null, { timeout: 300_000 });
    rows.push({ name: '1,000-cell report as one file: summary shown', value: round(await page.evaluate(() => (globalThis as any).__lmkgReport.summaryShownMs() as number), 0), unit: 'ms', note: 'the single-file mode, for contrast' });
    await page.close();
  } finally {
    await browser.close();
  }
  return rows;
}

await runAlone(import.meta.url, run);
