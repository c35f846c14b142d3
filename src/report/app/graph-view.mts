/**
 * @file The interactive graph view: predicted vs gold (both = green, missed = red, new = blue) drawn
 * by sigma.js (WebGL) on graphology; dataset / extractor / model selectors, a snapshot slider with
 * play for timelines (positions stay put across snapshots), entity search, relation and status
 * filters, and a side panel for the clicked node or edge.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { EdgeStatus, GraphView, ReportData } from '../types.js';
import { el, replace } from './dom.mjs';
import { graphControls } from './graph-controls.mjs';
import { createReducers, edgeVisible, LARGE_GRAPH, type Selection } from './graph-style.mjs';
import { buildViewGraph, groupKey, type EdgeAttributes, type NodeAttributes, type ViewGraph } from './graph-model.mjs';
import { createGraphStore } from './graph-store.mjs';
import { edgePanel, emptyPanel, nodePanel, type PanelActions } from './graph-panel.mjs';

const STATUSES: EdgeStatus[] = ['both', 'missed', 'new'];
const MAX_SEARCH_RESULTS = 20;
const PLAY_INTERVAL_MS = 1200;


/** What the test hook and the benchmark read (read-only, plus the same actions a user has). */
export interface GraphHandle {
  element: HTMLElement;
  /** Creates the renderer; call once the element is in the document (sigma needs its size). */
  start(): void;
  view(): { dataset: string; model: string; extractor: string } | null;
  graph(): ViewGraph | null;
  snapshots(): string[];
  setSnapshot(index: number): void;
  selectNode(id: string): void;
  selection(): Selection;
  screenPosition(id: string): { x: number; y: number } | null;
  layoutMs(): number;
  /** performance.now() when the first graph was drawn (ms since navigation start). */
  firstRenderAt(): number | null;
  /** Script time of sigma's last render (reducers, buffers, WebGL calls; not the GPU's own work). */
  lastRenderMs(): number;
  /** Shows a graph (loading its part first in a split report); resolves with ms until it is drawn. */
  show(dataset: string, extractor: string, model: string): Promise<number>;
}

