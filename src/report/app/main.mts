/**
 * @file Entry of the report app (bundled by scripts/build-report-app.mjs into dist/report/app.js and
 * inlined into report.html). Reads the embedded JSON, builds the page (summary, graph, timeline,
 * POS, footer) and exposes a small read-only hook, `window.__lmkgReport`, for tests and benchmarks.
 */
import type { EdgeStatus, ReportData } from '../types.js';
import { fitChartTexts } from './charts/text-fit.mjs';
import { el } from './dom.mjs';
import { graphSection, type GraphHandle } from './graph-view.mjs';
import { posSection } from './pos-view.mjs';
import { summaryTable } from './summary-table.mjs';
import { timelineSection } from './timeline-view.mjs';

const DATA_ELEMENT_ID = 'lmkg-report-data';

export interface ReportHook {
  ready: boolean;
  /** ms from navigation start to the first drawn graph (null until then). */
  firstRenderMs(): number | null;
  /** ms from navigation start to the first frame with the summary table (null until then). */
  summaryShownMs(): number | null;
  /** Shows a graph (loading it first in a split report); resolves with the ms until it is drawn. */
  showGraph(dataset: string, extractor: string, model: string): Promise<number>;
  layoutMs(): number;
  /** Script time of the last graph render (sigma's reducers, buffers and WebGL calls). */
  lastRenderMs(): number;
  view(): { dataset: string; model: string; extractor: string } | null;
  nodeCount(): number;
  edgeCount(): number;
  nodeIds(): string[];
  edgeStatusCounts(): Record<EdgeStatus, number>;
  snapshots(): string[];
  setSnapshot(index: number): void;
  selectNode(id: string): void;
  selectedNode(): string | null;
  nodeScreenPosition(id: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __lmkgReport?: ReportHook;
  }
}

function main(): void {
  const root = document.getElementById('app');
  if (!root) return;
  let data: ReportData;
  try {
    data = JSON.parse(document.getElementById(DATA_ELEMENT_ID)?.textContent ?? 'null') as ReportData;
    if (data === null || typeof data !== 'object') throw new Error('no report data in the page');
  } catch (error) {
    root.appendChild(el('p', { class: 'error' }, `This report's data could not be read: ${error instanceof Error ? error.message : String(error)}. Rewrite it with \`lmkg report <run-dir>\`.`));
    throw error;
  }
  document.title = `${data.title} · lmkg report`;

  const sections: Array<[string, string, HTMLElement]> = [];
  sections.push(['summary', 'Summary', summaryTable(data.summary)]);
  if (data.failures && data.failures.length > 0) sections.push(['failures', 'Failed cells', failuresList(data.failures)]);
  const graph = data.graphs.length > 0 || (data.parts?.cells.length ?? 0) > 0 ? graphSection(data) : null;
  if (graph) sections.push(['graph', 'Graph', graph.element]);
  if (data.timelines.length > 0) {
    sections.push(['timeline', 'Timeline', el('div', {}, ...data.timelines.map((t, i) => timelineSection(t, i)))]);
  }
  // a large study's page shows its summary first and draws the POS charts after that first frame
  const large = data.parts !== undefined || data.summary.length > LARGE_SUMMARY_ROWS;
  if (data.pos.length > 0) sections.push(['pos', 'Part of speech', large ? deferred(() => posSection(data, { smallChartsUpTo: SMALL_CHARTS_UP_TO })) : posSection(data)]);

  const { run } = data;
  root.append(
    el('header', { class: 'page-header' },
      el('h1', {}, data.title),
      el('p', { class: 'subtitle' },
        `${run.models.length} model${run.models.length === 1 ? '' : 's'}${run.timeline ? ' (a timeline of snapshots)' : ''} × `,
        `${run.datasets.length} dataset${run.datasets.length === 1 ? '' : 's'} × ${run.extractors.length} extractor${run.extractors.length === 1 ? '' : 's'}`),
      el('nav', {}, ...sections.map(([id, title]) => el('a', { href: `#${id}` }, title)))),
    ...sections.map(([id, title, content]) => el('section', { id }, el('h2', {}, title), content)),
    footer(data));

  fitChartTexts(root); // shorten any chart text the layout's estimate let cross its chart's edge
  requestAnimationFrame(() => {
    summaryShownAt = performance.now();
  });
  graph?.start();
  installHook(graph);
}

