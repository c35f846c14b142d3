/**
 * @file End to end: `runStudy` on a small real grid (two tiny models made by model init, a dataset
 * file whose subject and gold object are HTML, two extractors), then its report.html opened from
 * file:// in headless Chromium. Fails on console errors and page exceptions only (software WebGL
 * logs GL and deprecation warnings). Saves test-artifacts/run-report.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openReport } from '../helpers/browser.js';
import { runStudy, type CellMetrics } from '../../src/run/index.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { makeTinyModels } from '../helpers/tiny-models.js';
import { tempDir } from '../helpers/tmp.js';

const XSS = '<img src=x onerror=alert(1)>';
const XSS_GOLD = '<script>alert(2)</script>';

let browser: Browser;
let page: Page;
let out: string;
let problems: string[] = [];
let dialogs: string[] = [];

function googleReFile(dir: string): string {
  const facts: Array<[string, string, string]> = [
    [XSS, XSS_GOLD, `${XSS} was born in [MASK] .`],
    ['Allan Dwan', 'Toronto', 'Allan Dwan was born in [MASK] , Ontario .'],
    ['Marie Curie', 'Warsaw', 'Marie Curie was born in [MASK] and worked in Paris .'],
    ['Ada Lovelace', 'London', 'Ada Lovelace was born in [MASK] in 1815 .'],
    ['Frida Kahlo', 'Coyoacan', 'The painter Frida Kahlo was born in [MASK] .'],
  ];
  const file = join(dir, 'xss-births.jsonl');
  writeFileSync(file, facts.map(([subject, gold, sentence], i) => JSON.stringify({
    pred: '/people/person/place_of_birth', sub: `/m/s${i}`, obj: `/m/o${i}`, sub_label: subject, obj_label: gold, uuid: `fact-${i}`,
    evidences: [{ url: `http://example.org/${i}`, snippet: sentence.replace('[MASK]', gold) }], judgments: [{ rater: '1', judgment: 'yes' }],
    masked_sentences: [sentence],
  })).join('\n'));
  return file;
}

before(async () => {
  const dir = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  await makeTinyModels(dir);
  out = join(dir, 'run');
  const result = await runStudy({
    models: [join(dir, 'models')], datasets: [`file:${googleReFile(dir)}`, 're-place-birth'], extractors: ['lama', 'svo-plus'], out,
    limit: 15, bootstrap: 20, nlp: { trainLimit: 2000 },
  });
  assert.equal(result.complete, true);
  const opened = await openReport(join(out, 'report.html'));
  ({ browser, page } = opened);
  problems = opened.problems;
  dialogs = opened.dialogs;
});

after(async () => {
  await browser?.close();
});

function cellMetrics(dataset: string, model: string, extractor: string): CellMetrics {
  const folder = dataset.startsWith('file:') ? dataset.replace(/\//g, '__').replace(/[^A-Za-z0-9._-]/g, '_') : dataset;
  return JSON.parse(readFileSync(join(out, folder, model, extractor, 'metrics.json'), 'utf8')) as CellMetrics;
}

test('report of a real run: the summary table shows exactly what metrics.json holds', async () => {
  const rows = await page.$$eval('#summary tbody tr', (trs) => trs.map((tr) => Object.fromEntries(
    [...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-field'), td.getAttribute('data-value')]))));
  const data = JSON.parse(readFileSync(join(out, 'report-data.json'), 'utf8')) as { run: { datasets: string[] } };
  assert.equal(rows.length, 2 * 2 * 2);
  for (const row of rows) {
    const dataset = data.run.datasets.find((d) => d === row.dataset)!;
    const { summary } = cellMetrics(dataset, row.model!, row.extractor!);
    for (const field of ['facts', 'p1', 'pk', 'mrr', 'tripleP', 'tripleR', 'tripleF1', 'nodes', 'edges', 'aed', 'hed', 'featherCosine', 'featherEuclidean', 'posOverlap'] as const) {
      const expected = summary[field] === null ? '' : String(summary[field]);
      assert.equal(row[field], expected, `${row.dataset} ${row.model} ${row.extractor} ${field}`);
    }
  }
});

test('report of a real run: the graph has the cell\'s nodes; a click on a node shows its triples; the slider moves to the next snapshot', async () => {
  const view = await page.evaluate<{ dataset: string; model: string; extractor: string }>('window.__lmkgReport.view()');
  const graph = JSON.parse(readFileSync(join(out, cellDir(view), 'graph-view.json'), 'utf8')) as { nodes: Array<{ id: string; label: string }>; edges: Array<{ source: string; target: string }> };
  assert.equal(await page.evaluate<number>('window.__lmkgReport.nodeCount()'), graph.nodes.length);
  assert.ok(graph.nodes.length > 0);
  await page.locator('#graph-canvas').scrollIntoViewIfNeeded();
  const box = (await page.locator('#graph-canvas').boundingBox())!;
  const positions = await page.evaluate<Array<[string, { x: number; y: number } | null]>>(
    'window.__lmkgReport.nodeIds().map((id) => [id, window.__lmkgReport.nodeScreenPosition(id)])');
  let best: { id: string; x: number; y: number; gap: number } | null = null;
  for (const [id, p] of positions) {
    if (!p || p.x < box.x + 20 || p.x > box.x + box.width - 20 || p.y < box.y + 20 || p.y > box.y + box.height - 20) continue;
    if (!graph.edges.some((e) => e.source === id || e.target === id)) continue;
    let gap = Infinity;
    for (const [other, q] of positions) if (other !== id && q) gap = Math.min(gap, Math.hypot(p.x - q.x, p.y - q.y));
    if (!best || gap > best.gap) best = { id, x: p.x, y: p.y, gap };
  }
  assert.ok(best && best.gap > 6, 'a node to click');
  await page.mouse.click(best.x, best.y);
  await page.waitForFunction((id) => (globalThis as { __lmkgReport?: { selectedNode(): string | null } }).__lmkgReport?.selectedNode() === id, best.id, { timeout: 5000 });
  const incident = graph.edges.filter((e) => e.source === best!.id || e.target === best!.id).length;
  assert.equal(await page.locator('#graph-panel li.triple').count(), incident);
  assert.equal(await page.textContent('#graph-panel .panel-title'), graph.nodes.find((n) => n.id === best!.id)!.label);

  const snapshots = await page.evaluate<string[]>('window.__lmkgReport.snapshots()');
  assert.deepEqual(snapshots, ['epoch-0', 'epoch-1']);
  const slider = page.locator('input[type="range"]').first();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => (globalThis as { __lmkgReport?: { view(): { model: string } | null } }).__lmkgReport?.view()?.model === 'epoch-1', undefined, { timeout: 5000 });
  const next = await page.evaluate<{ dataset: string; model: string; extractor: string }>('window.__lmkgReport.view()');
  const nextGraph = JSON.parse(readFileSync(join(out, cellDir(next), 'graph-view.json'), 'utf8')) as { nodes: unknown[] };
  assert.equal(await page.evaluate<number>('window.__lmkgReport.nodeCount()'), nextGraph.nodes.length);
});

test('report of a real run: HTML from the dataset renders as text, nothing runs; no console errors', async () => {
  const text = await page.textContent('body');
  assert.ok(text!.includes(XSS), 'the subject shows literally');
  assert.ok(text!.includes(XSS_GOLD), 'the gold object shows literally');
  assert.equal(await page.locator('#app img').count(), 0);
  assert.equal(await page.locator('#app script').count(), 0);
  assert.deepEqual(dialogs, []);
  mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
  await page.screenshot({ path: join(REPO_ROOT, 'test-artifacts', 'run-report.png'), fullPage: false });
  assert.deepEqual(problems, []);
});

function cellDir(view: { dataset: string; model: string; extractor: string }): string {
  const folder = view.dataset.replace(/\//g, '__').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return join(folder, view.model, view.extractor);
}
