/**
 * @file The probe stage: cloze queries through a masked LM (`MaskedLm` from lm/) into prediction
 * records — the shared vocabulary of everything after it, as kg/types.ts is for graphs — with
 * fills, slot positions and resumable prediction files, and LAMA's P@k / MRR over them.
 */
export {
  FILL_RULES, blankContext, wordStartTable, singleTokenFill, placeFill, renderGold, goldCasing, applyCasing,
  type GoldRendering, type FillRule, type AppliedFillRule, type BlankContext, type GoldCasing, type SlotFill, type CharSpan, type SlotPositions, type WordStartTable,
} from './slot-fill.js';
export { multiTokenFills } from './probe-multi-token.js';
export { refillRecord, goldFilledRecord, type Refill } from './refill.js';
export { logSumExp, topKIds, goldRank } from './scoring.js';
export { probeItems, planBatches, encodeQueries, goldInfo, commonVocabIds, factKey, type EngineOptions, type SkippedQuery, type GoldInfo, type Item as EncodedItem } from './probe-engine.js';
export { probe, createProber, type ProbeOptions, type ProbeResult, type ProbeProgress, type Prober } from './probe.js';
export { readPredictions, readPartialPredictions, readProbeMeta, metaPath, partialPath, runKey, type ProbeRunMeta } from './predictions-file.js';
export { lamaMetrics, type LamaMetrics, type LamaMetricsOptions, type LevelMetrics, type RelationMetrics, type SubstringCount } from './metrics.js';
export { PROBE_DEFAULTS, METRICS_DEFAULTS } from './defaults.js';
export type { PredictionRecord, TokenPrediction, FactPrediction, CommonVocabPrediction } from './prediction-types.js';
export { PROBE_OPTIONS, METRICS_OPTIONS } from './options.js';
