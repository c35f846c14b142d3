/**
 * @file Differential test of lmkg's encoder/decoder against tokenizers.js on random text: control
 * and format characters, combining marks, lone surrogates, final sigma, CJK, emoji, special tokens
 * glued to words, whitespace of every kind; and random id sequences for decoding.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createTokenizer, saveTokenizer, trainTokenizer } from '../../src/tokenizers/index.js';
import { tempDir } from '../helpers/tmp.js';
import { loadHfTokenizer, writeTrainingText } from './fixtures.js';

const work = tempDir({ after });
const corpusFile = writeTrainingText(work);

const PIECES = [
  '<mask>', '<s>', '</s>', '<pad>', '[MASK]', '[CLS]', '[SEP]', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2028', '\u0085', '\u200b',
  '\ufeff', '\u00ad', '\u0000', '\ufffd', '\ud800', '\udc00', '😀', '👍🏽', '🇫🇷', 'e\u0301', 'ΣΑΣ', 'ΟΔΟΣ.', 'İstanbul', 'ß', 'Æ', 'ﬁ', '東京',
  '𠀀', '한국어', 'العربية', 'naïve', "'s", "'ll", "n't", '...', '—', '1,000', '3.14', 'x²', '½', 'Dante', 'Florence', 'the', 'born', 'in',
  '-', '(', ')', '#', '\u0301', 'a', 'Z',
];

function randomTexts(count: number): string[] {
  let seed = 2021;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, () => {
    let text = '';
    const parts = 1 + Math.floor(random() * 12);
    for (let j = 0; j < parts; j++) {
      text += random() < 0.15 ? String.fromCodePoint(Math.floor(random() * 0x3000)) : PIECES[Math.floor(random() * PIECES.length)];
    }
    return text;
  });
}

for (const type of ['bpe', 'wordpiece'] as const) {
  test(`${type}: 2,000 random texts and 1,000 random id lists give tokenizers.js' ids, tokens and text`, async () => {
    const tok = await trainTokenizer({ type, corpus: [corpusFile], vocabSize: type === 'bpe' ? 700 : 400 });
    const dir = join(work, type);
    await saveTokenizer(tok, dir);
    const hf = loadHfTokenizer(dir);
    for (const text of randomTexts(2000)) {
      const ids = tok.encode(text);
      assert.deepEqual(ids, hf.encode(text).ids, JSON.stringify(text));
      assert.deepEqual(tok.tokenize(text), hf.tokenize(text), JSON.stringify(text));
      assert.equal(tok.decode(ids), hf.decode(ids), JSON.stringify(text));
    }
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 1000; i++) {
      const ids = Array.from({ length: 1 + Math.floor(random() * 10) }, () => Math.floor(random() * (random() < 0.2 ? 8 : tok.vocabSize)));
      assert.equal(tok.decode(ids, { skipSpecialTokens: true }), hf.decode(ids, { skip_special_tokens: true }), JSON.stringify(ids));
      assert.equal(tok.decode(ids, { cleanUpTokenizationSpaces: true }), hf.decode(ids, { clean_up_tokenization_spaces: true }), JSON.stringify(ids));
    }
  });
}

test('createTokenizer builds the same tokenizer from the JSON objects in memory', async () => {
  const trained = await trainTokenizer({ type: 'bpe', corpus: [corpusFile], vocabSize: 500 });
  const copy = createTokenizer(JSON.parse(JSON.stringify(trained.tokenizerJson)), trained.tokenizerConfig, { where: 'test' });
  for (const text of randomTexts(200)) assert.deepEqual(copy.encode(text), trained.encode(text));
  assert.equal(copy.training, null);
  // a word longer than 48 bytes takes the heap path of the BPE merge loop; both paths agree with tokenizers.js above
  const long = 'Florence'.repeat(20);
  assert.equal(copy.decode(copy.encode(long, { addSpecialTokens: false })), long);
});
