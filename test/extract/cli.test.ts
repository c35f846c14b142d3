/**
 * `lmkg extract` end to end, run from the TypeScript sources (no build needed): a hand-written
 * predictions file in, every output file and the printed counts and scores out. (The run with a
 * sentence extractor is in real-parser.test.ts, which trains the test parser once.)
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadKnowledgeGraph } from '../../src/kg/json.js';
import { tempDir } from '../helpers/tmp.js';
import { lmkg, predictionsFile } from './cli-helpers.js';
import { RECORDS } from './records-fixture.js';

test('lmkg extract --extractor lama writes every file and prints counts and P/R/F1', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'out');
  const result = await lmkg(['extract', '--predictions', predictionsFile(dir), '--extractor', 'lama', '--mode', 'paper', '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /predicted \(kg\)\s+4\s+2/);
  assert.match(result.stdout, /gold \(gold_kg\)\s+3\s+2/);
  assert.match(result.stdout, /all triples, the paper's graph \(lama, paper mode\): precision 0\.5000 {2}recall 0\.5000 {2}F1 0\.5000/);
  // one fact right, one wrong: half of the fact triples match
  assert.match(result.stdout, /fact triples, per fact \(lama\): precision 0\.5000 {2}recall 0\.5000 {2}F1 0\.5000 {2}\(2 facts, 2 with a gold fact triple\)/);
  for (const name of ['kg.json', 'gold_kg.json', 'kg.csv', 'gold_kg.csv', 'intersection.csv', 'missed.csv', 'new.csv', 'kg.graphml', 'gold_kg.graphml', 'scores.json']) {
    assert.ok(existsSync(join(out, name)), name);
  }
  const kg = loadKnowledgeGraph(readFileSync(join(out, 'kg.json'), 'utf8'));
  assert.equal(kg.getAttribute('model'), 'bert-base-uncased');
  assert.equal(kg.getAttribute('extractor'), 'lama');
  assert.equal(kg.getAttribute('predictionsFile'), join(dir, 'bert.jsonl'));
  assert.equal(readFileSync(join(out, 'new.csv'), 'utf8'), ',source,target,edge,slot\n0,Dwan,Paris,place of birth,object\n');
});

test('lmkg extract errors: unknown extractor, bad mode, missing file, lama on SQuAD', async (t) => {
  const dir = tempDir(t);
  const file = predictionsFile(dir);
  const unknown = await lmkg(['extract', '--predictions', file, '--extractor', 'openie', '--out', join(dir, 'o')]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^lmkg: unknown extractor "openie"; valid extractors: entity-prep \(spacy\), svo \(textacy\), svo-plus \(custom\), clause, lama\n$/);
  const mode = await lmkg(['extract', '--predictions', file, '--mode', 'pairs', '--out', join(dir, 'o')]);
  assert.equal(mode.code, 2);
  const missing = await lmkg(['extract', '--predictions', join(dir, 'none.jsonl'), '--out', join(dir, 'o')]);
  assert.equal(missing.code, 3);
  const squad = join(dir, 'squad.jsonl');
  writeFileSync(squad, `${JSON.stringify({ ...RECORDS[0], dataset: 'squad', subject: null, relation: null })}\n`);
  const lama = await lmkg(['extract', '--predictions', squad, '--extractor', 'lama', '--out', join(dir, 'o')]);
  assert.equal(lama.code, 2);
  assert.match(lama.stderr, /For SQuAD use a sentence extractor/);
  assert.equal(existsSync(join(dir, 'o')), false, 'nothing written on error');
});
