import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  createProber, lamaMetrics, MASK_MARKER, probe, readPredictions, UsageError, type ClozeQuery, type PredictionRecord, type Prober,
} from '../../src/index.js';
import { loadTokenizer } from '../../src/tokenizers/index.js';
import { sharedData } from '../helpers/data-dir.js';
import { makeModel, makeTokenizer } from '../lm/fixtures.js';

const dataDir = (): string => join(sharedData('lama'), '..');
let dir = '';
const models: Record<'wordpiece' | 'bpe', string> = { wordpiece: '', bpe: '' };
const tokenizers: Record<'wordpiece' | 'bpe', string> = { wordpiece: '', bpe: '' };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lmkg-probe-test-'));
  tokenizers.wordpiece = await makeTokenizer('wordpiece', join(dir, 'wp'));
  tokenizers.bpe = await makeTokenizer('bpe', join(dir, 'bpe'));
  // std 0.5 spreads the probabilities, so ties do not decide the comparisons below
  models.wordpiece = (await makeModel('bert', tokenizers.wordpiece, join(dir, 'bert'), { std: 0.5 })).dir;
  models.bpe = (await makeModel('roberta', tokenizers.bpe, join(dir, 'roberta'), { std: 0.5 })).dir;
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The filled sentence, derived from the raw token independently of lmkg's token-words code. */
function expectedFill(record: PredictionRecord, family: 'wordpiece' | 'bpe'): string | null {
  const token = record.predictions[0]!.token;
  if (!/^[\x21-\x7eĠ]+$/u.test(token) || /^(\[|<)/.test(token)) return null; // ASCII word pieces only
  const continues = family === 'bpe' ? !token.startsWith('Ġ') : token.startsWith('##');
  const word = family === 'bpe' ? token.replace(/^Ġ/u, '') : token.replace(/^##/, '');
  const [before, after] = record.maskedSentence.split(MASK_MARKER) as [string, string];
  return (continues ? before.trimEnd() : before) + word + after;
}

for (const family of ['wordpiece', 'bpe'] as const) {
  test(`probe (${family}): 200 Google-RE queries, every field, filled sentences, gold checks`, async () => {
    // --fill raw: the top token in the blank, glued when it continues a word (test/lm/slot-fill.test.ts covers whole-word fills)
    const result = await probe(models[family], 're-place-birth', { limit: 200, dataDir: dataDir(), fill: 'raw' });
    assert.equal(result.records.length, 200);
    assert.equal(result.skipped.length, 0);
    const tokenizer = await loadTokenizer(tokenizers[family]);
    let checkedFills = 0;
    let glued = 0;
    for (const record of result.records) {
      for (const field of ['queryId', 'dataset', 'factId', 'subject', 'relation', 'gold', 'maskedSentence', 'predictions', 'predictedSentence', 'goldSentence', 'goldRank', 'goldLogProb', 'goldIsSingleToken', 'goldToken', 'truncated', 'fact']) {
        assert.ok(field in record, `${record.queryId}: ${field}`);
      }
      assert.equal(record.dataset, 're-place-birth');
      assert.equal(record.relation?.id, 'place_of_birth');
      assert.equal(record.predictions.length, 10);
      for (let i = 0; i < 10; i += 1) {
        const p = record.predictions[i]!;
        assert.equal(tokenizer.idToToken(p.id), p.token);
        assert.equal(p.word, tokenizer.tokenToWord(p.token), `word of ${p.token}`);
        assert.ok(Math.abs(Math.log(p.prob) - p.logProb) < 1e-9);
        if (i > 0) assert.ok(p.prob <= record.predictions[i - 1]!.prob);
      }
      assert.equal(record.goldSentence, record.maskedSentence.replace(MASK_MARKER, record.gold));
      const fill = expectedFill(record, family);
      if (fill !== null) {
        assert.equal(record.predictedSentence, fill);
        checkedFills += 1;
        if (!record.predictedSentence.includes(` ${record.predictions[0]!.word}`)) glued += 1;
      }
      assert.equal(record.goldIsSingleToken, tokenizer.isSingleToken(record.gold), `single-token check of ${record.gold}`);
      if (record.goldIsSingleToken) {
        assert.equal(record.goldToken, tokenizer.idToToken(tokenizer.singleTokenId(record.gold)!));
        assert.ok(record.goldRank! >= 1 && record.goldLogProb! <= record.predictions[0]!.logProb + 1e-12);
        if (record.goldRank! <= 10) {
          assert.equal(record.predictions[record.goldRank! - 1]!.word.toLowerCase(), tokenizer.tokenToWord(record.goldToken!).toLowerCase());
        } else {
          assert.ok(record.goldLogProb! <= record.predictions[9]!.logProb);
        }
      } else {
        assert.deepEqual([record.goldRank, record.goldLogProb, record.goldToken], [null, null, null]);
      }
      if (record.fact.sentences === 1) assert.deepEqual(record.fact.predictions, record.predictions);
    }
    assert.ok(checkedFills >= 100, `checked ${checkedFills} filled sentences`);
    assert.ok(glued > 0, 'some predictions continue the previous word and are glued to it');
    assert.ok(result.records.some((r) => r.goldIsSingleToken) && result.records.some((r) => !r.goldIsSingleToken));
  });
}

test('probe: batch size 1 and 32 agree (probabilities within 1e-5, top-k ids where neighbours differ)', async () => {
  const prober: Prober = await createProber(models.bpe);
  try {
    const one = await prober.probe('re-place-birth', { limit: 120, batchSize: 1, dataDir: dataDir() });
    const many = await prober.probe('re-place-birth', { limit: 120, batchSize: 32, dataDir: dataDir() });
    let compared = 0;
    one.records.forEach((a, index) => {
      const b = many.records[index]!;
      assert.equal(a.queryId, b.queryId);
      assert.equal(a.goldRank, b.goldRank);
      for (let i = 0; i < a.predictions.length; i += 1) {
        const pa = a.predictions[i]!;
        const pb = b.predictions[i]!;
        assert.ok(Math.abs(pa.prob - pb.prob) <= 1e-5, `${a.queryId} #${i}: ${pa.prob} vs ${pb.prob}`);
        const gapBefore = i > 0 ? a.predictions[i - 1]!.prob - pa.prob : Infinity;
        const gapAfter = i + 1 < a.predictions.length ? pa.prob - a.predictions[i + 1]!.prob : Infinity;
        if (gapBefore > 1e-5 && gapAfter > 1e-5) {
          assert.equal(pa.id, pb.id, `${a.queryId} #${i}`);
          compared += 1;
        }
      }
    });
    assert.ok(compared > 1000, `compared ${compared} ids`);
  } finally {
    await prober.dispose();
  }
});

test('probe: an interrupted run resumes; a complete one is reused; another run is not overwritten silently', async () => {
  const out = join(dir, 'resume.jsonl');
  const options = { limit: 200, dataDir: dataDir(), out };
  const full = await probe(models.wordpiece, 're-place-birth', options);
  assert.equal(full.probedQueries, 200);
  const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, 200);
  // simulate a crash: meta says running, the partial file has 120 lines and a torn one, no final file
  const meta = JSON.parse(readFileSync(`${out}.meta.json`, 'utf8'));
  writeFileSync(`${out}.meta.json`, JSON.stringify({ ...meta, status: 'running' }));
  writeFileSync(`${out}.partial`, `${lines.slice(0, 120).join('\n')}\n${lines[120]!.slice(0, 50)}`);
  rmSync(out);
  const partialFacts = new Set(lines.slice(0, 120).map((line) => JSON.parse(line).factId));
  const resumed = await probe(models.wordpiece, 're-place-birth', options);
  const kept = full.records.filter((r) => partialFacts.has(r.factId)).length;
  assert.ok(kept >= 118 && kept <= 120);
  assert.equal(resumed.resumedQueries, kept);
  assert.equal(resumed.probedQueries, 200 - kept);
  assert.ok(!existsSync(`${out}.partial`));
  const final = readPredictions(out);
  assert.deepEqual(final.map((r) => r.queryId), full.records.map((r) => r.queryId));
  final.forEach((record, i) => {
    assert.deepEqual(record.predictions.map((p) => p.id), full.records[i]!.predictions.map((p) => p.id));
    assert.ok(Math.abs(record.predictions[0]!.prob - full.records[i]!.predictions[0]!.prob) < 1e-6);
  });
  const again = await probe(models.wordpiece, 're-place-birth', options);
  assert.equal(again.probedQueries, 0);
  assert.equal(again.resumedQueries, 200);
  await assert.rejects(probe(models.wordpiece, 're-place-birth', { ...options, topK: 5 }), (e: unknown) => e instanceof UsageError && /different run \(other options\)/.test(e.message));
  await assert.rejects(probe(models.bpe, 're-place-birth', options), (e: unknown) => e instanceof UsageError && /other model weights/.test(e.message));
  const replaced = await probe(models.wordpiece, 're-place-birth', { ...options, topK: 5, overwrite: true });
  assert.equal(replaced.records[0]!.predictions.length, 5);
});

test('probe: queries as an array, a sentence longer than the model allows, a common vocabulary', async () => {
  const long = `${'The quick brown fox jumps over the lazy dog . '.repeat(60)}He was born in ${MASK_MARKER} . ${'And then some more words follow . '.repeat(40)}`;
  const queries: ClozeQuery[] = [
    { id: 'f1#0', dataset: 'mine', factId: 'f1', subject: 'He', relation: null, gold: 'London', maskedSentence: long, evidenceUrl: null },
    { id: 'f1#1', dataset: 'mine', factId: 'f1', subject: 'He', relation: null, gold: 'London', maskedSentence: `He was born in ${MASK_MARKER} .`, evidenceUrl: null },
    { id: 'f2#0', dataset: 'mine', factId: 'f2', subject: 'She', relation: null, gold: 'Paris', maskedSentence: `${MASK_MARKER} is where she died .`, evidenceUrl: null },
  ];
  const common = join(dir, 'common.txt');
  writeFileSync(common, 'London\nParis\nthe\nwas\nborn\n');
  const result = await probe(models.bpe, queries, { commonVocab: common, topK: 3 });
  assert.deepEqual(result.records.map((r) => [r.queryId, r.truncated]), [['f1#0', true], ['f1#1', false], ['f2#0', false]]);
  assert.equal(result.meta.dataset.id, 'queries');
  const [a, b] = result.records as [PredictionRecord, PredictionRecord];
  assert.equal(a.fact.sentences, 2);
  assert.deepEqual(a.fact, b.fact);
  // the fact's gold log-prob is the mean of its sentences'
  if (a.goldLogProb !== null) assert.ok(Math.abs(a.fact.goldLogProb! - (a.goldLogProb + b.goldLogProb!) / 2) < 1e-9);
  const tokenizer = await loadTokenizer(tokenizers.bpe);
  for (const record of result.records) {
    assert.ok(record.common);
    for (const p of record.common.predictions) assert.ok(['london', 'paris', 'the', 'was', 'born'].includes(p.word.toLowerCase()), p.token);
    assert.equal(record.common.goldInVocab, tokenizer.isSingleToken(record.gold));
  }
  const metrics = lamaMetrics(result.records, { ranking: 'common' });
  assert.equal(metrics.relations[0]!.relation, 'mine');
  assert.equal(metrics.overall.facts.counted + metrics.overall.facts.excluded, 2);
});

test('probe: the mask-rows probing graph and onnx/model.onnx give the same predictions', async () => {
  const rows = await probe(models.wordpiece, 're-place-birth', { limit: 40, dataDir: dataDir() });
  const full = await probe(models.wordpiece, 're-place-birth', { limit: 40, dataDir: dataDir(), graph: 'full' });
  rows.records.forEach((record, i) => {
    const other = full.records[i]!;
    assert.equal(record.goldRank, other.goldRank);
    record.predictions.forEach((p, j) => assert.ok(Math.abs(p.prob - other.predictions[j]!.prob) <= 1e-5, `${record.queryId} #${j}`));
  });
});
