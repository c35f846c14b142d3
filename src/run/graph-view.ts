/**
 * @file The report's view of one cell: the predicted and gold graphs (the chosen view of them: fact
 * triples by default) merged, each edge coloured by where its triple is (both / missed = gold only /
 * new = predicted only), with the queries whose sentences produced it.
 */
import type { ExtractedKnowledgeGraphs } from '../extract/index.js';
import { diffKnowledgeGraphs, knowledgeGraphView, type KgView, type KnowledgeGraph } from '../kg/index.js';
import type { PredictionRecord } from '../probe/index.js';
import type { EdgeStatus, GraphView, GraphViewEdge, GraphViewNode, QueryView } from '../report/index.js';

export function graphView(
  cell: { dataset: string; model: string; extractor: string }, result: ExtractedKnowledgeGraphs, records: readonly PredictionRecord[], view: KgView = 'all',
): GraphView {
  const diff = view === 'all' ? result.diff : diffKnowledgeGraphs(knowledgeGraphView(result.predicted, view), knowledgeGraphView(result.gold, view));
  const nodes = new Map<string, GraphViewNode>();
  const edges: GraphViewEdge[] = [];
  const addGraph = (kg: KnowledgeGraph, status: EdgeStatus) => {
    kg.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
      if (!nodes.has(source)) nodes.set(source, { id: source, label: sourceAttributes.label });
      if (!nodes.has(target)) nodes.set(target, { id: target, label: targetAttributes.label });
      edges.push({ source, target, relation: attributes.relation, status, queryIds: [...attributes.queryIds] });
    });
  };
  addGraph(diff.intersection, 'both');
  addGraph(diff.missed, 'missed');
  addGraph(diff.new, 'new');
  const byQuery = new Map(records.map((r) => [r.queryId, r]));
  const queries: Record<string, QueryView> = {};
  for (const edge of edges) {
    edge.queryIds = edge.queryIds.filter((id) => byQuery.has(id));
    for (const id of edge.queryIds) {
      if (queries[id]) continue;
      const record = byQuery.get(id)!;
      queries[id] = {
        maskedSentence: record.maskedSentence,
        predictedSentence: record.predictedSentence,
        goldSentence: record.goldSentence,
        gold: record.gold,
        predictions: record.predictions.map((p) => ({ word: p.word, prob: p.prob })),
      };
    }
  }
  return { ...cell, view, nodes: [...nodes.values()], edges, queries };
}
