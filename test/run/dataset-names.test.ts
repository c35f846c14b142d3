/**
 * @file `lmkg run` names file: datasets by their file (P19, P1412) in the table, the report data and
 * the folders, keeps the full path in run.json, and resumes a run written with the old folder names.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { safeFolderName } from '../../src/run/index.js';
import { loadNlp } from '../../src/nlp/index.js';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/data-dir.js';
import { makeTinyModels } from '../helpers/tiny-models.js';
import { tempDir } from '../helpers/tmp.js';

/** T-REx-shaped P19 records made from Google-RE place-of-birth facts; hand-written P1412 records without ids. */
function writeTrexFiles(dir: string): { p19: string; p1412: string } {
  const trex = join(dir, 'TREx');
  mkdirSync(trex, { recursive: true });
  const births = readFileSync(join(sharedData('lama'), 'Google_RE', 'place_of_birth_test.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 6)
    .map((line) => JSON.parse(line) as { uuid: string; sub_label: string; obj_label: string; masked_sentences: string[] });
  const p19 = join(trex, 'P19.jsonl');
  writeFileSync(p19, births.map((b) => JSON.stringify({
    uuid: b.uuid, sub_label: b.sub_label, obj_label: b.obj_label, predicate_id: 'P19',
    evidences: b.masked_sentences.map((masked_sentence) => ({ masked_sentence })),
  })).join('\n'));
  const p1412 = join(trex, 'P1412.jsonl');
  const speakers = [['Ann Lee', 'French'], ['Bo Ray', 'English'], ['Cy Dee', 'German'], ['Di Fox', 'Spanish']];
  writeFileSync(p1412, speakers.map(([who, language]) => JSON.stringify({
    sub_label: who, obj_label: language, predicate_id: 'P1412', evidences: [{ masked_sentence: `${who} speaks [MASK] at home .` }],
  })).join('\n'));
  return { p19, p1412 };
}

test('lmkg run --datasets file:.../P19.jsonl,file:.../P1412.jsonl shows P19 and P1412; an old run folder resumes', async (t) => {
  const dir = tempDir(t);
  const [model] = await makeTinyModels(join(dir, 'models'), { names: ['epoch-0'] });
  const { p19, p1412 } = writeTrexFiles(dir);
  const parserModel = (await loadNlp({ trainLimit: 2000, typeEntities: false })).modelFile;
  const out = join(dir, 'run');
  const args = ['run', '--models', model!, '--datasets', `file:${p19},file:${p1412}`, '--extractors', 'svo-plus', '--limit', '6',
    '--bootstrap', '0', '--no-report', '--parser-model', parserModel, '--out', out];
  const first = await runCli(args, { timeoutMs: 300_000 });
  assert.equal(first.code, 0, first.stderr);
  const rows = first.stdout.split('\n').filter((line) => /svo-plus/.test(line));
  assert.deepEqual(rows.map((line) => line.trim().split(/\s+/)[0]), ['P19', 'P1412'], first.stdout);
  assert.ok(!first.stdout.includes('file:'), first.stdout);
  assert.ok(existsSync(join(out, 'P19', 'epoch-0', 'predictions.jsonl')) && existsSync(join(out, 'P1412', 'epoch-0', 'svo-plus', 'metrics.json')));
  const data = JSON.parse(readFileSync(join(out, 'report-data.json'), 'utf8'));
  assert.match(data.title, /on P19, P1412$/);
  assert.deepEqual(data.run.datasets, ['P19', 'P1412']);
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
  assert.deepEqual(run.args.datasets, [`file:${p19}`, `file:${p1412}`], 'run.json keeps the full path');
  assert.deepEqual(run.datasets.map((d: { id: string; name: string }) => [d.id, d.name]), [[`file:${p19}`, 'P19'], [`file:${p1412}`, 'P1412']]);
  // P1412's records have no id: their facts are numbered by line
  const predictions = readFileSync(join(out, 'P1412', 'epoch-0', 'predictions.jsonl'), 'utf8');
  assert.match(predictions, /"factId":"line-1"/);

  // A run folder written by the previous version named the folder after the whole id: it resumes.
  const legacy = safeFolderName(`file:${p19}`);
  renameSync(join(out, 'P19'), join(out, legacy));
  const again = await runCli(args, { timeoutMs: 300_000 });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /0 cells computed, 2 already finished/);
  assert.equal(existsSync(join(out, 'P19')), false, 'no second folder for the same dataset');
});