let summaryShownAt: number | null = null;

/** Above this many summary rows (or in a split report), charts wait for the first frame. */
const LARGE_SUMMARY_ROWS = 200;
/** In a large study, one small POS chart per model only for groups of at most this many models. */
const SMALL_CHARTS_UP_TO = 12;

/** A placeholder filled by `build` once the page has shown its first frame. */
function deferred(build: () => HTMLElement): HTMLElement {
  const holder = el('div', { class: 'deferred' }, el('p', { class: 'hint' }, 'Drawing…'));
  requestAnimationFrame(() => setTimeout(() => {
    holder.replaceChildren(build());
    fitChartTexts(holder);
  }, 0));
  return holder;
}

function failuresList(failures: NonNullable<ReportData['failures']>): HTMLElement {
  return el('div', {},
    el('p', { class: 'hint' }, `${failures.length} cell${failures.length === 1 ? '' : 's'} of this study failed; the summary and graphs show the others. Each cell's cell.json holds its error.`),
    el('ul', { class: 'failures' }, ...failures.map((f) => el('li', { 'data-dataset': f.dataset, 'data-model': f.model },
      el('strong', {}, `${f.dataset} × ${f.model}`), ': ', f.error))));
}

function footer(data: ReportData): HTMLElement {
  const list = (values: string[]): string => values.join(', ');
  return el('footer', { class: 'page-footer' },
    el('dl', {},
      el('dt', {}, 'lmkg version'), el('dd', { id: 'footer-version' }, data.lmkgVersion),
      el('dt', {}, 'created'), el('dd', { id: 'footer-created' }, data.createdAt),
      el('dt', {}, 'models'), el('dd', {}, list(data.run.models)),
      el('dt', {}, 'datasets'), el('dd', {}, list(data.run.datasets)),
      el('dt', {}, 'extractors'), el('dd', {}, list(data.run.extractors))),
    el('details', {}, el('summary', {}, 'Run arguments'), el('pre', { id: 'footer-args' }, JSON.stringify(data.run.args, null, 2))));
}

function installHook(graph: GraphHandle | null): void {
  const hook: ReportHook = {
    ready: true,
    firstRenderMs: () => graph?.firstRenderAt() ?? null,
    summaryShownMs: () => summaryShownAt,
    showGraph: (dataset, extractor, model) => graph?.show(dataset, extractor, model) ?? Promise.resolve(0),
    layoutMs: () => graph?.layoutMs() ?? 0,
    lastRenderMs: () => graph?.lastRenderMs() ?? 0,
    view: () => graph?.view() ?? null,
    nodeCount: () => graph?.graph()?.order ?? 0,
    edgeCount: () => graph?.graph()?.size ?? 0,
    nodeIds: () => graph?.graph()?.nodes() ?? [],
    edgeStatusCounts: () => {
      const counts = { both: 0, missed: 0, new: 0 };
      graph?.graph()?.forEachEdge((_edge, attributes) => {
        counts[attributes.status] += 1;
      });
      return counts;
    },
    snapshots: () => graph?.snapshots() ?? [],
    setSnapshot: (index) => graph?.setSnapshot(index),
    selectNode: (id) => graph?.selectNode(id),
    selectedNode: () => {
      const selection = graph?.selection();
      return selection?.kind === 'node' ? selection.id : null;
    },
    nodeScreenPosition: (id) => graph?.screenPosition(id) ?? null,
  };
  Object.defineProperty(window, '__lmkgReport', { value: Object.freeze(hook), writable: false, configurable: false });
}

main();
