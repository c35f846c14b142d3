import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityPrepTriples } from '../../src/extract/entity-prep.js';
import { SENTENCES } from './conllu-fixture.js';

const t = (subject: string, relation: string, object: string) => ({ subject, relation, object });

test('entity-prep on hand-parsed sentences (the contract, independent of the parser)', () => {
  assert.deepEqual(entityPrepTriples(SENTENCES.passive), [t('Allan Dwan', 'born in', 'Toronto')]);
  assert.deepEqual(entityPrepTriples(SENTENCES.agent), [t('Robin Hood', 'directed by', 'Allan Dwan')]);
  assert.deepEqual(entityPrepTriples(SENTENCES.prepositional), [t('Dwan', 'died in', 'Los Angeles'), t('Dwan', 'died on', 'December 28, 1981')]);
  assert.deepEqual(entityPrepTriples(SENTENCES.dateCaseOnNumber), [t('Dwan', 'died on', '28 December 1981'), t('Dwan', 'died in', 'Los Angeles')]);
  assert.deepEqual(entityPrepTriples(SENTENCES.active), []);
  assert.deepEqual(entityPrepTriples(SENTENCES.negated), []);
  assert.deepEqual(entityPrepTriples(SENTENCES.copula), []);
});

test('entity-prep misses the shapes a one-hop heuristic cannot reach', () => {
  // "Born in Glasgow, Stephen became ...": the place hangs from "Born", Stephen from "became"
  assert.deepEqual(entityPrepTriples(SENTENCES.initialParticiple), []);
  // "Peter Martin (born in Boston) is ...": the place hangs from "born", a dependent of the name
  assert.deepEqual(entityPrepTriples(SENTENCES.parenthetical), []);
  // "... a director who was born in Australia": the relative clause is one hop too far
  assert.deepEqual(entityPrepTriples(SENTENCES.relative), []);
});
