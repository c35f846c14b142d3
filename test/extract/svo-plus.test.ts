import assert from 'node:assert/strict';
import { test } from 'node:test';
import { svoPlusTriples } from '../../src/extract/svo-plus.js';
import { SENTENCES } from './conllu-fixture.js';

const t = (subject: string, relation: string, object: string) => ({ subject, relation, object });

test('svo-plus reverses passives with the verb lemma (as the paper does)', () => {
  assert.deepEqual(svoPlusTriples(SENTENCES.passive), [t('Toronto', 'bear', 'Allan Dwan')]);
  assert.deepEqual(svoPlusTriples(SENTENCES.agent), [t('Allan Dwan', 'direct', 'Robin Hood')]);
  // the relative pronoun stands for the noun its clause modifies
  assert.deepEqual(svoPlusTriples(SENTENCES.relative), [t('Australia', 'bear', 'director')]);
  assert.deepEqual(svoPlusTriples(SENTENCES.relativeObject), [t('Dwan', 'directed', 'film')]);
});

test('svo-plus: active, negated with "!", prepositional objects with their preposition', () => {
  assert.deepEqual(svoPlusTriples(SENTENCES.active), [t('Allan Dwan', 'directed', 'Robin Hood')]);
  assert.deepEqual(svoPlusTriples(SENTENCES.negated), [t('Dwan', '!direct', 'Metropolis')]);
  assert.deepEqual(svoPlusTriples(SENTENCES.prepositional), [t('Dwan', 'died in', 'Los Angeles'), t('Dwan', 'died on', 'December 28, 1981')]);
  assert.deepEqual(svoPlusTriples(SENTENCES.parenthetical), [t('Peter Martin', 'born in', 'Boston')]);
  assert.deepEqual(svoPlusTriples(SENTENCES.dateCaseOnNumber), [t('Dwan', 'died on', '28 December 1981'), t('Dwan', 'died in', 'Los Angeles')]);
  assert.deepEqual(svoPlusTriples(SENTENCES.parataxis), [t('Peter Martin', 'born in', 'Boston')]);
  // a clause of a copular predicate hangs from the copula in spaCy: no subject, as in the paper
  // (and the sentence has a verb, so the copular clause is not read either)
  assert.deepEqual(svoPlusTriples(SENTENCES.copularAdvcl), []);
});

test('svo-plus: coordinated verbs and objects, adjectives kept in phrases', () => {
  assert.deepEqual(svoPlusTriples(SENTENCES.coordinated), [
    t('Dwan', 'wrote', 'films'), t('Dwan', 'wrote', 'plays'), t('Dwan', 'directed', 'films'), t('Dwan', 'directed', 'plays'),
  ]);
  assert.deepEqual(svoPlusTriples(SENTENCES.coordinatedSubjects), [t('Dwan', 'directed', 'silent films'), t('Griffith', 'directed', 'silent films')]);
});

test('svo-plus: xcomp objects under the xcomp verb; copula only without any verb', () => {
  assert.deepEqual(svoPlusTriples(SENTENCES.xcomp), [t('Dwan', 'direct', 'western')]);
  assert.deepEqual(svoPlusTriples(SENTENCES.copula), [t('Allan Dwan', 'was', 'Canadian film director')]);
  assert.deepEqual(svoPlusTriples(SENTENCES.initialParticiple), [t('Stephen', 'became', 'welder')]);
});
