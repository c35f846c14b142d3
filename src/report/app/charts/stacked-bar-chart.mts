/** @file Counts per snapshot as stacked bars (e.g. acquired / forgotten / never), with an optional line on top. */
import { svg } from '../dom.mjs';
import { chartRoot, FONT, legend, niceTicks, tickLabel, xLabel, xLabelLayout } from './axis.mjs';

export interface StackedBarSpec {
  title: string;
  categories: string[];
  stacks: Array<{ name: string; colour: string; values: number[] }>;
  line?: { name: string; colour: string; values: number[] };
  width?: number;
  height?: number;
}

export function stackedBarChart(spec: StackedBarSpec): SVGSVGElement {
  const width = spec.width ?? 420;
  const height = spec.height ?? 300;
  const root = chartRoot(width, height, spec.title);
  const items = spec.stacks.map((s) => ({ name: s.name, colour: s.colour }));
  if (spec.line) items.push({ name: spec.line.name, colour: spec.line.colour });
  const legendHeight = legend(root, items, 56, 38, width - 70);
  const { rotate, bottom, left } = xLabelLayout(spec.categories);
  const margin = { left, right: 18, top: 38 + legendHeight, bottom };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const totals = spec.categories.map((_, i) => spec.stacks.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const ticks = niceTicks(0, Math.max(1, ...totals, ...(spec.line?.values ?? [])));
  const yMax = ticks[ticks.length - 1]!;
  const yAt = (v: number): number => margin.top + plotH - (v / yMax) * plotH;
  const band = plotW / Math.max(1, spec.categories.length);
  const barW = Math.min(48, band * 0.7);

  for (const t of ticks) {
    root.appendChild(svg('line', { x1: margin.left, x2: margin.left + plotW, y1: yAt(t), y2: yAt(t), stroke: '#e3e3e3' }));
    root.appendChild(svg('text', { ...FONT, x: margin.left - 6, y: yAt(t) + 4, 'text-anchor': 'end' }, tickLabel(t)));
  }
  spec.categories.forEach((category, i) => {
    const cx = margin.left + band * (i + 0.5);
    let base = 0;
    for (const stack of spec.stacks) {
      const value = stack.values[i] ?? 0;
      const bar = svg('rect', {
        x: cx - barW / 2, y: yAt(base + value), width: barW, height: Math.max(0, yAt(base) - yAt(base + value)),
        fill: stack.colour, class: 'bar', 'data-series': stack.name, 'data-value': value,
      });
      bar.appendChild(svg('title', {}, `${stack.name} @ ${category}: ${value}`));
      root.appendChild(bar);
      base += value;
    }
    root.appendChild(xLabel(category, cx, margin.top + plotH + 14, rotate));
  });
  root.appendChild(svg('line', { x1: margin.left, x2: margin.left + plotW, y1: yAt(0), y2: yAt(0), stroke: '#888' }));
  if (spec.line) {
    const points = spec.line.values.map((v, i) => `${(margin.left + band * (i + 0.5)).toFixed(2)},${yAt(v).toFixed(2)}`);
    root.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: spec.line.colour, 'stroke-width': 2, 'stroke-dasharray': '5 3' }));
    spec.line.values.forEach((v, i) => {
      const dot = svg('circle', { cx: margin.left + band * (i + 0.5), cy: yAt(v), r: 3.5, fill: spec.line!.colour });
      dot.appendChild(svg('title', {}, `${spec.line!.name} @ ${spec.categories[i] ?? i}: ${v}`));
      root.appendChild(dot);
    });
  }
  return root;
}
