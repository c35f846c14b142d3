/**
 * @file Vocabulary tokens as words, and masked sentences filled with a token, the way a
 * tokenizer's decoder joins them: byte-level BPE tokens are mapped back to bytes (`Ġ` is the
 * space byte, so `ĠParis` is " Paris" and `Paris` glues to the word before); word-piece tokens
 * that start with `##` continue the word before; Metaspace `▁` is a space.
 */
import type { TokenizerInfo } from './tokenizer-info.js';

export interface TokenWord {
  /** The token as text, markers stripped and without its leading space. */
  word: string;
  /** Whether the token starts a new word (a space before it) rather than continuing the previous one. */
  spaceBefore: boolean;
}

let byteDecoder: Map<string, number> | null = null;

/** GPT-2's bytes_to_unicode, inverted: the character each byte is written as -> the byte. */
function byteLevelDecoder(): Map<string, number> {
  if (byteDecoder) return byteDecoder;
  const bytes: number[] = [];
  for (let b = '!'.charCodeAt(0); b <= '~'.charCodeAt(0); b += 1) bytes.push(b);
  for (let b = 0xa1; b <= 0xac; b += 1) bytes.push(b);
  for (let b = 0xae; b <= 0xff; b += 1) bytes.push(b);
  const chars = [...bytes];
  let n = 0;
  for (let b = 0; b < 256; b += 1) {
    if (!bytes.includes(b)) {
      bytes.push(b);
      chars.push(256 + n);
      n += 1;
    }
  }
  byteDecoder = new Map(bytes.map((b, i) => [String.fromCharCode(chars[i]!), b]));
  return byteDecoder;
}

const utf8 = new TextDecoder('utf-8');

/** The word form of one vocabulary token. */
export function tokenWord(info: Pick<TokenizerInfo, 'family' | 'continuingPrefix' | 'specialIds' | 'vocab'>, id: number): TokenWord {
  const token = info.vocab[id] ?? '';
  if (info.specialIds.has(id)) return { word: token, spaceBefore: true };
  switch (info.family) {
    case 'byte-level': {
      const decoder = byteLevelDecoder();
      const raw = [...token];
      if (!raw.every((c) => decoder.has(c))) return { word: token.trim(), spaceBefore: true };
      const text = utf8.decode(Uint8Array.from(raw.map((c) => decoder.get(c)!)));
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

/**
 * The sentence with its (single) mask marker replaced by a token's word. A token that
 * continues the previous word (no space before it) is glued to the text before the marker,
 * as the tokenizer's decoder would write it.
 */
export function fillMarker(sentence: string, marker: string, filler: TokenWord | string): string {
  const at = sentence.indexOf(marker);
  if (at < 0) return sentence;
  const before = sentence.slice(0, at);
  const after = sentence.slice(at + marker.length);
  if (typeof filler === 'string') return before + filler + after;
  if (!filler.spaceBefore) return before.replace(/\s+$/u, '') + filler.word + after;
  return before + filler.word + after;
}

/** The key two words are compared by: trimmed, NFC, lowercased for uncased models. */
export function normaliseWord(word: string, uncased: boolean): string {
  const trimmed = word.trim().normalize('NFC');
  return uncased ? trimmed.toLowerCase() : trimmed;
}
