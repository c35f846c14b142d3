import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidOptionError } from '../../src/errors.js';
import { buildKnowledgeGraph } from '../../src/kg/build.js';
import { kgTriples } from '../../src/kg/create.js';
import { LMKG_VERSION } from '../../src/version.js';

const provenance = (queryId: string) => ({ queryId, factId: queryId.split('#')[0]!, sentence: 's', extractor: 'svo' });
const TRIPLES = [
  { subject: 'Dwan', relation: 'born in', object: 'Toronto', provenance: provenance('a#0') },
  { subject: 'Dwan', relation: 'lived in', object: 'Toronto', provenance: provenance('b#0') },
  { subject: 'dwan', relation: 'born in', object: 'toronto', provenance: provenance('c#0') },
  { subject: 'Dwan', relation: 'died in', object: 'Los Angeles', provenance: provenance('d#0') },
  { subject: ' ', relation: 'is', object: 'nothing', provenance: provenance('e#0') },
];

test('triples mode keeps every distinct triple and records query ids, mode and version', () => {
  const kg = buildKnowledgeGraph(TRIPLES, { meta: { extractor: 'svo' } });
  assert.deepEqual(kgTriples(kg), [
    { subject: 'Dwan', relation: 'born in', object: 'Toronto' },
    { subject: 'Dwan', relation: 'lived in', object: 'Toronto' },
    { subject: 'Dwan', relation: 'died in', object: 'Los Angeles' },
  ]);
  assert.deepEqual(kg.mapEdges((_e, a) => [a.count, a.queryIds]), [[2, ['a#0', 'c#0']], [1, ['b#0']], [1, ['d#0']]]);
  assert.deepEqual(kg.getAttributes(), { extractor: 'svo', mode: 'triples', lmkgVersion: LMKG_VERSION });
});

test('paper mode keeps one relation per (source, target) pair: the last one seen', () => {
  const kg = buildKnowledgeGraph(TRIPLES, { mode: 'paper' });
  assert.deepEqual(kgTriples(kg), [
    { subject: 'Dwan', relation: 'born in', object: 'Toronto' },
    { subject: 'Dwan', relation: 'died in', object: 'Los Angeles' },
  ]);
  // "born in" was replaced by "lived in", then "born in" replaced it again: count and ids restart
  assert.deepEqual(kg.mapEdges((_e, a) => [a.relation, a.count, a.queryIds]), [['born in', 1, ['c#0']], ['died in', 1, ['d#0']]]);
  assert.equal(kg.getAttribute('mode'), 'paper');
  assert.equal(kg.getNodeAttribute('dwan', 'count'), 4);
});

test('an unknown mode is an InvalidOptionError', () => {
  assert.throws(() => buildKnowledgeGraph([], { mode: 'pairs' as never }), (error: unknown) =>
    error instanceof InvalidOptionError && /option "mode" must be one of "triples", "paper"/.test(error.message));
});
