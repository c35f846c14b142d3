import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addTriple, createKnowledgeGraph, kgTriples } from '../../src/kg/create.js';
import { normaliseKey } from '../../src/kg/normalise.js';

test('normaliseKey folds case, width and whitespace', () => {
  assert.equal(normaliseKey('  Allan \t Dwan '), 'allan dwan');
  assert.equal(normaliseKey('ＡＢＣ'), 'abc');
});

test('addTriple keys nodes by normalised text, keeps the first label and counts repeats', () => {
  const kg = createKnowledgeGraph({ name: 'test' });
  const first = addTriple(kg, { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto' }, 'q1');
  const again = addTriple(kg, { subject: 'allan  dwan', relation: 'Born  In', object: 'TORONTO' }, 'q2');
  addTriple(kg, { subject: 'Allan Dwan', relation: 'died in', object: 'Los Angeles' }, 'q1');
  assert.equal(first, again);
  assert.equal(kg.order, 3);
  assert.equal(kg.size, 2);
  assert.deepEqual(kg.getEdgeAttributes(first), { relation: 'born in', relationKey: 'born in', count: 2, queryIds: ['q1', 'q2'] });
  assert.deepEqual(kg.getNodeAttributes('allan dwan'), { label: 'Allan Dwan', count: 3 });
  assert.deepEqual(kgTriples(kg), [
    { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto' },
    { subject: 'Allan Dwan', relation: 'died in', object: 'Los Angeles' },
  ]);
  assert.equal(kg.getAttribute('name'), 'test');
});

test('entities named like inherited object properties ("constructor", "__proto__") are safe keys', () => {
  assert.equal(normaliseKey(' Constructor '), 'constructor ');
  assert.equal(normaliseKey('__proto__'), '__proto__ ');
  assert.equal(normaliseKey('toString'), 'tostring');
  const kg = createKnowledgeGraph();
  for (const word of ['constructor', '__proto__', 'Constructor']) {
    addTriple(kg, { subject: 'a', relation: 'r', object: word });
    addTriple(kg, { subject: word, relation: 'q', object: 'a' });
  }
  assert.deepEqual(kgTriples(kg), [
    { subject: 'a', relation: 'r', object: 'constructor' },
    { subject: 'constructor', relation: 'q', object: 'a' },
    { subject: 'a', relation: 'r', object: '__proto__' },
    { subject: '__proto__', relation: 'q', object: 'a' },
  ]);
  assert.equal(kg.outEdges('a').length, 2);
});
