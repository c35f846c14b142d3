/** @file Shared chart pieces: nice ticks, text styling that survives SVG export. */
import { svg, shorten } from '../dom.mjs';
import { fitTail, fitText, textWidth } from './text-fit.mjs';

/** Text attributes set on each element (not CSS), so a downloaded SVG looks the same. */
export const FONT = { 'font-family': 'Helvetica, Arial, sans-serif', 'font-size': 11, fill: '#333' } as const;

/** About `count` round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

export function tickLabel(value: number): string {
  return Math.abs(value) >= 1000 || Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

/**
 * A text element whose visible text may be shortened (to `max` characters, and to `maxWidth` px
 * when given); the full text is its tooltip.
 */
export function label(text: string, attrs: Record<string, string | number>, max = 22, maxWidth?: number): SVGTextElement {
  const size = Number(attrs['font-size'] ?? FONT['font-size']);
  const bold = attrs['font-weight'] === 'bold';
  const shortened = maxWidth === undefined ? shorten(text, max) : fitText(shorten(text, max), maxWidth, size, bold);
  const element = svg('text', { ...FONT, ...attrs }, shortened);
  if (shortened !== text) element.appendChild(svg('title', {}, text));
  return element;
}

/** Longest x label, in px, before it is shortened (rotated labels). */
export const X_LABEL_MAX_WIDTH = 110;

/**
 * How x labels are drawn under a plot: level when there are few short ones, else rotated by -40°
 * (anchored at their end). Rotated labels reach down and to the left of their tick; the margins
 * returned make room for the longest one and for the first one, so none crosses the chart's edge.
 */
export function xLabelLayout(labels: readonly string[]): { rotate: boolean; bottom: number; left: number } {
  const rotate = labels.length > 6 || labels.some((l) => l.length > 8);
  if (!rotate) return { rotate, bottom: 40, left: 56 };
  const size = FONT['font-size'];
  const widths = labels.map((l) => textWidth(fitTail(l, 18, X_LABEL_MAX_WIDTH, size), size));
  const angle = (40 * Math.PI) / 180;
  return {
    rotate,
    bottom: Math.max(40, Math.ceil(14 + Math.max(...widths) * Math.sin(angle) + size + 6)),
    left: Math.max(56, Math.ceil((widths[0] ?? 0) * Math.cos(angle) + 10)),
  };
}

/**
 * An x label at (x, y): level and centred, or rotated (see xLabelLayout). A long one keeps its end
 * (`…run/epoch-3`), which is what tells snapshots apart; the whole name is its tooltip.
 */
export function xLabel(text: string, x: number, y: number, rotate: boolean): SVGTextElement {
  const shown = fitTail(text, 18, X_LABEL_MAX_WIDTH, FONT['font-size']);
  const attrs = rotate ? { x, y, 'text-anchor': 'end', transform: `rotate(-40 ${x} ${y})` } : { x, y, 'text-anchor': 'middle' };
  const element = svg('text', { ...FONT, ...attrs }, shown);
  if (shown !== text) element.appendChild(svg('title', {}, text));
  return element;
}

/** White background and title shared by all charts. */
export function chartRoot(width: number, height: number, title: string): SVGSVGElement {
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart',
  });
  root.appendChild(svg('title', {}, title));
  root.appendChild(svg('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  root.appendChild(label(title, { x: width / 2, y: 18, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 'bold' }, 200, width - 16));
  return root;
}

/** A legend as a row (or rows) of swatches under the title. Returns its height. */
export function legend(root: SVGSVGElement, items: Array<{ name: string; colour: string; dashed?: boolean }>, x: number, y: number, width: number): number {
  let cx = x;
  let cy = y;
  const size = FONT['font-size'];
  for (const item of items) {
    const name = fitText(shorten(item.name, 18), width - 16, size);
    const w = 16 + textWidth(name, size) + 10;
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += 16;
    }
    root.appendChild(item.dashed
      ? svg('line', { x1: cx, x2: cx + 12, y1: cy - 4, y2: cy - 4, stroke: item.colour, 'stroke-width': 2, 'stroke-dasharray': '4 2', class: 'legend-swatch' })
      : svg('rect', { x: cx, y: cy - 8, width: 12, height: 9, fill: item.colour, class: 'legend-swatch' }));
    root.appendChild(label(item.name, { x: cx + 16, y: cy }, 18, width - 16));
    cx += w;
  }
  return cy - y + 16;
}
