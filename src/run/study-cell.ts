/**
 * @file One cell of a study: the predictions of one model on one dataset, read by one extractor.
 * Builds the predicted and gold graphs (with slot provenance), writes the paper's CSVs and GraphML,
 * scores the fact triples per fact (`fact-scores.csv`), compares the chosen view of the graph with
 * its reference, and writes `graph-view.json` then `metrics.json` (last: its presence marks the
 * cell finished, and its `inputs` say what it was computed from, extractor version included).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareGraphs, csvCell, factPrecisionAt1Bootstrap, type ChanceBaseline, type GraphComparison, type MetricName,
} from '../compare/index.js';
import { extractKnowledgeGraphs, resolveExtractor, writeExtractOutputs, type ExtractedKnowledgeGraphs, type SentenceParser } from '../extract/index.js';
import { writeTextAtomic } from '../files.js';
import { diffKnowledgeGraphs, readKnowledgeGraph, type FactCounts, type KgView, type KnowledgeGraph } from '../kg/index.js';
import { lamaMetrics, type LamaMetrics, type PredictionRecord } from '../probe/index.js';
import type { GraphView, PosView, SummaryRow } from '../report/index.js';
import { LMKG_VERSION } from '../version.js';
import { graphView } from './graph-view.js';
import { summaryRow } from './summary-row.js';

export const CELL_METRICS_FILE = 'metrics.json';
export const CELL_GRAPH_VIEW_FILE = 'graph-view.json';
/** Per fact: relation, matched, predicted and gold fact triples. */
export const CELL_FACT_SCORES_FILE = 'fact-scores.csv';

export interface CellInputs {
  lmkgVersion: string;
  predictionsSha256: string;
  extractor: string;
  /**
   * The extractor's version (`EXTRACTORS[name].version`): raised whenever its output changes, so a
   * cell built by an older extractor is computed again rather than reused.
   */
  extractorVersion: number;
  compareMode: 'exact-defs' | 'paper';
  /** Which triples the graph metrics see. */
  graph: KgView;
  /** Chance baseline: R (0: none), seed and block size. */
  chance: number;
  chanceSeed: number;
  chanceBlockSize: number;
  reference: string;
  /** sha256 of the reference graph (a model's kg.json), or "gold". */
  referenceSha256: string;
  metrics: MetricName[] | null;
  bootstrap: number;
  seed: number;
  aedMaxNodes: number;
  aedTimeBudgetSeconds: number;
}

/** The metrics of one cell (one model on one dataset). */
export interface CellMetrics {
  dataset: string;
  model: string;
  extractor: string;
  inputs: CellInputs;
  lama: LamaMetrics;
  comparison: GraphComparison;
  /** Slot and fact coverage of the predicted and the gold sentences. */
  coverage: ExtractedKnowledgeGraphs['coverage'];
  /** Triple P/R/F1 over every triple (the paper's graph), for contrast with the fact triples. */
  allTriples: { precision: number; recall: number; f1: number };
  /** The permutation null of the fact metrics, or null when not computed. */
  chance: ChanceBaseline | null;
  summary: SummaryRow;
  pos: PosView | null;
  seconds: { extract: number; compare: number };
}

export interface CellSpec {
  dataset: string;
  model: string;
  extractor: string;
  dir: string;
  predictionsFile: string;
  records: readonly PredictionRecord[];
  /** The predicted graph of the reference model's cell, or null to compare with the gold graph. */
  referenceGraphFile: string | null;
  inputs: Omit<CellInputs, 'lmkgVersion' | 'predictionsSha256' | 'referenceSha256' | 'extractor' | 'extractorVersion'>;
  parse?: SentenceParser;
  /** This extractor's chance baseline (study-chance.ts), computed before the cell. */
  chance?: ChanceBaseline | null;
}

export function cellInputs(spec: CellSpec): CellInputs {
  return {
    lmkgVersion: LMKG_VERSION,
    predictionsSha256: sha256(readFileSync(spec.predictionsFile)),
    extractor: spec.extractor,
    extractorVersion: resolveExtractor(spec.extractor).version,
    referenceSha256: spec.referenceGraphFile ? sha256(readFileSync(spec.referenceGraphFile)) : 'gold',
    ...spec.inputs,
  };
}

