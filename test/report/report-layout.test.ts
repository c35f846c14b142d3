/**
 * @file The report's charts at widths of 1,000 to 1,600 px in Chromium: every text of every chart
 * (titles, legends, axis and radar labels) lies inside its SVG box, and every chart inside the page.
 * The data has the long names real runs have (a dataset named by its whole path, as runs of lmkg
 * 0.1.0 named file: datasets; models named run/epoch-n) and all 17 UPOS tags on the radar, the
 * ones absent from gold marked (n/a) on its left side. Saves test-artifacts/report-charts-<width>.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { writeReport } from '../../src/report/write-report.js';
import { CHROMIUM_ARGS } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { makeReportData } from '../helpers/report-data.js';
import { tempDir } from '../helpers/tmp.js';

const UPOS = ['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADP', 'DET', 'NUM', 'PRON', 'ADV', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'INTJ', 'SYM', 'X'];

let browser: Browser;
let file: string;

before(async () => {
  const dir = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  const data = makeReportData({ nodes: 60, snapshots: 4, extractors: ['svo-plus', 'entity-prep'], dataset: 'file:/home/researcher/data/lama/TREx/P1412.jsonl' });
  for (const view of data.pos) {
    const extra = { SCONJ: 0, PART: 1.5, PUNCT: 0, INTJ: 0, X: 0.2 } as Record<string, number>;
    view.tags = [...UPOS];
    for (const tag of UPOS) {
      view.gold[tag] ??= extra[tag] ?? 0;
      view.predicted[tag] ??= (extra[tag] ?? 0) * 1.1;
      view.spider[tag] = view.gold[tag] === 0 ? null : view.spider[tag] ?? 0.97;
    }
  }
  // names as a real run of snapshots has them
  const rename = (model: string) => `my-long-training-run/${model}`;
  data.run.models = data.run.models.map(rename);
  for (const list of [data.summary, data.graphs, data.pos] as Array<Array<{ model: string }>>) for (const item of list) item.model = rename(item.model);
  for (const timeline of data.timelines) {
    timeline.snapshots = timeline.snapshots.map(rename);
    for (const count of timeline.counts) count.snapshot = rename(count.snapshot);
    for (const metric of timeline.metrics) metric.snapshot = rename(metric.snapshot);
  }
  writeFileSync(join(dir, 'report-data.json'), JSON.stringify(data));
  file = (await writeReport(dir)).file;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

interface Clip { chart: string; text: string; side: string; by: number }

/**
 * Runs in the page (a string: this file is compiled without the DOM library): for every chart, its
 * box against the page, and every text's box against the chart's, in screen pixels.
 */
const MEASURE = `(() => {
  const clips = [];
  const outside = [];
  const charts = [...document.querySelectorAll('svg.chart')];
  const pageWidth = document.documentElement.clientWidth;
  for (const svg of charts) {
    const box = svg.getBoundingClientRect();
    const name = svg.querySelector('title')?.textContent ?? '?';
    if (box.left < -0.5 || box.right > pageWidth + 0.5) outside.push(name + ': ' + box.left.toFixed(1) + '..' + box.right.toFixed(1) + ' of ' + pageWidth);
    for (const text of svg.querySelectorAll('text')) {
      if (!text.textContent) continue;
      const r = text.getBoundingClientRect();
      const sides = [['left', box.left - r.left], ['right', r.right - box.right], ['top', box.top - r.top], ['bottom', r.bottom - box.bottom]];
      for (const [side, by] of sides) if (by > 0.5) clips.push({ chart: name, text: text.textContent, side, by: Math.round(by * 10) / 10 });
    }
  }
  return { charts: charts.length, clips, outside };
})()`;

for (const width of [1000, 1400, 1600]) {
  test(`charts at ${width} px: every text inside its SVG box, every chart inside the page`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    try {
      await page.goto(`file://${file}`);
      await page.waitForFunction(() => (globalThis as { __lmkgReport?: { ready: boolean } }).__lmkgReport?.ready === true);
      const result = await page.evaluate<{ charts: number; clips: Clip[]; outside: string[] }>(MEASURE);
      const folder = join(REPO_ROOT, 'test-artifacts');
      mkdirSync(folder, { recursive: true });
      await page.locator('#pos').screenshot({ path: join(folder, `report-charts-${width}.png`) });
      await page.locator('#timeline .chart-grid').first().screenshot({ path: join(folder, `report-timeline-${width}.png`) });
      assert.ok(result.charts >= 10, `${result.charts} charts`);
      assert.deepEqual(result.outside, [], 'charts inside the page');
      assert.deepEqual(result.clips, [], `clipped text:\n${result.clips.map((c) => `${c.chart} | "${c.text}" ${c.side} by ${c.by}px`).join('\n')}`);
    } finally {
      await page.close();
    }
  });
}
