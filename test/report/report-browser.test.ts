/**
 * @file End to end: a report written from a realistic ReportData (3 snapshots, 2 extractors, hostile
 * strings), opened from file:// in headless Chromium (Debian's /usr/bin/chromium via playwright-core,
 * WebGL in software). Fails on console errors and uncaught page exceptions (not on the GL and
 * deprecation warnings software rendering logs). Saves test-artifacts/report.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openReport } from '../helpers/browser.js';
import { writeReport } from '../../src/report/write-report.js';
import type { ReportData } from '../../src/report/types.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { makeReportData, nodeKey, XSS, XSS_SUBJECT } from '../helpers/report-data.js';
import { tempDir } from '../helpers/tmp.js';


let browser: Browser;
let page: Page;
let data: ReportData;
let problems: string[] = [];
let dialogs: string[] = [];

/**
 * Calls the app's read-only test hook. (Expressions go through CDP, which the page's CSP does not
 * govern; waitForFunction takes functions, because a string predicate is polled with eval, which
 * the CSP forbids.)
 */
function hook<T>(expression: string): Promise<T> {
  return page.evaluate<T>(`window.__lmkgReport.${expression}`);
}

function graphOf(model: string, extractor = 'svo'): ReportData['graphs'][number] {
  return data.graphs.find((g) => g.model === model && g.extractor === extractor)!;
}

function statusCounts(graph: ReportData['graphs'][number]): Record<string, number> {
  const counts = { both: 0, missed: 0, new: 0 };
  for (const edge of graph.edges) counts[edge.status] += 1;
  return counts;
}

before(async () => {
  const dir = tempDir({ after });
  data = makeReportData({ nodes: 160, xss: true });
  writeFileSync(join(dir, 'report-data.json'), JSON.stringify(data));
  await writeReport(dir);
  const opened = await openReport(join(dir, 'report.html'), { acceptDownloads: true });
  ({ browser, page } = opened);
  problems = opened.problems;
  dialogs = opened.dialogs;
});

after(async () => {
  await browser?.close();
});

