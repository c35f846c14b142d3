/**
 * @file Creating knowledge graphs and adding triples. Always a directed multigraph.
 */
import Graph from 'graphology';
import type { KgMeta, KnowledgeGraph, Triple } from './types.js';
import { normaliseKey } from './normalise.js';

const { MultiDirectedGraph } = Graph;

/** A new, empty knowledge graph (directed, multi, no self-loop restriction). */
export function createKnowledgeGraph(meta: KgMeta = {}): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ ...meta });
  return graph;
}

/**
 * Adds a triple (mutates `kg`). Nodes are keyed by the normalised text; an existing edge with the
 * same normalised relation between the same nodes has its count raised instead of being doubled.
 * Returns the edge key.
 */
export function addTriple(kg: KnowledgeGraph, triple: Triple, queryId?: string): string {
  const source = ensureNode(kg, triple.subject);
  const target = ensureNode(kg, triple.object);
  const relationKey = normaliseKey(triple.relation);
  const existing = kg.findOutEdge(source, target, (_edge, attributes) => attributes.relationKey === relationKey);
  if (existing !== undefined) {
    kg.updateEdgeAttributes(existing, (attributes) => ({
      ...attributes,
      count: attributes.count + 1,
      queryIds: queryId === undefined || attributes.queryIds.includes(queryId) ? attributes.queryIds : [...attributes.queryIds, queryId],
    }));
    return existing;
  }
  return kg.addEdge(source, target, { relation: triple.relation.trim().replace(/\s+/gu, ' '), relationKey, count: 1, queryIds: queryId === undefined ? [] : [queryId] });
}

function ensureNode(kg: KnowledgeGraph, text: string): string {
  const key = normaliseKey(text);
  if (kg.hasNode(key)) kg.updateNodeAttribute(key, 'count', (count = 0) => count + 1);
  else kg.addNode(key, { label: text.trim().replace(/\s+/gu, ' '), count: 1 });
  return key;
}

/** The graph's triples (display labels), one per edge, in insertion order. */
export function kgTriples(kg: KnowledgeGraph): Triple[] {
  return kg.mapEdges((_edge, attributes, _source, _target, sourceAttributes, targetAttributes) => ({
    subject: sourceAttributes.label,
    relation: attributes.relation,
    object: targetAttributes.label,
  }));
}
