import assert from 'node:assert/strict';
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MASK_MARKER, probe, type PredictionRecord } from '../../src/index.js';
import { initWeights, modelNames, presetConfig, readTokenizerInfo, writeModelFolder } from '../../src/internal.js';
import { applyCasing, blankContext, goldCasing, placeFill } from '../../src/probe/slot-fill.js';
import { loadTokenizer, normalizerCasing } from '../../src/tokenizers/index.js';
import { sharedData } from '../helpers/data-dir.js';
import { makeTokenizer } from '../lm/fixtures.js';

const dataDir = (): string => join(sharedData('lama'), '..');

test('blankContext: after whitespace, at the start, glued to a bracket', () => {
  assert.equal(blankContext('He was born in [MASK] .', MASK_MARKER), 'space');
  assert.equal(blankContext('[MASK] is the capital .', MASK_MARKER), 'start');
  assert.equal(blankContext('Dwan ([MASK]) was a director .', MASK_MARKER), 'glued');
});

test('placeFill: the fill and its character span; a continuation glues to the word before', () => {
  assert.deepEqual(placeFill('He was born in [MASK] .', MASK_MARKER, { text: 'Paris', spaceBefore: true }),
    { sentence: 'He was born in Paris .', span: { start: 15, end: 20 } });
  assert.deepEqual(placeFill('He was born in [MASK] .', MASK_MARKER, { text: 'pp', spaceBefore: false }),
    { sentence: 'He was born inpp .', span: { start: 14, end: 16 } });
  assert.deepEqual(placeFill('[MASK] is a city .', MASK_MARKER, { text: 'New York', spaceBefore: true }),
    { sentence: 'New York is a city .', span: { start: 0, end: 8 } });
});

test('gold casing (the fallback for golds the vocabulary cannot write): the tokenizer\'s own casing', () => {
  const casing = (normalizer: unknown) => {
    const { lowercase, stripAccents } = normalizerCasing(normalizer);
    return goldCasing({ uncased: lowercase, stripsAccents: stripAccents });
  };
  assert.equal(casing(undefined), 'as-written');
  assert.equal(casing({ type: 'BertNormalizer', lowercase: true, strip_accents: null }), 'lowercase-strip-accents');
  assert.equal(casing({ type: 'BertNormalizer', lowercase: true, strip_accents: false }), 'lowercase');
  assert.equal(casing({ type: 'Lowercase' }), 'lowercase');
  assert.equal(casing({ type: 'Sequence', normalizers: [{ type: 'NFD' }, { type: 'StripAccents' }, { type: 'Lowercase' }] }), 'lowercase-strip-accents');
  assert.equal(applyCasing('Zürich', 'as-written'), 'Zürich');
  assert.equal(applyCasing('Zürich', 'lowercase'), 'zürich');
  assert.equal(applyCasing('Zürich São Paulo', 'lowercase-strip-accents'), 'zurich sao paulo');
});

