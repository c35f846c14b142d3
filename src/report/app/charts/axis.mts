/** @file Shared chart pieces: nice ticks, text styling that survives SVG export. */
import { svg, shorten } from '../dom.mjs';

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

/** A text element whose visible text may be shortened; the full text is its tooltip. */
export function label(text: string, attrs: Record<string, string | number>, max = 22): SVGTextElement {
  const shortened = shorten(text, max);
  const element = svg('text', { ...FONT, ...attrs }, shortened);
  if (shortened !== text) element.appendChild(svg('title', {}, text));
  return element;
}

/** White background and title shared by all charts. */
export function chartRoot(width: number, height: number, title: string): SVGSVGElement {
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart',
  });
  root.appendChild(svg('title', {}, title));
  root.appendChild(svg('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  root.appendChild(label(title, { x: width / 2, y: 18, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 'bold' }, 70));
  return root;
}

/** A legend as a row (or rows) of swatches under the title. Returns its height. */
export function legend(root: SVGSVGElement, items: Array<{ name: string; colour: string; dashed?: boolean }>, x: number, y: number, width: number): number {
  let cx = x;
  let cy = y;
  for (const item of items) {
    const w = Math.min(150, 24 + Math.min(item.name.length, 18) * 6.2);
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += 16;
    }
    root.appendChild(item.dashed
      ? svg('line', { x1: cx, x2: cx + 12, y1: cy - 4, y2: cy - 4, stroke: item.colour, 'stroke-width': 2, 'stroke-dasharray': '4 2', class: 'legend-swatch' })
      : svg('rect', { x: cx, y: cy - 8, width: 12, height: 9, fill: item.colour, class: 'legend-swatch' }));
    root.appendChild(label(item.name, { x: cx + 16, y: cy }, 18));
    cx += w;
  }
  return cy - y + 16;
}
