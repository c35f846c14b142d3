/**
 * @file The comparison layer: edit distances (AED, HED, exact GED, label-aligned), FEATHER graph
 * embeddings, POS profiles, triple precision / recall / F1, fact-triple scores per fact and their
 * chance baseline (a permutation null), LAMA P@1, per-fact timelines and bootstrap intervals, in
 * `paper` and `exact-defs` modes (see README.md).
 */
export {
  compareGraphs, compareCompactGraphs, defaultPosTagger, PAPER_MODE_NOTES,
  type GraphComparison, type GraphSummary, type ComparePredictions,
} from './compare-graphs.js';
export { resolveCompareOptions, type CompareOptions, type CompareProgress, type ResolvedCompareOptions } from './compare-options.js';
export { comparisonRow, comparisonRowsCsv, type ComparisonRow } from './comparison-table.js';
export { compareFolders, loadKgFolders, findKgFolders, type CompareFoldersOptions, type CompareFoldersResult, type KgFolder } from './compare-folders.js';
export { pairwiseMatrix, type PairwiseMatrix, type PairwiseMetric } from './pairwise-matrix.js';
export { toCompactGraph, compactGraphFromTriples, type CompactGraph, type PlainTriple } from './compact-graph.js';
export { toUndirectedGraph, type UndirectedGraph } from './undirected-graph.js';
export { toPaperGraph, type PaperGraph } from './paper-graph.js';
export { porterStem } from './porter-stemmer.js';
export { linearSumAssignment, type LinearSumAssignmentOptions, type AssignmentResult } from './linear-sum-assignment.js';
export { approximateEditDistance, substitutionMatrix, type AedOptions, type AedResult } from './aed.js';
export { hausdorffEditDistance, type HedOptions, type HedResult } from './hed.js';
export { exactGraphEditDistance, type ExactGedOptions, type ExactGedResult } from './exact-ged.js';
export { alignedEditDistance, type AlignedEditDistanceResult } from './aligned-edit-distance.js';
export { editPathCost, type EditPathCost, type EditCosts } from './edit-path-cost.js';
export { prepareEditPair, type EditPair, type NodeStructure } from './edit-pair.js';
export { paperApproximateEditDistance, paperHausdorffEditDistance, adjacencyLength } from './paper-edit-distance.js';
export { featherEmbedding, clusteringCoefficients, type FeatherOptions } from './feather.js';
export { cosineSimilarity, euclideanDistance } from './vector-distance.js';
export {
  posProfile, comparePosCounts, overlapRatio, POS_TAGS, type PosTagger, type PosProfile, type PosProfileOptions, type PosComparison,
} from './pos-profile.js';
export { posComparisonByRelation, posOverlapBootstrap, type RelationPosOverlap } from './pos-compare.js';
export { tripleScores, tripleScoresBootstrap, tripleKeys, tripleSupport, factIdOfQuery, type TripleScores } from './triple-scores.js';
export {
  precisionAt1, precisionAt1Bootstrap, correctnessTest, type PrecisionAt1, type CorrectnessOptions,
} from './precision-at-1.js';
export {
  factTimeline, factTimelineCsv, csvCell, type FactTimeline, type FactTimelineOptions, type TimelineSnapshot, type TimelineFact,
  type TimelineCounts, type FactFate,
} from './fact-timeline.js';
export { bootstrapIntervals, quantile, seededRandom, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';
export { factPrecisionAt1Bootstrap, factPrecisionDifferenceBootstrap, factCorrectness, proportionBootstrap, scoredFacts } from './fact-precision-bootstrap.js';
export { factTripleScores, scoreFactCounts, factRelations, type FactTripleScores, type FactTripleScoreOptions } from './fact-triple-scores.js';
export {
  chanceBaseline, chanceBand, createChanceCache, factBlocks, poolChanceFigures,
  type ChanceBaseline, type ChanceBaselineOptions, type ChanceBand, type ChanceFigures, type ChanceCounts, type ChanceCache, type ChanceStats,
} from './chance-baseline.js';
export {
  COMPARE_DEFAULTS, CHANCE_DEFAULTS, EDIT_COSTS, AED_DEFAULTS, EXACT_GED_DEFAULTS, FEATHER_DEFAULTS, FEATHER_PAPER_SETTINGS, BOOTSTRAP_DEFAULTS, METRIC_NAMES,
  type CompareMode, type MetricName,
} from './defaults.js';
export { COMPARE_OPTIONS } from './options.js';