// A model whose top-1 is a continuation piece at almost every blank: random weights with the decoder
// bias raised on every continuation token (`##x` for WordPiece, a token without `Ġ` for byte-level BPE).
let dir = '';
const models: Record<'bert' | 'roberta', string> = { bert: '', roberta: '' };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lmkg-fill-test-'));
  for (const arch of ['bert', 'roberta'] as const) {
    const tokenizer = await makeTokenizer(arch === 'bert' ? 'wordpiece' : 'bpe', join(dir, `tok-${arch}`));
    const info = readTokenizerInfo(tokenizer);
    const config = presetConfig(arch, 'tiny', { vocabSize: info.vocab.length, padTokenId: info.pad!.id, bosTokenId: info.bos?.id ?? null, eosTokenId: info.eos?.id ?? null }, { maxLength: 128 });
    const weights = initWeights(config, { seed: 3, std: 0.5 });
    const bias = weights.get(modelNames(config).decoderBias)!.data;
    info.vocab.forEach((token, id) => {
      const continuation = arch === 'bert' ? token.startsWith('##') : !token.startsWith('Ġ') && !info.specialIds.has(id);
      if (continuation) bias[id] = 8;
    });
    models[arch] = join(dir, arch);
    writeModelFolder(models[arch], { config, weights, tokenizer });
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The filled sentence of lmkg 0.1: the top token's word, glued when it continues a word. */
function rawSentence(record: PredictionRecord, arch: 'bert' | 'roberta'): string {
  const token = record.predictions[0]!.token;
  const continues = arch === 'bert' ? token.startsWith('##') : !token.startsWith('Ġ');
  const [before, rest] = record.maskedSentence.split(MASK_MARKER) as [string, string];
  return (continues ? before.trimEnd() : before) + record.predictions[0]!.word + rest;
}

for (const arch of ['bert', 'roberta'] as const) {
  test(`fills (${arch}): whole words by default where the top token continues a word; --fill raw keeps lmkg 0.1's sentences`, async () => {
    const whole = await probe(models[arch], 're-place-birth', { limit: 120, dataDir: dataDir() });
    const raw = await probe(models[arch], 're-place-birth', { limit: 120, dataDir: dataDir(), fill: 'raw' });
    const continuationTop = whole.records.filter((r) => (arch === 'bert' ? r.predictions[0]!.token.startsWith('##') : !r.predictions[0]!.token.startsWith('Ġ')));
    assert.ok(continuationTop.length >= 100, `${continuationTop.length} of 120 top-1 tokens continue a word`);
    whole.records.forEach((record, i) => {
      const fill = record.fill!;
      const context = blankContext(record.maskedSentence, MASK_MARKER);
      assert.equal(fill.ids.length, 1);
      if (arch === 'bert') {
        assert.ok(!fill.tokens[0]!.startsWith('##'), `${record.queryId}: ${fill.tokens[0]}`);
        assert.equal(fill.rule, 'wordpiece-word-start');
      } else {
        assert.equal(fill.tokens[0]!.startsWith('Ġ'), context === 'space', `${record.queryId}: ${fill.tokens[0]} in a ${context} blank`);
        assert.equal(fill.rule, context === 'space' ? 'space-token' : 'no-space-token');
      }
      // the fill is a word of its own, at the recorded span
      const { start, end } = record.slot!.predicted;
      assert.equal(record.predictedSentence.slice(start, end), fill.text);
      assert.equal(record.predictedSentence, placeFill(record.maskedSentence, MASK_MARKER, { text: fill.text, spaceBefore: true }).sentence);
      assert.equal(record.goldSentence.slice(record.slot!.gold.start, record.slot!.gold.end), record.slot!.goldText);
      // raw: exactly lmkg 0.1's sentences, the gold as written
      const old = raw.records[i]!;
      assert.equal(old.queryId, record.queryId);
      assert.equal(old.predictedSentence, rawSentence(old, arch));
      assert.equal(old.goldSentence, old.maskedSentence.replace(MASK_MARKER, old.gold));
      assert.equal(old.fill!.rule, 'raw');
      // P@k is the same whatever the fill: the full-vocabulary top-k and gold rank
      assert.deepEqual(old.predictions, record.predictions);
      assert.equal(old.goldRank, record.goldRank);
    });
    // the gold side is the gold as the model writes it: encoded and decoded by its tokenizer (checked with
    // lmkg's own tokenizer layer, itself checked against @huggingface/tokenizers), so an uncased model's
    // gold is lowercase and accent-free; a gold with an unknown piece falls back to the casing policy
    const tokenizer = await loadTokenizer(join(dir, `tok-${arch}`));
    const unk = tokenizer.tokenToId(arch === 'bert' ? '[UNK]' : '<unk>');
    for (const record of whole.records) {
      const ids = tokenizer.encode(arch === 'bert' ? record.gold : ` ${record.gold}`, { addSpecialTokens: false });
      if (ids.includes(unk!)) {
        assert.equal(record.slot!.rendering, 'casing');
        assert.equal(record.slot!.goldText, applyCasing(record.gold, arch === 'bert' ? 'lowercase-strip-accents' : 'as-written'));
      } else {
        assert.equal(record.slot!.rendering, 'model-decoder', record.gold);
        assert.equal(record.slot!.goldText, tokenizer.decode(ids).trim(), record.gold);
      }
      if (arch === 'bert') assert.equal(record.slot!.goldText, record.slot!.goldText.toLowerCase());
      else if (record.slot!.rendering === 'model-decoder') assert.equal(record.slot!.goldText, record.gold);
    }
    assert.ok(whole.records.some((r) => r.slot!.rendering === 'model-decoder'));
  });
}

test('multi-token fills: 1..k pieces, mean log-probability per piece, first piece a word start', async () => {
  const { records } = await probe(models.bert, 're-place-birth', { limit: 40, dataDir: dataDir(), fill: 'multi-token', fillPieces: 3 });
  const single = (await probe(models.bert, 're-place-birth', { limit: 40, dataDir: dataDir() })).records;
  records.forEach((record, i) => {
    const fill = record.fill!;
    assert.equal(fill.rule, 'multi-token');
    assert.ok(fill.ids.length >= 1 && fill.ids.length <= 3);
    assert.ok(!fill.tokens[0]!.startsWith('##'));
    // the single-token whole-word fill is the one-piece candidate, so the chosen score is at least its log-probability
    const one = single[i]!.fill!;
    assert.ok(fill.logProb >= one.logProb - 1e-9, `${record.queryId}: ${fill.logProb} < ${one.logProb}`);
    if (fill.ids.length === 1) assert.deepEqual(fill.ids, one.ids);
    assert.equal(record.predictedSentence.slice(record.slot!.predicted.start, record.slot!.predicted.end), fill.text);
  });
  // with continuation pieces favoured, some fills take more than one piece and glue them ("##" joined)
  const multi = records.filter((r) => r.fill!.ids.length > 1);
  assert.ok(multi.length > 0);
  for (const record of multi) assert.ok(!record.fill!.text.includes('##'));
});
