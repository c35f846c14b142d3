/**
 * @file The part-of-speech analysis as radar (spider) charts, as in the paper: per dataset x
 * extractor, one chart overlaying every model (or every epoch, coloured dark to light) and one small
 * chart per model. Values are the spider values (100 - |predicted% - gold%|) / 100.
 */
import type { PosView, ReportData } from '../types.js';
import { chartFigure } from './charts/chart-figure.mjs';
import { categoricalColour, sequentialColour } from './charts/palette.mjs';
import { radarChart } from './charts/radar-chart.mjs';
import { el } from './dom.mjs';
import { formatMetric } from './format.mjs';

/** `smallChartsUpTo`: draw one small chart per model only for groups of at most this many models (large studies). */
export function posSection(data: ReportData, options: { smallChartsUpTo?: number } = {}): HTMLElement {
  const groups = new Map<string, PosView[]>();
  for (const view of data.pos) {
    const key = JSON.stringify([view.dataset, view.extractor]);
    groups.set(key, [...(groups.get(key) ?? []), view]);
  }
  const block = el('div', { class: 'pos-block' });
  for (const views of groups.values()) {
    const modelOrder = data.run.models;
    views.sort((a, b) => rank(modelOrder, a.model) - rank(modelOrder, b.model));
    const first = views[0]!;
    const tags = first.tags;
    const colour = (i: number): string => (data.run.timeline ? sequentialColour(i, views.length) : categoricalColour(i));
    const values = views.flatMap((v) => tags.map((t) => v.spider[t] ?? null)).filter((v): v is number => v !== null);
    const min = values.length ? Math.max(0, Math.floor((Math.min(...values) - 0.05) * 10) / 10) : 0;
    const series = views.map((view, i) => ({
      name: `${view.model} (${formatMetric(view.overlap)})`,
      colour: colour(i),
      values: tags.map((t) => view.spider[t] ?? null),
    }));
    const what = data.run.timeline ? 'epoch' : 'model';
    const grid = el('div', { class: 'chart-grid' });
    grid.appendChild(chartFigure(radarChart({ title: `POS profile per ${what} · ${first.dataset} · ${first.extractor}`, axes: tags, series, min, size: 420 }),
      `pos-${first.dataset}-${first.extractor}-all`, `One polygon per ${what}; legend gives the POS overlap. Rings from ${min.toFixed(2)} to 1.`));
    const small = views.length <= (options.smallChartsUpTo ?? Infinity);
    if (!small) grid.appendChild(el('p', { class: 'hint' }, `${views.length} ${what}s: the chart above overlays them all (one small chart per ${what} is drawn for groups of up to ${options.smallChartsUpTo}).`));
    if (small) views.forEach((view, i) => {
      grid.appendChild(chartFigure(radarChart({ title: `${view.model} · ${view.extractor}`, axes: tags, series: [series[i]!], min, size: 270 }),
        `pos-${view.dataset}-${view.extractor}-${view.model}`, `POS overlap ${formatMetric(view.overlap)}`));
    });
    block.appendChild(el('div', { class: 'pos-group' }, el('h3', {}, `Dataset ${first.dataset} · extractor ${first.extractor}`), grid));
  }
  return block;
}

function rank(order: string[], model: string): number {
  const i = order.indexOf(model);
  return i === -1 ? order.length : i;
}
