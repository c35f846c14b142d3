/**
 * @file Creating knowledge graphs and adding triples. Always a directed multigraph.
 */
import Graph from 'graphology';
import type { KgEdge, KgMeta, KnowledgeGraph, Triple, TriplePart } from './types.js';
import { TRIPLE_PARTS } from './types.js';
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
 * `slot` (the parts that hold the filled slot, empty for a context triple) adds slot provenance to
 * the edge. Returns the edge key.
 */
export function addTriple(kg: KnowledgeGraph, triple: Triple, queryId?: string, slot?: readonly TriplePart[]): string {
  const source = ensureNode(kg, triple.subject);
  const target = ensureNode(kg, triple.object);
  const relationKey = normaliseKey(triple.relation);
  const existing = kg.findOutEdge(source, target, (_edge, attributes) => attributes.relationKey === relationKey);
  if (existing !== undefined) {
    kg.updateEdgeAttributes(existing, (attributes) => withExtraction({
      ...attributes,
      count: attributes.count + 1,
      queryIds: appendOnce(attributes.queryIds, queryId),
    }, queryId, slot));
    return existing;
  }
  return kg.addEdge(source, target, newEdge(triple.relation, relationKey, queryId, slot));
}

/** The attributes of an edge made by its first extraction. */
export function newEdge(relation: string, relationKey: string, queryId: string | undefined, slot: readonly TriplePart[] | undefined): KgEdge {
  return withExtraction({ relation: relation.trim().replace(/\s+/gu, ' '), relationKey, count: 1, queryIds: queryId === undefined ? [] : [queryId] }, queryId, slot);
}

/** Records one extraction's slot provenance on edge attributes whose count already includes it. */
function withExtraction(attributes: KgEdge, queryId: string | undefined, slot: readonly TriplePart[] | undefined): KgEdge {
  if (slot === undefined) return attributes;
  const fact = slot.length > 0;
  const parts = new Set([...(attributes.slot ?? []), ...slot]);
  return {
    ...attributes,
    slot: TRIPLE_PARTS.filter((part) => parts.has(part)),
    factCount: (attributes.factCount ?? 0) + (fact ? 1 : 0),
    factQueryIds: fact ? appendOnce(attributes.factQueryIds ?? [], queryId) : [...(attributes.factQueryIds ?? [])],
    contextQueryIds: fact ? [...(attributes.contextQueryIds ?? [])] : appendOnce(attributes.contextQueryIds ?? [], queryId),
  };
}

/** A deep copy of edge attributes (its arrays are not shared with the original). */
export function copyEdgeAttributes(attributes: KgEdge): KgEdge {
  const copy: KgEdge = { ...attributes, queryIds: [...attributes.queryIds] };
  if (attributes.slot) copy.slot = [...attributes.slot];
  if (attributes.factQueryIds) copy.factQueryIds = [...attributes.factQueryIds];
  if (attributes.contextQueryIds) copy.contextQueryIds = [...attributes.contextQueryIds];
  return copy;
}

function appendOnce(ids: readonly string[], id: string | undefined): string[] {
  return id === undefined || ids.includes(id) ? [...ids] : [...ids, id];
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

/** Whether every edge of the graph carries slot provenance (an empty graph has none to carry). */
export function hasSlotProvenance(kg: KnowledgeGraph): boolean {
  return kg.size > 0 && kg.everyEdge((_edge, attributes) => attributes.factCount !== undefined);
}
