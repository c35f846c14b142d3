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
import { addTriple, createKnowledgeGraph, newEdge } from './create.js';
import { KG_DEFAULTS } from './defaults.js';
import { normaliseKey } from './normalise.js';
import type { KgMeta, KgMode, KnowledgeGraph, Triple, TriplePart, TripleWithProvenance } from './types.js';

/** Options of `buildKnowledgeGraph`: graph metadata and key normalisation. */
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
    const slot = 'provenance' in triple ? triple.provenance.slot : undefined;
    if (mode === 'paper') addTripleByPair(kg, triple, queryId, slot);
    else addTriple(kg, triple, queryId, slot);
  }
  return kg;
}

/**
 * Adds a triple the paper's way (mutates `kg`): one edge per (source, target) pair. A different
 * relation between the same pair replaces the edge's relation (count and query ids start again);
 * the same relation raises its count. Returns the edge key.
 */
export function addTripleByPair(kg: KnowledgeGraph, triple: Triple, queryId?: string, slot?: readonly TriplePart[]): string {
  const source = normaliseKey(triple.subject);
  const target = normaliseKey(triple.object);
  const existing = kg.hasNode(source) && kg.hasNode(target) ? kg.outEdges(source, target)[0] : undefined;
  if (existing === undefined || kg.getEdgeAttribute(existing, 'relationKey') === normaliseKey(triple.relation)) return addTriple(kg, triple, queryId, slot);
  // another relation between the pair replaces the edge's relation; its count, query ids and slot provenance start again
  for (const key of [source, target]) kg.updateNodeAttribute(key, 'count', (count = 0) => count + 1);
  kg.replaceEdgeAttributes(existing, newEdge(triple.relation, normaliseKey(triple.relation), queryId, slot));
  return existing;
}
