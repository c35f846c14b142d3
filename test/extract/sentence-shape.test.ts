import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goldRole, sentenceShape } from '../../src/extract/sentence-shape.js';
import { SENTENCES } from './conllu-fixture.js';

test('sentenceShape classifies the Google-RE sentence shapes', () => {
  const cases: Array<[string, string | null, string]> = [
    ['To emphasize the anniversary the [MASK] color was used.', null, 'no-subject'],
    ['He was born in [MASK] .', 'Allan Dwan', 'subject-absent'],
    ['Eduard Ender (3 March 1822 [MASK] -- 28 December 1883 London) was an Austrian painter .', 'Eduard Ender', 'parenthetical'],
    ['Born in [MASK], Stephen became a welder\'s apprentice .', 'John Stephen', 'initial-participle'],
    ['In [MASK], Dwan was born .', 'Allan Dwan', 'object-first'],
    ['Georgina Willis is an award winning film director who was born in [MASK] and now lives in London .', 'Georgina Willis', 'relative-clause'],
    ['Corrsin was born on 3 April 1920 in [MASK], Pennsylvania .', 'Stanley Corrsin', 'finite-clause'],
    ['Dwan died in [MASK] .', 'Allan Dwan', 'finite-clause'],
    ['Khatchig Mouradian is a journalist, writer and translator born in [MASK] .', 'Khatchig Mouradian', 'participle-modifier'],
    ['Dwan moved to [MASK] .', 'Allan Dwan', 'other'],
  ];
  for (const [sentence, subject, shape] of cases) assert.equal(sentenceShape(sentence, subject), shape, sentence);
});

test('goldRole names the relation of the gold phrase in the parse', () => {
  assert.equal(goldRole(SENTENCES.passive, 'Toronto'), 'obl');
  assert.equal(goldRole(SENTENCES.prepositional, 'Los Angeles'), 'obl');
  assert.equal(goldRole(SENTENCES.prepositional, '1981'), 'nmod');
  assert.equal(goldRole(SENTENCES.active, 'Robin Hood'), 'obj');
  assert.equal(goldRole(SENTENCES.active, 'Allan Dwan'), 'nsubj');
  assert.equal(goldRole(SENTENCES.active, 'Hollywood'), 'absent');
});
