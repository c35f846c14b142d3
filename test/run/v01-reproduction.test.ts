/**
 * @file `--fill raw --graph all` with the extractors' previous versions reproduces what lmkg 0.1
 * reported, and `lmkg compare --mode paper` is unchanged: test/run/fixtures/v01-reference.json was
 * written by lmkg 0.1 itself (scripts/fixtures/v01-reference.sh checks out commit b0441a8 and runs
 * the same study on the same seeded tiny models and test parser).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { loadNlp } from '../../src/nlp/index.js';
import { runStudy } from '../../src/run/index.js';
import { runCli } from '../helpers/cli.js';
import { makeTinyModels } from '../helpers/tiny-models.js';
import { tempDir } from '../helpers/tmp.js';

interface Reference {
  study: { limit: number; datasets: string[]; extractors: string[] };
  summary: Array<Record<string, string | number | null>>;
  comparePaper: Array<Record<string, string | number | null>>;
}

const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'v01-reference.json'), 'utf8')) as Reference;
let dir: string;
let out: string;

before(async () => {
  dir = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  await makeTinyModels(dir);
  out = join(dir, 'study');
  const parserModel = (await loadNlp({ trainLimit: 2000, typeEntities: false })).modelFile;
  await runStudy({
    models: [join(dir, 'models')], datasets: reference.study.datasets, extractors: reference.study.extractors, limit: reference.study.limit,
    bootstrap: 0, report: false, out, nlp: { modelFile: parserModel }, fill: 'raw', graph: 'all', chance: 0,
  });
});

/** Equal, or within float rounding for computed metrics. */
function close(actual: unknown, expected: unknown, what: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
  else assert.equal(actual, expected, what);
}

test('--fill raw --graph all reproduces the summary of lmkg 0.1 (P@1, triple P/R/F1, sizes, AED, HED, FEATHER, POS)', () => {
  const summary = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n');
  const header = summary[0]!.split(',');
  const rows = summary.slice(1).map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i]!, cell === '' ? null : Number.isNaN(Number(cell)) ? cell : Number(cell)])));
  assert.equal(rows.length, reference.summary.length);
  reference.summary.forEach((expected, i) => {
    const row = rows[i]!;
    for (const [key, value] of Object.entries(expected)) close(row[key], value, `${expected.dataset}/${expected.model}/${expected.extractor} ${key}`);
    assert.equal(row.graph, 'all');
  });
});

test('lmkg compare --mode paper gives lmkg 0.1\'s values on the same study', async () => {
  const file = join(dir, 'paper.json');
  const result = await runCli(['compare', join(out, 're-place-birth'), '--mode', 'paper', '--metrics', 'triples,aed,hed,feather,pos', '--bootstrap', '0', '--out', file]);
  assert.equal(result.code, 0, result.stderr);
  const rows = JSON.parse(readFileSync(file, 'utf8')).rows as Array<Record<string, unknown>>;
  assert.equal(rows.length, reference.comparePaper.length);
  reference.comparePaper.forEach((expected, i) => {
    for (const [key, value] of Object.entries(expected)) close(rows[i]![key], value, `${expected.graph} ${key}`);
  });
});
