/**
 * @file A radar (spider) chart like the paper's POS figures: one axis per tag, values in [0, 1]
 * (the spider value (100 - |predicted% - gold%|) / 100), one polygon per model or epoch. A missing
 * value (the tag is absent from gold) is drawn at 0 with a hollow marker and named in the tooltip.
 */
import { shorten, svg } from '../dom.mjs';
import { formatMetric } from '../format.mjs';
import { chartRoot, FONT, label, legend } from './axis.mjs';
import { textWidth } from './text-fit.mjs';

export interface RadarSpec {
  title: string;
  axes: string[];
  series: Array<{ name: string; colour: string; values: Array<number | null> }>;
  /** Inner radius value: the paper's charts start near the values' floor so differences show. */
  min?: number;
  size?: number;
}

const LABEL_SIZE = 10;
const LABEL_GAP = 14; // from the outer ring to the label's anchor
const EDGE = 4; // labels keep this far from the chart's edge

export function radarChart(spec: RadarSpec): SVGSVGElement {
  const size = spec.size ?? 360;
  const height = size + 20;
  const root = chartRoot(size, height, spec.title);
  const legendHeight = spec.series.length > 1 ? legend(root, spec.series.map((s) => ({ name: s.name, colour: s.colour })), 14, 38, size - 28) : 0;
  const top = 38 + legendHeight;
  const n = spec.axes.length;
  const angle = (i: number): number => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const absent = spec.axes.map((_, i) => spec.series.every((series) => series.values[i] === null));
  const names = spec.axes.map((axis, i) => shorten(absent[i] ? `${axis} (n/a)` : axis, 14));
  const anchorOf = (i: number): 'start' | 'middle' | 'end' => (Math.abs(Math.cos(angle(i))) < 0.3 ? 'middle' : Math.cos(angle(i)) > 0 ? 'start' : 'end');
  // The largest radius, and the centre, at which every label (at its estimated width) stays inside
  // the chart: wide labels on one side move the centre to the other. A label too wide even for the
  // smallest radius is shortened to the room it has.
  const widths = names.map((name) => textWidth(name, LABEL_SIZE));
  const extents = (r: number, i: number): [number, number] => {
    const dx = (r + LABEL_GAP) * Math.cos(angle(i));
    const w = widths[i]!;
    const anchor = anchorOf(i);
    return anchor === 'start' ? [dx, dx + w] : anchor === 'end' ? [dx - w, dx] : [dx - w / 2, dx + w / 2];
  };
  const centreFor = (r: number): number | null => {
    let low = EDGE + r;
    let high = size - EDGE - r;
    names.forEach((_, i) => {
      const [left, right] = extents(r, i);
      low = Math.max(low, EDGE - left);
      high = Math.min(high, size - EDGE - right);
    });
    return low <= high ? (low + high) / 2 : null;
  };
  const smallest = size * 0.18;
  let radius = Math.max(smallest, (height - top - 2 * LABEL_GAP - LABEL_SIZE - 2 * EDGE - 6) / 2);
  if (centreFor(radius) === null) {
    let low = smallest;
    let high = radius;
    for (let step = 0; step < 24; step += 1) {
      const mid = (low + high) / 2;
      if (centreFor(mid) === null) high = mid;
      else low = mid;
    }
    radius = low;
  }
  const cx = centreFor(radius) ?? size / 2;
  const cy = top + LABEL_SIZE + LABEL_GAP + radius;
  const min = spec.min ?? 0;
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
  spec.axes.forEach((axis, i) => {
    const [x, y] = at(i, 1);
    root.appendChild(svg('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: '#dddddd' }));
    const lx = cx + (radius + LABEL_GAP) * Math.cos(angle(i));
    const ly = cy + (radius + LABEL_GAP) * Math.sin(angle(i)) + 4;
    const anchor = anchorOf(i);
    const room = anchor === 'start' ? size - EDGE - lx : anchor === 'end' ? lx - EDGE : 2 * Math.min(lx - EDGE, size - EDGE - lx);
    const full = absent[i] ? `${axis} (n/a)` : axis;
    root.appendChild(label(full, { x: lx, y: ly, 'text-anchor': anchor, 'font-size': LABEL_SIZE, fill: absent[i] ? '#999' : '#333' }, 14, room));
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
