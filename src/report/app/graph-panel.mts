/**
 * @file The side panel of the graph view: a node's triples, or one edge's triple, each with the
 * sentences it came from (masked, predicted, gold), the gold answer and the top-k predictions.
 */
import type { GraphView, GraphViewEdge, QueryView } from '../types.js';
import { STATUS_COLOURS } from './charts/palette.mjs';
import { el, replace } from './dom.mjs';
import { formatMetric } from './format.mjs';

const MAX_TRIPLES = 60;
const MAX_QUERIES_PER_TRIPLE = 3;
const STATUS_TEXT = { both: 'both', missed: 'missed (gold only)', new: 'new (predicted only)' } as const;

export interface PanelActions {
  /** Selects another node (from a subject or object link). */
  selectNode(id: string): void;
  /** The display label of a node id. */
  labelOf(id: string): string;
}

export function emptyPanel(panel: HTMLElement, view: GraphView | null): void {
  replace(panel,
    el('h3', {}, 'Details'),
    el('p', { class: 'hint' }, view
      ? 'Click a node or an edge to see its triples, the sentences they came from, the top-k predictions and the gold answer. Search an entity or filter a relation above.'
      : 'No graph for this selection.'));
}

export function nodePanel(panel: HTMLElement, view: GraphView, nodeId: string, edgeIndexes: number[], actions: PanelActions): void {
  const edges = edgeIndexes.map((i) => ({ edge: view.edges[i]!, index: i }));
  const order = { both: 0, missed: 1, new: 2 };
  edges.sort((a, b) => order[a.edge.status] - order[b.edge.status] || a.edge.relation.localeCompare(b.edge.relation) || a.index - b.index);
  const counts = { both: 0, missed: 0, new: 0 };
  for (const { edge } of edges) counts[edge.status] += 1;
  const list = el('ol', { class: 'triples' });
  edges.slice(0, MAX_TRIPLES).forEach(({ edge }, i) => list.appendChild(tripleItem(view, edge, actions, i === 0)));
  replace(panel,
    el('h3', { class: 'panel-title' }, actions.labelOf(nodeId)),
    el('p', { class: 'panel-meta' },
      `node id: `, el('code', {}, nodeId), ` · ${edges.length} triple${edges.length === 1 ? '' : 's'}: `,
      statusBadge('both', counts.both), ' ', statusBadge('missed', counts.missed), ' ', statusBadge('new', counts.new)),
    list,
    edges.length > MAX_TRIPLES ? el('p', { class: 'hint' }, `${edges.length - MAX_TRIPLES} more triples not listed.`) : null);
}

export function edgePanel(panel: HTMLElement, view: GraphView, edgeIndex: number, actions: PanelActions): void {
  const edge = view.edges[edgeIndex]!;
  replace(panel,
    el('h3', { class: 'panel-title' }, edge.relation),
    el('p', { class: 'panel-meta' }, 'edge · ', statusBadge(edge.status)),
    el('ol', { class: 'triples' }, tripleItem(view, edge, actions, true)));
}

function tripleItem(view: GraphView, edge: GraphViewEdge, actions: PanelActions, open: boolean): HTMLElement {
  const link = (id: string): HTMLElement => {
    const button = el('button', { type: 'button', class: 'node-link', title: 'show this node' }, actions.labelOf(id));
    button.addEventListener('click', () => actions.selectNode(id));
    return button;
  };
  const item = el('li', { class: `triple status-${edge.status}`, 'data-status': edge.status },
    el('div', { class: 'triple-line' },
      link(edge.source), el('span', { class: 'relation' }, ` —${edge.relation}→ `), link(edge.target), ' ', statusBadge(edge.status)));
  edge.queryIds.slice(0, MAX_QUERIES_PER_TRIPLE).forEach((id, i) => {
    const query = view.queries[id];
    if (query) item.appendChild(queryDetails(id, query, open && i === 0));
  });
  if (edge.queryIds.length > MAX_QUERIES_PER_TRIPLE) item.appendChild(el('p', { class: 'hint' }, `${edge.queryIds.length - MAX_QUERIES_PER_TRIPLE} more sentences.`));
  return item;
}

function queryDetails(id: string, query: QueryView, open: boolean): HTMLElement {
  const predictions = el('ol', { class: 'predictions' });
  for (const p of query.predictions) {
    const isGold = p.word === query.gold;
    predictions.appendChild(el('li', { class: isGold ? 'gold-hit' : null },
      el('span', { class: 'word' }, p.word), ' ', el('span', { class: 'prob' }, formatMetric(p.prob)), isGold ? ' ✓ gold' : null));
  }
  return el('details', { class: 'query', open },
    el('summary', {}, 'sentence ', el('code', {}, id)),
    el('dl', {},
      el('dt', {}, 'masked'), el('dd', { class: 'masked' }, query.maskedSentence),
      el('dt', {}, 'predicted'), el('dd', { class: 'predicted' }, query.predictedSentence),
      el('dt', {}, 'gold'), el('dd', { class: 'gold-sentence' }, query.goldSentence),
      el('dt', {}, 'gold answer'), el('dd', { class: 'gold' }, query.gold),
      el('dt', {}, `top-${query.predictions.length}`), el('dd', {}, predictions)));
}

export function statusBadge(status: GraphViewEdge['status'], count?: number): HTMLElement {
  return el('span', { class: `badge badge-${status}`, style: `--badge:${STATUS_COLOURS[status]}` },
    count === undefined ? STATUS_TEXT[status] : `${count} ${status}`);
}
