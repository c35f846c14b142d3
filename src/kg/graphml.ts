/**
 * @file GraphML export and import (http://graphml.graphdrawing.org/), for Gephi, yEd, Cytoscape and
 * networkx (`nx.read_graphml`). Node ids are the normalised keys; node `label` is the display label;
 * edge `label` is the relation (the name Gephi shows); `relation_key`, `count` and `query_ids` (a JSON
 * array) keep the rest, with slot provenance in `slot` (the parts that held the filled slot, joined
 * by ";"), `fact_count`, `fact_query_ids` and `context_query_ids`; the graph's meta is one JSON
 * string (`lmkg_meta`).
 *
 * @example
 * const xml = kgToGraphml(kg);             // '<?xml version="1.0" encoding="UTF-8"?>\n<graphml ...'
 * const same = kgFromGraphml(xml, 'kg.graphml');
 */
import { DataFormatError } from '../errors.js';
import { createKnowledgeGraph } from './create.js';
import { graphSafeKey, normaliseKey } from './normalise.js';
import { parseSlotText, slotText } from './slot-text.js';
import type { KgEdge, KgMeta, KnowledgeGraph } from './types.js';
import { childElements, escapeXml, parseXml, type XmlElement } from './xml.js';

const KEYS = [
  { id: 'd_meta', for: 'graph', name: 'lmkg_meta', type: 'string' },
  { id: 'd_label', for: 'node', name: 'label', type: 'string' },
  { id: 'd_ncount', for: 'node', name: 'count', type: 'int' },
  { id: 'd_relation', for: 'edge', name: 'label', type: 'string' },
  { id: 'd_rkey', for: 'edge', name: 'relation_key', type: 'string' },
  { id: 'd_ecount', for: 'edge', name: 'count', type: 'int' },
  { id: 'd_queries', for: 'edge', name: 'query_ids', type: 'string' },
  { id: 'd_slot', for: 'edge', name: 'slot', type: 'string' },
  { id: 'd_fcount', for: 'edge', name: 'fact_count', type: 'int' },
  { id: 'd_fqueries', for: 'edge', name: 'fact_query_ids', type: 'string' },
  { id: 'd_cqueries', for: 'edge', name: 'context_query_ids', type: 'string' },
] as const;

