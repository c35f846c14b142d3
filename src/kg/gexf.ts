/**
 * @file GEXF 1.3 export and import (https://gexf.net), Gephi's own format. Node ids are the
 * normalised keys and labels the display labels; edge labels are the relations, and each edge's
 * `kind` is its relation key, so Gephi keeps parallel edges with different relations apart; slot
 * provenance is in the edge attributes `slot`, `fact_count`, `fact_query_ids` and
 * `context_query_ids`. The graph's meta is stored as JSON in `<meta><description>`.
 *
 * @example
 * const xml = kgToGexf(kg);          // '<?xml version="1.0" encoding="UTF-8"?>\n<gexf ...'
 * const same = kgFromGexf(xml, 'kg.gexf');
 */
import { DataFormatError } from '../errors.js';
import { LMKG_VERSION } from '../version.js';
import { createKnowledgeGraph } from './create.js';
import { graphSafeKey, normaliseKey } from './normalise.js';
import { parseSlotText, slotText } from './slot-text.js';
import type { KgEdge, KgMeta, KnowledgeGraph } from './types.js';
import { childElements, escapeXml, parseXml, type XmlElement } from './xml.js';

/** The graph as a GEXF 1.3 document. */
export function kgToGexf(kg: KnowledgeGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>lmkg ${escapeXml(LMKG_VERSION)}</creator><description>${escapeXml(JSON.stringify(kg.getAttributes()))}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node"><attribute id="count" title="count" type="integer"/></attributes>',
    '    <attributes class="edge"><attribute id="relation_key" title="relation_key" type="string"/>' +
    '<attribute id="count" title="count" type="integer"/><attribute id="query_ids" title="query_ids" type="string"/>' +
    '<attribute id="slot" title="slot" type="string"/><attribute id="fact_count" title="fact_count" type="integer"/>' +
    '<attribute id="fact_query_ids" title="fact_query_ids" type="string"/><attribute id="context_query_ids" title="context_query_ids" type="string"/></attributes>',
    '    <nodes>',
  ];
  kg.forEachNode((node, attributes) => {
    lines.push(`      <node id="${escapeXml(node)}" label="${escapeXml(attributes.label)}"><attvalues><attvalue for="count" value="${attributes.count}"/></attvalues></node>`);
  });
  lines.push('    </nodes>', '    <edges>');
  let index = 0;
  kg.forEachEdge((_edge, attributes, source, target) => {
    lines.push(
      `      <edge id="${index}" source="${escapeXml(source)}" target="${escapeXml(target)}" label="${escapeXml(attributes.relation)}" ` +
      `kind="${escapeXml(attributes.relationKey)}" weight="${attributes.count}"><attvalues>` +
      `<attvalue for="relation_key" value="${escapeXml(attributes.relationKey)}"/><attvalue for="count" value="${attributes.count}"/>` +
      `<attvalue for="query_ids" value="${escapeXml(JSON.stringify(attributes.queryIds))}"/>` +
      (attributes.factCount === undefined ? '' : `<attvalue for="slot" value="${escapeXml(slotText(attributes.slot ?? []))}"/><attvalue for="fact_count" value="${attributes.factCount}"/>` +
        `<attvalue for="fact_query_ids" value="${escapeXml(JSON.stringify(attributes.factQueryIds ?? []))}"/>` +
        `<attvalue for="context_query_ids" value="${escapeXml(JSON.stringify(attributes.contextQueryIds ?? []))}"/>`) +
      '</attvalues></edge>',
    );
    index += 1;
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

/**
 * Reads a GEXF document (lmkg's, or Gephi's: attribute values are matched by attribute title or id;
 * missing labels fall back to ids, missing counts to 1). Throws DataFormatError naming the file and line.
 */
export function kgFromGexf(text: string, file = 'GEXF'): KnowledgeGraph {
  const root = parseXml(text, file);
  if (root.name !== 'gexf') throw new DataFormatError({ file, line: root.line }, `expected a <gexf> root element, found <${root.name}>`);
  const graph = childElements(root, 'graph')[0];
  if (!graph) throw new DataFormatError({ file, line: root.line }, 'the document has no <graph> element');
  const description = childElements(root, 'meta').flatMap((meta) => childElements(meta, 'description'))[0]?.text;
  let meta: KgMeta = {};
  if (description !== undefined && description.trim().startsWith('{')) {
    try {
      meta = JSON.parse(description) as KgMeta;
    } catch {
      throw new DataFormatError({ file, line: root.line, field: 'description' }, 'the graph meta is not valid JSON');
    }
  }
  const titles = new Map<string, string>();
  for (const block of childElements(graph, 'attributes')) {
    for (const attribute of childElements(block, 'attribute')) {
      titles.set(`${block.attributes.class}:${attribute.attributes.id}`, attribute.attributes.title ?? attribute.attributes.id ?? '');
    }
  }
  const values = (element: XmlElement, kind: 'node' | 'edge'): Map<string, string> => {
    const out = new Map<string, string>();
    for (const block of childElements(element, 'attvalues')) {
      for (const value of childElements(block, 'attvalue')) {
        const id = value.attributes.for ?? value.attributes.id ?? '';
        out.set(titles.get(`${kind}:${id}`) ?? id, value.attributes.value ?? '');
      }
    }
    return out;
  };
  const kg = createKnowledgeGraph(meta);
  for (const node of childElements(graph, 'nodes').flatMap((nodes) => childElements(nodes, 'node'))) {
    const id = node.attributes.id === undefined ? undefined : graphSafeKey(node.attributes.id);
    if (id === undefined) throw new DataFormatError({ file, line: node.line, field: 'id' }, '<node> without an id');
    if (kg.hasNode(id)) throw new DataFormatError({ file, line: node.line, field: 'id' }, `node "${id}" appears twice`);
    kg.addNode(id, { label: node.attributes.label ?? id, count: count(values(node, 'node').get('count'), file, node.line) });
  }
  for (const edge of childElements(graph, 'edges').flatMap((edges) => childElements(edges, 'edge'))) {
    const [source, target] = [edge.attributes.source, edge.attributes.target].map((key) => (key === undefined ? undefined : graphSafeKey(key)));
    for (const [field, node] of [['source', source], ['target', target]] as const) {
      if (node === undefined) throw new DataFormatError({ file, line: edge.line, field }, `<edge> without a ${field}`);
      if (!kg.hasNode(node)) kg.addNode(node, { label: node, count: 1 });
    }
    const attributes = values(edge, 'edge');
    const relation = edge.attributes.label ?? '';
    const edgeAttributes: KgEdge = {
      relation,
      relationKey: attributes.get('relation_key') ?? normaliseKey(relation),
      count: count(attributes.get('count'), file, edge.line),
      queryIds: idList(attributes.get('query_ids'), 'query_ids', file, edge.line),
    };
    if (attributes.has('fact_count')) {
      edgeAttributes.slot = parseSlotText(attributes.get('slot') ?? '', file, edge.line);
      edgeAttributes.factCount = count(attributes.get('fact_count'), file, edge.line);
      edgeAttributes.factQueryIds = idList(attributes.get('fact_query_ids'), 'fact_query_ids', file, edge.line);
      edgeAttributes.contextQueryIds = idList(attributes.get('context_query_ids'), 'context_query_ids', file, edge.line);
    }
    kg.addEdge(source!, target!, edgeAttributes);
  }
  return kg;
}

function idList(raw: string | undefined, field: string, file: string, line: number): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((id) => typeof id === 'string')) return parsed as string[];
  } catch {
    // reported below
  }
  throw new DataFormatError({ file, line, field }, `expected a JSON array of strings, got ${JSON.stringify(raw.slice(0, 60))}`);
}

function count(text: string | undefined, file: string, line: number): number {
  if (text === undefined) return 1;
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 0) throw new DataFormatError({ file, line, field: 'count' }, `expected a whole number, got ${JSON.stringify(text)}`);
  return value;
}
