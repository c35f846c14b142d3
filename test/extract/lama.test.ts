import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataFormatError, UsageError } from '../../src/errors.js';
import { lamaTriples } from '../../src/extract/lama.js';
import { record } from './records-fixture.js';

test('lama: (subject label, relation label, filled object) on both sides', () => {
  const r = record({ queryId: 'f2#0', predicted: 'Paris', gold: 'Toronto', masked: 'Dwan was born in [MASK].' });
  assert.deepEqual(lamaTriples(r, 'predicted'), [{ subject: 'Allan Dwan', relation: 'place of birth', object: 'Paris' }]);
  assert.deepEqual(lamaTriples(r, 'gold'), [{ subject: 'Allan Dwan', relation: 'place of birth', object: 'Toronto' }]);
  assert.deepEqual(lamaTriples({ ...r, fill: { ...r.fill!, text: ' ' } }, 'predicted'), []);
  // a file of lmkg 0.1 (no fill): the top prediction
  const { fill: _fill, slot: _slot, ...old } = r;
  assert.deepEqual(lamaTriples({ ...old, predictions: [{ token: 'ĠRome', id: 1, prob: 1, word: 'Rome', logProb: 0 }] }, 'predicted'), [{ subject: 'Allan Dwan', relation: 'place of birth', object: 'Rome' }]);
  // the gold side is the gold as the record wrote it (the model's casing policy)
  assert.deepEqual(lamaTriples({ ...r, slot: { ...r.slot!, goldText: 'toronto', rendering: 'model-decoder' } }, 'gold'), [{ subject: 'Allan Dwan', relation: 'place of birth', object: 'toronto' }]);
});

test('lama on SQuAD (no subject) is a UsageError that points to the sentence extractors', () => {
  const squad = record({ queryId: 's1#0', dataset: 'squad', subject: null, relation: null, predicted: 'gold', gold: 'gold', masked: 'The [MASK] color was used.' });
  assert.throws(() => lamaTriples(squad, 'gold'), (error: unknown) => error instanceof UsageError &&
    /query s1#0 \(dataset squad\) has no subject; .*For SQuAD use a sentence extractor: --extractor entity-prep, svo, svo-plus or clause/.test(error.message));
});

test('lama: a predicted side without predictions is a DataFormatError', () => {
  const { fill: _fill, ...r } = record({ queryId: 'f3#0', predicted: 'x', gold: 'y', masked: '[MASK]', predictions: [] });
  assert.throws(() => lamaTriples(r, 'predicted'), DataFormatError);
});
