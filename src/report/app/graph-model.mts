/**
 * @file From a GraphView to the graphology graph sigma draws. Positions come from one layout per
 * dataset x extractor, computed over the union of all its snapshots' nodes and edges, so a node
 * keeps its place when the view switches between models or epochs.
 */
import { MultiDirectedGraph } from 'graphology';
import { computeLayout, type GraphLayout } from '../layout.js';
import type { EdgeStatus, GraphView, ReportData } from '../types.js';
import { STATUS_COLOURS } from './charts/palette.mjs';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
  /** Index in GraphView.nodes. */
  index: number;
  status: EdgeStatus;
  [key: string]: unknown;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  status: EdgeStatus;
  relation: string;
  /** Index in GraphView.edges. */
  index: number;
  [key: string]: unknown;
}

export type ViewGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export interface GroupLayout {
  layout: GraphLayout;
  bbox: { x: [number, number]; y: [number, number] };
  ms: number;
}

const layouts = new Map<string, GroupLayout>();

export function groupKey(dataset: string, extractor: string): string {
  return JSON.stringify([dataset, extractor]);
}

/** The shared layout of every graph of `dataset` x `extractor` (computed once, then cached). */
export function groupLayout(data: ReportData, dataset: string, extractor: string): GroupLayout {
  const key = groupKey(dataset, extractor);
  const cached = layouts.get(key);
  if (cached) return cached;
  const start = performance.now();
  const nodes = new Set<string>();
  const edges: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const view of data.graphs) {
    if (view.dataset !== dataset || view.extractor !== extractor) continue;
    for (const node of view.nodes) nodes.add(node.id);
    for (const edge of view.edges) {
      const pair = `${edge.source}\u0000${edge.target}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      edges.push([edge.source, edge.target]);
    }
  }
  const layout = computeLayout(nodes, edges);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < layout.ids.length; i += 1) {
    minX = Math.min(minX, layout.x[i]!);
    maxX = Math.max(maxX, layout.x[i]!);
    minY = Math.min(minY, layout.y[i]!);
    maxY = Math.max(maxY, layout.y[i]!);
  }
  if (!Number.isFinite(minX)) [minX, maxX, minY, maxY] = [0, 1, 0, 1];
  const result = { layout, bbox: { x: [minX, maxX] as [number, number], y: [minY, maxY] as [number, number] }, ms: performance.now() - start };
  layouts.set(key, result);
  return result;
}

/** Node colour: green when the node is in both graphs, red when only in gold, blue when only predicted. */
export function buildViewGraph(view: GraphView, layout: GraphLayout): ViewGraph {
  const graph: ViewGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const degree = new Map<string, number>();
  const inGold = new Set<string>();
  const inPredicted = new Set<string>();
  for (const edge of view.edges) {
    for (const end of [edge.source, edge.target]) {
      degree.set(end, (degree.get(end) ?? 0) + 1);
      if (edge.status !== 'new') inGold.add(end);
      if (edge.status !== 'missed') inPredicted.add(end);
    }
  }
  const large = view.nodes.length > 2000;
  view.nodes.forEach((node, index) => {
    const at = layout.index.get(node.id);
    const status: EdgeStatus = inGold.has(node.id) && inPredicted.has(node.id) ? 'both' : inGold.has(node.id) ? 'missed' : inPredicted.has(node.id) ? 'new' : 'both';
    graph.addNode(node.id, {
      x: at === undefined ? 0 : layout.x[at]!,
      y: at === undefined ? 0 : layout.y[at]!,
      size: Math.min(large ? 10 : 16, (large ? 1.5 : 3) + Math.sqrt(degree.get(node.id) ?? 0) * (large ? 0.8 : 1.6)),
      label: node.label,
      color: STATUS_COLOURS[status],
      index,
      status,
    });
  });
  view.edges.forEach((edge, index) => {
    graph.addDirectedEdgeWithKey(`e${index}`, edge.source, edge.target, {
      size: large ? 0.6 : 1.2,
      color: STATUS_COLOURS[edge.status],
      status: edge.status,
      relation: edge.relation,
      index,
    });
  });
  return graph;
}