/** The finished cell's metrics when its inputs are unchanged, else null. */
export function finishedCell(spec: CellSpec): CellMetrics | null {
  const file = join(spec.dir, CELL_METRICS_FILE);
  if (!existsSync(file) || !existsSync(join(spec.dir, CELL_GRAPH_VIEW_FILE))) return null;
  try {
    const metrics = JSON.parse(readFileSync(file, 'utf8')) as CellMetrics;
    return JSON.stringify(metrics.inputs) === JSON.stringify(cellInputs(spec)) ? metrics : null;
  } catch {
    return null; // unreadable: compute it again
  }
}

export function readCellGraphView(dir: string): GraphView {
  return JSON.parse(readFileSync(join(dir, CELL_GRAPH_VIEW_FILE), 'utf8')) as GraphView;
}

export async function runCell(spec: CellSpec): Promise<CellMetrics> {
  const inputs = cellInputs(spec);
  const cell = { dataset: spec.dataset, model: spec.model, extractor: spec.extractor };
  const started = performance.now();
  const extracted = extractKnowledgeGraphs(spec.records, {
    extractor: spec.extractor, model: spec.model, predictionsFile: spec.predictionsFile, ...(spec.parse ? { parse: spec.parse } : {}),
  });
  await writeExtractOutputs(spec.dir, extracted);
  const extractSeconds = (performance.now() - started) / 1000;
  const reference: KnowledgeGraph = spec.referenceGraphFile ? await readKnowledgeGraph(spec.referenceGraphFile) : extracted.gold;
  const comparedAt = performance.now();
  const comparison = compareGraphs(extracted.predicted, reference, {
    mode: spec.inputs.compareMode,
    graph: spec.inputs.graph,
    ...(spec.inputs.metrics ? { metrics: spec.inputs.metrics } : {}),
    predictions: spec.records,
    bootstrapReplicates: spec.inputs.bootstrap,
    bootstrapSeed: spec.inputs.seed,
    aedMaxNodes: spec.inputs.aedMaxNodes,
    aedTimeBudgetSeconds: spec.inputs.aedTimeBudgetSeconds,
  });
  const lama = lamaMetrics(spec.records);
  const p1Interval = spec.inputs.bootstrap > 0 ? factPrecisionAt1Bootstrap(spec.records, { replicates: spec.inputs.bootstrap, seed: spec.inputs.seed }) : null;
  const all = spec.referenceGraphFile ? diffKnowledgeGraphs(extracted.predicted, reference) : extracted.diff;
  const chance = spec.chance ?? null;
  const metrics: CellMetrics = {
    ...cell,
    inputs,
    lama,
    comparison,
    coverage: extracted.coverage,
    allTriples: { precision: all.precision, recall: all.recall, f1: all.f1 },
    chance,
    summary: summaryRow(cell, lama, comparison, { p1Interval, slotCoverage: extracted.coverage.predicted.overall.slot, allTripleF1: all.f1, chance }),
    pos: posView(cell, comparison),
    seconds: { extract: extractSeconds, compare: (performance.now() - comparedAt) / 1000 },
  };
  if (comparison.facts) await writeTextAtomic(join(spec.dir, CELL_FACT_SCORES_FILE), factScoresCsv(comparison.facts.perFact));
  await writeTextAtomic(join(spec.dir, CELL_GRAPH_VIEW_FILE), `${JSON.stringify(graphView(cell, extracted, spec.records, spec.inputs.graph))}\n`);
  await writeTextAtomic(join(spec.dir, CELL_METRICS_FILE), `${JSON.stringify(metrics, null, 2)}\n`);
  return metrics;
}

function posView(cell: { dataset: string; model: string; extractor: string }, comparison: GraphComparison): PosView | null {
  const pos = comparison.pos;
  if (!pos || pos.overlap === null) return null;
  const tags = Object.keys(pos.gold).filter((tag) => (pos.gold[tag] ?? 0) > 0 || (pos.predicted[tag] ?? 0) > 0);
  return { ...cell, tags, predicted: pos.predicted, gold: pos.gold, spider: Object.fromEntries(tags.map((t) => [t, pos.spider[t] ?? null])), overlap: pos.overlap };
}

/** fact-scores.csv: one row per fact (fact_id, relation, matched, predicted, gold). */
export function factScoresCsv(counts: readonly FactCounts[]): string {
  const rows = counts.map((c) => [c.factId, c.relation, String(c.matched), String(c.predicted), String(c.gold)].map((value) => csvCell(value)).join(','));
  return `${['fact_id,relation,matched,predicted,gold', ...rows].join('\n')}\n`;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
