/** @file A knowledge graph whose labels need every kind of escaping, shared by the export tests. */
import { buildKnowledgeGraph } from '../../src/kg/build.js';
import type { KnowledgeGraph } from '../../src/kg/types.js';

const provenance = (queryId: string) => ({ queryId, factId: queryId.split('#')[0]!, sentence: 'x', extractor: 'svo-plus' });

export function trickyGraph(): KnowledgeGraph {
  return buildKnowledgeGraph([
    { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto', provenance: provenance('f1#0') },
    { subject: 'Paris, France', relation: 'capital "of"', object: 'France', provenance: provenance('f2#0') },
    { subject: 'AT&T <Inc.>', relation: "it's in", object: 'New \n York', provenance: provenance('f3#1') },
    { subject: 'Zürich 🇨🇭', relation: '!bear', object: 'Ødegaard', provenance: provenance('f4#0') },
    { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto', provenance: provenance('f5#0') },
    { subject: 'Allan Dwan', relation: 'died in', object: 'Toronto', provenance: provenance('f5#0') },
  ], { meta: { side: 'predicted', extractor: 'svo-plus', predictionsFile: 'p.jsonl', model: 'bert-base-uncased', options: { extractor: 'svo-plus', limit: null } } });
}

/** Everything a graph holds, in order: meta, nodes with attributes, edges with ends and attributes. */
export function graphContents(kg: KnowledgeGraph): unknown {
  return {
    meta: kg.getAttributes(),
    nodes: kg.mapNodes((key, attributes) => [key, attributes]),
    edges: kg.mapEdges((_edge, attributes, source, target) => [source, target, attributes]),
  };
}

const slotted = (queryId: string, slot: Array<'subject' | 'relation' | 'object'>) => ({ ...provenance(queryId), slot });

/**
 * A graph with slot provenance: fact and context extractions, one triple that is a fact in one
 * query and context in another, and the slot in each part.
 */
export function slotGraph(): KnowledgeGraph {
  return buildKnowledgeGraph([
    { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto', provenance: slotted('f1#0', ['object']) },
    { subject: 'Allan Dwan', relation: 'was', object: 'director', provenance: slotted('f1#0', []) },
    { subject: 'Toronto', relation: 'bear', object: 'Allan Dwan', provenance: slotted('f1#1', ['subject']) },
    { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto', provenance: slotted('f2#0', []) },
    { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto', provenance: slotted('f3#0', ['object']) },
    { subject: 'Paris, France', relation: 'capital "of"', object: 'France', provenance: slotted('f4#0', ['relation', 'object']) },
  ], { meta: { side: 'gold', extractor: 'svo-plus' } });
}
