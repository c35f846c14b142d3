/**
 * @file Building a knowledge graph from triples, in either mode (see `KgMode`).
 *
 * @example
 * const kg = buildKnowledgeGraph([
 *   { subject: 'Allan Dwan', relation: 'born in', object: 'Toronto' },
 *   { subject: 'allan  dwan', relation: 'died in', object: 'Los Angeles' },
 * ]);
 * kg.order; // 3 nodes ("allan dwan" keeps the label "Allan Dwan")
 * kg.size;  // 2 edges
 */
import { resolveOptions } from '../options.js';
import { LMKG_VERSION } from '../version.js';
import { addTriple, createKnowledgeGraph } from './create.js';
import { KG_DEFAULTS } from './defaults.js';
import { normaliseKey } from './normalise.js';
import type { KgMeta, KgMode, KnowledgeGraph, Triple, TripleWithProvenance } from './types.js';

export interface BuildKnowledgeGraphOptions {
  mode?: KgMode;
  /** Graph attributes to record (lmkgVersion and mode are filled in). */
  meta?: KgMeta;
}

/**
 * A graph of the given triples, in order. Triples with provenance record their query id on the edge.
 * Triples whose subject or object is empty after trimming are skipped (a graph has no blank nodes).
 */
export function buildKnowledgeGraph(triples: Iterable<Triple | TripleWithProvenance>, options: BuildKnowledgeGraphOptions = {}): KnowledgeGraph {
  const { meta = {}, ...rest } = options;
  const { mode } = resolveOptions('buildKnowledgeGraph', { ...KG_DEFAULTS }, rest, { mode: ['triples', 'paper'] });
  const kg = createKnowledgeGraph({ ...meta, mode, lmkgVersion: meta.lmkgVersion ?? LMKG_VERSION });
  for (const triple of triples) {
    if (triple.subject.trim() === '' || triple.object.trim() === '') continue;
    const queryId = 'provenance' in triple ? triple.provenance.queryId : undefined;
    if (mode === 'paper') addTripleByPair(kg, triple, queryId);
    else addTriple(kg, triple, queryId);
  }
  return kg;
}

/**
 * Adds a triple the paper's way (mutates `kg`): one edge per (source, target) pair. A different
 * relation between the same pair replaces the edge's relation (count and query ids start again);
 * the same relation raises its count. Returns the edge key.
 */
export function addTripleByPair(kg: KnowledgeGraph, triple: Triple, queryId?: string): string {
  const source = normaliseKey(triple.subject);
  const target = normaliseKey(triple.object);
  const existing = kg.hasNode(source) && kg.hasNode(target) ? kg.outEdges(source, target)[0] : undefined;
  if (existing === undefined) return addTriple(kg, triple, queryId);
  const relationKey = normaliseKey(triple.relation);
  for (const key of [source, target]) kg.updateNodeAttribute(key, 'count', (count = 0) => count + 1);
  const ids = queryId === undefined ? [] : [queryId];
  kg.updateEdgeAttributes(existing, (attributes) => attributes.relationKey === relationKey
    ? { ...attributes, count: attributes.count + 1, queryIds: queryId === undefined || attributes.queryIds.includes(queryId) ? attributes.queryIds : [...attributes.queryIds, queryId] }
    : { relation: triple.relation.trim().replace(/\s+/gu, ' '), relationKey, count: 1, queryIds: ids });
  return existing;
}
