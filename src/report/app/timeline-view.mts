/**
 * @file The timeline of a dataset over snapshots (epochs): facts acquired / forgotten / never per
 * snapshot as stacked bars (with the number correct at that snapshot as a line), metric-over-epoch
 * line charts, and the per-fact table (filter, search, pages).
 */
import type { FactStatus, TimelineView } from '../types.js';
import { chartFigure } from './charts/chart-figure.mjs';
import { lineChart, type LineSeries } from './charts/line-chart.mjs';
import { categoricalColour, FACT_COLOURS } from './charts/palette.mjs';
import { stackedBarChart } from './charts/stacked-bar-chart.mjs';
import { el, replace, select } from './dom.mjs';

const PAGE_SIZE = 50;
const STATUSES: FactStatus[] = ['acquired', 'forgotten', 'never'];
const METRIC_NAMES: Record<string, string> = {
  p1: 'P@1', pk: 'P@k', mrr: 'MRR', factF1: 'fact-triple F1 (per fact)', factP: 'fact-triple precision', factR: 'fact-triple recall',
  allTripleF1: 'all-triple F1 (the paper\'s graph)', tripleP: 'triple precision', tripleR: 'triple recall', tripleF1: 'triple F1',
  aed: 'AED', hed: 'HED', featherCosine: 'FEATHER cosine', featherEuclidean: 'FEATHER euclidean', posOverlap: 'POS overlap',
};

export function timelineSection(timeline: TimelineView, index: number): HTMLElement {
  const charts = el('div', { class: 'chart-grid' });
  charts.appendChild(chartFigure(stackedBarChart({
    title: `Facts over snapshots · ${timeline.dataset}`,
    categories: timeline.counts.map((c) => c.snapshot),
    stacks: STATUSES.map((status) => ({ name: status, colour: FACT_COLOURS[status], values: timeline.counts.map((c) => c[status]) })),
    line: { name: 'correct now', colour: FACT_COLOURS.correct, values: timeline.counts.map((c) => c.correct) },
  }), `facts-over-snapshots-${timeline.dataset}`, 'acquired = first correct at or before the snapshot and correct there; forgotten = correct before, wrong there; never = not yet correct.'));

  // the chance of a metric (its permutation-null mean and upper band) is drawn in the metric's own chart
  const keys = [...new Set(timeline.metrics.flatMap((m) => Object.keys(m.values)))].filter((key) => !/Chance(High)?$/.test(key));
  const extractors = [...new Set(timeline.metrics.map((m) => m.extractor ?? ''))];
  const valuesOf = (extractor: string, key: string) =>
    timeline.snapshots.map((snapshot) => timeline.metrics.find((m) => m.snapshot === snapshot && (m.extractor ?? '') === extractor)?.values[key] ?? null);
  for (const key of keys) {
    const series: LineSeries[] = extractors.map((extractor, i) => ({ name: extractor || key, colour: categoricalColour(i), values: valuesOf(extractor, key) }));
    for (const [i, extractor] of extractors.entries()) {
      const chance = valuesOf(extractor, `${key}ChanceHigh`);
      if (chance.some((v) => v !== null)) series.push({ name: `${extractor || key} chance`, colour: categoricalColour(i), values: chance, dashed: true });
    }
    charts.appendChild(chartFigure(lineChart({
      title: `${METRIC_NAMES[key] ?? key} over snapshots · ${timeline.dataset}`,
      xLabels: timeline.snapshots,
      series,
      yLabel: METRIC_NAMES[key] ?? key,
    }), `${key}-over-snapshots-${timeline.dataset}`));
  }
  return el('div', { class: 'timeline-block', 'data-timeline': index },
    el('h3', {}, `Dataset ${timeline.dataset} · ${timeline.snapshots.length} snapshots · ${timeline.facts.length} facts`),
    charts,
    factTable(timeline));
}

