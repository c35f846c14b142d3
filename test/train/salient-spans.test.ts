import assert from 'node:assert/strict';
import { test } from 'node:test';
import { specialTokenIds, trainTokenizer } from '../../src/tokenizers/index.js';
import { buildSalientTable, salientSpans } from '../../src/train/salient-spans.js';
import { maskBatch } from '../../src/train/masking.js';
import { SeededRandom } from '../../src/random.js';
import { UsageError } from '../../src/errors.js';

const TEXT = [
  'Khatchig Mouradian is a journalist, writer and translator born in Lebanon.',
  'He moved to Boston in 2007 and became the editor of the Armenian Weekly.',
  'The weekly is read in Boston and in Lebanon; he was born in 1976.',
  'In the spring the editor of the paper moved to Clark University.',
  'the paper and the editor: in the city, he writes in the weekly.',
];

async function tokenizerAndIds() {
  const tokenizer = await trainTokenizer({ type: 'bpe', texts: TEXT, vocabSize: 400, minFrequency: 1 });
  const ids = TEXT.map((line) => Int32Array.from(tokenizer.encode(line, { addSpecialTokens: false })));
  return { tokenizer, ids };
}

test('salient spans: names and numbers, whole words, capitalised common words left out', async () => {
  const { tokenizer, ids } = await tokenizerAndIds();
  const table = buildSalientTable(tokenizer, ids);
  const spansOf = (line: Int32Array) => salientSpans(line, 0, line.length, table).map(([a, b]) => tokenizer.decode([...line.slice(a, b)]).trim());
  assert.deepEqual(spansOf(ids[0]!), ['Khatchig Mouradian', 'Lebanon']);
  // "He" and "The" are not names; nor is "Weekly": the corpus writes "weekly" more often
  assert.deepEqual(spansOf(ids[1]!), ['Boston', '2007', 'Armenian']);
  assert.deepEqual(spansOf(ids[2]!), ['Boston', 'Lebanon', '1976']);
  assert.deepEqual(spansOf(ids[3]!), ['Clark University']);
  // A span stops at a special token (packed blocks join lines with </s><s>).
  const eos = tokenizer.specials.sep!.id;
  const bos = tokenizer.specials.cls!.id;
  const joined = Int32Array.from([...ids[2]!.slice(-3, -1), eos, bos, ...ids[0]!.slice(0, 4)]);
  for (const [a, b] of salientSpans(joined, 0, joined.length, table)) {
    for (let i = a; i < b; i += 1) assert.ok(joined[i] !== eos && joined[i] !== bos);
  }
});

test('salient masking: chosen spans are masked whole and rows are kept apart', async () => {
  const { tokenizer, ids } = await tokenizerAndIds();
  const table = buildSalientTable(tokenizer, ids);
  const specials = specialTokenIds(tokenizer.specials);
  const base = { maskId: tokenizer.specials.mask!.id, vocabSize: tokenizer.vocabSize, specialIds: specials };
  const row = ids[0]!;
  const spans = salientSpans(row, 0, row.length, table);
  const all = maskBatch(row, { ...base, probability: 0, salient: { table, probability: 1, mode: 'each' } }, new SeededRandom(3));
  assert.deepEqual([...all.positions], spans.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i)));
  assert.deepEqual([...all.labels], [...all.positions].map((p) => row[p]));

  // Two rows, the first ending inside a name: with seqLen the span is cut at the row's end.
  const seqLen = spans[0]![0] + 1;
  const twoRows = Int32Array.from([...row.slice(0, seqLen), ...row.slice(seqLen, 2 * seqLen)]);
  const split = maskBatch(twoRows, { ...base, probability: 0, salient: { table, probability: 1, mode: 'each' } }, new SeededRandom(3), seqLen);
  assert.ok(split.positions.includes(seqLen - 1) && split.positions.includes(seqLen));

  // 'one': exactly one whole span per row, the others untouched.
  for (let seed = 0; seed < 20; seed += 1) {
    const one = maskBatch(row, { ...base, probability: 0, salient: { table, probability: 1, mode: 'one' } }, new SeededRandom(seed));
    const hit = spans.filter(([a, b]) => one.positions.includes(a));
    assert.equal(hit.length, 1);
    assert.deepEqual([...one.positions], Array.from({ length: hit[0]![1] - hit[0]![0] }, (_, i) => hit[0]![0] + i));
  }

});

test('salient masking needs a cased tokenizer', async () => {
  const tokenizer = await trainTokenizer({ type: 'wordpiece', texts: TEXT, vocabSize: 300, minFrequency: 1 });
  assert.throws(() => buildSalientTable(tokenizer, []), (error: unknown) => error instanceof UsageError && /cased/.test(error.message));
});
