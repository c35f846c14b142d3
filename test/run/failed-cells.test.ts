/**
 * @file Failure is data: a study with one corrupt checkpoint among its snapshots. The corrupt
 * model's cells are recorded as failed with the error, the other cells finish, run.json and
 * `lmkg run --status` list the failure, and the report (split: graphs loaded from part files,
 * opened in Chromium from file://) says so.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openReport } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { loadNlp } from '../../src/nlp/index.js';
import { runStudy } from '../../src/run/index.js';
import { makeTinyModels } from '../helpers/tiny-models.js';
import { tempDir } from '../helpers/tmp.js';

test('a corrupt checkpoint: its cells fail with the error, the others complete, --status and the report say so', async (t) => {
  const dir = tempDir(t);
  const [good] = await makeTinyModels(dir, { names: ['epoch-0', 'epoch-1'] });
  const corrupt = join(dir, 'models', 'epoch-2');
  cpSync(good!, corrupt, { recursive: true });
  writeFileSync(join(corrupt, 'model.safetensors'), Buffer.from('this is not a safetensors file'));
  const out = join(dir, 'study');
  const parserModel = (await loadNlp({ trainLimit: 2000, typeEntities: false })).modelFile;
  const result = await runStudy({
    models: [join(dir, 'models')], datasets: ['re-place-birth', 'squad'], limit: 5, bootstrap: 0, chance: 0, out, nlp: { modelFile: parserModel },
    reportMode: 'split',
  });
  assert.equal(result.complete, true);
  assert.deepEqual(result.failed.map((f) => f.cell).sort(), ['re-place-birth/epoch-2', 'squad/epoch-2']);
  assert.equal(result.summary.length, 4, 'the good cells are complete');
  assert.ok(result.summary.every((row) => row.model !== 'epoch-2'));

  const record = JSON.parse(readFileSync(join(out, 'squad', 'epoch-2', 'cell.json'), 'utf8'));
  assert.equal(record.status, 'failed');
  assert.equal(record.error.stage, 'probe');
  assert.match(record.error.message, /safetensors|header|epoch-2/i);
  assert.equal(result.failed[0]!.error, record.error.message);
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
  assert.equal(run.status, 'complete-with-failures');
  assert.deepEqual(run.failed.map((f: { cell: string }) => f.cell).sort(), ['re-place-birth/epoch-2', 'squad/epoch-2']);
  const timeline = JSON.parse(readFileSync(join(out, 'squad', 'timeline.json'), 'utf8'));
  assert.deepEqual(timeline.snapshots, ['epoch-0', 'epoch-1'], 'the timeline runs over the snapshots that have predictions');

  const status = await runCli(['run', '--status', out]);
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /squad\/epoch-2\s+failed\s+probe: /);
  assert.match(status.stdout, /6 cells: 4 done, 0 running, 2 failed, 0 missing/);
  assert.ok(existsSync(join(out, 'report-parts', 'cell-0.js')), 'a split report: the graphs in part files');
  const report = await runCli(['report', out]);
  assert.equal(report.code, 0, report.stderr);
  assert.match(report.stdout, /2 failed cells \(listed in the report\)/);

  const { browser, page, problems } = await openReport(join(out, 'report.html'));
  t.after(() => browser.close());
  const failures = await page.$$eval('#failures li', (items) => items.map((li) => [li.getAttribute('data-dataset'), li.getAttribute('data-model'), li.textContent]));
  assert.deepEqual(failures.map(([dataset, model]) => `${dataset}/${model}`).sort(), ['re-place-birth/epoch-2', 'squad/epoch-2']);
  assert.ok(failures.every(([, , text]) => text!.includes(record.error.message)));
  assert.equal(await page.locator('#summary tbody tr').count(), 4);
  const view = await page.evaluate<{ model: string }>('window.__lmkgReport.view()');
  assert.equal(view.model, 'epoch-0', 'the first graph, loaded from its part file, is drawn');
  assert.deepEqual(problems, []);
});
