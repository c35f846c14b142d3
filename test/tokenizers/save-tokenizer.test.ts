import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { loadTokenizer, saveTokenizer, trainTokenizer, writeTokenizerFiles } from '../../src/tokenizers/index.js';
import { tempDir } from '../helpers/tmp.js';
import { writeTrainingText } from './fixtures.js';

const work = tempDir({ after });
const corpusFile = writeTrainingText(work);
const bpe = await trainTokenizer({ type: 'bpe', corpus: [corpusFile], vocabSize: 300 });
const wordpiece = await trainTokenizer({ type: 'wordpiece', corpus: [corpusFile], vocabSize: 420 });

test('a BPE folder holds the Hugging Face fast and slow files and loads back identically', async () => {
  const dir = join(work, 'bpe');
  const written = await saveTokenizer(bpe, dir);
  assert.deepEqual(written, ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.json', 'merges.txt', 'lmkg_tokenizer.json']);
  assert.deepEqual(readdirSync(dir).sort(), [...written].sort());
  const json = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8'));
  assert.deepEqual(json.pre_tokenizer, { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true });
  assert.deepEqual(json.post_processor, { type: 'RobertaProcessing', sep: ['</s>', 2], cls: ['<s>', 0], trim_offsets: true, add_prefix_space: false });
  assert.deepEqual(json.added_tokens[4], { id: 4, content: '<mask>', single_word: false, lstrip: true, rstrip: false, normalized: false, special: true });
  assert.equal(json.model.type, 'BPE');
  assert.equal(json.model.merges.length, 300 - 261);
  // vocabulary written in id order
  const text = readFileSync(join(dir, 'tokenizer.json'), 'utf8');
  assert.ok(text.indexOf('"<s>": 0') < text.indexOf('"!": 5') && text.indexOf('"!": 5') < text.indexOf('"0": 20'));
  const config = JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8'));
  assert.equal(config.tokenizer_class, 'RobertaTokenizer');
  assert.equal(config.mask_token, '<mask>');
  assert.equal(config.model_max_length, 512);
  assert.equal(config.added_tokens_decoder['4'].lstrip, true);
  const vocab = JSON.parse(readFileSync(join(dir, 'vocab.json'), 'utf8'));
  assert.equal(Object.keys(vocab).length, 300);
  const merges = readFileSync(join(dir, 'merges.txt'), 'utf8').split('\n');
  assert.equal(merges[0], '#version: 0.2');
  assert.deepEqual(merges.slice(1, -1), json.model.merges);
  assert.equal(merges.at(-1), '');
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'special_tokens_map.json'), 'utf8')).mask_token, { content: '<mask>', lstrip: true, normalized: false, rstrip: false, single_word: false });
  const loaded = await loadTokenizer(dir);
  assert.deepEqual(loaded.training, bpe.training);
  assert.deepEqual(loaded.encode('Dante was born in <mask>.'), bpe.encode('Dante was born in <mask>.'));
});

test('a WordPiece folder holds vocab.txt in id order and a BertTokenizer config', async () => {
  const dir = join(work, 'wordpiece');
  await saveTokenizer(wordpiece, dir);
  const lines = readFileSync(join(dir, 'vocab.txt'), 'utf8').split('\n');
  assert.deepEqual(lines.slice(0, 5), ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
  assert.equal(lines.length, 420 + 1);
  lines.slice(0, 420).forEach((token, id) => assert.equal(wordpiece.tokenToId(token), id));
  const config = JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8'));
  assert.deepEqual([config.tokenizer_class, config.do_lower_case, config.mask_token], ['BertTokenizer', true, '[MASK]']);
  const json = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8'));
  assert.deepEqual(json.normalizer, { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true });
  assert.deepEqual(json.decoder, { type: 'WordPiece', prefix: '##', cleanup: true });
  assert.equal(json.post_processor.type, 'TemplateProcessing');
  assert.deepEqual(json.model.continuing_subword_prefix, '##');
});

test('saving is atomic: an existing non-empty folder is refused unless overwrite, and no temporary folder is left', async () => {
  const dir = join(work, 'target');
  mkdirSync(dir);
  await saveTokenizer(bpe, dir); // an empty folder is fine
  writeFileSync(join(dir, 'keep.txt'), 'user file');
  await assert.rejects(saveTokenizer(wordpiece, join(dir)), (e) => e instanceof UsageError && /not empty/.test(e.message));
  assert.ok(existsSync(join(dir, 'keep.txt')));
  assert.equal((await loadTokenizer(dir)).kind, 'bpe');
  await saveTokenizer(wordpiece, dir, { overwrite: true });
  assert.equal((await loadTokenizer(dir)).kind, 'wordpiece');
  assert.ok(!existsSync(join(dir, 'keep.txt')));
  writeFileSync(join(work, 'a-file'), 'x');
  await assert.rejects(saveTokenizer(bpe, join(work, 'a-file')), UsageError);
  assert.deepEqual(readdirSync(work).filter((name) => name.includes('.tmp-') || name.includes('.old-')), []);
});

test('writeTokenizerFiles adds the files to a folder that holds other files (a model checkpoint)', async () => {
  const dir = join(work, 'model');
  mkdirSync(dir);
  writeFileSync(join(dir, 'config.json'), '{}');
  await writeTokenizerFiles(wordpiece, dir);
  assert.deepEqual(readdirSync(dir).sort(), ['config.json', 'lmkg_tokenizer.json', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json', 'vocab.txt']);
  assert.deepEqual((await loadTokenizer(dir)).encode('Dante'), wordpiece.encode('Dante'));
});
