/**
 * @file Running one extractor over prediction records: each record's predicted sentence (filled with
 * the model's top prediction) or gold sentence (filled with the gold object) is parsed and turned
 * into triples, each with its provenance (query id, fact id, sentence, extractor).
 *
 * @example
 * const parser = await loadDefaultParser();
 * const triples = extractTriples(records, { extractor: 'spacy', side: 'gold', parse: parser });
 * // [{ subject: 'Allan Dwan', relation: 'born in', object: 'Toronto',
 * //    provenance: { queryId: 'f1#0', factId: 'f1', sentence: 'Allan Dwan was born in Toronto .', extractor: 'entity-prep' } }, ...]
 */
import { UsageError } from '../errors.js';
import type { Triple, TripleWithProvenance } from '../kg/types.js';
import type { PredictionRecord } from '../lm/prediction-types.js';
import type { ParsedSentence } from '../nlp/types.js';
import type { RecordSide } from './lama.js';
import { resolveExtractor, type Extractor } from './registry.js';

/** Parses a text into its sentences (one text may hold several). */
export type SentenceParser = (text: string) => ParsedSentence[] | ParsedSentence;

export interface ExtractProgress {
  side: RecordSide;
  /** Records done so far, of `total`. */
  done: number;
  total: number;
}

export interface ExtractTriplesOptions {
  /** Extractor name or alias, or an extractor from `EXTRACTORS`. */
  extractor: string | Extractor;
  /** Which sentence of each record: `predicted` or `gold`. */
  side: RecordSide;
  /** The parser for sentence extractors (not needed by `lama`). */
  parse?: SentenceParser;
  onProgress?: (event: ExtractProgress) => void;
}

/**
 * Triples of every record's sentence on one side, in record order. Throws InvalidOptionError for
 * an unknown extractor and UsageError when a sentence extractor gets no parser.
 */
export function extractTriples(records: readonly PredictionRecord[], options: ExtractTriplesOptions): TripleWithProvenance[] {
  const extractor = typeof options.extractor === 'string' ? resolveExtractor(options.extractor) : options.extractor;
  const { side, parse, onProgress } = options;
  if (extractor.input === 'sentence' && parse === undefined) {
    throw new UsageError(`extractTriples: the "${extractor.name}" extractor reads parsed sentences; pass { parse } (e.g. the parser from loadDefaultParser())`);
  }
  const out: TripleWithProvenance[] = [];
  const step = Math.max(1, Math.floor(records.length / 100));
  records.forEach((record, i) => {
    const sentence = side === 'gold' ? record.goldSentence : record.predictedSentence;
    let triples: Triple[];
    if (extractor.input === 'record') {
      triples = extractor.extract(record, side);
    } else {
      const parsed = parse!(sentence);
      triples = (Array.isArray(parsed) ? parsed : [parsed]).flatMap((one) => extractor.extract(one));
    }
    const provenance = { queryId: record.queryId, factId: record.factId, sentence, extractor: extractor.name };
    for (const triple of triples) out.push({ ...triple, provenance });
    if (onProgress && ((i + 1) % step === 0 || i + 1 === records.length)) onProgress({ side, done: i + 1, total: records.length });
  });
  return out;
}

/** A parser that remembers its answers (predicted and gold sentences are often the same text). */
export function memoiseParser(parse: SentenceParser): SentenceParser {
  const cache = new Map<string, ParsedSentence[] | ParsedSentence>();
  return (text) => {
    let parsed = cache.get(text);
    if (parsed === undefined) {
      parsed = parse(text);
      cache.set(text, parsed);
    }
    return parsed;
  };
}
