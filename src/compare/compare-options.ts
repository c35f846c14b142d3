/**
 * @file The options of `compareGraphs` and the pairwise matrix: one flat object (so CLI flags map
 * onto it one to one), validated once by `resolveOptions`, with mode-dependent defaults (the paper's
 * FEATHER setting and POS weighting in `paper` mode).
 */
import { InvalidOptionError } from '../errors.js';
import { KG_VIEWS, type KgView } from '../kg/types.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import { resolveOptions } from '../options.js';
import {
  AED_DEFAULTS, BOOTSTRAP_DEFAULTS, COMPARE_DEFAULTS, FEATHER_DEFAULTS, FEATHER_PAPER_SETTINGS, METRIC_NAMES,
  type CompareMode, type MetricName,
} from './defaults.js';
import type { PosTagger } from './pos-profile.js';

/** The progress of one comparison. */
export interface CompareProgress {
  metric: MetricName | 'precisionAt1' | 'bootstrap';
  /** Rows done / total for AED's assignment, when known. */
  done?: number;
  total?: number;
}

/** Options of `compareGraphs`: metrics, mode, graph view, costs and bootstrap. */
export interface CompareOptions {
  /** `exact-defs` (default) or `paper`. */
  mode?: CompareMode;
  /** Metrics to compute (default: facts, triples, aed, hed, aligned, feather, pos). */
  metrics?: readonly MetricName[];
  /**
   * Which triples the graph metrics see: `fact` (touching the filled slot), `context` or `all` (the
   * paper's graph). Default: `fact` in exact-defs mode, `all` in paper mode.
   */
  graph?: KgView;
  /** Count node and relation labels in AED, HED and exact GED (exact-defs; default true). */
  useLabels?: boolean;
  /** AED's node limit (default 4,000) and time budget in seconds (default 120). */
  aedMaxNodes?: number;
  aedTimeBudgetSeconds?: number;
  /** @deprecated the budget in milliseconds; use aedTimeBudgetSeconds. */
  aedTimeBudgetMs?: number;
  /** FEATHER settings; defaults: karateclub's (order 5, 25 points, theta max 2.5), the paper's in paper mode (order 10, rounded to 3). */
  featherOrder?: number;
  featherEvalPoints?: number;
  featherThetaMax?: number;
  featherNormalisation?: 'random-walk' | 'karateclub';
  featherDecimals?: number | null;
  /** POS counts per distinct triple (`triples`, default) or per extraction (`extractions`, always in paper mode). */
  posWeighting?: 'triples' | 'extractions';
  /** POS tagger (default: the NLP layer's wink-nlp tagger). */
  tagger?: PosTagger;
  /** The run's prediction records: adds P@1, and makes every fact a bootstrap unit. */
  predictions?: readonly PredictionRecord[];
  /** Case folding for P@1 (default `auto`). */
  uncased?: boolean | 'auto';
  /** Bootstrap replicates for the intervals of P@1, P/R/F1 and POS overlap (0: none; default 1,000). */
  bootstrapReplicates?: number;
  bootstrapSeed?: number;
  bootstrapLevel?: number;
  onProgress?: (progress: CompareProgress) => void;
}

export interface ResolvedCompareOptions {
  mode: CompareMode;
  metrics: readonly MetricName[];
  graph: KgView;
  useLabels: boolean;
  aedMaxNodes: number;
  aedTimeBudgetSeconds: number;
  feather: { order: number; evalPoints: number; thetaMax: number; normalisation: 'random-walk' | 'karateclub'; decimals: number | null };
  posWeighting: 'triples' | 'extractions';
  tagger: PosTagger | undefined;
  predictions: readonly PredictionRecord[] | undefined;
  uncased: boolean | 'auto';
  bootstrapReplicates: number;
  bootstrapSeed: number;
  bootstrapLevel: number;
  onProgress: ((progress: CompareProgress) => void) | undefined;
  /** The resolved options as JSON values, recorded in every result. */
  record: Record<string, string | number | boolean | null>;
}

const SCALAR_DEFAULTS = Object.freeze({
  mode: COMPARE_DEFAULTS.mode as CompareMode,
  useLabels: AED_DEFAULTS.useLabels,
  aedMaxNodes: AED_DEFAULTS.maxNodes,
  aedTimeBudgetSeconds: AED_DEFAULTS.timeBudgetMs / 1000,
  featherOrder: undefined as number | undefined,
  featherEvalPoints: undefined as number | undefined,
  featherThetaMax: undefined as number | undefined,
  featherNormalisation: undefined as 'random-walk' | 'karateclub' | undefined,
  posWeighting: 'triples' as 'triples' | 'extractions',
  bootstrapReplicates: BOOTSTRAP_DEFAULTS.replicates,
  bootstrapSeed: BOOTSTRAP_DEFAULTS.seed,
  bootstrapLevel: BOOTSTRAP_DEFAULTS.level,
});

