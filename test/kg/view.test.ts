import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { kgFromCsv, kgToCsv } from '../../src/kg/csv.js';
import { kgFromGexf, kgToGexf } from '../../src/kg/gexf.js';
import { kgFromGraphml, kgToGraphml } from '../../src/kg/graphml.js';
import { loadKnowledgeGraph, saveKnowledgeGraph } from '../../src/kg/json.js';
import { knowledgeGraphView } from '../../src/kg/view.js';
import { buildKnowledgeGraph } from '../../src/kg/build.js';
import { graphContents, slotGraph, trickyGraph } from './fixtures.js';

const edges = (kg: ReturnType<typeof slotGraph>) => kg.mapEdges((_e, a, s, t) => [s, a.relation, t, a.count, a.queryIds, a.slot, a.factCount]);

test('slot provenance on edges: parts seen, fact and context extractions with their queries', () => {
  const kg = slotGraph();
  const born = kg.findOutEdge('allan dwan', 'toronto', () => true)!;
  assert.deepEqual(kg.getEdgeAttributes(born), {
    relation: 'born in', relationKey: 'born in', count: 3, queryIds: ['f1#0', 'f2#0', 'f3#0'],
    slot: ['object'], factCount: 2, factQueryIds: ['f1#0', 'f3#0'], contextQueryIds: ['f2#0'],
  });
});

test('knowledgeGraphView: fact and context edges with their own counts and queries; all is the graph itself', () => {
  const kg = slotGraph();
  const fact = knowledgeGraphView(kg, 'fact');
  assert.equal(fact.getAttribute('view'), 'fact');
  assert.deepEqual(edges(fact), [
    ['allan dwan', 'born in', 'toronto', 2, ['f1#0', 'f3#0'], ['object'], 2],
    ['toronto', 'bear', 'allan dwan', 1, ['f1#1'], ['subject'], 1],
    ['paris, france', 'capital "of"', 'france', 1, ['f4#0'], ['relation', 'object'], 1],
  ]);
  assert.deepEqual(fact.mapNodes((key, a) => [key, a.count]), [['allan dwan', 3], ['toronto', 3], ['paris, france', 1], ['france', 1]]);
  const context = knowledgeGraphView(kg, 'context');
  assert.deepEqual(edges(context), [
    ['allan dwan', 'born in', 'toronto', 1, ['f2#0'], [], 0],
    ['allan dwan', 'was', 'director', 1, ['f1#0'], [], 0],
  ]);
  assert.equal(knowledgeGraphView(kg, 'all'), kg);
  // every extraction is in exactly one of the two views
  const count = (g: typeof kg) => g.reduceEdges((sum, _e, a) => sum + a.count, 0);
  assert.equal(count(fact) + count(context), count(kg));
});

test('knowledgeGraphView: a graph without slot provenance has no fact view (UsageError that says what to do)', () => {
  assert.throws(() => knowledgeGraphView(trickyGraph(), 'fact'), (error: unknown) => error instanceof UsageError && /no slot provenance.*--graph all/.test(error.message));
  assert.throws(() => knowledgeGraphView(trickyGraph(), 'bogus' as 'fact'), UsageError);
  // an empty graph has an empty view
  assert.equal(knowledgeGraphView(buildKnowledgeGraph([]), 'fact').size, 0);
});

test('slot provenance survives JSON, GraphML and GEXF round trips; CSV has the slot column', () => {
  const kg = slotGraph();
  assert.deepEqual(graphContents(loadKnowledgeGraph(JSON.stringify(saveKnowledgeGraph(kg)))), graphContents(kg));
  assert.deepEqual(graphContents(kgFromGraphml(kgToGraphml(kg))), graphContents(kg));
  assert.deepEqual(graphContents(kgFromGexf(kgToGexf(kg))), graphContents(kg));
  assert.equal(kgToCsv(kg), [
    ',source,target,edge,slot',
    '0,Allan Dwan,Toronto,born in,object',
    '1,Allan Dwan,director,was,',
    '2,Toronto,Allan Dwan,bear,subject',
    '3,"Paris, France",France,"capital ""of""",relation;object',
    '',
  ].join('\n'));
  // the paper's readers take source, target, edge and ignore the rest
  assert.equal(kgFromCsv(kgToCsv(kg)).size, 4);
});

test('stored slot provenance is checked: bad parts or a fact count above the count are DataFormatErrors', () => {
  const json = saveKnowledgeGraph(slotGraph());
  const bad = structuredClone(json);
  (bad.edges[0] as unknown as Record<string, unknown>).slot = ['verb'];
  assert.throws(() => loadKnowledgeGraph(bad, 'kg.json'), /kg\.json \(field "edges\[0\]\.slot"\)/);
  const over = structuredClone(json);
  over.edges[0]!.factCount = 9;
  assert.throws(() => loadKnowledgeGraph(over, 'kg.json'), /edges\[0\]\.factCount/);
  assert.throws(() => kgFromGraphml(kgToGraphml(slotGraph()).replace('<data key="d_slot">object</data>', '<data key="d_slot">verb</data>'), 'kg.graphml'), /kg\.graphml:\d+ \(field "slot"\)/);
});

test('paper mode: a new relation between the same pair restarts the edge with the new slot provenance', () => {
  const p = (queryId: string, slot: Array<'subject' | 'relation' | 'object'>) => ({ queryId, factId: queryId, sentence: 'x', extractor: 'svo', slot });
  const kg = buildKnowledgeGraph([
    { subject: 'a', relation: 'r1', object: 'b', provenance: p('q1', ['object']) },
    { subject: 'a', relation: 'r2', object: 'b', provenance: p('q2', []) },
  ], { mode: 'paper' });
  assert.deepEqual(edges(kg), [['a', 'r2', 'b', 1, ['q2'], [], 0]]);
});
