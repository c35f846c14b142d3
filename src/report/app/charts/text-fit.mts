/**
 * @file Text that fits its chart. Layout first: `textWidth` estimates a label's width from Arial's
 * advance widths (Helvetica and Liberation Sans share them), so the charts reserve room for their
 * labels and shorten what cannot fit. Then, once the page is laid out, `fitChartTexts` measures
 * every chart text in the browser and shortens whatever still crosses its chart's edge (a wider
 * fallback font), keeping the whole text as the element's tooltip.
 */
import { svg } from '../dom.mjs';

// Arial advance widths in 1/1000 em; other characters count as 600.
const WIDTHS: Record<string, number> = { ' ': 278, '.': 278, ',': 278, ':': 278, ';': 278, '-': 333, _: 556, '/': 278, '(': 333, ')': 333, '[': 278, ']': 278, '·': 333, '@': 1015, '…': 1000, "'": 191, '"': 355, '&': 667, '%': 889, '+': 584, '=': 584, '#': 556, '!': 278, '?': 556 };
for (const c of '0123456789abdeghnopqu') WIDTHS[c] = 556;
for (const c of 'cksvxyz') WIDTHS[c] = 500;
Object.assign(WIDTHS, { f: 278, i: 222, j: 222, l: 222, m: 833, r: 333, t: 278, w: 722 });
for (const c of 'ABEKPSVXY') WIDTHS[c] = 667;
for (const c of 'CDHNRU') WIDTHS[c] = 722;
Object.assign(WIDTHS, { F: 611, T: 611, Z: 611, G: 778, O: 778, Q: 778, I: 278, J: 500, L: 556, M: 833, W: 944 });

/** Estimated width in px of `text` at `fontSize` (bold about 8% wider), with a 4% margin. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const c of text) units += WIDTHS[c] ?? 600;
  return (units / 1000) * fontSize * (bold ? 1.08 : 1) * 1.04;
}

/** `text`, shortened with an ellipsis until its estimated width is at most `maxWidth`. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(`${chars.slice(0, mid).join('')}…`, fontSize, bold) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('')}…`;
}

/**
 * `text` shortened from its start (`…run/epoch-3`): at most `maxChars` characters and `maxWidth` px.
 * For names whose end tells them apart (snapshots of a run).
 */
export function fitTail(text: string, maxChars: number, maxWidth: number, fontSize: number): string {
  const chars = [...text];
  let keep = Math.min(chars.length, maxChars);
  const candidate = (n: number) => (n === chars.length ? text : `…${chars.slice(chars.length - n + 1).join('')}`);
  while (keep > 1 && textWidth(candidate(keep), fontSize) > maxWidth) keep -= 1;
  return candidate(keep);
}

/**
 * Measures every text of every `svg.chart` under `root` and shortens those that cross the chart's
 * box (the text's whole content stays in its <title>). Returns how many were shortened.
 */
export function fitChartTexts(root: ParentNode): number {
  let shortened = 0;
  for (const chart of root.querySelectorAll<SVGSVGElement>('svg.chart')) {
    const box = chart.getBoundingClientRect();
    if (box.width === 0) continue; // not displayed: nothing to measure
    const scale = Number(chart.getAttribute('width')) / box.width;
    for (const text of chart.querySelectorAll<SVGTextElement>('text')) {
      const node = [...text.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
      if (!node?.textContent) continue;
      const full = text.querySelector('title')?.textContent ?? node.textContent;
      if (crossing(text, box) * scale <= 0.5) continue;
      const chars = [...node.textContent.replace(/…$/, '')];
      let low = 0;
      let high = chars.length - 1;
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        node.textContent = `${chars.slice(0, mid).join('')}…`;
        if (crossing(text, box) * scale <= 0.5) low = mid;
        else high = mid - 1;
      }
      node.textContent = `${chars.slice(0, low).join('')}…`;
      if (!text.querySelector('title')) text.appendChild(svg('title', {}, full));
      shortened += 1;
    }
  }
  return shortened;
}

/** How far (screen px) a text's box reaches past the chart's box on its worst side. */
function crossing(text: SVGTextElement, box: DOMRect): number {
  const r = text.getBoundingClientRect();
  return Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom);
}
