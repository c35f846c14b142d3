/**
 * @file A chart in a <figure> with SVG and PNG download buttons. SVG: the serialised element. PNG:
 * the SVG drawn on a canvas (drawImage) at 2x, then canvas.toBlob. Both work from file:// offline.
 */
import { el } from '../dom.mjs';
import { safeFileName } from '../format.mjs';

export function chartFigure(chart: SVGSVGElement, fileName: string, caption?: string): HTMLElement {
  const name = safeFileName(fileName);
  const svgButton = el('button', { type: 'button', class: 'download', 'data-format': 'svg' }, 'SVG');
  const pngButton = el('button', { type: 'button', class: 'download', 'data-format': 'png' }, 'PNG');
  svgButton.addEventListener('click', () => download(new Blob([serialise(chart)], { type: 'image/svg+xml' }), `${name}.svg`));
  pngButton.addEventListener('click', () => {
    toPng(chart).then((blob) => download(blob, `${name}.png`)).catch((error: unknown) => {
      console.error('PNG export failed', error);
    });
  });
  return el('figure', { class: 'chart-figure' },
    chart,
    el('figcaption', {}, caption ? el('span', { class: 'caption' }, caption) : null, el('span', { class: 'downloads' }, 'Download ', svgButton, ' ', pngButton)));
}

export function serialise(chart: SVGSVGElement): string {
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function toPng(chart: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(chart.getAttribute('width'));
  const height = Number(chart.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([serialise(chart)], { type: 'image/svg+xml' }));
  return new Promise<Blob>((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * scale;
      canvas.height = height * scale;
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('no 2D canvas context'));
        return;
      }
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png');
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the SVG could not be loaded as an image'));
    };
    image.src = url;
  });
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: fileName, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
