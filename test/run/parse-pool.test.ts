import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadNlp } from '../../src/nlp/index.js';
import { createParsePool } from '../../src/run/parse-pool.js';
import { corpusText } from '../helpers/data-dir.js';

test('parse pool: sentences parsed on two worker threads equal those parsed on this one, in order', async (t) => {
  const nlp = await loadNlp({ trainLimit: 2000, typeEntities: false });
  const texts = readFileSync(corpusText('general'), 'utf8').split('\n').filter((line) => line.length > 20 && line.length < 200).slice(0, 80);
  const pool = createParsePool(2, { modelFile: nlp.modelFile });
  t.after(() => pool.close());
  const parsed = await pool.parseMany(texts);
  assert.equal(parsed.length, texts.length);
  assert.deepEqual(JSON.parse(JSON.stringify(parsed)), JSON.parse(JSON.stringify(texts.map((text) => nlp.parse(text)))));
  assert.deepEqual(await pool.parseMany(texts.slice(0, 3)), parsed.slice(0, 3), 'the threads stay for the next batch');
});
