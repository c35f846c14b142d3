/**
 * @file The one way into wink-nlp (with wink-eng-lite-web-model): tokens, sentences, lemmas,
 * UPOS tags and wink's entities for a text. The model loads once per process, on first use
 * (about 0.2 s), not at import.
 */
import { createRequire } from 'node:module';
import type { UposTag } from './types.js';

/** A token of a text as wink sees it. */
export interface TaggedToken {
  /** 0-based position in the text's tokens. */
  index: number;
  text: string;
  /** wink's lemma (lower case), except for proper nouns, which keep their form. */
  lemma: string;
  upos: UposTag;
  /** Character offsets [start, end) in the text. */
  start: number;
  end: number;
  /** 0-based sentence number (wink's sentence boundaries). */
  sentence: number;
}

/** A text analysed by wink: tokens, sentence token ranges [start, end), wink entities. */
export interface WinkAnalysis {
  tokens: TaggedToken[];
  sentences: Array<{ start: number; end: number }>;
  /** Token range [start, end) and wink's type (DATE, CARDINAL, URL, ...). */
  entities: Array<{ start: number; end: number; type: string }>;
}

interface WinkItems {
  out(f?: unknown): unknown[];
}
interface WinkDoc {
  tokens(): WinkItems;
  sentences(): WinkItems;
  entities(): WinkItems;
}
interface WinkRuntime {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let runtime: WinkRuntime | undefined;

/** The process-wide wink instance (sentence boundaries, POS tags, entities). */
export function winkRuntime(): WinkRuntime {
  if (!runtime) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => WinkRuntime;
    const model = require('wink-eng-lite-web-model') as unknown;
    runtime = winkNLP(model, ['sbd', 'pos', 'ner']);
  }
  return runtime;
}

/** Runs wink on `text` (see WinkAnalysis). */
export function analyzeText(text: string): WinkAnalysis {
  const nlp = winkRuntime();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const tags = tokens.out(its.pos) as UposTag[];
  const lemmas = tokens.out(its.lemma) as string[];
  const sentences = (doc.sentences().out(its.span) as Array<[number, number]>).map(([start, end]) => ({ start, end: end + 1 }));
  const entitySpans = doc.entities().out(its.span) as Array<[number, number]>;
  const entityTypes = doc.entities().out(its.type) as string[];
  const out: TaggedToken[] = new Array(values.length);
  let cursor = 0;
  let sentence = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    const expected = cursor + spaces[i]!.length;
    // Token values are the surface text; search a little ahead in case wink normalised spacing.
    let start = text.startsWith(value, expected) ? expected : text.indexOf(value, cursor);
    if (start < 0 || start > expected + 8) start = Math.min(expected, text.length);
    const end = Math.min(start + value.length, text.length);
    cursor = end;
    while (sentence + 1 < sentences.length && i >= sentences[sentence + 1]!.start) sentence += 1;
    const upos = tags[i]!;
    out[i] = { index: i, text: value, lemma: upos === 'PROPN' ? value : lemmas[i]!, upos, start, end, sentence };
  }
  const entities = entitySpans.map(([start, end], k) => ({ start, end: end + 1, type: entityTypes[k]! }));
  return { tokens: out, sentences: sentences.length > 0 ? sentences : [{ start: 0, end: out.length }], entities };
}

/**
 * UPOS tags (with lemmas and offsets) of a text's tokens, from wink alone: fast, no parser.
 *
 * @example
 * tagWords('Allan Dwan was born in Toronto.').map((t) => t.upos)
 * // ['PROPN', 'PROPN', 'AUX', 'VERB', 'ADP', 'PROPN', 'PUNCT']
 */
export function tagWords(text: string): TaggedToken[] {
  return analyzeText(text).tokens;
}
