/**
 * @file A split report (src/report/write-study-report.ts): the page holds the summary and an
 * index; each cell's graphs and each group's layout are part files loaded when shown. Written from
 * a realistic ReportData with hostile strings, opened in Chromium from file:// and over
 * `serveReport`, and compared with the single-file report of the same data.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../helpers/browser.js';
import { serveReport } from '../../src/report/serve-report.js';
import { writeStudyReport } from '../../src/report/write-study-report.js';
import type { GraphView, ReportData } from '../../src/report/types.js';
import { readReportData } from '../../src/report/read-report-data.js';
import { makeReportData, XSS, XSS_SUBJECT } from '../helpers/report-data.js';
import { tempDir } from '../helpers/tmp.js';

let browser: Browser;
let data: ReportData;
let split: string;
let single: string;

/** The graphs cell by cell (a cell is one model on the dataset: its extractors' graphs). */
function cells(report: ReportData): GraphView[][] {
  return report.run.models.map((model) => report.graphs.filter((g) => g.model === model));
}

before(async () => {
  data = makeReportData({ nodes: 120, xss: true });
  split = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  single = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  const index = { ...data, graphs: [] };
  const written = await writeStudyReport(split, index, cells(data), { mode: 'split' });
  assert.equal(written.mode, 'split');
  assert.equal(written.partFiles, 3 + 2);
  assert.equal((await writeStudyReport(single, index, cells(data), { mode: 'single' })).mode, 'single');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as { __lmkgReport?: { firstRenderMs(): number | null } }).__lmkgReport?.firstRenderMs() != null, undefined, { timeout: 30_000 });
  return { page, problems };
}

test('split report: report.html holds the summary and an index, each cell a part file with each sentence once; auto splits above its threshold', async (t) => {
  const parts = readdirSync(join(split, 'report-parts')).sort();
  assert.deepEqual(parts, ['cell-0.js', 'cell-1.js', 'cell-2.js', 'layout-0.js', 'layout-1.js']);
  const indexData = await readReportData(split);
  assert.deepEqual(indexData.graphs, []);
  assert.deepEqual(indexData.parts!.cells.map((c) => c.graphs.map((g) => `${g.model}/${g.extractor}`)), cells(data).map((c) => c.map((g) => `${g.model}/${g.extractor}`)));
  assert.ok(statSync(join(split, 'report.html')).size < statSync(join(single, 'report.html')).size / 2, 'the page without the graphs is much smaller');
  const part = readFileSync(join(split, 'report-parts', 'cell-0.js'), 'utf8');
  const goldSentence = Object.values(data.graphs[0]!.queries)[1]!.goldSentence;
  assert.equal(part.split(JSON.stringify(goldSentence)).length - 1, 1, 'a sentence shared by the extractors\' graphs is stored once');
  const small = tempDir(t);
  assert.equal((await writeStudyReport(small, { ...data, graphs: [] }, cells(data), { splitAboveBytes: 1000 })).mode, 'split');
  assert.equal((await writeStudyReport(small, { ...data, graphs: [] }, cells(data), {})).mode, 'single');
  assert.equal(existsSync(join(small, 'report-parts')), false, 'the parts of the earlier split report are removed');
});