/** The graph as a GraphML document. */
export function kgToGraphml(kg: KnowledgeGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map((key) => `  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}"/>`),
    '  <graph id="G" edgedefault="directed">',
    `    <data key="d_meta">${escapeXml(JSON.stringify(kg.getAttributes()))}</data>`,
  ];
  kg.forEachNode((node, attributes) => {
    lines.push(`    <node id="${escapeXml(node)}"><data key="d_label">${escapeXml(attributes.label)}</data><data key="d_ncount">${attributes.count}</data></node>`);
  });
  let index = 0;
  kg.forEachEdge((_edge, attributes, source, target) => {
    lines.push(
      `    <edge id="e${index}" source="${escapeXml(source)}" target="${escapeXml(target)}">` +
      `<data key="d_relation">${escapeXml(attributes.relation)}</data><data key="d_rkey">${escapeXml(attributes.relationKey)}</data>` +
      `<data key="d_ecount">${attributes.count}</data><data key="d_queries">${escapeXml(JSON.stringify(attributes.queryIds))}</data>` +
      (attributes.factCount === undefined ? '' : `<data key="d_slot">${escapeXml(slotText(attributes.slot ?? []))}</data><data key="d_fcount">${attributes.factCount}</data>` +
        `<data key="d_fqueries">${escapeXml(JSON.stringify(attributes.factQueryIds ?? []))}</data><data key="d_cqueries">${escapeXml(JSON.stringify(attributes.contextQueryIds ?? []))}</data>`) +
      '</edge>',
    );
    index += 1;
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/**
 * Reads a GraphML document (lmkg's, or another tool's: data keys are matched by `attr.name`; a node
 * without `label` uses its id, an edge without `label` uses its `relation` data or ""). Throws
 * DataFormatError naming the file and line.
 */
export function kgFromGraphml(text: string, file = 'GraphML'): KnowledgeGraph {
  const root = parseXml(text, file);
  if (root.name !== 'graphml') throw new DataFormatError({ file, line: root.line }, `expected a <graphml> root element, found <${root.name}>`);
  const keyNames = new Map<string, string>();
  for (const key of childElements(root, 'key')) keyNames.set(key.attributes.id ?? '', key.attributes['attr.name'] ?? key.attributes.id ?? '');
  const graph = childElements(root, 'graph')[0];
  if (!graph) throw new DataFormatError({ file, line: root.line }, 'the document has no <graph> element');
  const data = (element: XmlElement): Map<string, string> => {
    const values = new Map<string, string>();
    for (const entry of childElements(element, 'data')) {
      values.set(keyNames.get(entry.attributes.key ?? '') ?? entry.attributes.key ?? '', entry.text);
    }
    return values;
  };
  const metaText = data(graph).get('lmkg_meta');
  let meta: KgMeta = {};
  if (metaText !== undefined) {
    try {
      meta = JSON.parse(metaText) as KgMeta;
    } catch {
      throw new DataFormatError({ file, line: graph.line, field: 'lmkg_meta' }, 'the graph meta is not valid JSON');
    }
  }
  const kg = createKnowledgeGraph(meta);
  for (const node of childElements(graph, 'node')) {
    const id = node.attributes.id === undefined ? undefined : graphSafeKey(node.attributes.id);
    if (id === undefined) throw new DataFormatError({ file, line: node.line, field: 'id' }, '<node> without an id');
    const values = data(node);
    if (kg.hasNode(id)) throw new DataFormatError({ file, line: node.line, field: 'id' }, `node "${id}" appears twice`);
    kg.addNode(id, { label: values.get('label') ?? id, count: integer(values.get('count'), 1, file, node.line) });
  }
  for (const edge of childElements(graph, 'edge')) {
    const [source, target] = [edge.attributes.source, edge.attributes.target].map((key) => (key === undefined ? undefined : graphSafeKey(key)));
    for (const [field, node] of [['source', source], ['target', target]] as const) {
      if (node === undefined) throw new DataFormatError({ file, line: edge.line, field }, `<edge> without a ${field}`);
      if (!kg.hasNode(node)) kg.addNode(node, { label: node, count: 1 });
    }
    const values = data(edge);
    const relation = values.get('label') ?? values.get('relation') ?? '';
    const attributes: KgEdge = {
      relation,
      relationKey: values.get('relation_key') ?? normaliseKey(relation),
      count: integer(values.get('count'), 1, file, edge.line),
      queryIds: queryIds(values.get('query_ids'), file, edge.line),
    };
    if (values.has('fact_count')) {
      attributes.slot = parseSlotText(values.get('slot') ?? '', file, edge.line);
      attributes.factCount = integer(values.get('fact_count'), 0, file, edge.line);
      attributes.factQueryIds = queryIds(values.get('fact_query_ids'), file, edge.line);
      attributes.contextQueryIds = queryIds(values.get('context_query_ids'), file, edge.line);
    }
    kg.addEdge(source!, target!, attributes);
  }
  return kg;
}

function integer(text: string | undefined, fallback: number, file: string, line: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 0) throw new DataFormatError({ file, line, field: 'count' }, `expected a whole number, got ${JSON.stringify(text)}`);
  return value;
}

function queryIds(text: string | undefined, file: string, line: number): string[] {
  if (text === undefined || text.trim() === '') return [];
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  } catch {
    // reported below
  }
  throw new DataFormatError({ file, line, field: 'query_ids' }, `expected a JSON array of strings, got ${JSON.stringify(text.slice(0, 60))}`);
}
