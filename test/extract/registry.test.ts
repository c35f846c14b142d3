import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidOptionError } from '../../src/errors.js';
import { EXTRACTORS, resolveExtractor } from '../../src/extract/registry.js';

test('every extractor answers to its name and the paper\'s alias, case-insensitively', () => {
  assert.deepEqual(['spacy', 'textacy', 'custom', 'lama', 'Entity-Prep', ' svo-plus '].map((name) => resolveExtractor(name).name),
    ['entity-prep', 'svo', 'svo-plus', 'lama', 'entity-prep', 'svo-plus']);
  assert.deepEqual(Object.values(EXTRACTORS).map((e) => [e.name, e.input]), [['entity-prep', 'sentence'], ['svo', 'sentence'], ['svo-plus', 'sentence'], ['clause', 'sentence'], ['lama', 'record']]);
  assert.throws(() => resolveExtractor('openie'), InvalidOptionError);
});
