/**
 * @file `compareGraphs(kg, reference, options)`: every selected metric of one graph against a
 * reference graph (the gold graph by default in the CLI), in `paper` or `exact-defs` mode, as one
 * JSON-ready object. The graph metrics see one view of both graphs (`graph`: the fact triples by
 * default, every triple in paper mode); `facts` scores fact triples per fact. Metrics that cannot be computed for these graphs (AED over its node limit or
 * time budget, a metric on an empty graph, a bootstrap without provenance) are listed in `skipped`
 * with the reason; other errors are thrown.
 */
import { UsageError } from '../errors.js';
import { diffKnowledgeGraphs } from '../kg/diff.js';
import type { KgView, KnowledgeGraph } from '../kg/types.js';
import { knowledgeGraphView } from '../kg/view.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import { tagWords } from '../nlp/wink.js';
import { approximateEditDistance } from './aed.js';
import { alignedEditDistance } from './aligned-edit-distance.js';
import type { BootstrapInterval } from './bootstrap.js';
import { toCompactGraph, type CompactGraph } from './compact-graph.js';
import { resolveCompareOptions, type CompareOptions, type ResolvedCompareOptions } from './compare-options.js';
import type { CompareMode, MetricName } from './defaults.js';
import type { EditPathCost } from './edit-path-cost.js';
import { exactGraphEditDistance } from './exact-ged.js';
import { factTripleScores, type FactTripleScores } from './fact-triple-scores.js';
import { featherEmbedding } from './feather.js';
import { hausdorffEditDistance } from './hed.js';
import { paperApproximateEditDistance, paperHausdorffEditDistance } from './paper-edit-distance.js';
import { toPaperGraph, type PaperGraph } from './paper-graph.js';
import { posComparisonByRelation, posOverlapBootstrap, type RelationPosOverlap } from './pos-compare.js';
import { comparePosCounts, posProfile, type PosComparison, type PosProfile, type PosTagger } from './pos-profile.js';
import { precisionAt1, precisionAt1Bootstrap } from './precision-at-1.js';
import { tripleScores, tripleScoresBootstrap } from './triple-scores.js';
import { toUndirectedGraph } from './undirected-graph.js';
import { cosineSimilarity, euclideanDistance } from './vector-distance.js';

export type { CompareOptions, CompareProgress } from './compare-options.js';

/** Node, edge and fact counts of one compared graph. */
export interface GraphSummary {
  name: string | null;
  nodes: number;
  edges: number;
}

/** The metrics `compareGraphs` computed for one pair of graphs. */
export interface GraphComparison {
  mode: CompareMode;
  metrics: MetricName[];
  /** Which triples the graph metrics saw (`fact`, `context` or `all`). */
  graphView: KgView;
  graph: GraphSummary;
  reference: GraphSummary;
  /** Fact-triple P/R/F1 scored per fact (metric `facts`; needs slot provenance). */
  facts?: FactTripleScores;
  /** LAMA P@1 of the run whose predictions were given. */
  precisionAt1?: { value: number | null; correct: number; total: number; uncased: boolean; ci?: BootstrapInterval };
  triples?: {
    precision: number;
    recall: number;
    f1: number;
    intersection: number;
    predicted: number;
    gold: number;
    ci?: Record<'precision' | 'recall' | 'f1', BootstrapInterval>;
  };
  aed?: { value: number; assignmentCost?: number; path?: EditPathCost; elapsedMs: number };
  hed?: { value: number; elapsedMs: number };
  aligned?: { value: number; path: EditPathCost };
  exact?: { value: number; expansions: number; elapsedMs: number };
  feather?: { cosine: number; euclidean: number; dimensions: number; order: number; evalPoints: number; thetaMax: number; normalisation: string; decimals: number | null };
  pos?: PosComparison & { byRelation: RelationPosOverlap[]; weighting: 'triples' | 'extractions'; ci?: BootstrapInterval };
  /** Metrics that could not be computed here, with the reason. */
  skipped: Array<{ metric: string; reason: string }>;
  /** What the mode changes (paper mode lists the paper's quirks it reproduces). */
  notes: string[];
  options: Record<string, string | number | boolean | null>;
}

