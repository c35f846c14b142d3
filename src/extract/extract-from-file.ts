/**
 * @file The whole extraction step from a predictions file: read and check the records, load the
 * parser when the extractor needs one (trained once and cached by the NLP layer), build the
 * predicted and gold graphs and compare them. `lmkg extract` is this plus `writeExtractOutputs`.
 *
 * @example
 * const result = await extractKnowledgeGraphsFromFile('runs/bert/re-place-birth.jsonl', { extractor: 'spacy' });
 * result.predicted.getAttribute('model'); // 'bert-base-uncased' (from the probe's .meta.json)
 */
import { resolve } from 'node:path';
import type { KgMode } from '../kg/types.js';
import { loadNlp, type LoadNlpOptions } from '../nlp/index.js';
import { EXTRACT_DEFAULTS } from './defaults.js';
import { extractKnowledgeGraphs, type ExtractedKnowledgeGraphs } from './extract-knowledge-graphs.js';
import type { ExtractProgress } from './extract-triples.js';
import { loadPredictions } from './read-predictions.js';
import { resolveExtractor } from './registry.js';

/** Options of `extractKnowledgeGraphsFromFile`. */
export interface ExtractFromFileOptions {
  extractor?: string;
  mode?: KgMode;
  /** Model name to record (default: the probe run's meta file, else unknown). */
  model?: string;
  /**
   * NLP layer settings: data root with the treebank, cache root, a parser model file. Entity typing
   * (compromise) is off unless asked for: no extractor reads entity types, and it triples parse time.
   */
  nlp?: Omit<LoadNlpOptions, 'onProgress'>;
  /** Parser loading or training progress (the first run trains the parser). */
  onParserProgress?: LoadNlpOptions['onProgress'];
  onProgress?: (event: ExtractProgress) => void;
}

/** Reads `file` and extracts both graphs (see the file comment). */
export async function extractKnowledgeGraphsFromFile(file: string, options: ExtractFromFileOptions = {}): Promise<ExtractedKnowledgeGraphs> {
  const extractor = resolveExtractor(options.extractor ?? EXTRACT_DEFAULTS.extractor);
  const { records, probeMeta } = await loadPredictions(file);
  const nlp = extractor.input === 'sentence'
    ? await loadNlp({ typeEntities: false, ...options.nlp, ...(options.onParserProgress ? { onProgress: options.onParserProgress } : {}) })
    : undefined;
  const model = options.model ?? probeMeta?.model.hubId ?? probeMeta?.model.spec;
  return extractKnowledgeGraphs(records, {
    extractor: extractor.name,
    ...(options.mode === undefined ? {} : { mode: options.mode }),
    ...(model === undefined ? {} : { model }),
    predictionsFile: resolve(file),
    ...(nlp ? { parse: nlp.parse } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
