/**
 * @file lmkg's JSON form of a knowledge graph: meta (what it was built from: predictions file,
 * model, extractor, mode, options, lmkg version), nodes and edges, in insertion order.
 * `loadKnowledgeGraph(saveKnowledgeGraph(kg))` gives back the same graph.
 *
 * @example
 * const json = saveKnowledgeGraph(kg);
 * // { format: 'lmkg-knowledge-graph', formatVersion: 1, meta: { extractor: 'svo', ... },
 * //   nodes: [{ key: 'allan dwan', label: 'Allan Dwan', count: 1 }, ...],
 * //   edges: [{ source: 'allan dwan', target: 'toronto', relation: 'born in', relationKey: 'born in', count: 1, queryIds: ['f1#0'],
 * //             slot: ['object'], factCount: 1, factQueryIds: ['f1#0'], contextQueryIds: [] }] }
 */
import { DataFormatError } from '../errors.js';
import { LMKG_VERSION } from '../version.js';
import { copyEdgeAttributes, createKnowledgeGraph } from './create.js';
import { KG_JSON_FORMAT, KG_JSON_FORMAT_VERSION } from './defaults.js';
import { graphSafeKey } from './normalise.js';
import { TRIPLE_PARTS, type KgEdge, type KgMeta, type KgNode, type KnowledgeGraph, type TriplePart } from './types.js';

/** The JSON form of a knowledge graph (`saveKnowledgeGraph`). */
export interface KnowledgeGraphJson {
  format: typeof KG_JSON_FORMAT;
  formatVersion: number;
  meta: KgMeta;
  nodes: Array<{ key: string } & KgNode>;
  edges: Array<{ source: string; target: string } & KgEdge>;
}

/** The graph as a JSON-ready object (meta gets the running lmkg version when it has none). */
export function saveKnowledgeGraph(kg: KnowledgeGraph): KnowledgeGraphJson {
  const meta = { ...kg.getAttributes() };
  meta.lmkgVersion ??= LMKG_VERSION;
  return {
    format: KG_JSON_FORMAT,
    formatVersion: KG_JSON_FORMAT_VERSION,
    meta,
    nodes: kg.mapNodes((key, attributes) => ({ key, label: attributes.label, count: attributes.count })),
    edges: kg.mapEdges((_edge, attributes, source, target) => ({ source, target, ...copyEdgeAttributes(attributes) })),
  };
}

/**
 * Rebuilds a graph from `saveKnowledgeGraph`'s object or its JSON text. Throws DataFormatError
 * (naming `file` and the field) for anything else.
 */
export function loadKnowledgeGraph(json: KnowledgeGraphJson | string, file = 'knowledge graph JSON'): KnowledgeGraph {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new DataFormatError({ file }, `malformed JSON (${(error as Error).message})`);
    }
  }
  const fail = (field: string, problem: string): never => {
    throw new DataFormatError({ file, field }, problem);
  };
  if (!isObject(value)) return fail('format', 'expected a JSON object written by saveKnowledgeGraph');
  if (value.format !== KG_JSON_FORMAT) fail('format', `expected "${KG_JSON_FORMAT}", got ${JSON.stringify(value.format)}; is this an lmkg knowledge-graph file?`);
  if (value.formatVersion !== KG_JSON_FORMAT_VERSION) fail('formatVersion', `this lmkg reads version ${KG_JSON_FORMAT_VERSION}, got ${JSON.stringify(value.formatVersion)}`);
  if (!isObject(value.meta)) fail('meta', 'expected an object');
  if (!Array.isArray(value.nodes)) fail('nodes', 'expected an array');
  if (!Array.isArray(value.edges)) fail('edges', 'expected an array');
  const kg = createKnowledgeGraph(value.meta as KgMeta);
  (value.nodes as unknown[]).forEach((node, i) => {
    if (!isObject(node) || typeof node.key !== 'string' || typeof node.label !== 'string' || !isCount(node.count)) {
      return fail(`nodes[${i}]`, 'expected { key: string, label: string, count: whole number }');
    }
    const key = graphSafeKey(node.key);
    if (kg.hasNode(key)) fail(`nodes[${i}].key`, `node "${node.key}" appears twice`);
    kg.addNode(key, { label: node.label, count: node.count as number });
  });
  (value.edges as unknown[]).forEach((edge, i) => {
    const ok = isObject(edge) && typeof edge.source === 'string' && typeof edge.target === 'string' && typeof edge.relation === 'string' &&
      typeof edge.relationKey === 'string' && isCount(edge.count) && Array.isArray(edge.queryIds) && edge.queryIds.every((id) => typeof id === 'string');
    if (!ok) return fail(`edges[${i}]`, 'expected { source, target, relation, relationKey: string, count: whole number, queryIds: string[] }');
    const e = edge as unknown as { source: string; target: string } & KgEdge;
    const [source, target] = [graphSafeKey(e.source), graphSafeKey(e.target)];
    for (const end of [source, target]) if (!kg.hasNode(end)) fail(`edges[${i}]`, `node "${end}" is not in nodes`);
    const attributes: KgEdge = { relation: e.relation, relationKey: e.relationKey, count: e.count, queryIds: [...e.queryIds] };
    if (e.factCount !== undefined || e.slot !== undefined) Object.assign(attributes, slotFields(edge as Record<string, unknown>, e.count, (field, problem) => fail(`edges[${i}].${field}`, problem)));
    kg.addEdge(source, target, attributes);
  });
  return kg;
}

/** The slot-provenance fields of a stored edge, checked (see KgEdge). */
export function slotFields(edge: Record<string, unknown>, count: number, fail: (field: string, problem: string) => never): Pick<KgEdge, 'slot' | 'factCount' | 'factQueryIds' | 'contextQueryIds'> {
  const { slot, factCount, factQueryIds, contextQueryIds } = edge;
  if (!Array.isArray(slot) || !slot.every((part) => (TRIPLE_PARTS as readonly unknown[]).includes(part))) fail('slot', `expected an array of ${TRIPLE_PARTS.join(', ')}`);
  if (!isCount(factCount) || (factCount as number) > count) fail('factCount', `expected a whole number no larger than count (${count})`);
  for (const [field, ids] of [['factQueryIds', factQueryIds], ['contextQueryIds', contextQueryIds]] as const) {
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) fail(field, 'expected an array of query ids');
  }
  return {
    slot: [...(slot as TriplePart[])], factCount: factCount as number, factQueryIds: [...(factQueryIds as string[])], contextQueryIds: [...(contextQueryIds as string[])],
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
