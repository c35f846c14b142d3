/**
 * @file The full pairwise matrix of graph metrics over a list of graphs (every model against every
 * other), for the report's heat maps and `lmkg compare --matrix`. Entry [i][j] compares graph i with
 * reference j; edit distances are computed for both orders (the paper's AED is not symmetric).
 * Embeddings and POS profiles are computed once per graph; no bootstrap.
 */
import { knowledgeGraphView } from '../kg/view.js';
import type { KnowledgeGraph } from '../kg/types.js';
import { toCompactGraph, type CompactGraph } from './compact-graph.js';
import { compareCompactGraphs, defaultPosTagger } from './compare-graphs.js';
import { resolveCompareOptions, type CompareOptions } from './compare-options.js';
import { featherEmbedding } from './feather.js';
import { toPaperGraph } from './paper-graph.js';
import { comparePosCounts, posProfile } from './pos-profile.js';
import { toUndirectedGraph } from './undirected-graph.js';
import { cosineSimilarity, euclideanDistance } from './vector-distance.js';

/** A metric `pairwiseMatrix` can fill a matrix with. */
export type PairwiseMetric = 'tripleF1' | 'aed' | 'hed' | 'aligned' | 'exact' | 'featherCosine' | 'featherEuclidean' | 'posOverlap';

/** One square matrix per metric over a list of named graphs. */
export interface PairwiseMatrix {
  names: string[];
  /** matrices[metric][i][j]: graph i against reference j (null where not computed; see `skipped`). */
  matrices: Partial<Record<PairwiseMetric, Array<Array<number | null>>>>;
  skipped: Array<{ metric: string; i: number; j: number; reason: string }>;
  options: Record<string, string | number | boolean | null>;
}

/**
 * Every metric for every ordered pair of graphs.
 *
 * @example
 * pairwiseMatrix([{ name: 'epoch-1', kg: kg1 }, { name: 'epoch-2', kg: kg2 }], { metrics: ['hed', 'feather'] })
 *   .matrices.hed // [[0, 41.5], [41.5, 0]]
 */
export function pairwiseMatrix(
  graphs: ReadonlyArray<{ name: string; kg: KnowledgeGraph | CompactGraph }>,
  options: CompareOptions = {},
): PairwiseMatrix {
  const resolved = resolveCompareOptions('pairwiseMatrix', { ...options, bootstrapReplicates: 0, predictions: undefined });
  // the graph view (fact triples by default) applies to knowledge graphs; compact graphs are taken as given
  const compact = graphs.map(({ name, kg }) => ({ ...('forEachNode' in kg ? toCompactGraph(knowledgeGraphView(kg, resolved.graph)) : kg), name }));
  const n = compact.length;
  const square = (): Array<Array<number | null>> => Array.from({ length: n }, () => new Array<number | null>(n).fill(null));
  const out: PairwiseMatrix = { names: compact.map((g) => g.name), matrices: {}, skipped: [], options: resolved.record };
  const { metrics, mode } = resolved;

  const pairMetrics = metrics.filter((m) => m === 'triples' || m === 'aed' || m === 'hed' || m === 'aligned' || m === 'exact');
  if (pairMetrics.length > 0) {
    const keys = pairMetrics.map((m) => (m === 'triples' ? 'tripleF1' : m) as PairwiseMetric);
    for (const key of keys) out.matrices[key] = square();
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const result = compareCompactGraphs(compact[i]!, compact[j]!, { ...resolved, metrics: pairMetrics });
        const m = out.matrices;
        if (result.triples) m.tripleF1![i]![j] = result.triples.f1;
        if (result.aed) m.aed![i]![j] = result.aed.value;
        if (result.hed) m.hed![i]![j] = result.hed.value;
        if (result.aligned) m.aligned![i]![j] = result.aligned.value;
        if (result.exact) m.exact![i]![j] = result.exact.value;
        for (const skip of result.skipped) out.skipped.push({ metric: skip.metric, i, j, reason: skip.reason });
      }
    }
  }
  if (metrics.includes('feather')) {
    const embeddings = compact.map((g, i) => {
      try {
        return featherEmbedding(mode === 'paper' ? toPaperGraph(g) : toUndirectedGraph(g), resolved.feather);
      } catch (error) {
        out.skipped.push({ metric: 'feather', i, j: -1, reason: (error as Error).message });
        return null;
      }
    });
    const cosine = square();
    const euclidean = square();
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const a = embeddings[i];
        const b = embeddings[j];
        if (!a || !b) continue;
        cosine[i]![j] = cosineSimilarity(a, b);
        euclidean[i]![j] = euclideanDistance(a, b);
      }
    }
    out.matrices.featherCosine = cosine;
    out.matrices.featherEuclidean = euclidean;
  }
  if (metrics.includes('pos')) {
    const tagger = resolved.tagger ?? defaultPosTagger;
    const profiles = compact.map((g) => posProfile(g, { tagger, weighting: resolved.posWeighting }));
    const overlap = square();
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) overlap[i]![j] = comparePosCounts(profiles[i]!.counts, profiles[j]!.counts, mode).overlap;
    }
    out.matrices.posOverlap = overlap;
  }
  return out;
}
