/**
 * @file The report of a study, from its summary data and its cells' graphs given one cell at a time.
 *
 * - `single`: the whole study in one self-contained report.html (and report-data.json): for small
 *   studies.
 * - `split`: what the page loads first grows with the summary, not with the cells. report.html and
 *   report-data.json hold the summary, POS views, timelines and an index of the graphs; each cell's
 *   graphs go to `report-parts/cell-<n>.js` (its extractors' graphs with one table of the cell's
 *   queries, each sentence stored once) and each dataset x extractor group's layout (positions over
 *   the union of its snapshots, computed here once) to `report-parts/layout-<n>.js`. The page loads a
 *   part when it shows it, with a `<script src>` (which works from file:// and from `lmkg report
 *   --serve` alike; the page's Content-Security-Policy allows scripts of its own folder).
 * - `auto` (default): single while the graphs stay under REPORT_DEFAULTS.splitAboveBytes, else split.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeTextAtomic } from '../files.js';
import { REPORT_DEFAULTS } from './defaults.js';
import { computeLayout } from './layout.js';
import { renderReportHtml } from './render-report-html.js';
import type { CellPart, GraphView, LayoutPart, ReportData, ReportParts, QueryView } from './types.js';

/** One report page, one per dataset, or chosen by size. */
export type ReportMode = 'single' | 'split' | 'auto';

/** Options of `writeStudyReport`: mode and file names. */
export interface WriteStudyReportOptions {
  /** Write report.html (report-data.json and the parts are always written). */
  html?: boolean;
  mode?: ReportMode;
  /** Graph bytes above which `auto` splits. */
  splitAboveBytes?: number;
}

/** The report files of a study. */
export interface WriteStudyReportResult {
  file: string | null;
  mode: 'single' | 'split';
  /** Bytes of report.html (0 when not written). */
  bytes: number;
  partFiles: number;
}

/** Writes a study's HTML report (one page or one per dataset). */
export async function writeStudyReport(
  runDir: string, data: ReportData, cells: Iterable<GraphView[]>, options: WriteStudyReportOptions = {},
): Promise<WriteStudyReportResult> {
  const mode = options.mode ?? 'auto';
  const threshold = options.splitAboveBytes ?? REPORT_DEFAULTS.splitAboveBytes;
  const partsDir = join(runDir, REPORT_DEFAULTS.partsFolder);
  rmSync(partsDir, { recursive: true, force: true }); // parts of an earlier report: rewritten below or not needed
  const buffered: GraphView[][] = [];
  let bytes = 0;
  let split: SplitWriter | null = mode === 'split' ? new SplitWriter(partsDir) : null;
  for (const cell of cells) {
    if (split) {
      await split.addCell(cell);
      continue;
    }
    buffered.push(cell);
    bytes += cell.reduce((sum, g) => sum + JSON.stringify(g).length, 0);
    if (mode === 'auto' && bytes > threshold) {
      split = new SplitWriter(partsDir);
      for (const earlier of buffered.splice(0)) await split.addCell(earlier);
    }
  }
  const full: ReportData = split ? { ...data, graphs: [], parts: await split.finish() } : { ...data, graphs: buffered.flat() };
  await writeTextAtomic(join(runDir, REPORT_DEFAULTS.dataFile), `${JSON.stringify(full)}\n`);
  let file: string | null = null;
  let htmlBytes = 0;
  if (options.html ?? true) {
    const html = renderReportHtml(full);
    file = join(runDir, REPORT_DEFAULTS.htmlFile);
    await writeTextAtomic(file, html);
    htmlBytes = Buffer.byteLength(html, 'utf8');
  }
  return { file, mode: split ? 'split' : 'single', bytes: htmlBytes, partFiles: split?.files ?? 0 };
}

/** Writes cell parts as they come and the layouts at the end. */
class SplitWriter {
  files = 0;
  private readonly index: ReportParts = { folder: REPORT_DEFAULTS.partsFolder, cells: [], layouts: [] };
  /** Per dataset x extractor: the union of node ids and edge pairs its layout is computed over. */
  private readonly groups = new Map<string, { dataset: string; extractor: string; nodes: Set<string>; edges: Map<string, [string, string]> }>();

  constructor(private readonly dir: string) {}

  async addCell(graphs: GraphView[]): Promise<void> {
    if (graphs.length === 0) return;
    const file = `cell-${this.index.cells.length}.js`;
    const part = cellPart(graphs);
    await writeTextAtomic(join(this.dir, file), partScript(file, part));
    this.files += 1;
    this.index.cells.push({
      file, graphs: graphs.map((g) => ({ dataset: g.dataset, model: g.model, extractor: g.extractor, nodes: g.nodes.length, edges: g.edges.length })),
    });
    for (const graph of graphs) {
      const key = JSON.stringify([graph.dataset, graph.extractor]);
      let group = this.groups.get(key);
      if (!group) this.groups.set(key, group = { dataset: graph.dataset, extractor: graph.extractor, nodes: new Set(), edges: new Map() });
      for (const node of graph.nodes) group.nodes.add(node.id);
      for (const edge of graph.edges) group.edges.set(`${edge.source}\u0000${edge.target}`, [edge.source, edge.target]);
    }
  }

  async finish(): Promise<ReportParts> {
    for (const group of this.groups.values()) {
      const layout = computeLayout(group.nodes, group.edges.values());
      const file = `layout-${this.index.layouts.length}.js`;
      const round = (values: Float64Array): number[] => Array.from(values, (v) => Math.round(v * 1000) / 1000);
      await writeTextAtomic(join(this.dir, file), partScript(file, { ids: layout.ids, x: round(layout.x), y: round(layout.y) } satisfies LayoutPart));
      this.files += 1;
      this.index.layouts.push({ dataset: group.dataset, extractor: group.extractor, file });
    }
    return this.index;
  }
}

function cellPart(graphs: GraphView[]): CellPart {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const intern = (text: string): number => {
    let id = ids.get(text);
    if (id === undefined) {
      id = strings.length;
      strings.push(text);
      ids.set(text, id);
    }
    return id;
  };
  const queries: CellPart['queries'] = {};
  for (const graph of graphs) {
    for (const [id, q] of Object.entries(graph.queries) as Array<[string, QueryView]>) {
      queries[id] ??= [intern(q.maskedSentence), intern(q.predictedSentence), intern(q.goldSentence), intern(q.gold), q.predictions.map((p) => [intern(p.word), p.prob])];
    }
  }
  return { graphs: graphs.map(({ queries: _queries, ...graph }) => graph), strings, queries };
}

/** A part as a script: `lmkgReportPart(<file>, <payload>)` (JSON is valid JavaScript). */
function partScript(file: string, payload: unknown): string {
  return `lmkgReportPart(${JSON.stringify(file)},${JSON.stringify(payload)});\n`;
}
