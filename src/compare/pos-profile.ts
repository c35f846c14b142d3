/**
 * @file Part-of-speech profiles of knowledge graphs and the paper's POS comparison.
 *
 * Swamy, Romanou & Jaggi (2021), epfml/interpret-lm-knowledge, scripts/add_pos_tags.ipynb and
 * scripts/pos_visualizations.py: the source, edge and target text of every row of a graph's CSV are
 * tokenised and tagged (NLTK, universal tagset), tag counts are summed, and each tag of the predicted
 * graph is scored against the gold graph as round((pred - gold) * 100 / gold, 3) — 0 when the gold
 * count is 0, and tags missing from the predicted graph are not listed; the spider plots show
 * (100 - |score|) / 100. lmkg tags with the NLP layer's tagger (Universal POS, 17 tags) and adds a
 * well-defined overlap of the two tag distributions: sum over tags of min(p_t, g_t) / sum of
 * max(p_t, g_t) on proportions (1 = same shape), with the same on raw counts beside it, per graph and
 * per relation.
 */
import type { UposTag } from '../nlp/types.js';
import type { CompactGraph } from './compact-graph.js';
import type { CompareMode } from './defaults.js';

/** The 17 Universal POS tags, in the order lmkg reports them. */
export const POS_TAGS: readonly UposTag[] = Object.freeze([
  'NOUN', 'PROPN', 'VERB', 'AUX', 'ADJ', 'ADV', 'ADP', 'DET', 'NUM', 'PRON', 'PART', 'CCONJ', 'SCONJ', 'INTJ', 'PUNCT', 'SYM', 'X',
] as UposTag[]);
const TAG_INDEX = new Map<string, number>(POS_TAGS.map((tag, i) => [tag, i]));

/** Tags the words of a short text (a node label or a relation), one Universal POS tag per word. */
export type PosTagger = (text: string) => readonly string[];

export interface PosProfileOptions {
  tagger: PosTagger;
  /** `triples`: each distinct triple once (default); `extractions`: each triple as often as it was extracted (the paper's CSV rows). */
  weighting?: 'triples' | 'extractions';
}

/** Part-of-speech counts of a graph's node labels. */
export interface PosProfile {
  /** Tag counts over all triples (index = POS_TAGS order). */
  counts: Float64Array;
  /** Tag counts of each edge (edgeCount x 17, row-major), unweighted. */
  edgeCounts: Float64Array;
  /** Weight of each edge (1, or its extraction count). */
  edgeWeights: Float64Array;
  /** Tag counts per relation key. */
  byRelation: Map<string, Float64Array>;
  /** Words the tagger gave a tag outside the 17 (e.g. wink's SPACE), not counted. */
  ignoredWords: number;
}

/** Counts the POS tags of the source, relation and target words of every triple of a graph. */
export function posProfile(graph: CompactGraph, options: PosProfileOptions): PosProfile {
  const width = POS_TAGS.length;
  const cache = new Map<string, Float64Array>();
  let ignoredWords = 0;
  const tag = (text: string): Float64Array => {
    let counts = cache.get(text);
    if (counts === undefined) {
      counts = new Float64Array(width);
      for (const t of options.tagger(text)) {
        const index = TAG_INDEX.get(t);
        if (index === undefined) ignoredWords += 1;
        else counts[index]! += 1;
      }
      cache.set(text, counts);
    }
    return counts;
  };
  const m = graph.edgeCount;
  const edgeCounts = new Float64Array(m * width);
  const edgeWeights = new Float64Array(m);
  const counts = new Float64Array(width);
  const byRelation = new Map<string, Float64Array>();
  for (let e = 0; e < m; e++) {
    const row = edgeCounts.subarray(e * width, (e + 1) * width);
    for (const part of [
      tag(graph.nodeLabels[graph.edgeSource[e]!]!),
      tag(graph.relationLabels[graph.edgeRelation[e]!]!),
      tag(graph.nodeLabels[graph.edgeTarget[e]!]!),
    ]) {
      for (let t = 0; t < width; t++) row[t]! += part[t]!;
    }
    const weight = options.weighting === 'extractions' ? graph.edgeExtractions[e]! : 1;
    edgeWeights[e] = weight;
    const relation = graph.relationKeys[graph.edgeRelation[e]!]!;
    let perRelation = byRelation.get(relation);
    if (perRelation === undefined) {
      perRelation = new Float64Array(width);
      byRelation.set(relation, perRelation);
    }
    for (let t = 0; t < width; t++) {
      counts[t]! += weight * row[t]!;
      perRelation[t]! += weight * row[t]!;
    }
  }
  return { counts, edgeCounts, edgeWeights, byRelation, ignoredWords };
}