export function graphSection(data: ReportData): GraphHandle {
  const order = (values: string[], preferred: string[]): string[] => {
    const unique = [...new Set(values)];
    return [...preferred.filter((p) => unique.includes(p)), ...unique.filter((u) => !preferred.includes(u))];
  };
  const store = createGraphStore(data);
  const datasets = order(store.entries.map((g) => g.dataset), data.run.datasets);
  const state = {
    dataset: datasets[0] ?? '',
    extractor: '',
    model: '',
    selection: null as Selection,
    neighbours: new Set<string>(),
    search: '',
    matches: new Set<string>(),
    relation: '',
    statuses: new Set<EdgeStatus>(STATUSES),
    hiddenNodes: new Set<string>(),
  };
  let view: GraphView | null = null;
  let graph: ViewGraph | null = null;
  let renderer: Sigma<NodeAttributes, EdgeAttributes> | null = null;
  let currentGroup = '';
  let layoutMs = 0;
  let firstRenderAt: number | null = null;
  let playTimer: number | null = null;
  let renderStart = 0;
  let lastRenderMs = 0;
  /** A graph or layout part is loading: render again when it arrives. */
  let pending = false;
  let drawnWaiters: Array<() => void> = [];

  const extractorsOf = (dataset: string): string[] => order(store.entries.filter((g) => g.dataset === dataset).map((g) => g.extractor), data.run.extractors);
  const modelsOf = (dataset: string, extractor: string): string[] =>
    order(store.entries.filter((g) => g.dataset === dataset && g.extractor === extractor).map((g) => g.model), data.run.models);
  const snapshots = (): string[] => {
    const models = modelsOf(state.dataset, state.extractor);
    const timeline = data.timelines.find((t) => t.dataset === state.dataset);
    if (timeline) return timeline.snapshots.filter((s) => models.includes(s));
    return data.run.timeline ? models : [];
  };
  state.extractor = extractorsOf(state.dataset)[0] ?? '';
  state.model = snapshots()[0] ?? modelsOf(state.dataset, state.extractor)[0] ?? '';

  const controls = graphControls(datasets, state.dataset, (status, on) => {
    if (on) state.statuses.add(status);
    else state.statuses.delete(status);
    applyFilters();
  });
  const {
    datasetSelect, extractorSelect, modelSelect, slider, sliderLabel, playButton, snapshotBar, searchInput, searchResults,
    relationSelect, statusCounts, resetButton, counts, container, message, panel, element,
  } = controls;

  const actions: PanelActions = {
    selectNode: (id) => selectNode(id, true),
    labelOf: (id) => (graph?.hasNode(id) ? graph.getNodeAttribute(id, 'label') : id),
  };

  function fillSelect(target: HTMLSelectElement, values: string[], selected: string): void {
    replace(target, ...values.map((v) => {
      const option = el('option', { value: v }, v);
      option.selected = v === selected;
      return option;
    }));
  }

  function syncControls(): void {
    datasetSelect.value = state.dataset;
    fillSelect(extractorSelect, extractorsOf(state.dataset), state.extractor);
    fillSelect(modelSelect, modelsOf(state.dataset, state.extractor), state.model);
    const shots = snapshots();
    snapshotBar.hidden = shots.length < 2;
    slider.max = String(Math.max(0, shots.length - 1));
    slider.value = String(Math.max(0, shots.indexOf(state.model)));
    sliderLabel.textContent = `${Math.max(0, shots.indexOf(state.model)) + 1} / ${shots.length}: ${state.model}`;
  }

  function render(): void {
    const loaded = store.graph(state.dataset, state.extractor, state.model);
    const group = store.layout(state.dataset, state.extractor);
    syncControls();
    if (loaded === undefined || group === undefined) {
      pending = store.failure() === null;
      message.hidden = false;
      message.textContent = store.failure() ?? 'Loading the graph…';
      return;
    }
    pending = false;
    view = loaded;
    const key = groupKey(state.dataset, state.extractor);
    layoutMs = group.ms;
    graph = view ? buildViewGraph(view, group.layout) : buildEmpty(group.layout);
    message.hidden = view !== null && view.nodes.length > 0;
    message.textContent = view ? 'This graph has no nodes.' : 'No graph for this dataset, extractor and model.';
    // keep the selection across snapshots when its node still exists
    if (state.selection?.kind === 'node' && !graph.hasNode(state.selection.id)) state.selection = null;
    if (state.selection?.kind === 'edge') state.selection = null;
    state.neighbours = state.selection?.kind === 'node' ? new Set(graph.neighbors(state.selection.id)) : new Set();
    fillRelations();
    updateSearch();
    computeHidden();
    if (renderer) {
      // the bounding box of the whole group keeps positions put; setGraph re-reads everything once
      renderer.setCustomBBox(group.bbox);
      renderer.setGraph(graph);
      if (key !== currentGroup) void renderer.getCamera().animatedReset({ duration: 0 });
    }
    currentGroup = key;
    updatePanel();
    updateCounts();
    if (renderer) {
      const waiters = drawnWaiters;
      drawnWaiters = [];
      requestAnimationFrame(() => {
        firstRenderAt ??= performance.now();
        waiters.forEach((waiter) => waiter());
      });
    }
  }
  store.onLoad(() => {
    if (pending) render();
  });

  /** Redraws after a change of highlight: the whole graph, or for large graphs only `items`. */
  function redraw(items?: { nodes: Iterable<string>; edges: Iterable<string> }): void {
    if (!renderer || !graph) return;
    if (items === undefined || graph.order <= LARGE_GRAPH) {
      renderer.scheduleRefresh();
      return;
    }
    renderer.scheduleRefresh({ partialGraph: { nodes: [...new Set(items.nodes)], edges: [...new Set(items.edges)] } });
  }

  /** The nodes and edges a node selection changes the look of. */
  function neighbourhood(selection: Selection): { nodes: string[]; edges: string[] } {
    if (!graph) return { nodes: [], edges: [] };
    if (selection?.kind === 'node' && graph.hasNode(selection.id)) {
      return { nodes: [selection.id, ...graph.neighbors(selection.id)], edges: graph.edges(selection.id) };
    }
    if (selection?.kind === 'edge' && graph.hasEdge(selection.key)) {
      return { nodes: graph.extremities(selection.key), edges: [selection.key] };
    }
    return { nodes: [], edges: [] };
  }

  function setSelection(selection: Selection): void {
    const before = neighbourhood(state.selection);
    state.selection = selection;
    state.neighbours = selection?.kind === 'node' && graph ? new Set(graph.neighbors(selection.id)) : new Set();
    const after = neighbourhood(selection);
    updatePanel();
    redraw({ nodes: [...before.nodes, ...after.nodes], edges: [...before.edges, ...after.edges] });
  }

  function buildEmpty(layout: Parameters<typeof buildViewGraph>[1]): ViewGraph {
    return buildViewGraph({ dataset: state.dataset, model: state.model, extractor: state.extractor, nodes: [], edges: [], queries: {} }, layout);
  }

  function fillRelations(): void {
    const tally = new Map<string, number>();
    for (const edge of view?.edges ?? []) tally.set(edge.relation, (tally.get(edge.relation) ?? 0) + 1);
    const relations = [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (!tally.has(state.relation)) state.relation = '';
    replace(relationSelect, el('option', { value: '' }, `All relations (${relations.length})`),
      ...relations.map(([relation, count]) => el('option', { value: relation }, `${relation} (${count})`)));
    relationSelect.value = state.relation;
  }



  function computeHidden(): void {
    state.hiddenNodes = new Set();
    if (!graph || (state.relation === '' && state.statuses.size === STATUSES.length)) return;
    const g = graph;
    g.forEachNode((node) => {
      let visible = false;
      g.forEachEdge(node, (_edge, attributes) => {
        if (!visible && edgeVisible(state, attributes)) visible = true;
      });
      if (!visible) state.hiddenNodes.add(node);
    });
  }

  function applyFilters(): void {
    computeHidden();
    updateCounts();
    redraw();
  }

  function updateCounts(): void {
    const tally = { both: 0, missed: 0, new: 0 };
    let visibleEdges = 0;
    graph?.forEachEdge((_edge, attributes) => {
      tally[attributes.status] += 1;
      if (edgeVisible(state, attributes)) visibleEdges += 1;
    });
    for (const status of STATUSES) statusCounts.get(status)!.textContent = String(tally[status]);
    const nodes = graph?.order ?? 0;
    const shown = nodes - state.hiddenNodes.size;
    counts.textContent = shown === nodes && visibleEdges === (graph?.size ?? 0)
      ? `${nodes} nodes · ${graph?.size ?? 0} edges`
      : `${shown} of ${nodes} nodes · ${visibleEdges} of ${graph?.size ?? 0} edges shown`;
  }

  /** Recomputes the search matches; returns the nodes whose highlight changed. */
  function updateSearch(): string[] {
    const previous = state.matches;
    state.matches = new Set();
    const query = state.search.trim().toLowerCase();
    const results: Array<[string, string]> = [];
    if (query && graph) {
      graph.forEachNode((node, attributes) => {
        if (attributes.label.toLowerCase().includes(query) || node.toLowerCase().includes(query)) {
          state.matches.add(node);
          if (results.length < MAX_SEARCH_RESULTS) results.push([node, attributes.label]);
        }
      });
    }
    replace(searchResults, ...results.map(([node, labelText]) => {
      const button = el('button', { type: 'button', 'data-node': node }, labelText);
      button.addEventListener('click', () => {
        selectNode(node, true);
        searchResults.hidden = true;
      });
      return el('li', {}, button);
    }));
    if (query && state.matches.size > results.length) searchResults.appendChild(el('li', { class: 'hint' }, `${state.matches.size - results.length} more matches`));
    if (query && state.matches.size === 0) searchResults.appendChild(el('li', { class: 'hint' }, 'no match'));
    searchResults.hidden = !query;
    return [...previous, ...state.matches];
  }

  function searchChanged(): void {
    const changed = updateSearch();
    // fading all other nodes (small graphs) or leaving them (large) changes every edge's look only when small
    redraw({ nodes: changed, edges: [] });
  }

  function selectNode(id: string, centre: boolean): void {
    if (!graph?.hasNode(id)) return;
    setSelection({ kind: 'node', id });
    if (centre && renderer) {
      const display = renderer.getNodeDisplayData(id);
      if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: Math.min(renderer.getCamera().getState().ratio, 0.5) }, { duration: 300 });
    }
  }

  function updatePanel(): void {
    const selection = state.selection;
    if (!view || !graph || selection === null) {
      emptyPanel(panel, view);
    } else if (selection.kind === 'node') {
      const indexes = graph.edges(selection.id).map((edge) => graph!.getEdgeAttribute(edge, 'index'));
      nodePanel(panel, view, selection.id, indexes, actions);
    } else {
      edgePanel(panel, view, graph.getEdgeAttribute(selection.key, 'index'), actions);
    }
  }

  const { nodeReducer, edgeReducer } = createReducers(state, () => graph!);

  function setSnapshot(index: number): void {
    const shots = snapshots();
    const model = shots[Math.max(0, Math.min(shots.length - 1, index))];
    if (model === undefined || model === state.model) return;
    state.model = model;
    render();
  }

  function stopPlaying(): void {
    if (playTimer !== null) window.clearInterval(playTimer);
    playTimer = null;
    playButton.textContent = 'Play';
  }

  // events
  datasetSelect.addEventListener('change', () => {
    stopPlaying();
    state.dataset = datasetSelect.value;
    state.extractor = extractorsOf(state.dataset).includes(state.extractor) ? state.extractor : extractorsOf(state.dataset)[0] ?? '';
    const models = modelsOf(state.dataset, state.extractor);
    if (!models.includes(state.model)) state.model = snapshots()[0] ?? models[0] ?? '';
    state.selection = null;
    render();
  });
  extractorSelect.addEventListener('change', () => {
    stopPlaying();
    state.extractor = extractorSelect.value;
    const models = modelsOf(state.dataset, state.extractor);
    if (!models.includes(state.model)) state.model = snapshots()[0] ?? models[0] ?? '';
    render();
  });
  modelSelect.addEventListener('change', () => {
    stopPlaying();
    state.model = modelSelect.value;
    render();
  });
  slider.addEventListener('input', () => {
    stopPlaying();
    setSnapshot(Number(slider.value));
  });
  playButton.addEventListener('click', () => {
    if (playTimer !== null) return stopPlaying();
    const shots = snapshots();
    if (shots.indexOf(state.model) >= shots.length - 1) setSnapshot(0);
    playButton.textContent = 'Pause';
    playTimer = window.setInterval(() => {
      const next = snapshots().indexOf(state.model) + 1;
      if (next >= snapshots().length) return stopPlaying();
      setSnapshot(next);
    }, PLAY_INTERVAL_MS);
  });
  let searchTimer: number | null = null;
  searchInput.addEventListener('input', () => {
    if (searchTimer !== null) window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(() => {
      state.search = searchInput.value;
      searchChanged();
    }, 120);
  });
  searchInput.addEventListener('focus', () => {
    searchResults.hidden = state.search.trim() === '';
  });
  searchInput.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') searchResults.hidden = true;
    if (event.key !== 'Enter') return;
    state.search = searchInput.value;
    searchChanged();
    const first = searchResults.querySelector('button[data-node]');
    if (first) {
      selectNode(first.getAttribute('data-node')!, true);
      searchResults.hidden = true;
    }
  });
  relationSelect.addEventListener('change', () => {
    state.relation = relationSelect.value;
    applyFilters();
  });
  resetButton.addEventListener('click', () => {
    state.search = '';
    searchInput.value = '';
    searchChanged();
    setSelection(null);
    void renderer?.getCamera().animatedReset({ duration: 300 });
  });

  function start(): void {
    // created on an empty graph: render() then sets the group's bounding box and the graph (one pass)
    const largest = store.entries.reduce((most, g) => Math.max(most, g.edges), 0);
    renderer = new Sigma<NodeAttributes, EdgeAttributes>(new MultiDirectedGraph<NodeAttributes, EdgeAttributes>(), container, {
      defaultEdgeType: 'arrow',
      enableEdgeEvents: true,
      // only edges given a label by the reducer (those of the selection) show one
      renderEdgeLabels: true,
      labelFont: 'Helvetica, Arial, sans-serif',
      labelSize: 12,
      labelColor: { color: '#222' },
      edgeLabelSize: 11,
      edgeLabelColor: { color: '#555' },
      zIndex: true,
      hideEdgesOnMove: largest > 5000,
      minCameraRatio: 0.01,
      maxCameraRatio: 5,
      nodeReducer,
      edgeReducer,
      allowInvalidContainer: true,
    });
    renderer.on('beforeRender', () => {
      renderStart = performance.now();
    });
    renderer.on('afterRender', () => {
      lastRenderMs = performance.now() - renderStart;
    });
    render();
    renderer.on('clickNode', ({ node }) => selectNode(node, false));
    renderer.on('clickEdge', ({ edge }) => setSelection({ kind: 'edge', key: edge }));
    renderer.on('clickStage', () => {
      if (state.selection !== null) setSelection(null);
    });
    renderer.on('enterNode', () => container.classList.add('pointer'));
    renderer.on('leaveNode', () => container.classList.remove('pointer'));
    renderer.on('enterEdge', () => container.classList.add('pointer'));
    renderer.on('leaveEdge', () => container.classList.remove('pointer'));
  }

  function show(dataset: string, extractor: string, model: string): Promise<number> {
    const started = performance.now();
    stopPlaying();
    state.dataset = dataset;
    state.extractor = extractor;
    state.model = model;
    state.selection = null;
    return new Promise((resolve) => {
      drawnWaiters.push(() => resolve(performance.now() - started));
      render();
    });
  }

  return {
    element,
    start,
    view: () => (view ? { dataset: view.dataset, model: view.model, extractor: view.extractor } : null),
    graph: () => graph,
    snapshots,
    setSnapshot: (index) => {
      stopPlaying();
      setSnapshot(index);
    },
    selectNode: (id) => selectNode(id, false),
    selection: () => state.selection,
    screenPosition: (id) => {
      const display = renderer?.getNodeDisplayData(id);
      if (!renderer || !display) return null;
      const point = renderer.framedGraphToViewport(display);
      const box = container.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
    layoutMs: () => layoutMs,
    firstRenderAt: () => firstRenderAt,
    lastRenderMs: () => lastRenderMs,
    show,
  };
}
