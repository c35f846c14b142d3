/**
 * @file `lmkg demo --quick` as on a new user's machine: a child process with an empty cache, an
 * empty HOME and no data folder, whose only "internet" is a local mirror of LAMA's data.zip and the
 * UD release (LMKG_LAMA_URL, LMKG_UD_URL). It fetches both, trains the parser (on the first 500
 * EWT sentences: LMKG_PARSER_TRAIN_LIMIT, to keep the test short), trains, probes and reports; a
 * second run with the mirror stopped does no work.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lamaMetrics, readPredictions } from '../../src/probe/index.js';
import { runCli } from '../helpers/cli.js';
import { serveDataMirror } from '../helpers/mirror.js';
import { tempDir } from '../helpers/tmp.js';

test('lmkg demo --quick on a fresh machine: fetches LAMA and UD, trains the parser, then trains, probes every snapshot and reports; a second run does no work', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'demo');
  const cache = join(dir, 'cache');
  const home = join(dir, 'home');
  mkdirSync(home);
  const mirror = await serveDataMirror();
  t.after(() => mirror.close());
  const env = {
    LMKG_DATA_DIR: undefined, LMKG_CACHE_DIR: cache, HOME: home, HF_ENDPOINT: 'http://127.0.0.1:9',
    LMKG_LAMA_URL: mirror.lamaUrl, LMKG_UD_URL: mirror.udUrl, LMKG_PARSER_TRAIN_LIMIT: '500',
  };
  const args = ['demo', '--quick', '--out', out];
  const first = await runCli(args, { env, timeoutMs: 600_000 });
  assert.equal(first.code, 0, first.stderr);
  // the data came from the mirror into the empty cache, before training
  assert.deepEqual(mirror.requests.filter((r) => !r.range).map((r) => r.url).sort(),
    ['/LAMA/data.zip', '/ud/en_ewt-ud-dev.conllu', '/ud/en_ewt-ud-test.conllu', '/ud/en_ewt-ud-train.conllu']);
  assert.ok(existsSync(join(cache, 'lama', 'Squad', 'test.jsonl')) && existsSync(join(cache, 'ud', 'UD_English-EWT', 'en_ewt-ud-train.conllu')));
  const log = first.stderr;
  const fetchedAt = log.indexOf('no LAMA data in the cache');
  const parserAt = log.indexOf('loading the dependency parser');
  const trainingAt = log.indexOf('checkpoint epoch-0');
  assert.ok(fetchedAt >= 0 && parserAt > fetchedAt && trainingAt > parserAt, `fetch, then parser, then training:\n${log}`);
  assert.ok(existsSync(join(cache, 'parser')), 'the parser was trained into the cache');
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
    const metrics = JSON.parse(readFileSync(join(study, row.dataset, row.model, row.extractor, 'metrics.json'), 'utf8'));
    assert.deepEqual(row, metrics.summary, `${row.dataset} ${row.model} ${row.extractor}`);
  }
  // The report embeds the same data it was written from.
  const html = readFileSync(join(study, 'report.html'), 'utf8');
  assert.ok(html.includes(JSON.stringify(data.summary[0].p1)));
  // The timelines label facts seen in training and held out.
  const groups = new Set(data.timelines.flatMap((tl: { facts: Array<{ group?: string }> }) => tl.facts.map((f) => f.group)));
  assert.ok(groups.has('seen') && groups.has('held-out'));
  const holdout = JSON.parse(readFileSync(join(out, 'train', 'holdout.json'), 'utf8')) as { seenFactIds: string[]; heldOutFactIds: string[] };
  assert.ok(holdout.heldOutFactIds.length > 0 && holdout.seenFactIds.length > 0);
  // the seen and held-out groups are disjoint
  const seenIds = new Set(holdout.seenFactIds);
  assert.equal(holdout.heldOutFactIds.filter((id) => seenIds.has(id)).length, 0);

  // The printed table is the demo's table, and its numbers are those of the study's own files:
  // P@1 from the predictions files (LAMA's fact-level P@1 over each group's facts), fact F1 from
  // the clause cells' fact-scores.csv (matched, predicted and gold fact triples per fact).
  const groupOf = new Map<string, string>([...holdout.seenFactIds.map((id) => [id, 'seen'] as const), ...holdout.heldOutFactIds.map((id) => [id, 'held-out'] as const)]);
  const googleRe = ['re-place-birth', 're-date-birth', 're-place-death'];
  const printed = first.stdout.split('\n').map((line) => line.trim().split(/\s{2,}/)).filter((cells) => data.run.models.includes(cells[0]));
  assert.equal(printed.length, data.run.models.length);
  for (const cells of printed) {
    const snapshot = cells[0]!;
    const records = googleRe.flatMap((dataset) => readPredictions(join(study, dataset, snapshot, 'predictions.jsonl')));
    const counts = googleRe.flatMap((dataset) => readFileSync(join(study, dataset, snapshot, 'clause', 'fact-scores.csv'), 'utf8').trim().split('\n').slice(1))
      .map((line) => line.split(','));
    for (const [group, p1Cell, f1Cell] of [['seen', cells[2]!, cells[4]!], ['held-out', cells[3]!, cells[6]!]] as const) {
      const row = summary.rows.find((r: { snapshot: string; group: string }) => r.snapshot === snapshot && r.group === group);
      const subset = records.filter((r) => groupOf.get(r.factId) === group);
      const p1 = lamaMetrics(subset).overall.facts.p1;
      assert.equal(row.p1.estimate, p1, `${snapshot} ${group} P@1`);
      assert.ok(p1Cell.startsWith(p1.toFixed(3)), `${snapshot} ${group}: printed ${p1Cell}, files ${p1}`);
      let [m, p, g] = [0, 0, 0];
      for (const c of counts.filter((cell) => groupOf.get(cell[0]!) === group)) {
        m += Number(c[2]);
        p += Number(c[3]);
        g += Number(c[4]);
      }
      const f1 = p + g === 0 ? null : (2 * m) / (p + g);
      assert.equal(row.factF1.value, f1, `${snapshot} ${group} fact F1`);
      assert.ok(f1Cell.startsWith(f1 === null ? '-' : f1.toFixed(3)), `${snapshot} ${group}: printed ${f1Cell}, files ${f1}`);
    }
  }

  // The most-frequent-object baseline: per relation, the seen facts' most frequent single-token
  // gold, scored on the held-out facts of the last snapshot, counted here from the predictions.
  const lastSnapshot = data.run.models.at(-1)!;
  const lastRecords = googleRe.flatMap((dataset) => readPredictions(join(study, dataset, lastSnapshot, 'predictions.jsonl')));
  const perFact = new Map(lastRecords.filter((r) => r.fact.goldRank !== null).map((r) => [`${r.dataset}\u0000${r.factId}`, r]));
  const tally = new Map<string, Map<string, number>>();
  for (const r of perFact.values()) {
    if (groupOf.get(r.factId) !== 'seen') continue;
    const counts = tally.get(r.dataset) ?? new Map<string, number>();
    counts.set(r.gold, (counts.get(r.gold) ?? 0) + 1);
    tally.set(r.dataset, counts);
  }
  const heldOut = [...perFact.values()].filter((r) => groupOf.get(r.factId) === 'held-out');
  const most = (dataset: string) => [...(tally.get(dataset) ?? [])].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const baselineP1 = heldOut.filter((r) => most(r.dataset) === r.gold).length / heldOut.length;
  assert.equal(summary.heldOutBaseline.p1.estimate, baselineP1);
  assert.match(first.stdout, new RegExp(`most-frequent-object baseline on held-out facts .*: P@1 ${baselineP1.toFixed(3).replace('.', '\\.')} \\[`));
  assert.match(first.stdout, /held-out within the object baseline's interval: (yes|no)/);

  // Everything is in the cache now: the mirror can go.
  await mirror.close();
  const logged = mirror.requests.length;
  const second = await runCli(args, { env, timeoutMs: 600_000 });
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /0 cells computed, \d+ already finished; 0 training steps/);
  assert.equal(mirror.requests.length, logged);
});