/** How much two graphs' part-of-speech profiles overlap. */
export interface PosComparison {
  /** Tag counts of the graph and of the reference, by tag. */
  predicted: Record<string, number>;
  gold: Record<string, number>;
  /** The paper's per-tag score (pred - gold) * 100 / gold; null where gold has none (see `absentFromGold`) or, in paper mode, where the paper lists nothing. */
  score: Record<string, number | null>;
  /** The spider value (100 - |score|) / 100 clipped to [0, 1]; null where the score is null. */
  spider: Record<string, number | null>;
  /** Tags the graph has and the reference lacks, with the graph's count (the paper scored them 0). */
  absentFromGold: Record<string, number>;
  /** sum min / sum max over tag proportions (null when either side has no tagged word). */
  overlap: number | null;
  /** sum min / sum max over raw counts (null when both are empty). */
  countOverlap: number | null;
}

/**
 * Compares two tag-count vectors (POS_TAGS order). In `paper` mode the scores follow the paper's
 * notebook exactly: rounded to 3 decimals (Python's round), 0 for tags the gold lacks, null for tags
 * the predicted graph lacks.
 */
export function comparePosCounts(predicted: ArrayLike<number>, gold: ArrayLike<number>, mode: CompareMode = 'exact-defs'): PosComparison {
  const result: PosComparison = { predicted: {}, gold: {}, score: {}, spider: {}, absentFromGold: {}, overlap: null, countOverlap: null };
  for (let t = 0; t < POS_TAGS.length; t++) {
    const tag = POS_TAGS[t]!;
    const p = predicted[t]!;
    const g = gold[t]!;
    result.predicted[tag] = p;
    result.gold[tag] = g;
    let score: number | null;
    if (mode === 'paper') {
      if (p === 0) score = null; // the notebook iterates over the predicted graph's tags only
      else score = g === 0 ? 0 : roundHalfEvenDecimal(((p - g) * 100) / g, 3);
    } else {
      score = g === 0 ? null : ((p - g) * 100) / g;
    }
    if (g === 0 && p > 0) result.absentFromGold[tag] = p;
    result.score[tag] = score;
    result.spider[tag] = score === null ? null : Math.min(1, Math.max(0, (100 - Math.abs(score)) / 100));
  }
  result.overlap = overlapRatio(predicted, gold, true);
  result.countOverlap = overlapRatio(predicted, gold, false);
  return result;
}

/** sum_t min(a_t, b_t) / sum_t max(a_t, b_t), on proportions when `normalise`. */
export function overlapRatio(a: ArrayLike<number>, b: ArrayLike<number>, normalise: boolean): number | null {
  let totalA = 0;
  let totalB = 0;
  for (let t = 0; t < a.length; t++) {
    totalA += a[t]!;
    totalB += b[t]!;
  }
  if (normalise ? totalA === 0 || totalB === 0 : totalA + totalB === 0) return null;
  let low = 0;
  let high = 0;
  for (let t = 0; t < a.length; t++) {
    const x = normalise ? a[t]! / totalA : a[t]!;
    const y = normalise ? b[t]! / totalB : b[t]!;
    low += Math.min(x, y);
    high += Math.max(x, y);
  }
  return low / high;
}

/** Python's round(x, digits): the nearest decimal, ties to even. */
function roundHalfEvenDecimal(value: number, digits: number): number {
  const scale = 10 ** digits;
  const scaled = value * scale;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5) return (floor % 2 === 0 ? floor : floor + 1) / scale;
  return Number(value.toFixed(digits));
}
