/**
 * @file From counted words to the learner's input: the initial vocabulary (specials, alphabet,
 * continuation forms) and each word as symbol ids.
 *
 * - Byte-level BPE: the alphabet is all 256 byte characters, sorted by code point (as the Hugging
 *   Face trainer with ByteLevel's initial alphabet); a word is its UTF-8 bytes.
 * - WordPiece: the alphabet is the `limitAlphabet` most frequent characters (ties: smaller code point
 *   kept), sorted by code point; characters outside it are dropped from the words, as the Hugging
 *   Face trainer does. Every character after the first gets the `##` form, added after the alphabet
 *   in code point order (the Hugging Face trainer adds them in hash-map order).
 */
import { BYTE_TO_CHAR, byteLevelAlphabet } from './byte-level.js';
import { WORDPIECE_PREFIX } from './defaults.js';
import type { LearnMergesInput } from './learn-merges.js';

export type LearnerWords = Pick<LearnMergesInput, 'vocab' | 'symbols' | 'wordStarts' | 'wordCounts'> & { alphabet: number };

function startVocab(specials: readonly string[]): { vocab: string[]; ids: Map<string, number>; add: (token: string) => number } {
  const vocab: string[] = [];
  const ids = new Map<string, number>();
  const add = (token: string): number => {
    let id = ids.get(token);
    if (id === undefined) {
      id = vocab.length;
      vocab.push(token);
      ids.set(token, id);
    }
    return id;
  };
  specials.forEach(add);
  return { vocab, ids, add };
}

export function byteLevelWords(words: ReadonlyMap<string, number>, specials: readonly string[]): LearnerWords {
  const { vocab, add } = startVocab(specials);
  for (const char of byteLevelAlphabet()) add(char);
  const byteIds = Int32Array.from(BYTE_TO_CHAR, (char) => add(char));
  let total = 0;
  for (const word of words.keys()) total += Buffer.byteLength(word, 'utf8');
  const symbols = new Int32Array(total);
  const wordStarts = new Int32Array(words.size + 1);
  const wordCounts = new Float64Array(words.size);
  const scratch = new Uint8Array(1 << 16);
  const encoder = new TextEncoder();
  let at = 0;
  let w = 0;
  for (const [word, count] of words) {
    wordStarts[w] = at;
    wordCounts[w] = count;
    const bytes = word.length * 3 <= scratch.length ? scratch.subarray(0, encoder.encodeInto(word, scratch).written) : encoder.encode(word);
    for (let i = 0; i < bytes.length; i++) symbols[at++] = byteIds[bytes[i]!]!;
    w++;
  }
  wordStarts[w] = at;
  return { vocab, symbols, wordStarts, wordCounts, alphabet: 256 };
}

/** WordPiece (`prefix` "##"), or plain character-level BPE with prefix "" (as the Hugging Face BpeTrainer on raw words). */
export function characterWords(words: ReadonlyMap<string, number>, specials: readonly string[], limitAlphabet: number, prefix = WORDPIECE_PREFIX): LearnerWords {
  // character frequencies over the corpus
  const charCounts = new Map<number, number>();
  for (const [word, count] of words) {
    for (const char of word) {
      const code = char.codePointAt(0)!;
      charCounts.set(code, (charCounts.get(code) ?? 0) + count);
    }
  }
  let kept = [...charCounts.entries()];
  if (kept.length > limitAlphabet) {
    kept.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    kept = kept.slice(0, limitAlphabet);
  }
  const alphabet = kept.map(([code]) => code).sort((x, y) => x - y);
  const { vocab, ids, add } = startVocab(specials);
  for (const code of alphabet) add(String.fromCodePoint(code));
  const inAlphabet = new Set(alphabet);

  // which characters occur after the first position of a word
  const continuing = new Set<number>();
  let total = 0;
  for (const word of words.keys()) {
    let first = true;
    for (const char of word) {
      const code = char.codePointAt(0)!;
      if (inAlphabet.has(code)) {
        total++;
        if (!first) continuing.add(code);
      }
      first = false;
    }
  }
  const continuationId = new Map<number, number>();
  for (const code of [...continuing].sort((x, y) => x - y)) continuationId.set(code, add(prefix + String.fromCodePoint(code)));

  const symbols = new Int32Array(total);
  const wordStarts = new Int32Array(words.size + 1);
  const wordCounts = new Float64Array(words.size);
  let at = 0;
  let w = 0;
  for (const [word, count] of words) {
    wordStarts[w] = at;
    wordCounts[w] = count;
    let first = true;
    for (const char of word) {
      const code = char.codePointAt(0)!;
      if (inAlphabet.has(code)) symbols[at++] = first ? ids.get(char)! : continuationId.get(code)!;
      first = false;
    }
    w++;
  }
  wordStarts[w] = at;
  return { vocab, symbols, wordStarts, wordCounts, alphabet: alphabet.length };
}
