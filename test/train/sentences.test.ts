import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from '../../src/train/sentences.js';

test('splitSentences: ends at . ! ? before a capital, digit or quote; keeps initials and abbreviations', () => {
  assert.deepEqual(
    splitSentences('John F. Kennedy was born in St. Louis, Mo. in 1917. He served in the U.S. Navy! Did he? "Yes." 1945 came.'),
    ['John F. Kennedy was born in St. Louis, Mo. in 1917.', 'He served in the U.S. Navy!', 'Did he?', '"Yes."', '1945 came.'],
  );
  assert.deepEqual(splitSentences('Dr. Smith met Prof. Jones on Jan. 5. They spoke.'), ['Dr. Smith met Prof. Jones on Jan. 5.', 'They spoke.']);
  assert.deepEqual(splitSentences('no boundary here. lower case goes on'), ['no boundary here. lower case goes on']);
  assert.deepEqual(splitSentences('  '), []);
  assert.deepEqual(splitSentences('A sentence without an end'), ['A sentence without an end']);
});
