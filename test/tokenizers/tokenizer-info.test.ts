/**
 * @file One tokenizer truth: what readTokenizerInfo says about casing is what the encoder lmkg runs
 * at probe time (transformers.js, its AutoTokenizer over the same folder) does with the file, for
 * every way tokenizer.json can state it; and a tokenizer_config.json whose do_lower_case contradicts
 * the normalizer is refused, because transformers.js and Python's BertTokenizerFast would encode
 * differently.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { AutoTokenizer } from '@huggingface/transformers';
import { UsageError } from '../../src/errors.js';
import { readTokenizerInfo } from '../../src/tokenizers/index.js';
import { tempDir } from '../helpers/tmp.js';
import { makeTokenizer } from '../lm/fixtures.js';

let base: string;
let dir: string;
before(async () => {
  dir = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  base = await makeTokenizer('wordpiece', join(dir, 'base'));
});

/** A copy of the base WordPiece tokenizer with another normalizer (and do_lower_case, or none). */
function variant(name: string, normalizer: unknown, doLowerCase: boolean | undefined): string {
  const folder = join(dir, name);
  cpSync(base, folder, { recursive: true });
  const json = JSON.parse(readFileSync(join(folder, 'tokenizer.json'), 'utf8'));
  json.normalizer = normalizer;
  writeFileSync(join(folder, 'tokenizer.json'), JSON.stringify(json));
  const config = JSON.parse(readFileSync(join(folder, 'tokenizer_config.json'), 'utf8'));
  if (doLowerCase === undefined) delete config.do_lower_case;
  else config.do_lower_case = doLowerCase;
  writeFileSync(join(folder, 'tokenizer_config.json'), JSON.stringify(config));
  return folder;
}

/** What transformers.js's own normalizer (the one its encoder runs) does to "ZÜRICH": lowercase? accents stripped? */
async function encoderCasing(folder: string): Promise<{ lowercase: boolean; stripAccents: boolean }> {
  const tokenizer = await AutoTokenizer.from_pretrained(folder, { local_files_only: true });
  const normalizer = (tokenizer as unknown as { _tokenizer: { normalizer: { normalize(text: string): string } | null } })._tokenizer.normalizer;
  const text = normalizer ? normalizer.normalize('ZÜRICH') : 'ZÜRICH';
  return { lowercase: text.startsWith('z'), stripAccents: !/[üÜ]/u.test(text) };
}

const BERT = { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true };
const CASES: Array<[string, unknown]> = [
  ['bert-lowercase', { ...BERT, lowercase: true, strip_accents: null }],
  ['bert-lowercase-keep-accents', { ...BERT, lowercase: true, strip_accents: false }],
  ['bert-cased', { ...BERT, lowercase: false, strip_accents: null }],
  ['bert-cased-strip-accents', { ...BERT, lowercase: false, strip_accents: true }],
  ['bert-no-lowercase-field', { ...BERT, strip_accents: null }],
  ['sequence', { type: 'Sequence', normalizers: [{ type: 'NFD' }, { type: 'StripAccents' }, { type: 'Lowercase' }] }],
  ['lowercase-only', { type: 'Lowercase' }],
  ['none', null],
];

for (const [name, normalizer] of CASES) {
  test(`casing agrees with transformers.js: ${name}`, async () => {
    const folder = variant(name, normalizer, undefined);
    const info = readTokenizerInfo(folder);
    const encoder = await encoderCasing(folder);
    assert.deepEqual({ lowercase: info.uncased, stripAccents: info.stripsAccents }, encoder);
  });
}

test('a BertNormalizer without a "lowercase" field does not lowercase (transformers.js reads it so)', async () => {
  assert.equal(readTokenizerInfo(variant('missing-field', { ...BERT }, undefined)).uncased, false);
});

test('do_lower_case that contradicts the normalizer is refused with what to fix; agreeing ones are fine', () => {
  assert.equal(readTokenizerInfo(variant('agree-true', { ...BERT, lowercase: true }, true)).uncased, true);
  assert.equal(readTokenizerInfo(variant('agree-false', { ...BERT, lowercase: false }, false)).uncased, false);
  assert.throws(() => readTokenizerInfo(variant('contradiction', { ...BERT }, true)), (error: unknown) =>
    error instanceof UsageError && /do_lower_case: true, but tokenizer\.json's normalizer does not lowercase/.test(error.message));
});
