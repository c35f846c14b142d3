/**
 * @file A radar (spider) chart like the paper's POS figures: one axis per tag, values in [0, 1]
 * (the spider value (100 - |predicted% - gold%|) / 100), one polygon per model or epoch. A missing
 * value (the tag is absent from gold) is drawn at 0 with a hollow marker and named in the tooltip.
 */
import { svg } from '../dom.mjs';
import { formatMetric } from '../format.mjs';
import { chartRoot, FONT, label, legend } from './axis.mjs';

export interface RadarSpec {
  title: string;
  axes: string[];
  series: Array<{ name: string; colour: string; values: Array<number | null> }>;
  /** Inner radius value: the paper's charts start near the values' floor so differences show. */
  min?: number;
  size?: number;
}

export function radarChart(spec: RadarSpec): SVGSVGElement {
  const size = spec.size ?? 360;
  const root = chartRoot(size, size + 20, spec.title);
  const legendHeight = spec.series.length > 1 ? legend(root, spec.series.map((s) => ({ name: s.name, colour: s.colour })), 14, 38, size - 28) : 0;
  const top = 38 + legendHeight;
  // room for the axis labels on every side
  const radius = Math.min((size + 20 - top - 40) / 2, size / 2 - 46);
  const cx = size / 2;
  const cy = top + radius + 14;
  const min = spec.min ?? 0;
  const n = spec.axes.length;
  const angle = (i: number): number => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i: number, v: number): [number, number] => {
    const r = (Math.max(0, (Math.min(1, v) - min) / (1 - min || 1))) * radius;
    return [cx + r * Math.cos(angle(i)), cy + r * Math.sin(angle(i))];
  };
  for (let ring = 1; ring <= 4; ring += 1) {
    const value = min + ((1 - min) * ring) / 4;
    const points = spec.axes.map((_, i) => at(i, value).map((c) => c.toFixed(2)).join(',')).join(' ');
    root.appendChild(svg('polygon', { points, fill: 'none', stroke: '#dddddd' }));
    root.appendChild(svg('text', { ...FONT, x: cx + 3, y: at(0, value)[1] - 2, 'font-size': 9, fill: '#888' }, value.toFixed(2)));
  }
  const absent = spec.axes.map((_, i) => spec.series.every((series) => series.values[i] === null));
  spec.axes.forEach((axis, i) => {
    const [x, y] = at(i, 1);
    root.appendChild(svg('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: '#dddddd' }));
    const lx = cx + (radius + 14) * Math.cos(angle(i));
    const ly = cy + (radius + 14) * Math.sin(angle(i)) + 4;
    const anchor = Math.abs(Math.cos(angle(i))) < 0.3 ? 'middle' : Math.cos(angle(i)) > 0 ? 'start' : 'end';
    root.appendChild(label(absent[i] ? `${axis} (n/a)` : axis, { x: lx, y: ly, 'text-anchor': anchor, 'font-size': 10, fill: absent[i] ? '#999' : '#333' }, 14));
  });
  for (const series of spec.series) {
    const points = series.values.map((v, i) => at(i, v ?? min).map((c) => c.toFixed(2)).join(',')).join(' ');
    root.appendChild(svg('polygon', { points, fill: series.colour, 'fill-opacity': spec.series.length > 1 ? 0.06 : 0.18, stroke: series.colour, 'stroke-width': 1.8, class: 'radar-series' }));
    series.values.forEach((v, i) => {
      const [x, y] = at(i, v ?? min);
      const dot = svg('circle', { cx: x, cy: y, r: 2.8, fill: v === null ? '#ffffff' : series.colour, stroke: series.colour });
      dot.appendChild(svg('title', {}, `${series.name} · ${spec.axes[i]}: ${v === null ? 'not in gold' : formatMetric(v)}`));
      root.appendChild(dot);
    });
  }
  return root;
}
