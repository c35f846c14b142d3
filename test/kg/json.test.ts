import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataFormatError } from '../../src/errors.js';
import { loadKnowledgeGraph, saveKnowledgeGraph } from '../../src/kg/json.js';
import { LMKG_VERSION } from '../../src/version.js';
import { graphContents, trickyGraph } from './fixtures.js';

test('saveKnowledgeGraph records meta, nodes and edges; loadKnowledgeGraph reverses it', () => {
  const kg = trickyGraph();
  const json = saveKnowledgeGraph(kg);
  assert.equal(json.format, 'lmkg-knowledge-graph');
  assert.deepEqual(json.meta, {
    side: 'predicted', extractor: 'svo-plus', predictionsFile: 'p.jsonl', model: 'bert-base-uncased',
    options: { extractor: 'svo-plus', limit: null }, mode: 'triples', lmkgVersion: LMKG_VERSION,
  });
  assert.deepEqual(json.edges[0], { source: 'allan dwan', target: 'toronto', relation: 'born in', relationKey: 'born in', count: 2, queryIds: ['f1#0', 'f5#0'] });
  assert.deepEqual(graphContents(loadKnowledgeGraph(json)), graphContents(kg));
  assert.deepEqual(graphContents(loadKnowledgeGraph(JSON.stringify(json))), graphContents(kg));
});

test('bad JSON is a DataFormatError naming the field', () => {
  const good = saveKnowledgeGraph(trickyGraph());
  const cases: Array<[unknown, RegExp]> = [
    ['{nope', /g\.json: malformed JSON/],
    [{ ...good, format: 'other' }, /g\.json \(field "format"\): expected "lmkg-knowledge-graph"/],
    [{ ...good, formatVersion: 9 }, /field "formatVersion"/],
    [{ ...good, nodes: [{ key: 'a', label: 'A', count: -1 }] }, /field "nodes\[0\]"\)/],
    [{ ...good, edges: [{ ...good.edges[0], source: 'ghost' }] }, /field "edges\[0\]"\): node "ghost" is not in nodes/],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => loadKnowledgeGraph(input as never, 'g.json'), (error: unknown) => error instanceof DataFormatError && message.test(error.message), message.source);
  }
});
