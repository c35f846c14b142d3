/**
 * @file How the graph looks under a selection, a search and the filters: sigma's node and edge
 * reducers. Small graphs: a selection or search fades everything else (faded nodes shrink to dots,
 * since nodes are drawn above edges and would hide the selection's edges). Large graphs (more than
 * LARGE_GRAPH nodes): only the items concerned change, so graph-view.mts can ask sigma to re-read
 * just those (a partial refresh) instead of the whole graph.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeStatus } from '../types.js';
import type { EdgeAttributes, NodeAttributes, ViewGraph } from './graph-model.mjs';

export const LARGE_GRAPH = 3000;
const FADED = '#dedede';
const FADED_NODE_SIZE = 1.5;

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; key: string } | null;

export interface HighlightState {
  selection: Selection;
  /** Neighbours of the selected node. */
  neighbours: Set<string>;
  /** Nodes matching the search. */
  matches: Set<string>;
  /** Nodes left without a visible edge by the filters. */
  hiddenNodes: Set<string>;
  /** Relation filter ('' = all). */
  relation: string;
  statuses: Set<EdgeStatus>;
}

export function edgeVisible(state: HighlightState, attributes: EdgeAttributes): boolean {
  return state.statuses.has(attributes.status) && (state.relation === '' || attributes.relation === state.relation);
}

export function createReducers(state: HighlightState, currentGraph: () => ViewGraph): {
  nodeReducer: (node: string, attributes: NodeAttributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, attributes: EdgeAttributes) => Partial<EdgeDisplayData>;
} {
    // Small graphs: a selection or search fades everything else. Large graphs: only the items
  function nodeReducer(node: string, attributes: NodeAttributes): Partial<NodeDisplayData> {
    if (state.hiddenNodes.has(node)) return { ...attributes, hidden: true };
    const graph = currentGraph();
    const fade = graph.order <= LARGE_GRAPH;
    const selection = state.selection;
    if (selection?.kind === 'node') {
      if (node === selection.id) return { ...attributes, highlighted: true, forceLabel: true, zIndex: 2 };
      if (state.neighbours.has(node)) return { ...attributes, forceLabel: true, zIndex: 1 };
      if (fade) return { ...attributes, color: FADED, label: null, zIndex: 0, size: Math.min(attributes.size, FADED_NODE_SIZE) };
    } else if (selection?.kind === 'edge') {
      if (graph.hasExtremity(selection.key, node)) return { ...attributes, forceLabel: true, zIndex: 1 };
    }
    if (state.matches.size > 0) {
      if (state.matches.has(node)) return { ...attributes, highlighted: true, forceLabel: state.matches.size <= 50, zIndex: 1 };
      if (fade && selection === null) return { ...attributes, color: FADED, label: null, size: Math.min(attributes.size, FADED_NODE_SIZE) };
    }
    return attributes;
  }

  function edgeReducer(edge: string, attributes: EdgeAttributes): Partial<EdgeDisplayData> {
    if (!edgeVisible(state, attributes)) return { ...attributes, hidden: true };
    const graph = currentGraph();
    const fade = graph.order <= LARGE_GRAPH;
    const selection = state.selection;
    if (selection?.kind === 'node') {
      if (graph.hasExtremity(edge, selection.id)) return { ...attributes, size: attributes.size * 2.5, label: attributes.relation, zIndex: 1 };
      return fade ? { ...attributes, hidden: true } : attributes;
    }
    if (selection?.kind === 'edge') {
      if (edge === selection.key) return { ...attributes, size: attributes.size * 3, label: attributes.relation, zIndex: 1 };
      return fade ? { ...attributes, color: FADED } : attributes;
    }
    if (state.matches.size > 0 && fade) return { ...attributes, color: FADED };
    return attributes;
  }
  return { nodeReducer, edgeReducer };
}
