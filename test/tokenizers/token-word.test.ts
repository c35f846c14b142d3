import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { type TokenizerInfo } from '../../src/index.js';
import { normaliseWord, readTokenizerInfo, tokenWord } from '../../src/internal.js';
import { loadTokenizer } from '../../src/tokenizers/index.js';
import { tempDir } from '../helpers/tmp.js';
import { makeTokenizer } from '../lm/fixtures.js';

const fake = (family: TokenizerInfo['family'], vocab: string[]) => ({ family, continuingPrefix: family === 'wordpiece' ? '##' : null, specialIds: new Set([0]), vocab });

test('tokenWord: byte-level, word-piece and metaspace tokens as words', () => {
  const bpe = fake('byte-level', ['<s>', 'ĠParis', 'aris', 'ĠMÃ¼nchen', 'Ġ']);
  assert.deepEqual(tokenWord(bpe, 0), { word: '<s>', spaceBefore: true });
  assert.deepEqual(tokenWord(bpe, 1), { word: 'Paris', spaceBefore: true });
  assert.deepEqual(tokenWord(bpe, 2), { word: 'aris', spaceBefore: false });
  assert.deepEqual(tokenWord(bpe, 3), { word: 'München', spaceBefore: true });
  const wp = fake('wordpiece', ['[CLS]', 'paris', '##ing', '##']);
  assert.deepEqual(tokenWord(wp, 1), { word: 'paris', spaceBefore: true });
  assert.deepEqual(tokenWord(wp, 2), { word: 'ing', spaceBefore: false });
  assert.deepEqual(tokenWord(wp, 3), { word: '##', spaceBefore: true });
  assert.deepEqual(tokenWord(fake('metaspace', ['<s>', '\u2581Paris', 'is']), 1), { word: 'Paris', spaceBefore: true });
});

test('normaliseWord: trimmed, NFC, lowercased for uncased models', () => {
  assert.equal(normaliseWord(' Paris ', true), 'paris');
  assert.equal(normaliseWord('Paris', false), 'Paris');
});

test('tokenWord agrees with the tokenizer layer on every token of lmkg-trained vocabularies', async (t) => {
  const dir = tempDir(t);
  for (const type of ['bpe', 'wordpiece'] as const) {
    const folder = await makeTokenizer(type, join(dir, type));
    const info = readTokenizerInfo(folder);
    const tokenizer = await loadTokenizer(folder);
    assert.equal(info.vocab.length, tokenizer.vocabSize);
    assert.equal(info.uncased, tokenizer.lowercase);
    assert.equal(info.mask?.token, tokenizer.maskToken);
    info.vocab.forEach((token, id) => {
      const word = tokenWord(info, id);
      assert.equal(word.word, tokenizer.tokenToWord(token), `${type} ${token}`);
      if (!info.specialIds.has(id)) assert.equal(word.spaceBefore, tokenizer.startsWord(token), `${type} ${token}`);
    });
  }
});
