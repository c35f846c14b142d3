/**
 * @file Writing the files of `lmkg extract` into a folder, each atomically: the predicted graph
 * (`kg.json`, `kg.csv`, `kg.graphml`), the gold graph (`gold_kg.*`), the triple sets
 * (`intersection`, `missed`, `new`: CSV and GraphML), and `scores.json` (counts, precision, recall,
 * F1 and what the graphs came from). With `gexf`, a `.gexf` beside every `.graphml`.
 *
 * @example
 * await writeExtractOutputs('out/bert-spacy', result);
 * // ['out/bert-spacy/kg.json', 'out/bert-spacy/gold_kg.json', 'out/bert-spacy/kg.csv', ...]
 */
import { join } from 'node:path';
import { writeTextAtomic } from '../files.js';
import { formatKnowledgeGraph } from '../kg/files.js';
import type { KnowledgeGraph } from '../kg/types.js';
import { LMKG_VERSION } from '../version.js';
import type { ExtractedKnowledgeGraphs } from './extract-knowledge-graphs.js';

/** Options of `writeExtractOutputs`: output folder and file formats. */
export interface WriteExtractOutputsOptions {
  /** Also write GEXF files. */
  gexf?: boolean;
}

/** Writes the outputs (see the file comment); returns the paths written, in order. */
export async function writeExtractOutputs(folder: string, result: ExtractedKnowledgeGraphs, options: WriteExtractOutputsOptions = {}): Promise<string[]> {
  const graphs: Array<[string, KnowledgeGraph, boolean]> = [
    ['kg', result.predicted, true],
    ['gold_kg', result.gold, true],
    ['intersection', result.diff.intersection, false],
    ['missed', result.diff.missed, false],
    ['new', result.diff.new, false],
  ];
  const files: Array<[string, string]> = [];
  for (const [name, kg, withJson] of graphs) {
    if (withJson) files.push([`${name}.json`, formatKnowledgeGraph(kg, 'json')]);
  }
  for (const [name, kg] of graphs) files.push([`${name}.csv`, formatKnowledgeGraph(kg, 'csv')]);
  for (const [name, kg] of graphs) {
    files.push([`${name}.graphml`, formatKnowledgeGraph(kg, 'graphml')]);
    if (options.gexf) files.push([`${name}.gexf`, formatKnowledgeGraph(kg, 'gexf')]);
  }
  files.push(['scores.json', `${JSON.stringify(extractScores(result), null, 2)}\n`]);
  const written: string[] = [];
  for (const [name, text] of files) {
    const path = join(folder, name);
    await writeTextAtomic(path, text);
    written.push(path);
  }
  return written;
}

/** The summary written to `scores.json`. */
export function extractScores(result: ExtractedKnowledgeGraphs): Record<string, unknown> {
  const meta = result.predicted.getAttributes();
  return {
    lmkgVersion: LMKG_VERSION,
    predictionsFile: meta.predictionsFile ?? null,
    model: meta.model ?? null,
    dataset: meta.dataset ?? null,
    extractor: result.extractor,
    mode: result.mode,
    records: result.records,
    triplesExtracted: result.triples,
    predicted: { nodes: result.predicted.order, edges: result.predicted.size },
    gold: { nodes: result.gold.order, edges: result.gold.size },
    /** Triple P/R/F1 of the whole graphs (every triple: the paper's comparison). */
    counts: result.diff.counts,
    precision: result.diff.precision,
    recall: result.diff.recall,
    f1: result.diff.f1,
    /** Fact-triple P/R/F1 scored per fact (the triples that touch the slot), and slot / fact coverage. */
    facts: result.facts,
    coverage: result.coverage,
  };
}