test('summary table: every cell carries the raw value of the data, formatted to 3 decimals with [lo, hi]', async () => {
  const cells = await page.$$eval('#summary-table tbody td', (tds) => tds.map((td) => ({
    row: Number(td.parentElement!.getAttribute('data-row')),
    field: td.getAttribute('data-field')!,
    value: td.getAttribute('data-value'),
    low: td.getAttribute('data-ci-low'),
    high: td.getAttribute('data-ci-high'),
    chanceMean: td.getAttribute('data-chance-mean'),
    chanceText: td.querySelector('.chance')?.textContent ?? null,
    text: td.textContent,
  })));
  assert.equal(cells.length, data.summary.length * 23);
  for (const cell of cells) {
    const row = data.summary[cell.row]! as unknown as Record<string, unknown>;
    const value = row[cell.field] as string | number | null;
    assert.equal(cell.value, value === null ? '' : String(value), `${cell.row}.${cell.field}`);
    const interval = data.summary[cell.row]!.ci[cell.field as 'p1'];
    assert.equal(cell.low, interval ? String(interval[0]) : null);
    assert.equal(cell.high, interval ? String(interval[1]) : null);
    const shown = typeof value === 'string' ? value : value === null ? '—'
      : ['facts', 'nodes', 'edges'].includes(cell.field) ? String(value) : value.toFixed(3);
    // a fact metric shows its chance under the value: mean, band and p-value of the permutation null
    const chance = data.summary[cell.row]!.chance[cell.field as 'factF1'];
    const chanceText = chance ? `chance ${chance.mean!.toFixed(3)} [${chance.low!.toFixed(3)}, ${chance.high!.toFixed(3)}] p=${chance.p!.toFixed(3)}` : null;
    assert.equal(cell.chanceText, chanceText, `${cell.row}.${cell.field}`);
    assert.equal(cell.chanceMean, chance ? String(chance.mean) : null);
    assert.equal(cell.text, shown + (interval ? `[${interval[0].toFixed(3)}, ${interval[1].toFixed(3)}]` : '') + (chanceText ?? ''));
  }
  // sorting by P@1 (descending first for a metric), then ascending
  await page.click('#summary-table th[data-field="p1"] button');
  const descending = await page.$$eval('#summary-table tbody td[data-field="p1"]', (tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  assert.deepEqual(descending, data.summary.map((r) => r.p1!).sort((a, b) => b - a));
  await page.click('#summary-table th[data-field="p1"] button');
  assert.equal(await page.getAttribute('#summary-table th[data-field="p1"]', 'aria-sort'), 'ascending');
});

test('graph: the first snapshot shows its nodes and edges with the paper colours', async () => {
  assert.deepEqual(await hook('view()'), { dataset: 're-place-birth', model: 'epoch-0', extractor: 'svo' });
  const graph = graphOf('epoch-0');
  assert.equal(await hook('nodeCount()'), graph.nodes.length);
  assert.equal(await hook('edgeCount()'), graph.edges.length);
  assert.deepEqual(await hook('edgeStatusCounts()'), statusCounts(graph));
  assert.equal(await page.textContent('#graph-counts'), `${graph.nodes.length} nodes · ${graph.edges.length} edges`);
  assert.deepEqual(await hook('snapshots()'), data.run.models);
  // status toggles and the relation filter hide edges (and nodes left without one)
  await page.uncheck('input[type="checkbox"][data-status="new"]');
  const kept = graph.edges.filter((e) => e.status !== 'new');
  const keptNodes = new Set(kept.flatMap((e) => [e.source, e.target]));
  assert.equal(await page.textContent('#graph-counts'), `${keptNodes.size} of ${graph.nodes.length} nodes · ${kept.length} of ${graph.edges.length} edges shown`);
  await page.check('input[type="checkbox"][data-status="new"]');
  await page.selectOption('#graph-relation', 'lived in');
  const livedIn = graph.edges.filter((e) => e.relation === 'lived in');
  assert.equal(await page.textContent('#graph-counts'), `${new Set(livedIn.flatMap((e) => [e.source, e.target])).size} of ${graph.nodes.length} nodes · ${livedIn.length} of ${graph.edges.length} edges shown`);
  await page.selectOption('#graph-relation', '');
  assert.equal(await page.textContent('#graph-counts'), `${graph.nodes.length} nodes · ${graph.edges.length} edges`);
});

test('graph: a real mouse click on a node shows its triples, sentences, top-k and gold', async () => {
  await page.locator('#graph-canvas').scrollIntoViewIfNeeded();
  const graph = graphOf('epoch-0');
  const box = (await page.locator('#graph-canvas').boundingBox())!;
  const positions = await page.evaluate<Array<[string, { x: number; y: number } | null]>>(
    'window.__lmkgReport.nodeIds().map((id) => [id, window.__lmkgReport.nodeScreenPosition(id)])');
  // the node farthest from any other on screen, so the click cannot hit a neighbour
  let best: { id: string; x: number; y: number; gap: number } | null = null;
  for (const [id, p] of positions) {
    if (!p || p.x < box.x + 20 || p.x > box.x + box.width - 20 || p.y < box.y + 20 || p.y > box.y + box.height - 20) continue;
    const incident = graph.edges.filter((e) => e.source === id || e.target === id).length;
    if (incident === 0) continue;
    let gap = Infinity;
    for (const [other, q] of positions) if (other !== id && q) gap = Math.min(gap, Math.hypot(p.x - q.x, p.y - q.y));
    if (!best || gap > best.gap) best = { id, x: p.x, y: p.y, gap };
  }
  assert.ok(best && best.gap > 6, `an isolated node to click (gap ${best?.gap})`);
  await page.mouse.click(best.x, best.y);
  await page.waitForFunction((id) => (globalThis as any).__lmkgReport.selectedNode() === id, best.id, { timeout: 5000 });
  const node = graph.nodes.find((n) => n.id === best!.id)!;
  assert.equal(await page.textContent('#graph-panel .panel-title'), node.label);
  const edges = graph.edges.filter((e) => e.source === node.id || e.target === node.id);
  const triples = await page.$$eval('#graph-panel li.triple', (items) => items.map((li) => ({
    status: li.getAttribute('data-status'),
    relation: li.querySelector('.relation')!.textContent,
    masked: li.querySelector('dd.masked')?.textContent ?? null,
    gold: li.querySelector('dd.gold')?.textContent ?? null,
    predictions: [...li.querySelectorAll('.predictions .word')].map((w) => w.textContent),
  })));
  assert.equal(triples.length, edges.length);
  assert.deepEqual(triples.map((t) => t.status).sort(), edges.map((e) => e.status).sort());
  assert.deepEqual(triples.map((t) => t.relation).sort(), edges.map((e) => ` —${e.relation}→ `).sort());
  const query = graph.queries[edges.find((e) => e.status === triples[0]!.status && ` —${e.relation}→ ` === triples[0]!.relation)!.queryIds[0]!]!;
  assert.equal(triples[0]!.masked, query.maskedSentence);
  assert.equal(triples[0]!.gold, query.gold);
  assert.deepEqual(triples[0]!.predictions, query.predictions.map((p) => p.word));
});

test('graph: the snapshot slider switches to the next snapshot; nodes keep their place', async () => {
  const before0 = await hook<string[]>('nodeIds()');
  const stable = before0.slice(0, 25);
  const positions = async (): Promise<Array<{ x: number; y: number } | null>> =>
    page.evaluate(`${JSON.stringify(stable)}.map((id) => window.__lmkgReport.nodeScreenPosition(id))`);
  await page.evaluate('window.scrollTo(0, document.querySelector("#graph").offsetTop)');
  const at0 = await positions();
  await page.focus('#snapshot-slider');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => (globalThis as any).__lmkgReport.view().model === 'epoch-1', null, { timeout: 5000 });
  const graph = graphOf('epoch-1');
  assert.equal(await hook('nodeCount()'), graph.nodes.length);
  assert.equal(await hook('edgeCount()'), graph.edges.length);
  assert.deepEqual(await hook('edgeStatusCounts()'), statusCounts(graph));
  assert.notDeepEqual(statusCounts(graph), statusCounts(graphOf('epoch-0')), 'the snapshots differ');
  assert.ok((await hook<string[]>('nodeIds()')).includes(nodeKey(XSS)), 'the node predicted only at epoch-1 appears');
  assert.ok(!before0.includes(nodeKey(XSS)));
  assert.equal(await page.inputValue('#graph-model'), 'epoch-1');
  assert.match((await page.textContent('.snapshot-name'))!, /^2 \/ 3: epoch-1$/);
  const at1 = await positions();
  let compared = 0;
  for (let i = 0; i < stable.length; i += 1) {
    if (!at0[i] || !at1[i]) continue;
    compared += 1;
    assert.ok(Math.hypot(at0[i]!.x - at1[i]!.x, at0[i]!.y - at1[i]!.y) < 0.5, `${stable[i]} moved`);
  }
  assert.ok(compared >= 20, `${compared} nodes in both snapshots`);
  // Play steps on to the last snapshot
  await page.click('button.play');
  await page.waitForFunction((model) => (globalThis as any).__lmkgReport.view().model === model, XSS, { timeout: 5000 });
  assert.equal(await hook('nodeCount()'), graphOf(XSS).nodes.length);
  await page.waitForFunction(() => (globalThis as any).document.querySelector('button.play').textContent === 'Play', null, { timeout: 5000 });
  await page.evaluate('window.__lmkgReport.setSnapshot(1)');
});

test('hostile strings from models and data render as text and run nothing', async () => {
  // search the node whose label is the hostile prediction (present at epoch-1)
  await page.fill('#graph-search', 'onerror');
  await page.waitForSelector('#search-results button[data-node]');
  assert.deepEqual(await page.$$eval('#search-results button[data-node]', (b) => b.map((x) => x.textContent)), [XSS]);
  await page.click('#search-results button[data-node]');
  assert.equal(await page.textContent('#graph-panel .panel-title'), XSS);
  const words = await page.$$eval('#graph-panel .predictions .word', (w) => w.map((x) => x.textContent));
  assert.ok(words.includes(XSS), 'the prediction is listed as text');
  assert.ok((await page.$$eval('#graph-panel dd.predicted', (d) => d.map((x) => x.textContent))).some((s) => s!.includes(XSS)));
  // the relation, the model name, the subject, the title and a run argument
  assert.ok((await page.$$eval('#graph-relation option', (o) => o.map((x) => x.textContent))).some((s) => s!.startsWith(`${XSS} (`)));
  assert.ok((await page.$$eval('#graph-model option', (o) => o.map((x) => x.textContent))).includes(XSS));
  assert.equal(await page.textContent('h1'), data.title);
  assert.equal(await page.title(), `${data.title} · lmkg report`);
  assert.ok((await page.$$eval('#summary-table td[data-field="model"]', (t) => t.map((x) => x.textContent))).includes(XSS));
  assert.ok((await page.textContent('#footer-args'))!.includes(`"note": "${XSS.replace(/"/g, '\\"')}"`));
  await page.fill('.fact-search', 'Bold');
  assert.deepEqual(await page.$$eval('table.facts tbody tr td:nth-child(2)', (t) => t.map((x) => x.textContent)), [XSS_SUBJECT]);
  await page.fill('.fact-search', '');
  await page.fill('#graph-search', '');
  // nothing was parsed as markup
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('#app b').count(), 0);
  assert.equal(await page.locator('script').count(), 2);
  assert.deepEqual(dialogs, []);
});

