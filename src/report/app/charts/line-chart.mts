/** @file Metric over snapshots (epochs): one line per series, gaps where a value is missing. */
import { svg } from '../dom.mjs';
import { formatMetric } from '../format.mjs';
import { chartRoot, FONT, label, legend, niceTicks, tickLabel, xLabel, xLabelLayout } from './axis.mjs';

export interface LineSeries {
  name: string;
  colour: string;
  values: Array<number | null>;
  /** Drawn dashed (a reference line such as a chance band). */
  dashed?: boolean;
}

export interface LineChartSpec {
  title: string;
  xLabels: string[];
  series: LineSeries[];
  yLabel?: string;
  width?: number;
  height?: number;
}

export function lineChart(spec: LineChartSpec): SVGSVGElement {
  const width = spec.width ?? 420;
  const height = spec.height ?? 300;
  const root = chartRoot(width, height, spec.title);
  const legendHeight = legend(root, spec.series.map((s) => ({ name: s.name, colour: s.colour, ...(s.dashed ? { dashed: true } : {}) })), 56, 38, width - 70);
  const { rotate, bottom, left } = xLabelLayout(spec.xLabels);
  const margin = { left, right: 18, top: 38 + legendHeight, bottom };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.min(0, ...values), values.length ? Math.max(...values) : 1);
  const yMin = ticks[0]!;
  const yMax = ticks[ticks.length - 1]!;
  const xAt = (i: number): number => margin.left + (spec.xLabels.length <= 1 ? plotW / 2 : (i * plotW) / (spec.xLabels.length - 1));
  const yAt = (v: number): number => margin.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;

  for (const t of ticks) {
    root.appendChild(svg('line', { x1: margin.left, x2: margin.left + plotW, y1: yAt(t), y2: yAt(t), stroke: '#e3e3e3' }));
    root.appendChild(svg('text', { ...FONT, x: margin.left - 6, y: yAt(t) + 4, 'text-anchor': 'end' }, tickLabel(t)));
  }
  root.appendChild(svg('line', { x1: margin.left, x2: margin.left + plotW, y1: margin.top + plotH, y2: margin.top + plotH, stroke: '#888' }));
  spec.xLabels.forEach((name, i) => root.appendChild(xLabel(name, xAt(i), margin.top + plotH + 14, rotate)));
  if (spec.yLabel) {
    const x = 14;
    const y = margin.top + plotH / 2;
    root.appendChild(label(spec.yLabel, { x, y, 'text-anchor': 'middle', transform: `rotate(-90 ${x} ${y})` }, 30, plotH));
  }
  for (const series of spec.series) {
    let path = '';
    let pen = false;
    series.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${xAt(i).toFixed(2)},${yAt(v).toFixed(2)}`;
      pen = true;
    });
    if (path) {
      root.appendChild(svg('path', {
        d: path, fill: 'none', stroke: series.colour, 'stroke-width': series.dashed ? 1.5 : 2, class: 'series-line',
        ...(series.dashed ? { 'stroke-dasharray': '5 4' } : {}),
      }));
    }
    series.values.forEach((v, i) => {
      if (v === null || series.dashed) return;
      const dot = svg('circle', { cx: xAt(i), cy: yAt(v), r: 3.5, fill: series.colour, class: 'series-point', 'data-value': String(v) });
      dot.appendChild(svg('title', {}, `${series.name} @ ${spec.xLabels[i] ?? i}: ${formatMetric(v)}`));
      root.appendChild(dot);
    });
  }
  return root;
}
