import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tagGoldWords } from '../../src/nlp/tag-gold-words.js';

test('tagGoldWords tags a given word sequence, one tag per word', () => {
  assert.deepEqual(tagGoldWords(['Allan', 'Dwan', 'was', 'born', 'in', 'Toronto', '.']), ['PROPN', 'PROPN', 'AUX', 'VERB', 'ADP', 'PROPN', 'PUNCT']);
  assert.deepEqual(tagGoldWords(['I', 'do', "n't", 'know']), ['PRON', 'AUX', 'PART', 'VERB']);
  assert.deepEqual(tagGoldWords([]), []);
});

test('words wink splits take the tag of their first non-punctuation piece', () => {
  // wink reads "01-Feb-02" as 01/NUM -/PUNCT Feb-02/PROPN, "Space.com" as Space/PROPN ./PUNCT com/NOUN, "!!!" as three "!".
  assert.deepEqual(tagGoldWords(['I', 'saw', '01-Feb-02', 'at', 'Space.com', '!!!']), ['PRON', 'VERB', 'NUM', 'ADP', 'PROPN', 'PUNCT']);
});
