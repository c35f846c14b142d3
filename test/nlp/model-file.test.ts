import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataFormatError, NotFoundError } from '../../src/errors.js';
import { loadParserModel, saveParserModel } from '../../src/nlp/model-file.js';
import { parseTaggedWords } from '../../src/nlp/parser-model.js';
import { readTreebank } from '../../src/nlp/treebank.js';
import { trainParser } from '../../src/nlp/train-parser.js';
import { tagGoldWords } from '../../src/nlp/tag-gold-words.js';
import { sharedData } from '../helpers/data-dir.js';
import { tempDir } from '../helpers/tmp.js';

let trained: ReturnType<typeof trainTiny> | undefined;
const tinyModel = () => (trained ??= trainTiny());

async function trainTiny() {
  void sharedData('ud');
  const treebank = await readTreebank('train', { limit: 300 });
  return trainParser(treebank.map((s) => {
    const forms = s.words.map((w) => w.form);
    return { forms, tags: tagGoldWords(forms), goldTags: s.words.map((w) => w.upos), heads: s.words.map((w) => w.head), deprels: s.words.map((w) => w.deprel) };
  }), { epochs: 2 });
}

test('a saved model loads back and parses exactly as before', async (t) => {
  const model = await tinyModel();
  const file = join(tempDir(t), 'sub', 'model.lmkgparser');
  await saveParserModel(model, file);
  const loaded = await loadParserModel(file);
  assert.deepEqual(loaded.info, model.info);
  assert.deepEqual(loaded.labels, model.labels);
  assert.deepEqual([...loaded.leftLabels], [...model.leftLabels]);
  assert.equal(loaded.weights.index.count, model.weights.index.count);
  assert.deepEqual(loaded.words, model.words);
  assert.ok(loaded.tagger && model.tagger);
  const dev = await readTreebank('dev', { limit: 50 });
  for (const sentence of dev) {
    const forms = sentence.words.map((w) => w.form);
    const tags = tagGoldWords(forms);
    const before = parseTaggedWords(model, forms, tags);
    const after = parseTaggedWords(loaded, forms, tags);
    assert.deepEqual([...after.heads], [...before.heads], sentence.id);
    assert.deepEqual(after.deprels, before.deprels, sentence.id);
  }
});

test('a missing model is NotFoundError; a damaged one is DataFormatError naming the file', async (t) => {
  const dir = tempDir(t);
  await assert.rejects(loadParserModel(join(dir, 'none.lmkgparser')), NotFoundError);
  const junk = join(dir, 'junk.lmkgparser');
  writeFileSync(junk, 'hello');
  await assert.rejects(loadParserModel(junk), (error: unknown) => error instanceof DataFormatError && error.location.file === junk);
  const model = await tinyModel();
  const file = join(dir, 'cut.lmkgparser');
  await saveParserModel(model, file);
  const bytes = readFileSync(file);
  writeFileSync(file, bytes.subarray(0, bytes.length - 1000));
  await assert.rejects(loadParserModel(file), (error: unknown) => error instanceof DataFormatError && /truncated/.test((error as Error).message));
  const old = join(dir, 'old.lmkgparser');
  await saveParserModel({ ...model, info: { ...model.info, parserVersion: 'arc-hybrid-0' } }, old);
  await assert.rejects(loadParserModel(old), (error: unknown) => error instanceof DataFormatError && /parser version "arc-hybrid-0"/.test((error as Error).message));
});
