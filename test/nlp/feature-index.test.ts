import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createFeatureIndex, featureHash, featureIndexFromKeys, featureKeys, internFeature, lookupFeature,
} from '../../src/nlp/feature-index.js';
import { extractFeatures, TEMPLATE_COUNT, LABEL_TEMPLATES } from '../../src/nlp/parser-features.js';
import { applyTransition, initialState, SHIFT, LEFT } from '../../src/nlp/transition-system.js';

test('interned features get dense ids that survive growth and a rebuild from keys', () => {
  const index = createFeatureIndex(16);
  const keys = Array.from({ length: 5000 }, (_, i) => featureHash(i % 7, i, i * 3));
  const ids = keys.map((key) => internFeature(index, key));
  assert.deepEqual(ids.slice(0, 3), [0, 1, 2]);
  assert.equal(index.count, new Set(keys).size);
  keys.forEach((key, i) => assert.equal(lookupFeature(index, key), ids[i]));
  assert.equal(lookupFeature(index, featureHash(99, 1)), -1);
  const rebuilt = featureIndexFromKeys(featureKeys(index));
  keys.forEach((key, i) => assert.equal(lookupFeature(rebuilt, key), ids[i]));
});

test('featureHash is never 0, and differs by template and by value', () => {
  assert.notEqual(featureHash(0, 0), 0);
  assert.notEqual(featureHash(0, 1), featureHash(1, 1));
  assert.notEqual(featureHash(3, 1, 2), featureHash(3, 2, 1));
  const seen = new Set<number>();
  for (let t = 0; t < 100; t += 1) for (let v = 0; v < 100; v += 1) seen.add(featureHash(t, v));
  assert.equal(seen.size, 10_000);
});

test('extractFeatures fills every template with a non-zero key; label templates are a subset', () => {
  const n = 4;
  const ids = {
    words: Int32Array.from([5, 6, 7, 8, 1]), tags: Int32Array.from([3, 4, 5, 6, 1]), suffixes: Int32Array.from([9, 9, 9, 9, 1]),
    inputTags: Int32Array.from([3, 4, 5, 6, 1]), verbs: new Int32Array(6), puncts: new Int32Array(6),
  };
  const state = initialState(n);
  applyTransition(state, SHIFT, -1);
  applyTransition(state, SHIFT, -1);
  applyTransition(state, LEFT, 2);
  const out = new Uint32Array(TEMPLATE_COUNT + 1);
  extractFeatures(state, ids, out);
  assert.ok(out.subarray(0, TEMPLATE_COUNT).every((k) => k !== 0));
  assert.equal(out[TEMPLATE_COUNT], 0, 'no template beyond TEMPLATE_COUNT');
  assert.equal(new Set(out.subarray(0, TEMPLATE_COUNT)).size, TEMPLATE_COUNT);
  const labelTemplates = LABEL_TEMPLATES.reduce((a, b) => a + b, 0);
  assert.ok(labelTemplates > 10 && labelTemplates < TEMPLATE_COUNT);
});
