/**
 * @file How a blank is filled: the fill rules, the gold side's casing, and the character span of
 * the slot in each filled sentence.
 *
 * A fill is a word. `whole-word` (default) takes the best token that starts a word at the blank:
 * - WordPiece: a token without the `##` continuation prefix;
 * - byte-level BPE (and Metaspace): after whitespace a space-prefixed token (`Ġparis`); where the
 *   blank starts the text or follows a character without a space (an opening bracket, a quote, a
 *   hyphen) a token without the space marker, because the model reads the blank glued there;
 * - never a special token, never a token that is only a marker (`Ġ`, `▁`).
 * `raw` takes the top token whatever it is (lmkg before 0.2: a `##pp` top token gave "born inpp .").
 * `multi-token` fills 1..k pieces greedily left to right (probe-multi-token.ts).
 *
 * The gold side is written as the model would write it: the gold object encoded by the model's
 * tokenizer and decoded by its decoder (transformers.js, the reference implementation), so casing
 * and spacing are the model's (an uncased model's "toronto", "st. louis"), and a correct prediction
 * yields the same sentence, parse and triples as the gold. A gold with a piece the vocabulary does
 * not have (an unknown token, which no fill can produce) is written by the tokenizer's casing
 * policy instead (lowercased, accents stripped as BERT's normalizer does). `raw` keeps the gold as
 * written (lmkg before 0.2). Every fill is the model's decoding of its tokens as well.
 */
import type { MaskedLm } from '../lm/masked-lm.js';
import type { TokenizerInfo } from '../tokenizers/index.js';
import { logSumExp, topKIds } from './scoring.js';

/** How blanks are filled (see the file comment). */
export type FillRule = 'whole-word' | 'raw' | 'multi-token';

/** The rules for filling the blank of a predicted sentence. */
export const FILL_RULES: readonly FillRule[] = Object.freeze(['whole-word', 'raw', 'multi-token'] as FillRule[]);

/** Which rule chose a fill (recorded on every record). */
export type AppliedFillRule =
  | 'wordpiece-word-start' | 'space-token' | 'no-space-token' | 'any-token' | 'raw' | 'multi-token' | 'none';

/** Where the blank sits: after whitespace, at the start of the text, or glued to the character before. */
export type BlankContext = 'space' | 'start' | 'glued';

/** A casing policy: how an uncased tokenizer writes text. */
export type GoldCasing = 'as-written' | 'lowercase' | 'lowercase-strip-accents';

/**
 * How the gold object was written into the gold sentence: `model-decoder` (encoded and decoded by
 * the model's tokenizer), `casing` (the tokenizer's casing policy: the gold has a piece outside the
 * vocabulary) or `as-written` (`--fill raw`, lmkg 0.1).
 */
export type GoldRendering = 'model-decoder' | 'casing' | 'as-written';

/** What went into the blank of a predicted sentence, and by which rule. */
export interface SlotFill {
  /** The text put into the blank. */
  text: string;
  /** False when the fill continues the word before the blank (raw continuation pieces only). */
  spaceBefore: boolean;
  /** The vocabulary tokens that make it, in order. */
  ids: number[];
  tokens: string[];
  /** Mean log-probability of its pieces (one piece: that token's log-probability at the blank). */
  logProb: number;
  rule: AppliedFillRule;
}

/** A character span [start, end) in a sentence. */
export interface CharSpan {
  start: number;
  end: number;
}

/** Where the slot is in the two filled sentences of a record. */
export interface SlotPositions {
  /** The fill in `predictedSentence`. */
  predicted: CharSpan;
  /** The gold object as the model writes it (`goldText`), in `goldSentence`. */
  gold: CharSpan;
  goldText: string;
  rendering: GoldRendering;
}

/** The context of the (single) marker in a masked sentence. */
export function blankContext(sentence: string, marker: string): BlankContext {
  const at = sentence.indexOf(marker);
  if (at <= 0) return 'start';
  return /\s/u.test(sentence[at - 1]!) ? 'space' : 'glued';
}

/** Tokens a fill may start with, per blank context (1 = allowed), computed once per model. */
export interface WordStartTable {
  /** Applies to WordPiece and to families without a space marker (one mask for every context). */
  space: Uint8Array;
  start: Uint8Array;
  glued: Uint8Array;
  rule: Record<BlankContext, AppliedFillRule>;
  /** Every token a later piece of a multi-token fill may be (not special, not empty). */
  anyPiece: Uint8Array;
}

const tables = new WeakMap<MaskedLm, WordStartTable>();