test('timeline: stacked counts and the per-fact table follow the data', async () => {
  const timeline = data.timelines[0]!;
  const bars = await page.$$eval('#timeline svg.chart rect.bar', (r) => r.map((x) => [x.getAttribute('data-series'), Number(x.getAttribute('data-value'))]));
  const expected = timeline.counts.flatMap((c) => (['acquired', 'forgotten', 'never'] as const).map((s) => [s, c[s]]));
  assert.deepEqual(bars, expected);
  assert.equal(await page.locator('table.facts tbody tr').count(), Math.min(50, timeline.facts.length));
  await page.selectOption('.fact-status', 'never');
  const statuses = await page.$$eval('table.facts tbody tr', (r) => r.map((x) => x.getAttribute('data-status')));
  assert.equal(statuses.length, Math.min(50, timeline.facts.filter((f) => f.status === 'never').length));
  assert.ok(statuses.every((s) => s === 'never'));
  await page.selectOption('.fact-status', '');
  // metric charts: one per metric key, points at the data's values
  const p1 = await page.$$eval('#timeline .chart-figure', (figures) => {
    const figure = figures.find((f) => f.querySelector('svg > title')?.textContent?.startsWith('P@1 over'));
    return [...(figure?.querySelectorAll('circle.series-point') ?? [])].map((c) => Number(c.getAttribute('data-value')));
  });
  assert.deepEqual(p1, ['svo', 'svo-plus'].flatMap((x) => timeline.metrics.filter((m) => m.extractor === x).map((m) => m.values.p1)));
});

