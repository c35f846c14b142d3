/**
 * @file Running one extractor over prediction records: each record's predicted sentence (filled with
 * the model's top prediction) or gold sentence (filled with the gold object) is parsed and turned
 * into triples, each with its provenance (query id, fact id, sentence, extractor) and, when the record
 * says where the slot is, the parts of the triple that hold it (`provenance.slot`: empty for a
 * context triple, e.g. ['object'] for (Allan Dwan, born in, Toronto) with Toronto in the blank).
 *
 * @example
 * const parser = await loadDefaultParser();
 * const triples = extractTriples(records, { extractor: 'spacy', side: 'gold', parse: parser });
 * // [{ subject: 'Allan Dwan', relation: 'born in', object: 'Toronto',
 * //    provenance: { queryId: 'f1#0', factId: 'f1', sentence: 'Allan Dwan was born in Toronto .', extractor: 'entity-prep' } }, ...]
 */
import { UsageError } from '../errors.js';
import { TRIPLE_PARTS, type TriplePart, type TripleWithProvenance } from '../kg/types.js';
import type { CharSpan } from '../probe/slot-fill.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import type { ParsedSentence } from '../nlp/types.js';
import type { RecordSide } from './lama.js';
import type { ExtractedTriple } from './extracted-triple.js';
import { resolveExtractor, type Extractor, type SentenceExtractor } from './registry.js';

/** Parses a text into its sentences (one text may hold several). */
export type SentenceParser = (text: string) => ParsedSentence[] | ParsedSentence;

/** Progress events of the extractors. */
export interface ExtractProgress {
  side: RecordSide;
  /** Records done so far, of `total`. */
  done: number;
  total: number;
}

/** Options of `extractTriples`: extractor, parser, which side of the records. */
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
    const slot = record.slot === undefined ? undefined : side === 'gold' ? record.slot.gold : record.slot.predicted;
    const base = { queryId: record.queryId, factId: record.factId, sentence, extractor: extractor.name };
    if (extractor.input === 'record') {
      // the record extractor's object is the filled slot itself
      for (const triple of extractor.extract(record, side)) out.push({ ...triple, provenance: slot === undefined ? base : { ...base, slot: ['object'] } });
    } else {
      for (const triple of sentenceTriples(extractor, parse!(sentence), sentence, slot)) {
        const { tokens: _tokens, slot: parts, ...plain } = triple;
        out.push({ ...plain, provenance: parts === undefined ? base : { ...base, slot: parts } });
      }
    }
    if (onProgress && ((i + 1) % step === 0 || i + 1 === records.length)) onProgress({ side, done: i + 1, total: records.length });
  });
  return out;
}

/**
 * A sentence extractor's triples of one parsed text, each with the parts that hold the slot (the
 * character span `slot` of `text`; undefined: unknown). A part holds the slot when one of its
 * words overlaps the span.
 */
export function sentenceTriples(
  extractor: SentenceExtractor, parsed: ParsedSentence[] | ParsedSentence, text: string, slot: CharSpan | undefined,
): Array<ExtractedTriple & { slot?: TriplePart[] }> {
  const out: Array<ExtractedTriple & { slot?: TriplePart[] }> = [];
  let cursor = 0;
  for (const sentence of Array.isArray(parsed) ? parsed : [parsed]) {
    // a parser that splits the text re-bases each sentence's offsets: find where it starts
    const found = sentence.text === text ? 0 : text.indexOf(sentence.text, cursor);
    const offset = found < 0 ? cursor : found;
    cursor = offset + sentence.text.length;
    const inSlot = slot === undefined ? null : slotWords(sentence, slot.start - offset, slot.end - offset);
    for (const triple of extractor.extract(sentence)) {
      out.push(inSlot === null ? triple : { ...triple, slot: TRIPLE_PARTS.filter((part) => triple.tokens[part].some((index) => inSlot.has(index))) });
    }
  }
  return out;
}

/** Indices of the words that overlap [start, end) (none for an empty span: an empty fill holds no word). */
export function slotWords(sentence: ParsedSentence, start: number, end: number): Set<number> {
  const words = new Set<number>();
  sentence.tokens.forEach((token, index) => {
    if (token.start < end && token.end > start) words.add(index);
  });
  return words;
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
