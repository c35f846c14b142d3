/**
 * @file Counting the words of a training corpus the way each tokenizer pre-tokenises: byte-level BPE
 * splits raw text with the GPT-2 regex; WordPiece normalises (BERT) then splits on whitespace and
 * punctuation. Special tokens in the text are taken out first, as the Hugging Face trainer does.
 */
import { createSplitter, stripAroundAdded, type AddedToken } from './added-tokens.js';
import { bertNormalizer } from './normalizers.js';
import { bertSplit, GPT2_PATTERN } from './pre-tokenizers.js';
import type { TokenizerKind } from './types.js';

export interface WordCounter {
  addLine(line: string): void;
  /** Unique pre-tokenised words (raw text, not byte-mapped) and their counts. */
  readonly words: Map<string, number>;
  readonly characters: number;
}

export function createWordCounter(kind: TokenizerKind, specials: readonly AddedToken[], lowercase: boolean): WordCounter {
  const words = new Map<string, number>();
  const specialByContent = new Map(specials.map((t) => [t.content, t]));
  const splitSpecials = createSplitter(specials.map((t) => t.content));
  const normalize = bertNormalizer({ type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase });
  let characters = 0;

  const countPieces = (pieces: readonly string[] | null): void => {
    if (pieces === null) return;
    for (const piece of pieces) words.set(piece, (words.get(piece) ?? 0) + 1);
  };
  const countSection = kind === 'bpe'
    ? (section: string) => countPieces(section.match(GPT2_PATTERN))
    : (section: string) => countPieces(bertSplit(normalize(section)));

  return {
    words,
    get characters() {
      return characters;
    },
    addLine(line: string) {
      characters += line.length;
      const sections = splitSpecials(line);
      if (sections === null) {
        countSection(line);
        return;
      }
      stripAroundAdded(sections, specialByContent);
      for (const section of sections) {
        if (section.length > 0 && !specialByContent.has(section)) countSection(section);
      }
    },
  };
}
