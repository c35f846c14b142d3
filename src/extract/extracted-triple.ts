/**
 * @file What a sentence extractor returns: a triple with the words (token indices into the parsed
 * sentence) that make each of its parts. The extraction step uses the words to tell which parts
 * hold the filled slot; `plainTriples` drops them.
 */
import type { Triple } from '../kg/types.js';

/** Token indices of each part of a triple, in sentence order. */
export interface TripleTokens {
  subject: number[];
  relation: number[];
  object: number[];
}

export interface ExtractedTriple extends Triple {
  tokens: TripleTokens;
}

/** The triples without their words. */
export function plainTriples(triples: readonly ExtractedTriple[]): Triple[] {
  return triples.map(({ subject, relation, object }) => ({ subject, relation, object }));
}