/** Validates and completes compare options (`where` starts every message). */
export function resolveCompareOptions(where: string, options: CompareOptions = {}): ResolvedCompareOptions {
  const { metrics, tagger, predictions, uncased, onProgress, featherDecimals, bootstrapReplicates, graph: graphOption, aedTimeBudgetMs, ...scalars } = options;
  if (aedTimeBudgetMs !== undefined) {
    if (scalars.aedTimeBudgetSeconds !== undefined) throw new InvalidOptionError(`${where}: give "aedTimeBudgetSeconds" or the older "aedTimeBudgetMs", not both`);
    if (typeof aedTimeBudgetMs !== 'number') throw new InvalidOptionError(`${where}: option "aedTimeBudgetMs" must be a number, got ${JSON.stringify(aedTimeBudgetMs)}`);
    warnOnce(`${where}: option "aedTimeBudgetMs" is deprecated; use "aedTimeBudgetSeconds" (seconds)`);
    scalars.aedTimeBudgetSeconds = aedTimeBudgetMs / 1000;
  }
  const resolved = resolveOptions(where, SCALAR_DEFAULTS, scalars, {
    mode: ['paper', 'exact-defs'],
    useLabels: 'boolean',
    aedMaxNodes: 'positive-integer',
    aedTimeBudgetSeconds: 'number',
    featherOrder: 'positive-integer',
    featherEvalPoints: 'positive-integer',
    featherThetaMax: 'number',
    featherNormalisation: ['random-walk', 'karateclub'],
    posWeighting: ['triples', 'extractions'],
    bootstrapReplicates: 'number',
    bootstrapSeed: 'number',
    bootstrapLevel: 'number',
  });
  const replicates = bootstrapReplicates ?? BOOTSTRAP_DEFAULTS.replicates;
  if (!Number.isInteger(replicates) || replicates < 0) {
    throw new InvalidOptionError(`${where}: option "bootstrapReplicates" must be a non-negative integer (0 turns the bootstrap off), got ${JSON.stringify(replicates)}`);
  }
  const chosen = metrics ?? COMPARE_DEFAULTS.metrics;
  if (!Array.isArray(chosen) || chosen.some((m) => !(METRIC_NAMES as readonly string[]).includes(m))) {
    throw new InvalidOptionError(`${where}: option "metrics" must list metrics among ${METRIC_NAMES.join(', ')}, got ${JSON.stringify(metrics)}`);
  }
  if (uncased !== undefined && uncased !== 'auto' && typeof uncased !== 'boolean') {
    throw new InvalidOptionError(`${where}: option "uncased" must be true, false or "auto", got ${JSON.stringify(uncased)}`);
  }
  if (tagger !== undefined && typeof tagger !== 'function') throw new InvalidOptionError(`${where}: option "tagger" must be a function (text) => tags`);
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new InvalidOptionError(`${where}: option "onProgress" must be a function`);
  if (predictions !== undefined && !Array.isArray(predictions)) throw new InvalidOptionError(`${where}: option "predictions" must be an array of prediction records`);
  if (featherDecimals !== undefined && featherDecimals !== null && (!Number.isInteger(featherDecimals) || featherDecimals < 0)) {
    throw new InvalidOptionError(`${where}: option "featherDecimals" must be a non-negative integer or null, got ${JSON.stringify(featherDecimals)}`);
  }
  if (graphOption !== undefined && !KG_VIEWS.includes(graphOption)) {
    throw new InvalidOptionError(`${where}: option "graph" must be one of ${KG_VIEWS.join(', ')}, got ${JSON.stringify(graphOption)}`);
  }
  const graph: KgView = graphOption ?? COMPARE_DEFAULTS.graph[resolved.mode];
  const base = resolved.mode === 'paper' ? FEATHER_PAPER_SETTINGS : FEATHER_DEFAULTS;
  const feather = {
    order: resolved.featherOrder ?? base.order,
    evalPoints: resolved.featherEvalPoints ?? base.evalPoints,
    thetaMax: resolved.featherThetaMax ?? base.thetaMax,
    normalisation: resolved.featherNormalisation ?? base.normalisation,
    decimals: featherDecimals === undefined ? base.decimals : featherDecimals,
  };
  const posWeighting = resolved.mode === 'paper' ? 'extractions' : resolved.posWeighting;
  return {
    mode: resolved.mode,
    metrics: [...new Set(chosen)],
    graph,
    useLabels: resolved.useLabels,
    aedMaxNodes: resolved.aedMaxNodes,
    aedTimeBudgetSeconds: resolved.aedTimeBudgetSeconds,
    feather,
    posWeighting,
    tagger,
    predictions,
    uncased: uncased ?? 'auto',
    bootstrapReplicates: replicates,
    bootstrapSeed: resolved.bootstrapSeed,
    bootstrapLevel: resolved.bootstrapLevel,
    onProgress,
    record: {
      mode: resolved.mode,
      metrics: [...new Set(chosen)].join(','),
      graph,
      useLabels: resolved.useLabels,
      aedMaxNodes: resolved.aedMaxNodes,
      aedTimeBudgetSeconds: resolved.aedTimeBudgetSeconds,
      featherOrder: feather.order,
      featherEvalPoints: feather.evalPoints,
      featherThetaMax: feather.thetaMax,
      featherNormalisation: feather.normalisation,
      featherDecimals: feather.decimals,
      posWeighting,
      tagger: tagger === undefined ? 'wink-nlp (lmkg nlp layer)' : 'custom',
      uncased: uncased ?? 'auto',
      bootstrapReplicates: replicates,
      bootstrapSeed: resolved.bootstrapSeed,
      bootstrapLevel: resolved.bootstrapLevel,
    },
  };
}

let warned = false;

function warnOnce(message: string): void {
  if (warned) return;
  warned = true;
  process.emitWarning(message, 'DeprecationWarning');
}
