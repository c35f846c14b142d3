/**
 * The hand labels of slot-touching triples (fixtures/slot-precision-{dev,heldout}.json; the
 * benchmark re-extracts and scores them, bench/extract-slot.ts): each sentence belongs to the part
 * its file names (`factSplit`), one query per fact, every triple labelled, and at least 100 held-out
 * triples. The labels were written once, by reading each sentence, after the `clause` rules were
 * frozen; how is said in each file's `note`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { factSplit } from '../../src/extract/fact-split.js';
import { labelledPrecision } from '../../src/extract/slot-judgement.js';

interface Fixture {
  part: 'development' | 'held-out';
  entries: Array<{ queryId: string; factId: string; sentence: string; slot: string; triples: Array<{ subject: string; relation: string; object: string; correct: boolean; extractors: string[] }> }>;
}
const read = (name: string) => JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8')) as Fixture;

for (const [file, part] of [['slot-precision-dev.json', 'development'], ['slot-precision-heldout.json', 'held-out']] as const) {
  test(`${file}: ${part} facts only, one query each, every triple labelled`, () => {
    const fixture = read(file);
    assert.equal(fixture.part, part);
    assert.equal(new Set(fixture.entries.map((entry) => entry.factId)).size, fixture.entries.length);
    for (const entry of fixture.entries) {
      assert.equal(factSplit(entry.factId), part, entry.queryId);
      assert.ok(entry.sentence.includes(entry.slot), entry.queryId);
      for (const triple of entry.triples) {
        assert.equal(typeof triple.correct, 'boolean');
        assert.ok(triple.extractors.every((name) => name === 'clause' || name === 'svo-plus'), entry.queryId);
      }
    }
  });
}

test('held-out labels: at least 100 triples; precision of each extractor as labelled', (t) => {
  const fixture = read('slot-precision-heldout.json');
  const all = fixture.entries.flatMap((entry) => entry.triples);
  assert.ok(all.length >= 100, `${all.length} labelled triples`);
  for (const name of ['clause', 'svo-plus']) {
    const own = all.filter((triple) => triple.extractors.includes(name));
    const judged = labelledPrecision(own, all);
    t.diagnostic(`${name}: ${judged.correct}/${judged.labelled} correct (${(100 * judged.precision!).toFixed(1)}%)`);
    assert.equal(judged.labelled, own.length);
  }
});
