/**
 * @file Salient spans for masking: runs of words that look like names or numbers ("Khatchig
 * Mouradian", "Lebanon", "1945"). Guu et al. (REALM, 2020) and Roberts et al. (2020) found that
 * masking such spans whole — instead of only random tokens — is what makes a masked LM store facts;
 * a random 15% of tokens masks a fact's object in about one exposure in seven, and a small model
 * needs many exposures to store an association. REALM found the spans with a tagger; here a
 * per-token table is enough, built once from the tokenizer's vocabulary and the training text:
 *
 * - a word is a token that starts one (`ĠMour`) plus the tokens that continue it (`adian`);
 * - a word is salient when it starts with a digit, or with a capital letter and its lowercase form
 *   is rarer in the corpus (so "The", "He", "In" at the start of a sentence are not names);
 * - a span is a maximal run of salient words; special tokens and punctuation end it.
 *
 * It needs a cased tokenizer: with a lowercasing one only numbers would be found.
 */
import { UsageError } from '../errors.js';
import { specialTokenIds, type Tokenizer } from '../tokenizers/index.js';

/** Per-token flags, indexed by token id. */
export interface SalientTable {
  /** 1 when the token starts a salient word. */
  startsSalientWord: Uint8Array;
  /** 1 when the token continues the word before it (`adian` after `ĠMour`, `45` after `Ġ19`). */
  continuesWord: Uint8Array;
  /** 1 when the token starts a salient word at the start of a line, where BPE has no space (`Kh`). */
  startsSalientLine: Uint8Array;
  /** 1 for special tokens (`<s>`, `</s>`, padding): a line starts after them. */
  special: Uint8Array;
}

type CharClass = 'letter' | 'digit' | 'other';

function charClass(char: string | undefined): CharClass {
  if (char === undefined) return 'other';
  if (/\p{L}/u.test(char)) return 'letter';
  if (/\p{N}/u.test(char)) return 'digit';
  return 'other';
}

/**
 * Builds the table from the tokenizer and the training examples (token ids, used for the
 * capitalised-vs-lowercase counts).
 */
export function buildSalientTable(tokenizer: Tokenizer, examples: Iterable<Int32Array>): SalientTable {
  if (tokenizer.lowercase) {
    throw new UsageError('salientSpanProbability needs a cased tokenizer (names are found by their capital letters); this one lowercases');
  }
  const size = tokenizer.vocabSize;
  const specialIds = specialTokenIds(tokenizer.specials);
  const words: string[] = [];
  const startsWord = new Uint8Array(size);
  const continuesWord = new Uint8Array(size);
  for (let id = 0; id < size; id += 1) {
    const token = tokenizer.idToToken(id);
    words.push(token === undefined || specialIds.has(id) ? '' : tokenizer.tokenToWord(token));
    if (token === undefined || specialIds.has(id)) continue;
    const word = words[id]!;
    if (tokenizer.startsWord(token)) startsWord[id] = 1;
    // A BPE token without a space continues the previous word when both are letters or digits
    // (the GPT-2 pre-tokeniser never joins letters, digits and punctuation in one word).
    else if (charClass(word[0]) !== 'other') continuesWord[id] = 1;
  }
  // How often each word form starts a word in the corpus, to tell names from capitalised common words.
  const counts = new Map<string, number>();
  for (const example of examples) {
    for (const id of example) {
      if (startsWord[id] !== 1) continue;
      const word = words[id]!;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const isSalient = (word: string): boolean => {
    const first = word[0];
    if (charClass(first) === 'digit') return true;
    if (first === undefined || first === first.toLowerCase() || charClass(first) !== 'letter') return false;
    return (counts.get(word.toLowerCase()) ?? 0) < (counts.get(word) ?? 0) || !counts.has(word.toLowerCase());
  };
  const startsSalientWord = new Uint8Array(size);
  const startsSalientLine = new Uint8Array(size);
  const special = new Uint8Array(size);
  for (let id = 0; id < size; id += 1) {
    if (specialIds.has(id)) special[id] = 1;
    else if (startsWord[id] === 1) startsSalientWord[id] = isSalient(words[id]!) ? 1 : 0;
    else if (continuesWord[id] === 1) startsSalientLine[id] = isSalient(words[id]!) ? 1 : 0;
  }
  return { startsSalientWord, continuesWord, startsSalientLine, special };
}

/**
 * The salient spans of ids[from..to) as [start, end) pairs: runs of tokens that each start a
 * salient word or continue the word before them.
 */
export function salientSpans(ids: ArrayLike<number>, from: number, to: number, table: SalientTable): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = -1;
  for (let i = from; i < to; i += 1) {
    const id = ids[i]!;
    const lineStart = i === from || table.special[ids[i - 1]!] === 1;
    const inSpan = table.startsSalientWord[id] === 1 || (lineStart ? table.startsSalientLine[id] === 1 : start >= 0 && table.continuesWord[id] === 1);
    if (inSpan) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      spans.push([start, i]);
      start = -1;
    }
  }
  if (start >= 0) spans.push([start, to]);
  return spans;
}
