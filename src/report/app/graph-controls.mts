/** @file The graph view's controls and panes (elements only; graph-view.mts wires them). */
import type { EdgeStatus } from '../types.js';
import { STATUS_COLOURS } from './charts/palette.mjs';
import { el, select } from './dom.mjs';

const STATUSES: EdgeStatus[] = ['both', 'missed', 'new'];
const STATUS_TITLES = { both: 'in predicted and gold', missed: 'in gold only', new: 'in predicted only' } as const;

export function graphControls(datasets: string[], dataset: string, onStatusToggle: (status: EdgeStatus, on: boolean) => void) {
  const datasetSelect = select({ 'aria-label': 'dataset', id: 'graph-dataset' }, datasets.map((d) => [d, d]), dataset);
  const extractorSelect = select({ 'aria-label': 'extractor', id: 'graph-extractor' }, [], undefined);
  const modelSelect = select({ 'aria-label': 'model', id: 'graph-model' }, [], undefined);
  const slider = el('input', { type: 'range', min: 0, max: 0, step: 1, value: 0, id: 'snapshot-slider', 'aria-label': 'snapshot' });
  const sliderLabel = el('output', { class: 'snapshot-name', for: 'snapshot-slider' });
  const playButton = el('button', { type: 'button', class: 'play' }, 'Play');
  const snapshotBar = el('div', { class: 'snapshot-bar' }, el('span', { class: 'control-label' }, 'Snapshot'), playButton, slider, sliderLabel);
  const searchInput = el('input', { type: 'search', placeholder: 'Search entity…', id: 'graph-search', 'aria-label': 'search entity', autocomplete: 'off' });
  const searchResults = el('ul', { class: 'search-results', id: 'search-results' });
  const relationSelect = select({ 'aria-label': 'relation', id: 'graph-relation' }, [['', 'All relations']], '');
  const statusCounts = new Map<EdgeStatus, HTMLElement>();
  const statusToggles = STATUSES.map((status) => {
    const box = el('input', { type: 'checkbox', checked: true, 'data-status': status });
    box.addEventListener('change', () => onStatusToggle(status, box.checked));
    const count = el('span', { class: 'count', 'data-status': status }, '0');
    statusCounts.set(status, count);
    return el('label', { class: `legend-item status-${status}`, title: STATUS_TITLES[status] },
      box, el('span', { class: 'swatch', style: `background:${STATUS_COLOURS[status]}` }), ` ${status} `, count);
  });
  const resetButton = el('button', { type: 'button' }, 'Reset view');
  const counts = el('span', { class: 'graph-counts', id: 'graph-counts' });
  const container = el('div', { class: 'sigma-container', id: 'graph-canvas' });
  const message = el('div', { class: 'graph-message', hidden: true });
  const panel = el('aside', { class: 'graph-panel', id: 'graph-panel', 'aria-live': 'polite' });
  const element = el('div', { class: 'graph-block' },
    el('div', { class: 'controls' },
      el('label', {}, el('span', { class: 'control-label' }, 'Dataset'), datasetSelect),
      el('label', {}, el('span', { class: 'control-label' }, 'Extractor'), extractorSelect),
      el('label', {}, el('span', { class: 'control-label' }, 'Model'), modelSelect),
      el('label', {}, el('span', { class: 'control-label' }, 'Relation'), relationSelect),
      el('span', { class: 'search-box' }, searchInput, searchResults)),
    snapshotBar,
    el('div', { class: 'controls legend' }, ...statusToggles, counts, resetButton),
    el('div', { class: 'graph-main' }, el('div', { class: 'graph-stage' }, container, message), panel));
  return {
    datasetSelect, extractorSelect, modelSelect, slider, sliderLabel, playButton, snapshotBar, searchInput, searchResults,
    relationSelect, statusCounts, resetButton, counts, container, message, panel, element,
  };
}
