import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { InvalidOptionError } from '../../src/errors.js';
import { loadNlp } from '../../src/nlp/load-nlp.js';
import { sharedData } from '../helpers/data-dir.js';
import { tempDir } from '../helpers/tmp.js';

// A subset model keeps this file fast; the cached full model parses the same sentence the same way.
const SUBSET = { trainLimit: 2000, epochs: 8 };
const cacheDir = tempDir({ after });

test('parse() gives tokens, lemmas, UPOS, heads, full labels, offsets and entities', async () => {
  void sharedData('ud');
  const stages: string[] = [];
  const nlp = await loadNlp({ ...SUBSET, cacheDir, onProgress: (p) => stages.push(p.stage) });
  assert.ok(stages.includes('train') && stages.includes('save'));
  const files = readdirSync(join(cacheDir, 'parser'));
  assert.equal(files.length, 1);
  assert.match(files[0]!, /^ewt-[0-9a-f]{16}\.lmkgparser$/);
  assert.equal(nlp.modelFile, join(cacheDir, 'parser', files[0]!));

  const text = 'Allan Dwan was born in Toronto.';
  const parsed = nlp.parse(text);
  assert.equal(parsed.text, text);
  assert.deepEqual(
    parsed.tokens.map((tok) => [tok.index, tok.text, tok.lemma, tok.upos, tok.head, tok.deprel, tok.start, tok.end]),
    [
      [0, 'Allan', 'Allan', 'PROPN', 3, 'nsubj:pass', 0, 5],
      [1, 'Dwan', 'Dwan', 'PROPN', 0, 'flat', 6, 10],
      [2, 'was', 'be', 'AUX', 3, 'aux:pass', 11, 14],
      [3, 'born', 'bear', 'VERB', -1, 'root', 15, 19],
      [4, 'in', 'in', 'ADP', 5, 'case', 20, 22],
      [5, 'Toronto', 'Toronto', 'PROPN', 3, 'obl', 23, 30],
      [6, '.', '.', 'PUNCT', 3, 'punct', 30, 31],
    ],
  );
  assert.deepEqual(parsed.entities, [
    { start: 0, end: 2, text: 'Allan Dwan', type: 'PERSON' },
    { start: 5, end: 6, text: 'Toronto', type: 'PLACE' },
  ]);
  assert.deepEqual(parsed.sentences, [{ start: 0, end: 7 }]);

  // Loading again in this process reuses the model; a new process would load the cached file.
  const again = await loadNlp({ ...SUBSET, cacheDir });
  assert.equal(again.model, nlp.model);
  const fromFile = await loadNlp({ modelFile: nlp.modelFile, typeEntities: false });
  assert.deepEqual(fromFile.parse(text).tokens, parsed.tokens);
  assert.deepEqual(fromFile.parse(text).entities.map((e) => e.type), ['OTHER', 'OTHER']);
});

test('each sentence of a text is its own tree; parseSentences and parseMany split and batch', async () => {
  const nlp = await loadNlp({ ...SUBSET, cacheDir });
  const text = 'Allan Dwan was born in Toronto. He died in Los Angeles.';
  const parsed = nlp.parse(text);
  assert.deepEqual(parsed.sentences, [{ start: 0, end: 7 }, { start: 7, end: 13 }]);
  assert.deepEqual(parsed.tokens.filter((tok) => tok.head === -1).map((tok) => tok.text), ['born', 'died']);
  for (const tok of parsed.tokens) {
    assert.equal(text.slice(tok.start, tok.end), tok.text);
    if (tok.head >= 0) assert.equal(tok.index < 7, tok.head < 7, 'no arc crosses a sentence boundary');
  }
  const [first, second] = nlp.parseSentences(text);
  assert.equal(first!.text, 'Allan Dwan was born in Toronto.');
  assert.equal(second!.text, 'He died in Los Angeles.');
  assert.deepEqual(second!.tokens.map((tok) => [tok.index, tok.head, tok.start]).slice(0, 2), [[0, 1, 0], [1, -1, 3]]);
  assert.deepEqual(second!.entities, [{ start: 3, end: 5, text: 'Los Angeles', type: 'PLACE' }]);
  assert.deepEqual(nlp.parseMany([text, 'Hi.']).map((p) => p.tokens.length), [13, 2]);
  assert.deepEqual(nlp.parse('').tokens, []);
  assert.deepEqual(nlp.tagWords('Toronto is big.').map((tok) => tok.upos), ['PROPN', 'AUX', 'ADJ', 'PUNCT']);
});

test('loadNlp rejects unknown or mistyped options', async () => {
  await assert.rejects(loadNlp({ trainLimt: 5 } as never), InvalidOptionError);
  await assert.rejects(loadNlp({ trainLimit: -1 }), InvalidOptionError);
  await assert.rejects(loadNlp({ onProgress: 3 } as never), InvalidOptionError);
});
