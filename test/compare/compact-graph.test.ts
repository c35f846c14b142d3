import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactGraphFromTriples, toCompactGraph } from '../../src/compare/compact-graph.js';
import { toUndirectedGraph } from '../../src/compare/undirected-graph.js';
import { InvalidOptionError } from '../../src/errors.js';
import { addTriple, createKnowledgeGraph } from '../../src/kg/create.js';

describe('toCompactGraph', () => {
  it('keeps node order, keys, labels, relations, counts and provenance of a knowledge graph', () => {
    const kg = createKnowledgeGraph({ name: 'demo' });
    addTriple(kg, { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto' }, 'f1#0');
    addTriple(kg, { subject: 'allan  dwan', relation: 'Born In', object: 'Toronto' }, 'f1#1');
    addTriple(kg, { subject: 'Toronto', relation: 'in', object: 'Canada' }, 'f2#0');
    kg.addNode('lonely', { label: 'Lonely', count: 0 });
    const g = toCompactGraph(kg);
    assert.equal(g.name, 'demo');
    assert.deepEqual(g.nodeKeys, ['allan dwan', 'toronto', 'canada', 'lonely']);
    assert.deepEqual(g.nodeLabels, ['Allan Dwan', 'Toronto', 'Canada', 'Lonely']);
    assert.deepEqual([...g.edgeSource], [0, 1]);
    assert.deepEqual([...g.edgeTarget], [1, 2]);
    assert.deepEqual(g.relationKeys, ['born in', 'in']);
    assert.deepEqual([...g.edgeExtractions], [2, 1]);
    assert.deepEqual(g.edgeQueryIds, [['f1#0', 'f1#1'], ['f2#0']]);
  });
});

describe('compactGraphFromTriples and toUndirectedGraph', () => {
  it('builds from plain triples and drops direction, relations, repeats and self-loops for the undirected view', () => {
    const g = compactGraphFromTriples([['a', 'r', 'b'], ['b', 's', 'a'], ['a', 'r', 'a'], ['b', 'r', 'c']], ['z']);
    assert.equal(g.nodeCount, 4);
    assert.equal(g.edgeCount, 4);
    const u = toUndirectedGraph(g);
    assert.deepEqual([...u.offsets], [0, 0, 1, 3, 4]);
    assert.deepEqual([...u.neighbours], [2, 1, 3, 2]);
  });

  it('rejects malformed triples', () => {
    assert.throws(() => compactGraphFromTriples([['a', 'r'] as never]), InvalidOptionError);
  });
});
