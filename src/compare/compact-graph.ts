/**
 * @file The compact form every metric in compare/ computes on: nodes numbered 0..n-1 in the
 * knowledge graph's node order, edges as typed arrays (source, target, relation id) in the graph's
 * edge order. Only src/kg/ constructs graphology graphs; this file only reads one.
 */
import { InvalidOptionError } from '../errors.js';
import { normaliseKey } from '../kg/normalise.js';
import type { KnowledgeGraph } from '../kg/types.js';

export interface CompactGraph {
  nodeCount: number;
  /** Normalised node keys (the KG's node keys): node identity across graphs. */
  nodeKeys: readonly string[];
  /** Display labels (first surface form). */
  nodeLabels: readonly string[];
  edgeCount: number;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Index into `relationKeys`. */
  edgeRelation: Int32Array;
  /** How many times each edge's triple was extracted (the KG edge's `count`; 1 when unknown). */
  edgeExtractions: Int32Array;
  /** The cloze queries (`<factId>#<n>`) that yielded each edge (empty when unknown). */
  edgeQueryIds: ReadonlyArray<readonly string[]>;
  /** Normalised relation keys, in order of first use. */
  relationKeys: readonly string[];
  /** Display relation labels, parallel to `relationKeys`. */
  relationLabels: readonly string[];
  /** The KG's name (its meta `name`, else its model), when it has one. */
  name?: string;
}

/** Converts a knowledge graph (directed multigraph, one edge per distinct triple) into typed arrays. */
export function toCompactGraph(kg: KnowledgeGraph): CompactGraph {
  const index = new Map<string, number>();
  const nodeKeys: string[] = [];
  const nodeLabels: string[] = [];
  kg.forEachNode((key, attributes) => {
    index.set(key, nodeKeys.length);
    nodeKeys.push(key);
    nodeLabels.push(attributes.label ?? key);
  });
  const builder = edgeBuilder(kg.size);
  kg.forEachEdge((_edge, attributes, source, target) => {
    builder.add(
      index.get(source)!,
      index.get(target)!,
      attributes.relationKey ?? normaliseKey(attributes.relation),
      attributes.relation,
      attributes.count ?? 1,
      attributes.queryIds ?? [],
    );
  });
  const meta = kg.getAttributes();
  const name = meta.name ?? meta.model;
  return { nodeCount: nodeKeys.length, nodeKeys, nodeLabels, ...builder.finish(), ...(name === undefined ? {} : { name }) };
}

/** A plain triple, optionally with the query ids that yielded it. */
export type PlainTriple = readonly [subject: string, relation: string, object: string, queryIds?: readonly string[]];

/**
 * Builds a compact graph from plain triples (subject, relation, object[, queryIds]), keyed like the
 * KG layer (case and whitespace folded; each triple is one edge, repeats included). `nodes` adds
 * isolated nodes or fixes the node order. For tests, benchmarks and callers without a KnowledgeGraph.
 *
 * @example
 * compactGraphFromTriples([['Allan Dwan', 'born in', 'Toronto']]).nodeKeys // ['allan dwan', 'toronto']
 */
export function compactGraphFromTriples(
  triples: ReadonlyArray<PlainTriple>,
  nodes: readonly string[] = [],
): CompactGraph {
  const index = new Map<string, number>();
  const nodeKeys: string[] = [];
  const nodeLabels: string[] = [];
  const node = (text: string) => {
    const key = normaliseKey(text);
    let id = index.get(key);
    if (id === undefined) {
      id = nodeKeys.length;
      index.set(key, id);
      nodeKeys.push(key);
      nodeLabels.push(text.trim().replace(/\s+/gu, ' '));
    }
    return id;
  };
  for (const text of nodes) node(text);
  const builder = edgeBuilder(triples.length);
  for (const triple of triples) {
    const [subject, relation, object, queryIds = []] = triple;
    if (typeof subject !== 'string' || typeof relation !== 'string' || typeof object !== 'string' || !Array.isArray(queryIds)) {
      throw new InvalidOptionError(`compactGraphFromTriples: each triple must be [subject, relation, object, queryIds?], got ${JSON.stringify(triple)}`);
    }
    const source = node(subject);
    builder.add(source, node(object), normaliseKey(relation), relation.trim(), 1, queryIds);
  }
  return { nodeCount: nodeKeys.length, nodeKeys, nodeLabels, ...builder.finish() };
}

function edgeBuilder(capacity: number) {
  const source = new Int32Array(capacity);
  const target = new Int32Array(capacity);
  const relation = new Int32Array(capacity);
  const extractions = new Int32Array(capacity);
  const queryIds: Array<readonly string[]> = [];
  const relationIndex = new Map<string, number>();
  const relationKeys: string[] = [];
  const relationLabels: string[] = [];
  let count = 0;
  return {
    add(s: number, t: number, key: string, label: string, times: number, queries: readonly string[]) {
      let r = relationIndex.get(key);
      if (r === undefined) {
        r = relationKeys.length;
        relationIndex.set(key, r);
        relationKeys.push(key);
        relationLabels.push(label);
      }
      source[count] = s;
      target[count] = t;
      relation[count] = r;
      extractions[count] = times;
      queryIds.push(queries);
      count += 1;
    },
    finish() {
      return {
        edgeCount: count,
        edgeSource: source.slice(0, count),
        edgeTarget: target.slice(0, count),
        edgeRelation: relation.slice(0, count),
        edgeExtractions: extractions.slice(0, count),
        edgeQueryIds: queryIds,
        relationKeys,
        relationLabels,
      };
    },
  };
}
