import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadNlp } from '../../src/nlp/index.js';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/data-dir.js';
import { tempDir } from '../helpers/tmp.js';

test('lmkg demo --quick: trains, probes every snapshot, writes a report whose numbers are metrics.json; a second run does no work', async (t) => {
  const out = join(tempDir(t), 'demo');
  const dataDir = join(sharedData('lama'), '..');
  const parserModel = (await loadNlp({ trainLimit: 2000, typeEntities: false, dataDir })).modelFile;
  const args = ['demo', '--quick', '--out', out, '--data-dir', dataDir, '--parser-model', parserModel];
  const first = await runCli(args, { timeoutMs: 600_000 });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /P@1 seen \[95% CI\]/);
  assert.match(first.stdout, /fact F1 seen \[95% CI\]\s+chance\s+fact F1 held-out \[95% CI\]\s+chance/);
  // every row of the table has the chance band of the study's chance baselines, pooled over the three Google-RE datasets
  const summary = JSON.parse(readFileSync(join(out, 'demo-summary.json'), 'utf8')).table;
  assert.equal(summary.extractor, 'clause');
  for (const row of summary.rows) assert.ok(row.factF1Chance && row.factF1Chance.p > 0 && row.factF1Chance.low <= row.factF1Chance.high, JSON.stringify(row));
  assert.match(first.stdout, /report: .*report\.html/);

  const study = join(out, 'study');
  const data = JSON.parse(readFileSync(join(study, 'report-data.json'), 'utf8'));
  assert.deepEqual(data.run.datasets, ['squad', 're-place-birth', 're-date-birth', 're-place-death']);
  assert.equal(data.run.timeline, true);
  assert.ok(data.run.models.length >= 2 && data.run.models[0] === 'epoch-0');
  for (const row of data.summary) {
    const folder = row.dataset;
    const metrics = JSON.parse(readFileSync(join(study, folder, row.model, row.extractor, 'metrics.json'), 'utf8'));
    assert.deepEqual(row, metrics.summary, `${row.dataset} ${row.model} ${row.extractor}`);
  }
  // The report embeds the same data it was written from.
  const html = readFileSync(join(study, 'report.html'), 'utf8');
  assert.ok(html.includes(JSON.stringify(data.summary[0].p1)));
  // The timelines label facts seen in training and held out.
  const groups = new Set(data.timelines.flatMap((tl: { facts: Array<{ group?: string }> }) => tl.facts.map((f) => f.group)));
  assert.ok(groups.has('seen') && groups.has('held-out'));
  const holdout = JSON.parse(readFileSync(join(out, 'train', 'holdout.json'), 'utf8'));
  assert.ok(holdout.heldOutFactIds.length > 0 && holdout.seenFactIds.length > 0);

  const second = await runCli(args, { timeoutMs: 600_000 });
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /0 cells computed, \d+ already finished; 0 training steps/);
});
