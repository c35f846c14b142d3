/**
 * @file Loading Hugging Face tokenizer.json files that lmkg did not write (hub-style layouts and
 * options), with ids and decoding checked against tokenizers.js on the same files.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DataFormatError, NotFoundError, UsageError } from '../../src/errors.js';
import { BYTE_TO_CHAR } from '../../src/tokenizers/byte-level.js';
import { loadTokenizer } from '../../src/tokenizers/index.js';
import { tempDir } from '../helpers/tmp.js';
import { loadHfTokenizer, PROBES } from './fixtures.js';

const work = tempDir({ after });
const EXTRA = ['the then thin in the inn', 'Hello <mask>!', 'x<mask>y', 'NewToken and newtoken', 'unaffable running [MASK] [SEP]', 'Überzeugungsarbeiten', 'the'.repeat(40)];

function writeFolder(name: string, json: unknown, config?: unknown): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(json));
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(config ?? {}));
  return dir;
}

/** A roberta-base-like file: bytes in table order, merges as pairs, <mask> last with lstrip. */
function robertaLike(variant: { prefixSpace: boolean; stringMerges: boolean; template: boolean; dropByte?: string; ignoreMerges?: boolean }) {
  const vocab: Record<string, number> = { '<s>': 0, '<pad>': 1, '</s>': 2, '<unk>': 3 };
  for (const char of BYTE_TO_CHAR) if (char !== variant.dropByte) vocab[char] = Object.keys(vocab).length;
  const merges = [['Ġ', 't'], ['h', 'e'], ['Ġt', 'he'], ['i', 'n'], ['Ġt', 'h'], ['Ġ', 'in'], ['n', 'n'], ['Ġin', 'n'], ['t', 'he'], ['Ġth', 'in']];
  for (const [a, b] of merges) vocab[a! + b!] ??= Object.keys(vocab).length;
  const maskId = Object.keys(vocab).length;
  const added = [
    ...['<s>', '<pad>', '</s>', '<unk>'].map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: true, special: true })),
    { id: maskId, content: '<mask>', single_word: false, lstrip: true, rstrip: false, normalized: false, special: true },
  ];
  const roberta = { type: 'RobertaProcessing', sep: ['</s>', 2], cls: ['<s>', 0], trim_offsets: true, add_prefix_space: variant.prefixSpace };
  const template = {
    type: 'Sequence',
    processors: [
      { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
      { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }], pair: [], special_tokens: {} },
    ],
  };
  return {
    version: '1.0', truncation: null, padding: null, added_tokens: added, normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: variant.prefixSpace, trim_offsets: true, use_regex: true },
    post_processor: variant.template ? template : roberta,
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE', dropout: null, unk_token: variant.dropByte ? '<unk>' : null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false,
      ignore_merges: variant.ignoreMerges ?? false, vocab, merges: variant.stringMerges ? merges.map((m) => m.join(' ')) : merges,
    },
  };
}

/** A bert-base-like file: [unused] slots, BertProcessing, cased or uncased, a normalised added token. */
function bertLike(lowercase: boolean) {
  const tokens = ['[PAD]', '[unused0]', '[unused1]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  const words = ['the', 'run', '##ning', 'un', '##aff', '##able', 'hello', 'Hello', '!', '<', '>', 'mask', 'x', 'y', 'and', 'u', 'b', '##e', '##r', '##z', '##u', '##g', '##n', '##s', '##a', '##i', '##t', '##en', 'über', 'a', 'e', 'i', 'o', 'n', 't', '##h', 'h', '##o', '##l'];
  const vocab = Object.fromEntries([...tokens, ...words].map((t, i) => [t, i]));
  const added = tokens.filter((t) => !t.startsWith('[unused')).map((content) => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }));
  added.push({ id: Object.keys(vocab).length, content: 'NewToken', single_word: false, lstrip: false, rstrip: false, normalized: true, special: false });
  return {
    version: '1.0', truncation: null, padding: null, added_tokens: added,
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: { type: 'BertProcessing', sep: ['[SEP]', 5], cls: ['[CLS]', 4] },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 12, vocab },
  };
}

const VARIANTS: Array<[string, unknown, unknown]> = [
  ['roberta-like', robertaLike({ prefixSpace: false, stringMerges: false, template: false }), { tokenizer_class: 'RobertaTokenizer', clean_up_tokenization_spaces: false }],
  ['prefix-space-template', robertaLike({ prefixSpace: true, stringMerges: true, template: true, ignoreMerges: true }), undefined],
  ['missing-byte-unk', robertaLike({ prefixSpace: false, stringMerges: true, template: false, dropByte: BYTE_TO_CHAR[0xc3] }), { mask_token: '<mask>' }],
  ['bert-uncased-like', bertLike(true), { tokenizer_class: 'BertTokenizer', do_lower_case: true }],
  ['bert-cased-like', bertLike(false), { tokenizer_class: 'BertTokenizer', do_lower_case: false, clean_up_tokenization_spaces: false }],
];