for (const via of ['file://', 'lmkg report --serve'] as const) {
  test(`split report from ${via}: graphs load when shown, with the same nodes, positions and panel as the single file`, async (t) => {
    let url = `file://${join(split, 'report.html')}`;
    if (via !== 'file://') {
      const server = await serveReport(split);
      t.after(() => server.close());
      url = server.url;
    }
    const { page, problems } = await open(url);
    t.after(() => page.close());
    const { page: reference } = await open(`file://${join(single, 'report.html')}`);
    t.after(() => reference.close());
    const hook = <T>(p: Page, expression: string): Promise<T> => p.evaluate<T>(`window.__lmkgReport.${expression}`);
    for (const p of [page, reference]) await p.locator('#graph-canvas').scrollIntoViewIfNeeded();
    for (const [model, extractor] of [['epoch-0', 'svo'], ['epoch-1', 'svo-plus'], [XSS, 'svo']] as const) {
      const ms = await hook<number>(page, `showGraph('re-place-birth', ${JSON.stringify(extractor)}, ${JSON.stringify(model)})`);
      assert.ok(ms >= 0);
      await hook(reference, `showGraph('re-place-birth', ${JSON.stringify(extractor)}, ${JSON.stringify(model)})`);
      const graph = data.graphs.find((g) => g.model === model && g.extractor === extractor)!;
      assert.deepEqual(await hook(page, 'view()'), { dataset: 're-place-birth', model, extractor });
      assert.equal(await hook<number>(page, 'nodeCount()'), graph.nodes.length);
      assert.deepEqual(await hook(page, 'edgeStatusCounts()'), await hook(reference, 'edgeStatusCounts()'));
      const id = graph.nodes[3]!.id;
      const [a, b] = await Promise.all([page, reference].map((p) => hook<{ x: number; y: number }>(p, `nodeScreenPosition(${JSON.stringify(id)})`)));
      assert.ok(a && b && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1, `${model} ${extractor}: node ${id} at the same place`);
    }
    // the panel of a node shows its sentences, hostile strings as text
    const subject = data.graphs.find((g) => g.model === XSS && g.extractor === 'svo')!.nodes.find((n) => n.label === XSS_SUBJECT)!;
    await hook(page, `selectNode(${JSON.stringify(subject.id)})`);
    await page.waitForFunction((label) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document
      .querySelector('#graph-panel .panel-title')?.textContent === label, XSS_SUBJECT);
    assert.ok((await page.textContent('#graph-panel'))!.includes(`${XSS_SUBJECT} was born in`));
    assert.equal(await page.locator('#app img').count(), 0);
    assert.deepEqual(problems, []);
  });
}

test('split report: a missing part file is said in the graph\'s place', async (t) => {
  const dir = tempDir(t);
  await writeStudyReport(dir, { ...data, graphs: [] }, cells(data), { mode: 'split' });
  rmSync(join(dir, 'report-parts', 'cell-1.js'));
  const { page } = await open(`file://${join(dir, 'report.html')}`);
  t.after(() => page.close());
  await page.evaluate(`window.__lmkgReport.showGraph('re-place-birth', 'svo', 'epoch-1'), 0`); // never drawn: do not wait for it
  await page.waitForFunction(() => /report-parts\/cell-1\.js could not be loaded/.test((globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document
    .querySelector('#graph')?.textContent ?? ''), undefined, { timeout: 10_000 });
});

test('a summary of 300 rows: the first 250 drawn, "show more" draws the rest, a sort sorts them all', async (t) => {
  const dir = tempDir(t);
  const many = makeReportData({ nodes: 40, snapshots: 150, extractors: ['svo', 'svo-plus'] });
  assert.equal(many.summary.length, 300);
  await writeStudyReport(dir, { ...many, graphs: [] }, cells(many), { mode: 'split' });
  const { page, problems } = await open(`file://${join(dir, 'report.html')}`);
  t.after(() => page.close());
  assert.equal(await page.locator('#summary tbody tr').count(), 250);
  assert.match((await page.textContent('#summary .note'))!, /Showing 250 of 300 rows/);
  await page.click('#summary th[data-field="p1"] button'); // a metric sorts best first
  const best = Math.max(...many.summary.map((r) => r.p1 ?? -1));
  assert.equal(Number(await page.getAttribute('#summary tbody tr:first-child td[data-field="p1"]', 'data-value')), best);
  await page.click('#summary th[data-field="p1"] button'); // and again: worst first
  const worst = Math.min(...many.summary.map((r) => r.p1 ?? 2));
  assert.equal(Number(await page.getAttribute('#summary tbody tr:first-child td[data-field="p1"]', 'data-value')), worst);
  await page.click('#summary button.more-rows:has-text("Show 50 more")');
  assert.equal(await page.locator('#summary tbody tr').count(), 300);
  assert.deepEqual(problems, []);
});
