import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidOptionError, UsageError } from '../../src/errors.js';
import { extractTriples, memoiseParser } from '../../src/extract/extract-triples.js';
import { fixtureParser } from './conllu-fixture.js';
import { RECORDS } from './records-fixture.js';

test('extractTriples adds provenance to every triple, per side', () => {
  assert.deepEqual(extractTriples(RECORDS, { extractor: 'spacy', side: 'predicted', parse: fixtureParser }), [
    { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto', provenance: { queryId: 'f1#0', factId: 'f1', sentence: 'Allan Dwan was born in Toronto.', extractor: 'entity-prep', slot: ['object'] } },
    { subject: 'Dwan', relation: 'born in', object: 'Paris', provenance: { queryId: 'f2#0', factId: 'f2', sentence: 'Dwan was born in Paris.', extractor: 'entity-prep', slot: ['object'] } },
  ]);
  // svo-plus reverses the passive: the slot (Toronto) is now the subject
  assert.deepEqual(extractTriples(RECORDS, { extractor: 'custom', side: 'gold', parse: fixtureParser }).map((t) => [t.subject, t.relation, t.object, t.provenance.sentence, t.provenance.slot]), [
    ['Toronto', 'bear', 'Allan Dwan', 'Allan Dwan was born in Toronto.', ['subject']],
    ['Toronto', 'bear', 'Dwan', 'Dwan was born in Toronto.', ['subject']],
  ]);
});

test('extractTriples: no slot position in the record (lmkg 0.1 files), no slot parts', () => {
  const old = RECORDS.map(({ slot: _slot, fill: _fill, ...rest }) => rest);
  assert.deepEqual(extractTriples(old, { extractor: 'spacy', side: 'gold', parse: fixtureParser }).map((t) => t.provenance.slot), [undefined, undefined]);
});

test('the lama extractor needs no parser', () => {
  assert.deepEqual(extractTriples(RECORDS, { extractor: 'lama', side: 'predicted' }).map((t) => [t.subject, t.relation, t.object, t.provenance.extractor]), [
    ['Allan Dwan', 'place of birth', 'Toronto', 'lama'],
    ['Dwan', 'place of birth', 'Paris', 'lama'],
  ]);
});

test('progress reaches the total', () => {
  const events: number[] = [];
  extractTriples(RECORDS, { extractor: 'lama', side: 'gold', onProgress: (e) => events.push(e.done) });
  assert.deepEqual(events, [1, 2]);
});

test('memoiseParser parses each text once', () => {
  let calls = 0;
  const parse = memoiseParser((text) => {
    calls += 1;
    return fixtureParser(text);
  });
  parse('Dwan was born in Paris.');
  parse('Dwan was born in Paris.');
  assert.equal(calls, 1);
});

test('errors: unknown extractor, sentence extractor without a parser', () => {
  assert.throws(() => extractTriples(RECORDS, { extractor: 'openie', side: 'gold' }), (error: unknown) =>
    error instanceof InvalidOptionError && error.message === 'unknown extractor "openie"; valid extractors: entity-prep (spacy), svo (textacy), svo-plus (custom), clause, lama');
  assert.throws(() => extractTriples(RECORDS, { extractor: 'svo', side: 'gold' }), (error: unknown) =>
    error instanceof UsageError && /the "svo" extractor reads parsed sentences; pass \{ parse \}/.test(error.message));
});
