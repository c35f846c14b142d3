import assert from 'node:assert/strict';
import { test } from 'node:test';
import { svoTriples } from '../../src/extract/svo.js';
import { SENTENCES } from './conllu-fixture.js';

const t = (subject: string, relation: string, object: string) => ({ subject, relation, object });

test('svo (textacy) on hand-parsed sentences: active, passive agent, negation, copula', () => {
  assert.deepEqual(svoTriples(SENTENCES.active), [t('Allan Dwan', 'directed', 'Robin Hood')]);
  assert.deepEqual(svoTriples(SENTENCES.agent), [t('Robin Hood', 'was directed', 'Allan Dwan')]);
  assert.deepEqual(svoTriples(SENTENCES.negated), [t('Dwan', "didn't direct", 'Metropolis')]);
  assert.deepEqual(svoTriples(SENTENCES.copula), [t('Allan Dwan', 'was', 'film director')]);
  assert.deepEqual(svoTriples(SENTENCES.relative), [t('Georgina Willis', 'is', 'director')]);
  // textacy does not resolve relative pronouns
  assert.deepEqual(svoTriples(SENTENCES.relativeObject), [t('Robin Hood', 'is', 'film'), t('Dwan', 'directed', 'that')]);
});

test('svo shares subjects and objects over coordinated verbs and expands conjuncts', () => {
  assert.deepEqual(svoTriples(SENTENCES.coordinated), [
    t('Dwan', 'wrote', 'films'), t('Dwan', 'wrote', 'plays'), t('Dwan', 'directed', 'films'), t('Dwan', 'directed', 'plays'),
  ]);
  assert.deepEqual(svoTriples(SENTENCES.coordinatedSubjects), [t('Dwan', 'directed', 'films'), t('Griffith', 'directed', 'films')]);
});

test('svo takes an open clausal complement as the object, and nothing from prepositions', () => {
  assert.deepEqual(svoTriples(SENTENCES.xcomp), [t('Dwan', 'wanted', 'to direct a western')]);
  assert.deepEqual(svoTriples(SENTENCES.initialParticiple), [t('Stephen', 'became', 'welder')]);
  assert.deepEqual(svoTriples(SENTENCES.passive), []);
  assert.deepEqual(svoTriples(SENTENCES.prepositional), []);
  assert.deepEqual(svoTriples(SENTENCES.parenthetical), [t('Peter Martin', 'is', 'politician')]);
});
