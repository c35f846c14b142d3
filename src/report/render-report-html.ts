/**
 * @file The report as one self-contained HTML page: the bundled app and its styles inlined, the
 * data embedded as JSON (see embed-json.ts), no network access (a Content-Security-Policy allows only
 * the inlined script, by its hash). The app builds the whole page with textContent/setAttribute, so
 * no string from the data is ever parsed as HTML.
 */
import { createHash } from 'node:crypto';
import { readAppAssets } from './app-assets.js';
import { embedJson } from './embed-json.js';
import type { ReportData } from './types.js';
import { validateReportData } from './validate-report-data.js';

/** The id of the `<script type="application/json">` element the app reads its data from. */
export const REPORT_DATA_ELEMENT_ID = 'lmkg-report-data';

/** The self-contained report HTML page for report data. */
export function renderReportHtml(data: ReportData): string {
  validateReportData(data, 'renderReportHtml(data)');
  const { script: rawScript, style } = readAppAssets();
  // a literal "</script" in the bundle would end the element early; "<\/script" means the same in JS
  const script = rawScript.replace(/<\/(script)/gi, '<\\/$1');
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    // a split report loads its parts (report-parts/*.js) with <script src>: scripts of its own folder
    `script-src 'sha256-${hash}'${data.parts ? " 'self'" : ''}`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<title>lmkg report</title>',
    `<style>${style.replace(/<\/(style)/gi, '<\\/$1')}</style>`,
    '</head>',
    '<body>',
    '<noscript>This report is drawn by JavaScript: open it in a browser with scripts enabled.</noscript>',
    '<div id="app"></div>',
    `<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">${embedJson(data)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
