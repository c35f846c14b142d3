/**
 * @file Defaults of the tokenizer layer: what `trainTokenizer` does unless told otherwise. The BPE
 * defaults are RoBERTa's / the paper's (vocab 52,000, min frequency 2); the WordPiece ones are
 * bert-base-uncased's size (30,522) with the Hugging Face BertWordPieceTokenizer trainer settings.
 */
import type { TokenizerKind } from './types.js';

/** Defaults of byte-level BPE tokenizer training (vocabulary size, minimum frequency, special tokens). */
export const BPE_TRAIN_DEFAULTS = Object.freeze({
  /** Target vocabulary size, special tokens included. */
  vocabSize: 52000,
  /** A pair seen fewer times than this is never merged. */
  minFrequency: 2,
  /** Longest sequence, written to tokenizer_config.json (RoBERTa: 512). */
  modelMaxLength: 512,
});

/** Defaults of WordPiece tokenizer training (vocabulary size, minimum frequency, special tokens). */
export const WORDPIECE_TRAIN_DEFAULTS = Object.freeze({
  vocabSize: 30522,
  minFrequency: 2,
  /** Keep only this many most frequent characters as the alphabet (others become [UNK]). */
  limitAlphabet: 1000,
  /** Uncased, as bert-base-uncased: lowercase and strip accents. */
  lowercase: true,
  modelMaxLength: 512,
});

/** Special tokens in id order: ids 0..4 (RoBERTa's first four, then `<mask>`; HF trainer order). */
export const BPE_SPECIAL_TOKENS = Object.freeze(['<s>', '<pad>', '</s>', '<unk>', '<mask>'] as const);

/** Special tokens in id order: [PAD]=0, [UNK]=1, [CLS]=2, [SEP]=3, [MASK]=4 (bert-base-uncased's relative order, without its 99 [unused] slots). */
export const WORDPIECE_SPECIAL_TOKENS = Object.freeze(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const);

/** The continuation prefix of WordPiece. */
export const WORDPIECE_PREFIX = '##';

/** Largest vocabulary `trainTokenizer` accepts. */
export const MAX_VOCAB_SIZE = 1_000_000;

export const SPECIAL_TOKENS: Readonly<Record<TokenizerKind, readonly string[]>> = Object.freeze({
  bpe: BPE_SPECIAL_TOKENS,
  wordpiece: WORDPIECE_SPECIAL_TOKENS,
});