/** Tags the words of a text with the NLP layer's tagger (wink-nlp's Universal POS tags). */
export const defaultPosTagger: PosTagger = (text) => tagWords(text).map((token) => token.upos);

export const PAPER_MODE_NOTES: readonly string[] = Object.freeze([
  'paper mode: node labels Porter-stemmed (NLTK) and numbered per graph, relation labels and directions dropped, graphs made simple (as the paper\'s from_str_to_ids)',
  'paper mode: AED/HED as the paper\'s code (priba/aproximated_ged, default costs): every substitution costs 0, so they only see node counts and degrees (HED = 0.5 |n1 - n2|)',
  'paper mode: the paper\'s AED applies the insertion costs of the first graph and the deletion costs of the second graph the other way round (reproduced)',
  'paper mode: FEATHER as karateclub FeatherGraph(order=10) on the stemmed graphs, rounded to 3 decimals',
  'paper mode: POS scores rounded to 3 decimals, tags absent from gold scored 0, tags absent from the graph not listed, each extraction counted (CSV rows)',
]);

/**
 * Compares a knowledge graph with a reference graph.
 *
 * @example
 * const result = compareGraphs(predictedKg, goldKg, { metrics: ['triples', 'hed', 'feather'] });
 * result.triples.f1;        // 0.41
 * result.hed.value;         // 312.5
 * result.feather.cosine;    // 0.998
 */
export function compareGraphs(kg: KnowledgeGraph, reference: KnowledgeGraph, options: CompareOptions = {}): GraphComparison {
  const resolved = resolveCompareOptions('compareGraphs', options);
  const viewed = knowledgeGraphView(kg, resolved.graph);
  const viewedReference = knowledgeGraphView(reference, resolved.graph);
  const result = compareCompactGraphs(toCompactGraph(viewed), toCompactGraph(viewedReference), resolved);
  if (result.metrics.includes('facts')) {
    resolved.onProgress?.({ metric: 'facts' });
    try {
      result.facts = factTripleScores(kg, reference, {
        ...(resolved.predictions ? { records: resolved.predictions } : {}),
        ...(resolved.bootstrapReplicates > 0 ? { bootstrap: { replicates: resolved.bootstrapReplicates, seed: resolved.bootstrapSeed, level: resolved.bootstrapLevel } } : {}),
      });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      result.skipped.push({ metric: 'facts', reason: error.message });
    }
  }
  if (result.metrics.includes('triples')) {
    // the KG layer's set operations decide the point estimate (same triple identity as tripleScores)
    try {
      const diff = diffKnowledgeGraphs(viewed, viewedReference);
      result.triples = {
        ...result.triples,
        precision: diff.precision,
        recall: diff.recall,
        f1: diff.f1,
        intersection: diff.counts.intersection,
        predicted: diff.counts.predicted,
        gold: diff.counts.gold,
      };
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      delete result.triples;
      result.skipped.push({ metric: 'triples', reason: error.message });
    }
  }
  return result;
}

