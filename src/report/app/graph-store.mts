/**
 * @file Where the graph view gets its graphs and layouts. A single-file report has every graph in
 * its data (layouts computed here, once per dataset x extractor). A split report lists them in
 * `data.parts` and the store loads a part when it is first asked for: a `<script src>` of
 * `report-parts/<file>.js`, which calls `lmkgReportPart(file, payload)` (works from file:// and
 * over HTTP; no fetch). Asking is synchronous: `undefined` means "loading, `onLoad` will call back".
 */
import type { GraphLayout } from '../layout.js';
import type { CellPart, GraphView, LayoutPart, QueryView, ReportData } from '../types.js';
import { groupKey, groupLayout, type GroupLayout } from './graph-model.mjs';

export interface GraphEntry {
  dataset: string;
  model: string;
  extractor: string;
  nodes: number;
  edges: number;
}

export interface GraphStore {
  entries: GraphEntry[];
  /** The graph (null: none), or undefined while its part loads. */
  graph(dataset: string, extractor: string, model: string): GraphView | null | undefined;
  /** The group's layout, or undefined while its part loads. */
  layout(dataset: string, extractor: string): GroupLayout | undefined;
  /** Called once whenever a part finishes loading. */
  onLoad(listener: () => void): void;
  /** A part that failed to load, for the message shown in its place. */
  failure(): string | null;
}

declare global {
  interface Window {
    lmkgReportPart?: (file: string, payload: unknown) => void;
  }
}

const graphKey = (dataset: string, extractor: string, model: string): string => JSON.stringify([dataset, extractor, model]);

export function createGraphStore(data: ReportData): GraphStore {
  return data.parts ? splitStore(data) : singleStore(data);
}

function singleStore(data: ReportData): GraphStore {
  const graphs = new Map(data.graphs.map((g) => [graphKey(g.dataset, g.extractor, g.model), g]));
  return {
    entries: data.graphs.map((g) => ({ dataset: g.dataset, model: g.model, extractor: g.extractor, nodes: g.nodes.length, edges: g.edges.length })),
    graph: (dataset, extractor, model) => graphs.get(graphKey(dataset, extractor, model)) ?? null,
    layout: (dataset, extractor) => groupLayout(data, dataset, extractor),
    onLoad: () => {},
    failure: () => null,
  };
}

function splitStore(data: ReportData): GraphStore {
  const parts = data.parts!;
  const fileOf = new Map<string, string>();
  const entries: GraphEntry[] = [];
  for (const cell of parts.cells) {
    for (const g of cell.graphs) {
      fileOf.set(graphKey(g.dataset, g.extractor, g.model), cell.file);
      entries.push(g);
    }
  }
  const layoutFileOf = new Map(parts.layouts.map((l) => [groupKey(l.dataset, l.extractor), l.file]));
  const graphs = new Map<string, GraphView>();
  const layouts = new Map<string, GroupLayout>();
  const requested = new Set<string>();
  const listeners: Array<() => void> = [];
  let failed: string | null = null;

  window.lmkgReportPart = (file, payload) => {
    if (file.startsWith('cell-')) {
      for (const view of cellGraphs(payload as CellPart)) graphs.set(graphKey(view.dataset, view.extractor, view.model), view);
    } else {
      const group = parts.layouts.find((l) => l.file === file);
      if (group) layouts.set(groupKey(group.dataset, group.extractor), layoutOf(payload as LayoutPart));
    }
  };
  const load = (file: string): void => {
    if (requested.has(file)) return;
    requested.add(file);
    const script = document.createElement('script');
    script.src = `${parts.folder}/${file}`;
    script.addEventListener('load', () => listeners.forEach((listener) => listener()));
    script.addEventListener('error', () => {
      failed = `${parts.folder}/${file} could not be loaded: keep report.html beside its ${parts.folder} folder, or serve it with \`lmkg report <run-dir> --serve\``;
      listeners.forEach((listener) => listener());
    });
    document.head.appendChild(script);
  };
  return {
    entries,
    graph(dataset, extractor, model) {
      const key = graphKey(dataset, extractor, model);
      const file = fileOf.get(key);
      if (file === undefined) return null;
      const view = graphs.get(key);
      if (view) return view;
      load(file);
      return undefined;
    },
    layout(dataset, extractor) {
      const key = groupKey(dataset, extractor);
      const cached = layouts.get(key);
      if (cached) return cached;
      const file = layoutFileOf.get(key);
      if (file === undefined) return emptyLayout();
      load(file);
      return undefined;
    },
    onLoad: (listener) => listeners.push(listener),
    failure: () => failed,
  };
}

/** The graphs of a cell part, with their queries rebuilt from its string table. */
function cellGraphs(part: CellPart): GraphView[] {
  const queries: Record<string, QueryView> = {};
  for (const [id, [masked, predicted, gold, answer, top]] of Object.entries(part.queries)) {
    queries[id] = {
      maskedSentence: part.strings[masked]!, predictedSentence: part.strings[predicted]!, goldSentence: part.strings[gold]!, gold: part.strings[answer]!,
      predictions: top.map(([word, prob]) => ({ word: part.strings[word]!, prob })),
    };
  }
  return part.graphs.map((graph) => {
    const own: Record<string, QueryView> = {};
    for (const edge of graph.edges) for (const id of edge.queryIds) if (queries[id]) own[id] = queries[id];
    return { ...graph, queries: own };
  });
}

function layoutOf(part: LayoutPart): GroupLayout {
  const layout: GraphLayout = {
    ids: part.ids, x: Float64Array.from(part.x), y: Float64Array.from(part.y), index: new Map(part.ids.map((id, i) => [id, i])), components: 0, forcedComponents: 0,
  };
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < part.ids.length; i += 1) {
    minX = Math.min(minX, part.x[i]!);
    maxX = Math.max(maxX, part.x[i]!);
    minY = Math.min(minY, part.y[i]!);
    maxY = Math.max(maxY, part.y[i]!);
  }
  if (!Number.isFinite(minX)) [minX, maxX, minY, maxY] = [0, 1, 0, 1];
  return { layout, bbox: { x: [minX, maxX], y: [minY, maxY] }, ms: 0 };
}

function emptyLayout(): GroupLayout {
  return { layout: { ids: [], x: new Float64Array(), y: new Float64Array(), index: new Map(), components: 0, forcedComponents: 0 }, bbox: { x: [0, 1], y: [0, 1] }, ms: 0 };
}
