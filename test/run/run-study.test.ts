import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { DataFormatError, UsageError } from '../../src/errors.js';
import { EXTRACTORS } from '../../src/extract/index.js';
import { expandModels, readRunConfig, runStudy, safeFolderName, type RunStudyOptions } from '../../src/run/index.js';
import { runCli } from '../helpers/cli.js';
import { runFolderSnapshot } from '../helpers/run-folder.js';
import { makeTinyModels } from '../helpers/tiny-models.js';
import { tempDir } from '../helpers/tmp.js';
import { mkdirSync } from 'node:fs';
import { loadNlp } from '../../src/nlp/index.js';

let base: string;
let grid: Omit<RunStudyOptions, 'out'>;

before(async () => {
  base = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  await makeTinyModels(base);
  grid = {
    models: [join(base, 'models')], datasets: ['re-place-birth', 'squad'], extractors: ['svo-plus', 'entity-prep'], limit: 12, bootstrap: 20,
    nlp: { trainLimit: 2000 },
  };
});

const snapshot = runFolderSnapshot;

test('run: a grid stopped after its first cell and run again equals an uninterrupted run', async (t) => {
  const straight = join(tempDir(t), 'straight');
  const whole = await runStudy({ ...grid, out: straight });
  assert.equal(whole.complete, true);
  assert.equal(whole.cellsComputed, 4); // a cell is one model on one dataset, with every extractor
  assert.equal(whole.summary.length, 8);

  const resumed = join(tempDir(t), 'resumed');
  const first = await runStudy({ ...grid, out: resumed, maxCells: 1 });
  assert.equal(first.complete, false);
  assert.equal(first.cellsComputed, 1);
  const second = await runStudy({ ...grid, out: resumed });
  assert.equal(second.complete, true);
  assert.equal(second.cellsSkipped, 1);
  assert.equal(second.cellsComputed, 3);
  const a = snapshot(straight);
  const b = snapshot(resumed);
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [file, text] of a) assert.equal(b.get(file), text, file);

  // A third run does no work.
  const third = await runStudy({ ...grid, out: resumed });
  assert.equal(third.cellsComputed, 0);
  assert.equal(third.cellsSkipped, 4);

  // A cell built by an older version of its extractor is computed again.
  const cellMetrics = join(resumed, 're-place-birth/epoch-1/svo-plus/metrics.json');
  const recorded = JSON.parse(readFileSync(cellMetrics, 'utf8'));
  assert.equal(recorded.inputs.extractorVersion, EXTRACTORS['svo-plus'].version);
  writeFileSync(cellMetrics, JSON.stringify({ ...recorded, inputs: { ...recorded.inputs, extractorVersion: 0 } }));
  const fourth = await runStudy({ ...grid, out: resumed });
  assert.equal(fourth.cellsComputed, 1);
  assert.equal(JSON.parse(readFileSync(cellMetrics, 'utf8')).inputs.extractorVersion, EXTRACTORS['svo-plus'].version);

  // Layout and content of the folder.
  for (const file of ['summary.csv', 'run.json', 'report-data.json', 'report.html', 're-place-birth/timeline.csv', 're-place-birth/epoch-1/predictions.jsonl',
    're-place-birth/epoch-1/svo-plus/kg.csv', 're-place-birth/epoch-1/svo-plus/gold_kg.csv', 're-place-birth/epoch-1/svo-plus/intersection.csv',
    're-place-birth/epoch-1/svo-plus/missed.csv', 're-place-birth/epoch-1/svo-plus/new.csv', 're-place-birth/epoch-1/svo-plus/kg.graphml',
    're-place-birth/epoch-1/svo-plus/metrics.json']) {
    assert.ok(a.has(file), file);
  }
  const run = JSON.parse(readFileSync(join(straight, 'run.json'), 'utf8'));
  assert.equal(run.status, 'complete');
  assert.equal(run.timeline, true);
  assert.deepEqual(run.models.map((m: { name: string }) => m.name), ['epoch-0', 'epoch-1']);
  assert.match(run.models[0].weightsSha256, /^[0-9a-f]{64}$/);
  assert.match(run.datasets[0].sha256, /^[0-9a-f]{64}$/);
  const csv = readFileSync(join(straight, 'summary.csv'), 'utf8').trim().split('\n');
  assert.equal(csv.length, 9);
  const metrics = JSON.parse(readFileSync(join(straight, 'squad/epoch-0/entity-prep/metrics.json'), 'utf8'));
  assert.deepEqual(csv[0]!.split(',').slice(0, 4), ['dataset', 'model', 'extractor', 'facts']);
  assert.ok(csv.some((line) => line.startsWith(`squad,epoch-0,entity-prep,${metrics.summary.facts},`)));
});

