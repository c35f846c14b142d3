import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DataFormatError, InvalidOptionError, NotFoundError, UsageError } from '../../src/errors.js';
import { saveTokenizer, trainTokenizer, type Tokenizer } from '../../src/tokenizers/index.js';
import { tempDir } from '../helpers/tmp.js';
import { loadHfTokenizer, loadTransformersTokenizer, PROBES, TRAINING_TEXT, writeTrainingText } from './fixtures.js';

const work = tempDir({ after });
const corpusFile = writeTrainingText(work);
const bpe = await trainTokenizer({ type: 'bpe', corpus: [corpusFile], vocabSize: 900 });
const wordpiece = await trainTokenizer({ type: 'wordpiece', corpus: [corpusFile], vocabSize: 420 });
const bpeDir = join(work, 'bpe');
const wordpieceDir = join(work, 'wordpiece');
await saveTokenizer(bpe, bpeDir);
await saveTokenizer(wordpiece, wordpieceDir);

test('trained tokenizers have the requested size and the special tokens at ids 0..4', () => {
  assert.equal(bpe.kind, 'bpe');
  assert.equal(bpe.vocabSize, 900);
  assert.deepEqual([0, 1, 2, 3, 4].map((id) => bpe.idToToken(id)), ['<s>', '<pad>', '</s>', '<unk>', '<mask>']);
  assert.deepEqual(bpe.specials, {
    cls: { token: '<s>', id: 0 }, sep: { token: '</s>', id: 2 }, pad: { token: '<pad>', id: 1 }, unk: { token: '<unk>', id: 3 },
    mask: { token: '<mask>', id: 4 }, bos: { token: '<s>', id: 0 }, eos: { token: '</s>', id: 2 },
  });
  assert.equal(bpe.maskToken, '<mask>');
  // the byte alphabet follows the specials, sorted by code point: "!" is the first byte character
  assert.equal(bpe.tokenToId('!'), 5);
  assert.equal(bpe.tokenToId('Ġ'), 5 + 188 + 32);
  assert.equal(wordpiece.kind, 'wordpiece');
  assert.equal(wordpiece.vocabSize, 420);
  assert.deepEqual([0, 1, 2, 3, 4].map((id) => wordpiece.idToToken(id)), ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
  assert.deepEqual(wordpiece.specials, {
    cls: { token: '[CLS]', id: 2 }, sep: { token: '[SEP]', id: 3 }, pad: { token: '[PAD]', id: 0 }, unk: { token: '[UNK]', id: 1 },
    mask: { token: '[MASK]', id: 4 }, bos: null, eos: null,
  });
  assert.equal(wordpiece.lowercase, true);
  assert.equal(bpe.training?.learnedVocabSize, 900);
  assert.equal(bpe.training?.lines, 60);
});

test('byte-level BPE round-trips text exactly: ASCII, accents, digits, emoji, CJK, whitespace runs', () => {
  for (const text of PROBES) {
    const ids = bpe.encode(text);
    assert.equal(ids[0], 0);
    assert.equal(ids.at(-1), 2);
    assert.equal(bpe.decode(ids, { skipSpecialTokens: true }), text, JSON.stringify(text));
    assert.equal(bpe.decode(bpe.encode(text, { addSpecialTokens: false })), text);
  }
  assert.equal(bpe.decode(bpe.encode('Dante')), '<s>Dante</s>');
  // frequent words of the training text became single tokens
  assert.deepEqual(bpe.tokenize('Dante was born in Florence'), ['Dante', 'Ġwas', 'Ġborn', 'Ġin', 'ĠFlorence']);
});

test('WordPiece round-trips to the BERT-normalised text (lowercased, accents stripped, spaces around punctuation)', () => {
  const cases: Array<[string, string]> = [
    ['Dante was born in Florence.', 'dante was born in florence.'],
    ['CAFÉ Crème   BRÛLÉE', 'cafe creme brulee'],
    ['Digits 0123456, 3.14159', 'digits 0123456, 3. 14159'],
    ['a   b\t\tc\n\nd   ', 'a b c d'],
    ['Tokyo (東京)', 'tokyo ( 東 京 )'],
  ];
  for (const [text, normalised] of cases) {
    assert.equal(wordpiece.decode(wordpiece.encode(text), { skipSpecialTokens: true }), normalised, JSON.stringify(text));
  }
  // characters never seen in training are [UNK]
  assert.deepEqual(wordpiece.tokenize('Florence ☃'), ['florence', '[UNK]']);
  assert.deepEqual(wordpiece.tokenize('Florence'), ['florence']);
  assert.deepEqual(wordpiece.tokenize('Florentine'), ['fl', '##or', '##en', '##ti', '##n', '##e']);
});

test('ids equal @huggingface/tokenizers and transformers.js AutoTokenizer loading the saved folders', async () => {
  const texts = [...PROBES, ...TRAINING_TEXT.split('\n'), 'born in <mask>.', 'born in [MASK].', '<s>x</s> <pad><unk>', '[CLS] [SEP] [PAD] [UNK]'];
  for (const [tok, dir, cls] of [[bpe, bpeDir, 'RobertaTokenizer'], [wordpiece, wordpieceDir, 'BertTokenizer']] as Array<[Tokenizer, string, string]>) {
    const hf = loadHfTokenizer(dir);
    const tjs = await loadTransformersTokenizer(dir);
    assert.equal(tjs.constructor.name, cls);
    for (const text of texts) {
      const ids = tok.encode(text);
      assert.deepEqual(ids, hf.encode(text).ids, `${tok.kind} ${JSON.stringify(text)}`);
      assert.deepEqual(ids, tjs.encode(text), `${tok.kind} transformers.js ${JSON.stringify(text)}`);
      assert.deepEqual(tok.tokenize(text), hf.tokenize(text), `${tok.kind} tokens ${JSON.stringify(text)}`);
      if (ids.length > 0) {
        assert.equal(tok.decode(ids), hf.decode(ids), `${tok.kind} decode ${JSON.stringify(text)}`);
        assert.equal(tok.decode(ids, { skipSpecialTokens: true }), tjs.decode(ids, { skip_special_tokens: true }));
      }
    }
    assert.equal(tjs.mask_token_id, tok.specials.mask?.id);
  }
});

test('<mask> takes the space before it (lstrip) and [MASK] is matched in raw text, as Hugging Face does', () => {
  assert.deepEqual(bpe.tokenize('born in <mask>'), ['born', 'Ġin', '<mask>']);
  assert.deepEqual(bpe.tokenize('born in   <mask>.'), ['born', 'Ġin', '<mask>', '.']);
  assert.deepEqual(bpe.encode('born in <mask>').slice(-2), [4, 2]);
  // the space after <mask> stays with the next word
  assert.deepEqual(bpe.tokenize('<mask> was born'), ['<mask>', 'Ġwas', 'Ġborn']);
  assert.deepEqual(wordpiece.tokenize('born in [MASK].'), ['born', 'in', '[MASK]', '.']);
  assert.deepEqual(wordpiece.encode('born in [MASK].').filter((id) => id === 4), [4]);
  // lowercase [mask] is text, not the special token
  assert.ok(!wordpiece.encode('[mask]').includes(4));
});

test('tokenToWord, startsWord and singleTokenId strip Ġ and ## correctly', () => {
  assert.equal(bpe.tokenToWord('ĠFlorence'), 'Florence');
  assert.equal(bpe.startsWord('ĠFlorence'), true);
  assert.equal(bpe.tokenToWord('Dante'), 'Dante');
  assert.equal(bpe.startsWord('Dante'), false);
  assert.equal(bpe.tokenToWord('<mask>'), '<mask>');
  assert.equal(bpe.singleTokenId('Florence'), bpe.tokenToId('ĠFlorence'));
  assert.equal(bpe.isSingleToken('Florence'), true);
  assert.equal(bpe.isSingleToken('Supercalifragilistic'), false);
  assert.equal(bpe.isSingleToken('<mask>'), false);
  assert.equal(wordpiece.tokenToWord('##ence'), 'ence');
  assert.equal(wordpiece.startsWord('##ence'), false);
  assert.equal(wordpiece.startsWord('florence'), true);
  assert.equal(wordpiece.singleTokenId('FLORENCE'), wordpiece.tokenToId('florence'));
  assert.equal(wordpiece.isSingleToken('[UNK]'), false);
  assert.equal(wordpiece.isSingleToken('Florence Italy'), false);
});

test('training from texts equals training from the same file; options are checked', async () => {
  const fromTexts = await trainTokenizer({ type: 'bpe', texts: TRAINING_TEXT.split('\n'), vocabSize: 900 });
  assert.deepEqual(fromTexts.tokenizerJson.model, bpe.tokenizerJson.model);
  const cased = await trainTokenizer({ type: 'wordpiece', corpus: [corpusFile], vocabSize: 420, lowercase: false });
  assert.equal(cased.lowercase, false);
  assert.deepEqual(cased.tokenize('Florence'), ['Florence']);
  const rare = await trainTokenizer({ type: 'bpe', corpus: [corpusFile], vocabSize: 100000, minFrequency: 50 });
  assert.ok(rare.vocabSize < 900 && rare.vocabSize >= 261, String(rare.vocabSize));
  assert.equal(rare.training?.vocabSize, 100000);
});

test('bad input fails with a typed error before anything is learned', async () => {
  const empty = join(work, 'empty.txt');
  writeFileSync(empty, '\n\n   \n');
  await assert.rejects(trainTokenizer({ type: 'bpe', corpus: [empty] }), (e) => e instanceof UsageError && /empty/.test(e.message));
  await assert.rejects(trainTokenizer({ type: 'bpe', corpus: [join(work, 'missing.txt')] }), NotFoundError);
  const noText = join(work, 'no-text');
  mkdirSync(noText);
  writeFileSync(join(noText, 'data.tsv'), 'a\tb\n');
  await assert.rejects(trainTokenizer({ type: 'bpe', corpus: [noText] }), (e) => e instanceof UsageError && /no \*\.txt/.test(e.message));
  const binary = join(work, 'binary.txt');
  writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
  await assert.rejects(trainTokenizer({ type: 'bpe', corpus: [binary] }), DataFormatError);
  await assert.rejects(trainTokenizer({ type: 'bpe', corpus: ['/dev/null'] }), (e) => e instanceof UsageError && /not a regular file/.test(e.message));
  if (process.getuid?.() !== 0) {
    const locked = join(work, 'locked.txt');
    writeFileSync(locked, 'text\n');
    chmodSync(locked, 0o000);
    await assert.rejects(trainTokenizer({ type: 'bpe', corpus: [locked] }), UsageError);
  }
  await assert.rejects(trainTokenizer({ type: 'bpe', corpus: [corpusFile], vocabSize: 260 }), (e) => e instanceof InvalidOptionError && /261/.test(e.message));
  await assert.rejects(trainTokenizer({ type: 'wordpiece', corpus: [corpusFile], vocabSize: 20 }), (e) => e instanceof InvalidOptionError && /alphabet/.test(e.message));
  await assert.rejects(trainTokenizer({ type: 'bpe', corpus: [] }), InvalidOptionError);
  await assert.rejects(trainTokenizer({ type: 'unigram' as 'bpe', corpus: [corpusFile] }), InvalidOptionError);
  await assert.rejects(trainTokenizer({ type: 'bpe', corpus: [corpusFile], limitAlphabet: 10 }), (e) => e instanceof InvalidOptionError && /limitAlphabet/.test(e.message));
  await assert.rejects(trainTokenizer({ type: 'bpe', corpus: [corpusFile], vocabSize: 1.5 }), InvalidOptionError);
});