for (const [name, json, config] of VARIANTS) {
  test(`a ${name} tokenizer.json encodes and decodes as tokenizers.js does`, async () => {
    const dir = writeFolder(name, json, config);
    const tok = await loadTokenizer(dir);
    const hf = loadHfTokenizer(dir);
    for (const text of [...PROBES, ...EXTRA]) {
      const ids = tok.encode(text);
      assert.deepEqual(ids, hf.encode(text).ids, `${name}: ${JSON.stringify(text)}`);
      assert.deepEqual(tok.tokenize(text), hf.tokenize(text), `${name}: ${JSON.stringify(text)}`);
      if (ids.length > 0) {
        assert.equal(tok.decode(ids), hf.decode(ids), `${name} decode: ${JSON.stringify(text)}`);
        assert.equal(tok.decode(ids, { skipSpecialTokens: true, cleanUpTokenizationSpaces: false }), hf.decode(ids, { skip_special_tokens: true, clean_up_tokenization_spaces: false }));
      }
    }
  });
}

test('loadTokenizer reads a tokenizer.json path as well as its folder, and finds the roles of special tokens', async () => {
  const dir = join(work, 'bert-uncased-like');
  const fromFile = await loadTokenizer(join(dir, 'tokenizer.json'));
  assert.equal(fromFile.kind, 'wordpiece');
  assert.equal(fromFile.lowercase, true);
  assert.deepEqual(fromFile.specials.mask, { token: '[MASK]', id: 6 });
  assert.deepEqual(fromFile.specials.cls, { token: '[CLS]', id: 4 });
  assert.deepEqual(fromFile.specials.unk, { token: '[UNK]', id: 3 });
  assert.equal(fromFile.vocabSize, 47);
  assert.equal(fromFile.singleTokenId('Hello'), fromFile.tokenToId('hello'));
  assert.equal((await loadTokenizer(join(work, 'bert-cased-like'))).singleTokenId('Hello'), 14);
  const roberta = await loadTokenizer(join(work, 'roberta-like'));
  assert.equal(roberta.kind, 'bpe');
  assert.deepEqual(roberta.specials.mask, { token: '<mask>', id: 4 + 256 + 10 });
  assert.deepEqual(roberta.tokenize('the thin inn'), ['the', 'Ġthin', 'Ġinn']);
  assert.equal(roberta.isSingleToken('thin'), true);
  assert.equal(roberta.training, null);
});

test('loadTokenizer errors: missing path, folder without tokenizer.json, bad JSON, unsupported tokenizers', async () => {
  await assert.rejects(loadTokenizer(join(work, 'nope')), NotFoundError);
  const empty = join(work, 'empty');
  mkdirSync(empty);
  await assert.rejects(loadTokenizer(empty), (e) => e instanceof NotFoundError && /no tokenizer\.json/.test(e.message));
  const bad = writeFolder('bad-json', {});
  writeFileSync(join(bad, 'tokenizer.json'), '{"model": ');
  await assert.rejects(loadTokenizer(bad), (e) => e instanceof DataFormatError && e.location.file.endsWith('tokenizer.json'));
  await assert.rejects(loadTokenizer(writeFolder('no-vocab', { model: { type: 'BPE', merges: [] }, pre_tokenizer: { type: 'ByteLevel' } })), (e) => e instanceof DataFormatError && e.location.field === 'model.vocab');
  await assert.rejects(loadTokenizer(writeFolder('unigram', { model: { type: 'Unigram', vocab: [] } })), UsageError);
  await assert.rejects(loadTokenizer(writeFolder('metaspace', { ...bertLike(true), pre_tokenizer: { type: 'Metaspace' } })), (e) => e instanceof UsageError && /Metaspace/.test(e.message));
  await assert.rejects(loadTokenizer(writeFolder('bpe-bert', { ...robertaLike({ prefixSpace: false, stringMerges: true, template: false }), pre_tokenizer: { type: 'BertPreTokenizer' } })), UsageError);
  await assert.rejects(loadTokenizer(writeFolder('byte-fallback', (() => {
    const json = robertaLike({ prefixSpace: false, stringMerges: true, template: false });
    return { ...json, model: { ...json.model, byte_fallback: true } };
  })())), (e) => e instanceof UsageError && /byte_fallback/.test(e.message));
});