test('run: the CLI reads lmkg.config.json; bad configs name the field', async (t) => {
  const dir = tempDir(t);
  const config = join(dir, 'lmkg.config.json');
  writeFileSync(config, JSON.stringify({ models: [join(base, 'models', 'epoch-0')], datasets: ['squad'], extractors: ['svo-plus'], out: join(dir, 'out'), limit: 5, bootstrap: 0, report: false }));
  const parserModel = (await loadNlp({ trainLimit: 2000, typeEntities: false })).modelFile;
  const ok = await runCli(['run', '--config', config, '--parser-model', parserModel]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /1 cells computed/);
  writeFileSync(config, JSON.stringify({ models: ['x'], datasets: ['squad'], out: 'o', topk: 3 }));
  assert.throws(() => readRunConfig(config, true), (error: unknown) => error instanceof DataFormatError && /\(field "topk"\): unknown setting/.test(error.message));
  writeFileSync(config, JSON.stringify({ models: 'x', datasets: ['squad'], out: 'o' }));
  assert.throws(() => readRunConfig(config, true), /\(field "models"\): must be a list/);
  writeFileSync(config, JSON.stringify({ models: ['x'], datasets: ['squad'], out: 'o', compareMode: 'fast' }));
  const bad = await runCli(['run', '--config', config]);
  assert.equal(bad.code, 4);
  assert.match(bad.stderr, /lmkg\.config\.json \(field "compareMode"\): must be one of "exact-defs", "paper", got "fast"/);
  assert.equal(readRunConfig(join(dir, 'absent.json'), false), null);
});

test('run: model lists expand snapshot folders in natural order; hub ids get safe folder names', (t) => {
  const dir = tempDir(t);
  for (const name of ['epoch-10', 'epoch-9', 'epoch-0', 'notes']) {
    mkdirSync(join(dir, 'run', name), { recursive: true });
    if (name !== 'notes') writeFileSync(join(dir, 'run', name, 'config.json'), '{}');
  }
  const { models, timeline } = expandModels([join(dir, 'run')]);
  assert.deepEqual(models.map((m) => m.name), ['epoch-0', 'epoch-9', 'epoch-10']);
  assert.equal(timeline, true);
  const globbed = expandModels([join(dir, 'run', 'epoch-1*')]);
  assert.deepEqual(globbed.models.map((m) => m.name), ['epoch-10']);
  const hub = expandModels(['Xenova/bert-base-uncased', 'roberta-base']);
  assert.deepEqual(hub.models.map((m) => [m.name, m.folder]), [['Xenova/bert-base-uncased', 'Xenova__bert-base-uncased'], ['roberta-base', 'roberta-base']]);
  assert.equal(hub.timeline, false);
  assert.equal(safeFolderName('../evil name'), '___evil_name');
  assert.throws(() => expandModels([]), UsageError);
  assert.throws(() => expandModels([join(dir, 'run', 'nothing-*')]), /matches no folder/);
});

test('run: against a reference model the chance baseline is left out (the null is scored against gold); against gold it is there', async (t) => {
  const small = { ...grid, datasets: ['re-place-birth'], extractors: ['svo-plus'], bootstrap: 0, chance: 39 };
  const versusModel = join(tempDir(t), 'vs-model');
  const result = await runStudy({ ...small, out: versusModel, reference: 'epoch-0' });
  assert.equal(result.complete, true);
  const row = result.summary.find((r) => r.model === 'epoch-1')!;
  assert.equal(row.chance.factF1 ?? null, null);
  assert.equal(readFileSync(join(versusModel, 're-place-birth/epoch-1/svo-plus/metrics.json'), 'utf8').includes('"chance": null'), true);
  assert.throws(() => readFileSync(join(versusModel, 're-place-birth/epoch-1/chance.json')), /ENOENT/);

  const versusGold = join(tempDir(t), 'vs-gold');
  const gold = await runStudy({ ...small, out: versusGold });
  const goldRow = gold.summary.find((r) => r.model === 'epoch-1')!;
  assert.notEqual(goldRow.chance.factF1, null);
  readFileSync(join(versusGold, 're-place-birth/epoch-1/chance.json'));
});