/** The same on compact graphs, with options already resolved (used by compareGraphs and the pairwise matrix). */
export function compareCompactGraphs(graph: CompactGraph, ref: CompactGraph, resolved: ResolvedCompareOptions): GraphComparison {
  const { mode, metrics } = resolved;
  const result: GraphComparison = {
    mode,
    metrics: [...metrics],
    graphView: resolved.graph,
    graph: { name: graph.name ?? null, nodes: graph.nodeCount, edges: graph.edgeCount },
    reference: { name: ref.name ?? null, nodes: ref.nodeCount, edges: ref.edgeCount },
    skipped: [],
    notes: mode === 'paper' ? [...PAPER_MODE_NOTES] : [],
    options: resolved.record,
  };
  const progress = resolved.onProgress;
  const attempt = (metric: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      result.skipped.push({ metric, reason: error.message });
    }
  };
  let paperGraphs: [PaperGraph, PaperGraph] | undefined;
  const paper = () => (paperGraphs ??= [toPaperGraph(graph), toPaperGraph(ref)]);
  const bootstrap = resolved.bootstrapReplicates > 0
    ? { replicates: resolved.bootstrapReplicates, seed: resolved.bootstrapSeed, level: resolved.bootstrapLevel }
    : null;
  const facts = resolved.predictions === undefined ? [] : [...new Set(resolved.predictions.map((r) => r.factId))];

  if (resolved.predictions !== undefined) {
    progress?.({ metric: 'precisionAt1' });
    const correctness = { uncased: resolved.uncased };
    result.precisionAt1 = precisionAt1(resolved.predictions, correctness);
    if (bootstrap && resolved.predictions.length > 0) {
      result.precisionAt1.ci = precisionAt1Bootstrap(resolved.predictions, { ...correctness, ...bootstrap });
    }
  }
  if (metrics.includes('triples')) {
    progress?.({ metric: 'triples' });
    result.triples = tripleScores(graph, ref);
    if (bootstrap) attempt('triples bootstrap', () => {
      result.triples!.ci = tripleScoresBootstrap(graph, ref, facts, bootstrap);
    });
  }
  if (metrics.includes('aed')) {
    attempt('aed', () => {
      progress?.({ metric: 'aed' });
      if (mode === 'paper') {
        const started = Date.now();
        const [g1, g2] = paper();
        result.aed = { value: paperApproximateEditDistance(g1, g2), elapsedMs: Date.now() - started };
      } else {
        const aed = approximateEditDistance(graph, ref, {
          maxNodes: resolved.aedMaxNodes,
          timeBudgetMs: resolved.aedTimeBudgetSeconds * 1000,
          useLabels: resolved.useLabels,
          onProgress: (done, total) => progress?.({ metric: 'aed', done, total }),
        });
        result.aed = { value: aed.value, assignmentCost: aed.assignmentCost, path: aed.path, elapsedMs: aed.elapsedMs };
      }
    });
  }
  if (metrics.includes('hed')) {
    attempt('hed', () => {
      progress?.({ metric: 'hed' });
      if (mode === 'paper') {
        const started = Date.now();
        const [g1, g2] = paper();
        result.hed = { value: paperHausdorffEditDistance(g1, g2), elapsedMs: Date.now() - started };
      } else {
        result.hed = hausdorffEditDistance(graph, ref, { useLabels: resolved.useLabels });
      }
    });
  }
  if (metrics.includes('aligned')) {
    progress?.({ metric: 'aligned' });
    result.aligned = alignedEditDistance(graph, ref);
  }
  if (metrics.includes('exact')) {
    attempt('exact', () => {
      progress?.({ metric: 'exact' });
      const exact = exactGraphEditDistance(graph, ref, { useLabels: resolved.useLabels });
      result.exact = { value: exact.value, expansions: exact.expansions, elapsedMs: exact.elapsedMs };
    });
  }
  if (metrics.includes('feather')) {
    attempt('feather', () => {
      progress?.({ metric: 'feather' });
      const settings = resolved.feather;
      const [a, b] = mode === 'paper' ? paper() : [toUndirectedGraph(graph), toUndirectedGraph(ref)];
      const x = featherEmbedding(a, settings);
      const y = featherEmbedding(b, settings);
      result.feather = { cosine: cosineSimilarity(x, y), euclidean: euclideanDistance(x, y), dimensions: x.length, ...settings };
    });
  }
  if (metrics.includes('pos')) {
    attempt('pos', () => {
      progress?.({ metric: 'pos' });
      const weighting = mode === 'paper' ? 'extractions' : resolved.posWeighting;
      const tagger = resolved.tagger ?? defaultPosTagger;
      const p: PosProfile = posProfile(graph, { tagger, weighting });
      const g: PosProfile = posProfile(ref, { tagger, weighting });
      result.pos = { ...comparePosCounts(p.counts, g.counts, mode), byRelation: posComparisonByRelation(p, g), weighting };
      if (bootstrap) attempt('pos bootstrap', () => {
        result.pos!.ci = posOverlapBootstrap(graph, p, ref, g, facts, bootstrap);
      });
    });
  }
  return result;
}

/** For tests and callers with their own records: the predictions of a run (re-exported type). */
export type ComparePredictions = readonly PredictionRecord[];
