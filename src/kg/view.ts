/**
 * @file Graph views: the fact triples (those that touch the filled slot), the context triples (the
 * rest) or all triples of a graph built with slot provenance. The predicted and the gold sentence of
 * a query differ only in the slot, so their context triples agree by construction; the fact view is
 * what measures what the model put into the blank. `all` is the paper's graph.
 *
 * In a view an edge keeps only the extractions of its kind: `count` is the fact (or context) count
 * and `queryIds` the queries of those extractions; node counts are recomputed from the kept edges.
 *
 * @example
 * const facts = knowledgeGraphView(kg, 'fact');
 * facts.getAttribute('view'); // 'fact'
 */
import { UsageError } from '../errors.js';
import { copyEdgeAttributes, createKnowledgeGraph, hasSlotProvenance } from './create.js';
import type { KgEdge, KgView, KnowledgeGraph } from './types.js';
import { KG_VIEWS } from './types.js';

/**
 * The graph restricted to one view (see the file comment); `all` returns the graph itself. Throws
 * UsageError for `fact` and `context` on a graph without slot provenance (an edge without
 * `factCount`: extracted before lmkg recorded slot positions, or read from a CSV).
 */
export function knowledgeGraphView(kg: KnowledgeGraph, view: KgView): KnowledgeGraph {
  if (!KG_VIEWS.includes(view)) throw new UsageError(`knowledgeGraphView: unknown view ${JSON.stringify(view)}; use one of ${KG_VIEWS.join(', ')}`);
  if (view === 'all') return kg;
  if (kg.size > 0 && !hasSlotProvenance(kg)) {
    throw new UsageError(
      `knowledgeGraphView: graph "${kg.getAttribute('name') ?? '?'}" has no slot provenance, so its ${view} triples are unknown; ` +
      'extract it again with this lmkg (lmkg extract / lmkg run record where the filled slot is), or use the whole graph (--graph all)',
    );
  }
  const out = createKnowledgeGraph({ ...kg.getAttributes(), view });
  kg.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    const kept = viewEdge(attributes, view);
    if (kept === null) return;
    if (!out.hasNode(source)) out.addNode(source, { label: sourceAttributes.label, count: 0 });
    if (!out.hasNode(target)) out.addNode(target, { label: targetAttributes.label, count: 0 });
    for (const node of [source, target]) out.updateNodeAttribute(node, 'count', (count = 0) => count + kept.count);
    out.addEdge(source, target, kept);
  });
  return out;
}

function viewEdge(attributes: KgEdge, view: 'fact' | 'context'): KgEdge | null {
  const factCount = attributes.factCount ?? 0;
  const count = view === 'fact' ? factCount : attributes.count - factCount;
  if (count <= 0) return null;
  const copy = copyEdgeAttributes(attributes);
  if (view === 'fact') return { ...copy, count, factCount: count, queryIds: [...(attributes.factQueryIds ?? [])], contextQueryIds: [] };
  return { ...copy, count, slot: [], factCount: 0, queryIds: [...(attributes.contextQueryIds ?? [])], factQueryIds: [] };
}
