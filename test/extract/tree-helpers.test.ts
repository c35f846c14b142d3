import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  baseRelation, coordinationOf, dependencyTree, hasNegation, joinTokens, phraseSpan, prepositionOf, relationIn, spanText, subtreeSpan, uniqueTriples,
} from '../../src/extract/tree-helpers.js';
import { conllu, SENTENCES } from './conllu-fixture.js';

test('relation labels: universal part and subtype matching', () => {
  assert.equal(baseRelation('nsubj:pass'), 'nsubj');
  assert.equal(relationIn('flat:name', new Set(['flat'])), true);
  assert.equal(relationIn('obl', new Set(['obl:agent'])), false);
  assert.equal(relationIn('obl:agent', new Set(['obl:agent'])), true);
});

test('phraseSpan follows the chosen labels, keeps inner punctuation, widens to entities', () => {
  const tree = dependencyTree(SENTENCES.prepositional);
  const text = (head: number, labels: string[], widen = false) => spanText(tree, phraseSpan(tree, head, { labels: new Set(labels), widenToEntity: widen }));
  assert.equal(text(7, ['nmod:unmarked']), 'December 28, 1981');
  assert.equal(text(7, []), '28');
  assert.equal(text(7, [], true), 'December 28, 1981');
  assert.equal(text(4, ['compound']), 'Los Angeles');
  assert.equal(spanText(tree, subtreeSpan(tree, 1)), 'Dwan died in Los Angeles on December 28, 1981');
});

test('joinTokens keeps the sentence spacing ("didn\'t"); prepositions and negation', () => {
  const tree = dependencyTree(SENTENCES.negated);
  assert.equal(joinTokens(tree, [3, 1, 2]), "didn't direct");
  assert.equal(joinTokens(tree, [0, 3]), 'Dwan direct');
  assert.equal(hasNegation(tree, 3), true);
  assert.equal(hasNegation(tree, 0), false);
  const passive = dependencyTree(SENTENCES.passive);
  assert.equal(prepositionOf(passive, 5), 'in');
  assert.equal(prepositionOf(passive, 0), null);
  const fixed = dependencyTree(conllu(`
    1 out out ADP 3 case
    2 of of ADP 1 fixed
    3 Paris Paris PROPN 0 root`));
  assert.equal(prepositionOf(fixed, 2), 'out of');
});

test('coordinationOf finds every conjunct from any member', () => {
  const tree = dependencyTree(SENTENCES.coordinated);
  assert.deepEqual(coordinationOf(tree, 3), [1, 3]);
  assert.deepEqual(coordinationOf(tree, 1), [1, 3]);
  assert.deepEqual(coordinationOf(tree, 6), [4, 6]);
});

test('spanText falls back to the words when offsets do not fit the text', () => {
  const sentence = { ...SENTENCES.active, text: '' };
  assert.equal(spanText(dependencyTree(sentence), { start: 0, end: 2 }), 'Allan Dwan');
  assert.deepEqual(uniqueTriples([{ subject: 'a', relation: 'b', object: 'c' }, { subject: 'a', relation: 'b', object: 'c' }]).length, 1);
});
