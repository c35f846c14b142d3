import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidOptionError } from '../../src/errors.js';
import { extractKnowledgeGraphs } from '../../src/extract/extract-knowledge-graphs.js';
import { writeExtractOutputs } from '../../src/extract/write-outputs.js';
import { kgTriples } from '../../src/kg/create.js';
import { readKnowledgeGraph } from '../../src/kg/files.js';
import { LMKG_VERSION } from '../../src/version.js';
import { tempDir } from '../helpers/tmp.js';
import { fixtureParser } from './conllu-fixture.js';
import { RECORDS } from './records-fixture.js';

const t = (subject: string, relation: string, object: string) => ({ subject, relation, object });

test('predicted and gold graphs, their set operations and scores', () => {
  const result = extractKnowledgeGraphs(RECORDS, { extractor: 'spacy', parse: fixtureParser, predictionsFile: 'p.jsonl', model: 'bert-base-uncased' });
  assert.deepEqual(kgTriples(result.predicted), [t('Allan Dwan', 'born in', 'Toronto'), t('Dwan', 'born in', 'Paris')]);
  assert.deepEqual(kgTriples(result.gold), [t('Allan Dwan', 'born in', 'Toronto'), t('Dwan', 'born in', 'Toronto')]);
  assert.deepEqual(kgTriples(result.diff.intersection), [t('Allan Dwan', 'born in', 'Toronto')]);
  assert.deepEqual(kgTriples(result.diff.missed), [t('Dwan', 'born in', 'Toronto')]);
  assert.deepEqual(kgTriples(result.diff.new), [t('Dwan', 'born in', 'Paris')]);
  assert.deepEqual([result.diff.precision, result.diff.recall, result.diff.f1], [0.5, 0.5, 0.5]);
  assert.deepEqual(result.predicted.getAttributes(), {
    extractor: 'entity-prep', extractorVersion: 1, predictionsFile: 'p.jsonl', model: 'bert-base-uncased', dataset: 're-place-birth',
    options: { extractor: 'entity-prep', mode: 'triples', model: 'bert-base-uncased' }, name: 'predicted', side: 'predicted', mode: 'triples', lmkgVersion: LMKG_VERSION,
  });
  assert.deepEqual(result.triples, { predicted: 2, gold: 2 });
  // every triple holds the slot in its object: per fact, f1 matches and f2 does not
  assert.deepEqual(result.facts?.all, { precision: 0.5, recall: 0.5, f1: 0.5, matched: 1, predicted: 2, gold: 2, facts: 2 });
  assert.deepEqual(result.coverage.gold.overall, { queries: 2, slot: 1, fact: 1 });
});

test('the lama extractor in paper mode', () => {
  const result = extractKnowledgeGraphs(RECORDS, { extractor: 'lama', mode: 'paper' });
  assert.deepEqual(kgTriples(result.gold), [t('Allan Dwan', 'place of birth', 'Toronto'), t('Dwan', 'place of birth', 'Toronto')]);
  assert.equal(result.gold.getAttribute('mode'), 'paper');
  assert.deepEqual(result.diff.counts, { predicted: 2, gold: 2, intersection: 1, missed: 1, new: 1 });
});

test('bad options are InvalidOptionErrors', () => {
  assert.throws(() => extractKnowledgeGraphs(RECORDS, { extractor: 'lama', mode: 'all' as never }), InvalidOptionError);
  assert.throws(() => extractKnowledgeGraphs(RECORDS, { extractor: 'nope' }), InvalidOptionError);
});

test('writeExtractOutputs writes every file; the graphs read back', async (t) => {
  const dir = tempDir(t);
  const result = extractKnowledgeGraphs(RECORDS, { extractor: 'spacy', parse: fixtureParser, predictionsFile: 'p.jsonl' });
  const written = await writeExtractOutputs(dir, result, { gexf: true });
  assert.deepEqual(written.map((path) => path.slice(dir.length + 1)), [
    'kg.json', 'gold_kg.json', 'kg.csv', 'gold_kg.csv', 'intersection.csv', 'missed.csv', 'new.csv',
    'kg.graphml', 'kg.gexf', 'gold_kg.graphml', 'gold_kg.gexf', 'intersection.graphml', 'intersection.gexf',
    'missed.graphml', 'missed.gexf', 'new.graphml', 'new.gexf', 'scores.json',
  ]);
  assert.equal(readFileSync(join(dir, 'missed.csv'), 'utf8'), ',source,target,edge,slot\n0,Dwan,Toronto,born in,object\n');
  assert.deepEqual(kgTriples(await readKnowledgeGraph(join(dir, 'gold_kg.graphml'))), kgTriples(result.gold));
  const scores = JSON.parse(readFileSync(join(dir, 'scores.json'), 'utf8'));
  assert.deepEqual([scores.extractor, scores.predictionsFile, scores.model, scores.precision, scores.counts.intersection], ['entity-prep', 'p.jsonl', null, 0.5, 1]);
});

test('extractKnowledgeGraphsFromFile reads the records and the model from the probe meta', async (t) => {
  const { writeFileSync } = await import('node:fs');
  const { extractKnowledgeGraphsFromFile } = await import('../../src/extract/extract-from-file.js');
  const dir = tempDir(t);
  const file = join(dir, 'p.jsonl');
  writeFileSync(file, `${RECORDS.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(`${file}.meta.json`, JSON.stringify({ model: { spec: './models/bert', hubId: null } }));
  const result = await extractKnowledgeGraphsFromFile(file, { extractor: 'lama' });
  assert.deepEqual([result.predicted.getAttribute('model'), result.predicted.getAttribute('predictionsFile'), result.diff.counts.intersection], ['./models/bert', file, 1]);
  const named = await extractKnowledgeGraphsFromFile(file, { extractor: 'lama', model: 'mine' });
  assert.equal(named.gold.getAttribute('model'), 'mine');
});