/** The word-start table of a model (see the file comment). */
export function wordStartTable(lm: MaskedLm): WordStartTable {
  let table = tables.get(lm);
  if (table) return table;
  const size = lm.vocabSize;
  const info = lm.tokenizerInfo;
  const anyPiece = new Uint8Array(size);
  const spaced = new Uint8Array(size);
  const unspaced = new Uint8Array(size);
  for (let id = 0; id < size; id += 1) {
    const word = lm.words[id]!;
    if (info.specialIds.has(id) || word.word.trim() === '') continue;
    anyPiece[id] = 1;
    if (word.spaceBefore) spaced[id] = 1;
    else unspaced[id] = 1;
  }
  if (info.family === 'byte-level' || info.family === 'metaspace') {
    table = { space: spaced, start: unspaced, glued: unspaced, anyPiece, rule: { space: 'space-token', start: 'no-space-token', glued: 'no-space-token' } };
  } else if (info.family === 'wordpiece') {
    // a WordPiece word start is any token without `##` (tokenWord marks those spaceBefore)
    table = { space: spaced, start: spaced, glued: spaced, anyPiece, rule: { space: 'wordpiece-word-start', start: 'wordpiece-word-start', glued: 'wordpiece-word-start' } };
  } else {
    table = { space: anyPiece, start: anyPiece, glued: anyPiece, anyPiece, rule: { space: 'any-token', start: 'any-token', glued: 'any-token' } };
  }
  tables.set(lm, table);
  return table;
}

/**
 * The single-token fill of a blank from its logits row: the best allowed token under `whole-word`,
 * the top token under `raw`. `logZ` is the row's log-normaliser (computed when not given).
 */
export function singleTokenFill(lm: MaskedLm, row: ArrayLike<number>, context: BlankContext, rule: 'whole-word' | 'raw', logZ = logSumExp(row)): SlotFill {
  const table = wordStartTable(lm);
  const allowed = rule === 'raw' ? null : table[context];
  const id = topKIds(row, 1, allowed)[0];
  if (id === undefined) return { text: '', spaceBefore: true, ids: [], tokens: [], logProb: -Infinity, rule: 'none' };
  const word = lm.words[id]!;
  return {
    text: word.word,
    spaceBefore: word.spaceBefore,
    ids: [id],
    tokens: [lm.tokenizerInfo.vocab[id] ?? ''],
    logProb: row[id]! - logZ,
    rule: rule === 'raw' ? 'raw' : table.rule[context],
  };
}

/**
 * The sentence with its marker replaced by a fill, and the fill's character span. A fill that does
 * not start a word (raw continuation pieces) is glued to the text before the marker, as the
 * tokenizer's decoder writes it.
 */
export function placeFill(sentence: string, marker: string, fill: { text: string; spaceBefore: boolean }): { sentence: string; span: CharSpan } {
  const at = sentence.indexOf(marker);
  if (at < 0) return { sentence, span: { start: sentence.length, end: sentence.length } };
  const before = fill.spaceBefore ? sentence.slice(0, at) : sentence.slice(0, at).replace(/\s+$/u, '');
  return { sentence: before + fill.text + sentence.slice(at + marker.length), span: { start: before.length, end: before.length + fill.text.length } };
}

/** The gold object as the model writes it, and how (see the file comment). */
export function renderGold(lm: MaskedLm, gold: string): { text: string; rendering: GoldRendering } {
  const family = lm.tokenizerInfo.family;
  // a byte-level or Metaspace word in running text carries its leading space
  const ids = lm.encodeText(family === 'byte-level' || family === 'metaspace' ? ` ${gold}` : gold);
  const unknown = lm.tokenizerInfo.unk?.id;
  if (ids.length === 0 || (unknown !== undefined && ids.includes(unknown))) {
    return { text: applyCasing(gold, goldCasing(lm.tokenizerInfo)), rendering: 'casing' };
  }
  return { text: lm.decodeIds(ids), rendering: 'model-decoder' };
}

/** The casing policy a model's tokenizer implies (see the file comment). */
export function goldCasing(info: Pick<TokenizerInfo, 'uncased' | 'stripsAccents'>): GoldCasing {
  if (!info.uncased) return 'as-written';
  return info.stripsAccents ? 'lowercase-strip-accents' : 'lowercase';
}

/** A text written by a casing policy. Accents are stripped as BERT's normalizer does (NFD, combining marks dropped). */
export function applyCasing(text: string, casing: GoldCasing): string {
  if (casing === 'as-written') return text;
  const lower = text.toLowerCase();
  return casing === 'lowercase' ? lower : lower.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
}
