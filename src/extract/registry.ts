/**
 * @file The extractor table: name -> extractor, with the paper's names as aliases (`spacy`,
 * `textacy`, `custom`). Sentence extractors read a parsed sentence; the `lama` extractor reads the
 * prediction record itself. `entity-prep`, `svo` and `svo-plus` reproduce the paper; `clause` is
 * lmkg's own, built to catch the slot (issue 14).
 *
 * @example
 * resolveExtractor('textacy').name; // 'svo'
 */
import { InvalidOptionError } from '../errors.js';
import type { Triple } from '../kg/types.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import type { ParsedSentence } from '../nlp/types.js';
import { entityPrepExtraction } from './entity-prep.js';
import type { ExtractedTriple } from './extracted-triple.js';
import { lamaTriples, type RecordSide } from './lama.js';
import { svoExtraction } from './svo.js';
import { svoPlusExtraction } from './svo-plus.js';
import { clauseExtraction } from './clause.js';

/** The name of an extractor. */
export type ExtractorName = 'entity-prep' | 'svo' | 'svo-plus' | 'clause' | 'lama';

interface ExtractorInfo {
  name: ExtractorName;
  /** Other names it answers to (the paper's). */
  aliases: readonly string[];
  /**
   * Raised whenever the extractor's output changes for some input; recorded in every study cell's
   * inputs, so `lmkg run` recomputes cells made by an older version instead of reusing them.
   */
  version: number;
  description: string;
}

/** An extractor that reads triples from parsed sentences. */
export interface SentenceExtractor extends ExtractorInfo {
  input: 'sentence';
  /** Triples of a parsed sentence, with the words of each part. */
  extract: (sentence: ParsedSentence) => ExtractedTriple[];
}

export interface RecordExtractor extends ExtractorInfo {
  input: 'record';
  extract: (record: PredictionRecord, side: RecordSide) => Triple[];
}

/** A triple extractor: from parsed sentences or from prediction records. */
export type Extractor = SentenceExtractor | RecordExtractor;

/** The extractors by name. */
export const EXTRACTORS: Readonly<Record<ExtractorName, Extractor>> = Object.freeze({
  'entity-prep': {
    name: 'entity-prep', aliases: ['spacy'], version: 1, input: 'sentence', extract: entityPrepExtraction,
    description: "the paper's spaCy heuristic: (entity, \"<head> <preposition>\", prepositional object of the entity's head)",
  },
  svo: {
    name: 'svo', aliases: ['textacy'], version: 1, input: 'sentence', extract: svoExtraction,
    description: "textacy's subject-verb-object triples (verb with auxiliaries and negation; conjuncts and compounds expanded)",
  },
  'svo-plus': {
    name: 'svo-plus', aliases: ['custom'], version: 1, input: 'sentence', extract: svoPlusExtraction,
    description: "the paper's enhanced SVO: passive reversed with the verb lemma, \"!\" for negation, coordination, xcomp, prepositional objects",
  },
  clause: {
    name: 'clause', aliases: [], version: 1, input: 'sentence', extract: clauseExtraction,
    description: 'every clause with its stated or implied subject (participles in parentheses, after commas, opening the sentence; relative and copular clauses): (subject, "born in", object), lists spread',
  },
  lama: {
    name: 'lama', aliases: [], version: 2, input: 'record', extract: lamaTriples,
    description: '(subject label, relation label, filled object) from the probe record; Google-RE and T-REx only',
  },
} satisfies Record<ExtractorName, Extractor>);

/** The extractor for a name or alias (case-insensitive). Throws InvalidOptionError listing the valid names. */
export function resolveExtractor(name: string): Extractor {
  const wanted = name.trim().toLowerCase();
  const found = Object.values(EXTRACTORS).find((extractor) => extractor.name === wanted || extractor.aliases.includes(wanted));
  if (found === undefined) {
    const valid = Object.values(EXTRACTORS).map((e) => (e.aliases.length > 0 ? `${e.name} (${e.aliases.join(', ')})` : e.name)).join(', ');
    throw new InvalidOptionError(`unknown extractor "${name}"; valid extractors: ${valid}`);
  }
  return found;
}