function factTable(timeline: TimelineView): HTMLElement {
  const tally = { acquired: 0, forgotten: 0, never: 0 };
  for (const fact of timeline.facts) tally[fact.status] += 1;
  const groups = [...new Set(timeline.facts.map((f) => f.group).filter((g): g is string => g !== undefined))];
  const statusSelect = select({ 'aria-label': 'fact status', class: 'fact-status' },
    [['', `all (${timeline.facts.length})`], ...STATUSES.map((s): [string, string] => [s, `${s} (${tally[s]})`])], '');
  const groupSelect = select({ 'aria-label': 'fact group', class: 'fact-group' }, [['', 'all groups'], ...groups.map((g): [string, string] => [g, g])], '');
  const search = el('input', { type: 'search', placeholder: 'Search fact, subject or gold…', 'aria-label': 'search facts', class: 'fact-search' });
  const previous = el('button', { type: 'button' }, '‹ previous');
  const next = el('button', { type: 'button' }, 'next ›');
  const position = el('span', { class: 'page-position' });
  const body = el('tbody');
  const hasPredicted = timeline.facts.some((f) => f.predicted !== undefined);
  const head = el('tr', {},
    el('th', { scope: 'col' }, 'Fact'), el('th', { scope: 'col' }, 'Subject'), el('th', { scope: 'col' }, 'Gold'),
    groups.length ? el('th', { scope: 'col' }, 'Group') : null,
    el('th', { scope: 'col' }, 'Status'), el('th', { scope: 'col' }, 'First correct'),
    ...timeline.snapshots.map((s) => el('th', { scope: 'col', class: 'snapshot-col', title: s }, s)));
  let page = 0;

  const filtered = (): TimelineView['facts'] => {
    const text = search.value.trim().toLowerCase();
    return timeline.facts.filter((f) => (statusSelect.value === '' || f.status === statusSelect.value)
      && (groupSelect.value === '' || f.group === groupSelect.value)
      && (text === '' || f.factId.toLowerCase().includes(text) || (f.subject ?? '').toLowerCase().includes(text) || f.gold.toLowerCase().includes(text)));
  };
  const draw = (): void => {
    const rows = filtered();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    replace(body, ...shown.map((fact) => el('tr', { 'data-fact': fact.factId, 'data-status': fact.status },
      el('td', { class: 'text' }, fact.factId),
      el('td', { class: 'text' }, fact.subject ?? '—'),
      el('td', { class: 'text' }, fact.gold),
      groups.length ? el('td', { class: 'text' }, fact.group ?? '') : null,
      el('td', {}, el('span', { class: `fact-badge fact-${fact.status}` }, fact.status)),
      el('td', { class: 'text' }, fact.firstCorrect === null ? '—' : timeline.snapshots[fact.firstCorrect] ?? String(fact.firstCorrect)),
      ...fact.correct.map((ok, s) => {
        const predicted = fact.predicted?.[s];
        const note = `${timeline.snapshots[s]}: ${ok ? 'correct' : 'wrong'}${predicted !== undefined ? ` (predicted ${predicted})` : ''}`;
        return el('td', { class: `cell-${ok ? 'ok' : 'wrong'} snapshot-cell`, 'data-correct': ok, title: note, 'aria-label': note },
          hasPredicted ? el('span', { class: 'predicted-word' }, predicted ?? '') : ok ? '✓' : '✗');
      }))));
    position.textContent = rows.length === 0 ? 'no facts match' : `facts ${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + shown.length} of ${rows.length}`;
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
  };
  for (const control of [statusSelect, groupSelect]) control.addEventListener('change', () => { page = 0; draw(); });
  search.addEventListener('input', () => { page = 0; draw(); });
  previous.addEventListener('click', () => { page -= 1; draw(); });
  next.addEventListener('click', () => { page += 1; draw(); });
  draw();
  return el('div', { class: 'fact-table-block' },
    el('h4', {}, 'Per-fact timeline'),
    el('div', { class: 'controls' }, statusSelect, groups.length ? groupSelect : null, search, previous, position, next),
    el('div', { class: 'table-scroll' }, el('table', { class: 'facts' }, el('thead', {}, head), body)),
    el('p', { class: 'note' }, hasPredicted ? 'Each snapshot cell shows the top-1 prediction: green = correct, red = wrong.' : 'Green ✓ = correct at that snapshot, red ✗ = wrong.'));
}
