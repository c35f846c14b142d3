import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentScores, universalLabel } from '../../src/nlp/evaluate-parser.js';
import type { TreebankWord } from '../../src/nlp/conllu.js';

const word = (head: number, deprel: string): TreebankWord => ({ form: 'w', lemma: 'w', upos: 'X', head, deprel, spaceAfter: true });

test('attachmentScores counts heads, full labels and universal labels over all words', () => {
  const gold = [
    [word(1, 'nsubj:pass'), word(-1, 'root'), word(1, 'punct')],
    [word(-1, 'root'), word(0, 'obl:agent')],
  ];
  const predicted = [
    { heads: Int32Array.from([1, -1, 0]), deprels: ['nsubj', 'root', 'punct'] }, // head ok + subtype wrong; ok; head wrong
    { heads: Int32Array.from([-1, 0]), deprels: ['root', 'obl:agent'] }, // both right
  ];
  assert.deepEqual(attachmentScores(gold, predicted), { uas: 4 / 5, las: 3 / 5, lasUniversal: 4 / 5, words: 5 });
  assert.deepEqual(attachmentScores([], []), { uas: 0, las: 0, lasUniversal: 0, words: 0 });
});

test('universalLabel strips the subtype', () => {
  assert.equal(universalLabel('nsubj:pass'), 'nsubj');
  assert.equal(universalLabel('obl'), 'obl');
  assert.equal(universalLabel('compound:prt'), 'compound');
});