test('POS radar charts and SVG/PNG downloads', async () => {
  // 2 extractors x (one overlay + one per snapshot)
  assert.equal(await page.locator('#pos svg.chart').count(), 2 * (1 + data.run.models.length));
  assert.equal(await page.locator('#pos svg.chart').first().locator('polygon.radar-series').count(), data.run.models.length);
  const figure = page.locator('#pos .chart-figure').first();
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), figure.locator('button[data-format="svg"]').click()]);
  assert.equal(svgDownload.suggestedFilename(), 'pos-re-place-birth-svo-all.svg');
  const svgText = readFileSync((await svgDownload.path())!, 'utf8');
  assert.ok(svgText.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg'));
  assert.ok(svgText.includes('xmlns="http://www.w3.org/2000/svg"') && svgText.includes('NOUN'));
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), figure.locator('button[data-format="png"]').click()]);
  assert.equal(pngDownload.suggestedFilename(), 'pos-re-place-birth-svo-all.png');
  const png = readFileSync((await pngDownload.path())!);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = Number(await figure.locator('svg').getAttribute('width'));
  assert.equal(png.readUInt32BE(16), width * 2, 'PNG at twice the chart size');
  // every chart offers both
  const charts = await page.locator('svg.chart').count();
  assert.equal(await page.locator('.chart-figure button[data-format="svg"]').count(), charts);
  assert.equal(await page.locator('.chart-figure button[data-format="png"]').count(), charts);
});

test('screenshot, footer, and no console errors or page exceptions', async () => {
  assert.equal(await page.textContent('#footer-version'), data.lmkgVersion);
  assert.equal(await page.textContent('#footer-created'), data.createdAt);
  // a view worth looking at: first snapshot, whole graph, its best-connected node selected
  await page.evaluate('window.__lmkgReport.setSnapshot(0)');
  await page.evaluate('document.querySelector("#graph").scrollIntoView()');
  await page.click('button:has-text("Reset view")');
  const degree = new Map<string, number>();
  for (const e of graphOf('epoch-0').edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const hub = [...degree.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  await page.evaluate(`window.__lmkgReport.selectNode(${JSON.stringify(hub)})`);
  await page.waitForTimeout(500);
  const folder = join(REPO_ROOT, 'test-artifacts');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, 'report.png') });
  await page.screenshot({ path: join(folder, 'report-full.png'), fullPage: true });
  assert.deepEqual(problems, []);
  assert.deepEqual(dialogs, []);
});
