/** @file Defaults of the comparison layer (graph metrics). */

/** `paper` reproduces the paper's code, quirks included; `exact-defs` follows the published definitions. */
export type CompareMode = 'paper' | 'exact-defs';

/** The metrics `compareGraphs` can compute. */
export const METRIC_NAMES = Object.freeze(['facts', 'triples', 'aed', 'hed', 'aligned', 'exact', 'feather', 'pos'] as const);
/** A graph metric `compareGraphs` can compute (`triples`, `facts`, `aed`, `hed`, `ged`, `feather`, `pos`, ...). */
export type MetricName = (typeof METRIC_NAMES)[number];

/** Defaults of `compareGraphs` (mode, metrics, graph view, reference); bootstrap and seed are in BOOTSTRAP_DEFAULTS. */
export const COMPARE_DEFAULTS = Object.freeze({
  /** Which definitions to follow (see src/compare/README.md for every difference). */
  mode: 'exact-defs' as CompareMode,
  /**
   * Metrics computed when none are named; `exact` (exact GED) only suits graphs of about 10 nodes.
   * `facts` is fact-triple P/R/F1 scored per fact (fact-triple-scores.ts); it needs slot provenance.
   */
  metrics: Object.freeze(['facts', 'triples', 'aed', 'hed', 'aligned', 'feather', 'pos']) as readonly MetricName[],
  /**
   * Which triples the graph metrics compare (`fact`, `context` or `all`, see src/kg/view.ts): the
   * fact triples in `exact-defs` mode, every triple (the paper's graph) in `paper` mode.
   */
  graph: { 'exact-defs': 'fact', paper: 'all' } as const,
  /** `compareFolders`: each graph against its own gold graph (`gold`), or against the graph of this name. */
  reference: 'gold',
  /** `compareFolders`: read the predictions files the graphs' meta names (P@1, the timeline). */
  readPredictions: true,
});

/** Edit costs of `exact-defs` mode (Riesen & Bunke 2009's uniform costs; the paper's code used the same numbers). */
export const EDIT_COSTS = Object.freeze({
  /** Inserting or deleting a node. */
  nodeIndel: 0.5,
  /** Inserting or deleting an edge; substituting an edge by one with another relation costs twice this. */
  edgeIndel: 0.25,
  /** Substituting a node by one with another normalised label (0 for equal labels). */
  nodeRelabel: 1,
});

/** Defaults of the approximate graph edit distance (node limit, time budget, labels). */
export const AED_DEFAULTS = Object.freeze({
  /** Largest graph (nodes) AED accepts: the assignment matrix holds n1 x n2 doubles (4,000 x 4,000 = 128 MB). */
  maxNodes: 4000,
  /** Wall-clock budget for one AED in milliseconds (the options of compareGraphs and runStudy take seconds: aedTimeBudgetSeconds). */
  timeBudgetMs: 120_000,
  /** Node labels and relation labels count (false: structure only). */
  useLabels: true,
});

/** Defaults of the exact graph edit distance (node limit, expansions, labels). */
export const EXACT_GED_DEFAULTS = Object.freeze({
  /** Largest graph exact GED accepts (the search is exponential). */
  maxNodes: 12,
  /** Search nodes expanded before giving up. */
  maxExpansions: 20_000_000,
  useLabels: true,
});

/** Defaults of FEATHER graph embeddings (orders and evaluation points, karateclub normalisation). */
export const FEATHER_DEFAULTS = Object.freeze({
  /** Propagation steps (karateclub's default; the paper used 10). */
  order: 5,
  /** Evaluation points of the characteristic function. */
  evalPoints: 25,
  /** Largest evaluation point (points are linspace(0.01, thetaMax, evalPoints)). */
  thetaMax: 2.5,
  /**
   * `random-walk`: P = (D + I)^-1 (A + I), a true random walk with self-loops, log(degree + 1) of the
   * plain degree. `karateclub`: karateclub's FeatherGraph as it runs, where networkx counts the
   * added self-loop twice in the degree, so rows of the propagation matrix sum to (d + 1) / (d + 2).
   */
  normalisation: 'random-walk' as 'random-walk' | 'karateclub',
  /** Round every embedding value to this many decimals (null: no rounding; the paper rounded to 3). */
  decimals: null as number | null,
});

/** The paper's FEATHER setting (scripts/run_graph2vec_experiments.py: FeatherGraph(order=10), np.around(..., 3)). */
export const FEATHER_PAPER_SETTINGS = Object.freeze({
  order: 10,
  evalPoints: 25,
  thetaMax: 2.5,
  normalisation: 'karateclub' as const,
  decimals: 3 as number | null,
});

/** Defaults of bootstrap intervals (replicates, seed, level). */
export const BOOTSTRAP_DEFAULTS = Object.freeze({
  /** Bootstrap replicates. */
  replicates: 1000,
  /** Seed of the resampling (recorded in every result). */
  seed: 1337,
  /** Two-sided confidence level of the percentile interval. */
  level: 0.95,
});

/** Defaults of the chance baseline (R = 39 replicates, blocks of 4 facts, seed, level). */
export const CHANCE_DEFAULTS = Object.freeze({
  /**
   * R, the shuffles of the permutation null (chance-baseline.ts). 39 is the smallest R whose
   * p-value floor, 1/(R+1) = 0.025, is below 0.05 (so a model far above chance reaches p < 0.05);
   * every replicate re-parses the refilled sentences, so R sets the cost.
   */
  replicates: 39,
  /**
   * Facts per block of the chance baseline: a fact only ever takes the fill of one of the other
   * B - 1 facts of its block (a fixed seeded partition of the relation), so the null parses at
   * most B - 1 new sentences per query whatever R is. 4 keeps that to 3 (measured in
   * bench/chance.ts; the band and p-value change little with B).
   */
  blockSize: 4,
  /** Seed of the shuffles and of the blocks (recorded in every result). */
  seed: 1337,
  /** Two-sided level of the chance band. */
  level: 0.95,
});
