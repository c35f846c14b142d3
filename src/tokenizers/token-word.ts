/**
 * @file Vocabulary tokens as words, the way a tokenizer's decoder writes them: byte-level BPE tokens
 * are mapped back to bytes (`Ġ` is the space byte, so `ĠParis` is " Paris" and `Paris` glues to the
 * word before); word-piece tokens that start with `##` continue the word before; Metaspace `▁` is a
 * space. Placing a word into a sentence is the probe's (`placeFill`).
 */
import { byteOfCharCode } from './byte-level.js';
import type { TokenizerInfo } from './tokenizer-info.js';

/** The word a vocabulary token stands for, and whether a space comes before it. */
export interface TokenWord {
  /** The token as text, markers stripped and without its leading space. */
  word: string;
  /** Whether the token starts a new word (a space before it) rather than continuing the previous one. */
  spaceBefore: boolean;
}

const utf8 = new TextDecoder('utf-8');

/** The word form of one vocabulary token. */
export function tokenWord(info: Pick<TokenizerInfo, 'family' | 'continuingPrefix' | 'specialIds' | 'vocab'>, id: number): TokenWord {
  const token = info.vocab[id] ?? '';
  if (info.specialIds.has(id)) return { word: token, spaceBefore: true };
  switch (info.family) {
    case 'byte-level': {
      const raw = [...token];
      const bytes = raw.map((c) => (c.length === 1 ? byteOfCharCode(c.charCodeAt(0)) : -1));
      if (bytes.some((b) => b < 0)) return { word: token.trim(), spaceBefore: true };
      const text = utf8.decode(Uint8Array.from(bytes));
      return { word: text.trim(), spaceBefore: /^\s/.test(text) };
    }
    case 'wordpiece': {
      const prefix = info.continuingPrefix ?? '##';
      return token.startsWith(prefix) && token.length > prefix.length
        ? { word: token.slice(prefix.length), spaceBefore: false }
        : { word: token, spaceBefore: true };
    }
    case 'metaspace':
      return { word: token.replaceAll('\u2581', ' ').trim(), spaceBefore: token.startsWith('\u2581') };
    default:
      return { word: token, spaceBefore: true };
  }
}

/** Word forms of the whole vocabulary, by id. */
export function vocabularyWords(info: TokenizerInfo): TokenWord[] {
  return info.vocab.map((_, id) => tokenWord(info, id));
}

/** The key two words are compared by: trimmed, NFC, lowercased for uncased models. */
export function normaliseWord(word: string, uncased: boolean): string {
  const trimmed = word.trim().normalize('NFC');
  return uncased ? trimmed.toLowerCase() : trimmed;
}
