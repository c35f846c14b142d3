import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { embedJson } from '../../src/report/embed-json.js';
import { REPORT_DATA_ELEMENT_ID, renderReportHtml } from '../../src/report/render-report-html.js';
import { makeReportData, XSS, XSS_SUBJECT } from '../helpers/report-data.js';

test('embedJson: no string can close the script element or open a comment; JSON.parse reads it back', () => {
  const value = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: 'line\u2028sep\u2029', d: XSS };
  const text = embedJson(value);
  assert.equal(text, '{"a":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>","b":"\\u003c!-- x -->","c":"line\\u2028sep\\u2029","d":"\\u003cimg src=x onerror=alert(1)>"}');
  assert.ok(!text.includes('<'));
  assert.deepEqual(JSON.parse(text), value);
});

test('renderReportHtml: one self-contained page: two scripts (data + app), styles inline, nothing fetched', () => {
  const data = makeReportData({ nodes: 60, xss: true });
  const html = renderReportHtml(data);
  assert.ok(html.startsWith('<!doctype html>'));
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]);
  assert.deepEqual(scripts, [` type="application/json" id="${REPORT_DATA_ELEMENT_ID}"`, '']);
  assert.equal((html.match(/<\/script>/gi) ?? []).length, 2, 'no data string closes a script element');
  assert.doesNotMatch(html, /<script[^>]+src=|<link\b|@import|https?:\/\/(?!www\.w3\.org)/i);
  // the embedded data reads back exactly
  const json = html.slice(html.indexOf(`id="${REPORT_DATA_ELEMENT_ID}">`) + `id="${REPORT_DATA_ELEMENT_ID}">`.length, html.indexOf('</script>'));
  assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(data)));
  // hostile strings only inside the JSON, escaped
  assert.ok(!html.includes(XSS) && !html.includes(XSS_SUBJECT));
  // the CSP allows exactly the inlined app script, by hash
  const app = html.slice(html.lastIndexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>'));
  const hash = createHash('sha256').update(app, 'utf8').digest('base64');
  assert.match(html, new RegExp(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}';`));
  assert.ok(app.length > 50_000, 'the bundled app (sigma, graphology) is inlined');
});

test('renderReportHtml: data of the wrong shape is a DataFormatError naming the field', () => {
  const data = makeReportData({ nodes: 20 });
  (data.graphs[0]!.edges[0] as { status: string }).status = 'unknown';
  assert.throws(() => renderReportHtml(data), (error: unknown) => error instanceof DataFormatError && error.location.field === 'graphs[0].edges[0].status');
});
