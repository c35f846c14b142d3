/**
 * @file The shared vocabulary of the NLP layer: a parsed sentence is a list of tokens with
 * Universal POS tags, a dependency head and a full UD label, plus entity spans.
 */

/** Universal POS tags (UD v2). */
export type UposTag =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X';

/** One token of a parsed sentence: text, lemma, UPOS, head and label. */
export interface ParsedToken {
  /** 0-based position in the sentence. */
  index: number;
  text: string;
  lemma: string;
  upos: UposTag;
  /** Index of the head token, or -1 for the root. */
  head: number;
  /** Full UD relation including subtype, e.g. `nsubj:pass`, `obl:agent`, `root`. */
  deprel: string;
  /** Character offset of the token in the sentence text. */
  start: number;
  end: number;
}

/** The type of a named entity. */
export type EntityType = 'PERSON' | 'PLACE' | 'ORGANIZATION' | 'DATE' | 'NUMBER' | 'OTHER';

/** A named entity: its tokens and type. */
export interface EntitySpan {
  /** Token range [start, end) (token indices). */
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

/** A parsed sentence: tokens, dependency tree and entities. */
export interface ParsedSentence {
  text: string;
  tokens: ParsedToken[];
  entities: EntitySpan[];
  /**
   * Token ranges [start, end) of the sentences the tagger found in `text`; each is its own tree
   * with its own root (head -1). Set by the parser; absent in hand-built sentences.
   */
  sentences?: Array<{ start: number; end: number }>;
}
