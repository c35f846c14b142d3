/**
 * @file From prediction records to the predicted graph (triples of the model-filled sentences), the
 * gold graph (triples of the gold-filled sentences) and their comparison, with one extractor.
 *
 * @example
 * const records = await readPredictions('bert.jsonl');
 * const result = extractKnowledgeGraphs(records, { extractor: 'spacy', parse: await loadDefaultParser() });
 * result.predicted.size;   // edges of the predicted graph
 * result.diff.precision;   // triple precision of predicted vs gold
 */
import { resolveOptions } from '../options.js';
import { buildKnowledgeGraph } from '../kg/build.js';
import { diffKnowledgeGraphs, type KgDiff } from '../kg/diff.js';
import { factCounts, factFigures, factTripleSetsOfTriples, type FactTripleFigures } from '../kg/fact-scores.js';
import type { KgMeta, KgMode, KnowledgeGraph } from '../kg/types.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import { EXTRACT_DEFAULTS } from './defaults.js';
import { extractTriples, memoiseParser, type ExtractProgress, type SentenceParser } from './extract-triples.js';
import { EXTRACTORS, resolveExtractor, type ExtractorName } from './registry.js';
import { slotCoverageSummary, type SlotCoverageSummary } from './slot-coverage.js';

/** Options of `extractKnowledgeGraphs`: extractors, parser, graph mode, progress. */
export interface ExtractKnowledgeGraphsOptions {
  /** Extractor name or alias (default `svo-plus`). */
  extractor?: string;
  mode?: KgMode;
  /** Model name to record; default: the records' `model` field when they have one. */
  model?: string | null;
  /** The predictions file the records came from, recorded in the meta. */
  predictionsFile?: string;
  /** The parser for sentence extractors. */
  parse?: SentenceParser;
  onProgress?: (event: ExtractProgress) => void;
}

/** The predicted and gold knowledge graphs of each extractor, with fact scores. */
export interface ExtractedKnowledgeGraphs {
  extractor: ExtractorName;
  mode: KgMode;
  predicted: KnowledgeGraph;
  gold: KnowledgeGraph;
  diff: KgDiff;
  /** Records read and triples extracted on each side (before merging repeats into edges). */
  records: number;
  triples: { predicted: number; gold: number };
  /** Slot and fact coverage of each side (slot-coverage.ts): how often the extractor caught the slot. */
  coverage: { predicted: SlotCoverageSummary; gold: SlotCoverageSummary };
  /**
   * Fact-triple precision, recall and F1 scored per fact (src/kg/fact-scores.ts), over all facts and
   * over facts with a gold fact triple; null for records without slot positions (lmkg 0.1 files).
   */
  facts: { all: FactTripleFigures; covered: FactTripleFigures } | null;
}

/** Builds the predicted and gold graphs of the records and compares them (see the file comment). */
export function extractKnowledgeGraphs(records: readonly PredictionRecord[], options: ExtractKnowledgeGraphsOptions = {}): ExtractedKnowledgeGraphs {
  const { parse, onProgress, predictionsFile, ...rest } = options;
  const resolved = resolveOptions('extractKnowledgeGraphs', { ...EXTRACT_DEFAULTS }, rest, {
    extractor: 'string',
    mode: ['triples', 'paper'],
    model: 'string',
  });
  const extractor = EXTRACTORS[resolveExtractor(resolved.extractor).name];
  const model = resolved.model ?? recordsModel(records);
  const datasets = [...new Set(records.map((record) => record.dataset))];
  const meta: KgMeta = {
    extractor: extractor.name,
    extractorVersion: extractor.version,
    ...(predictionsFile === undefined ? {} : { predictionsFile }),
    ...(model === null ? {} : { model }),
    ...(datasets.length === 0 ? {} : { dataset: datasets.join(',') }),
    options: { extractor: extractor.name, mode: resolved.mode, model },
  };
  const shared = parse === undefined ? undefined : memoiseParser(parse);
  const run = (side: 'predicted' | 'gold') => extractTriples(records, { extractor, side, ...(shared ? { parse: shared } : {}), ...(onProgress ? { onProgress } : {}) });
  const predictedTriples = run('predicted');
  const goldTriples = run('gold');
  const predicted = buildKnowledgeGraph(predictedTriples, { mode: resolved.mode, meta: { ...meta, name: 'predicted', side: 'predicted' } });
  const gold = buildKnowledgeGraph(goldTriples, { mode: resolved.mode, meta: { ...meta, name: 'gold', side: 'gold' } });
  let facts: ExtractedKnowledgeGraphs['facts'] = null;
  if (records.length > 0 && records.every((record) => record.slot !== undefined)) {
    const factIds = new Map(records.map((record) => [record.factId, record.relation?.id ?? record.dataset]));
    const counts = factCounts(factTripleSetsOfTriples(predictedTriples), factTripleSetsOfTriples(goldTriples), factIds);
    facts = { all: factFigures(counts), covered: factFigures(counts.filter((c) => c.gold > 0)) };
  }
  return {
    extractor: extractor.name,
    mode: resolved.mode,
    predicted,
    gold,
    diff: diffKnowledgeGraphs(predicted, gold),
    records: records.length,
    triples: { predicted: predictedTriples.length, gold: goldTriples.length },
    coverage: { predicted: slotCoverageSummary(records, predictedTriples), gold: slotCoverageSummary(records, goldTriples) },
    facts,
  };
}

/** The `model` field the records agree on, if the probe wrote one; null otherwise. */
function recordsModel(records: readonly PredictionRecord[]): string | null {
  const models = new Set(records.map((record) => (record as PredictionRecord & { model?: unknown }).model).filter((m): m is string => typeof m === 'string'));
  return models.size === 1 ? [...models][0]! : null;
}
