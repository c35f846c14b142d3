/**
 * @file The tokenizer layer: train byte-level BPE (RoBERTa) and WordPiece (BERT) tokenizers, save
 * and load them in the Hugging Face format, and encode/decode fast with the ids transformers.js uses.
 */
export { trainTokenizer, type TrainTokenizerOptions } from './train-tokenizer.js';
export { loadTokenizer } from './load-tokenizer.js';
export { saveTokenizer, writeTokenizerFiles, type SaveTokenizerOptions } from './save-tokenizer.js';
export { createTokenizer, type CreateTokenizerOptions } from './create-tokenizer.js';
export { tokenizerFiles, TRAINING_RECORD_FILE } from './tokenizer-files.js';
export { readCorpusLines, listCorpusFiles, type CorpusFile, type CorpusProgress, type ReadCorpusOptions } from './corpus-lines.js';
export { toByteLevel, fromByteLevel } from './byte-level.js';
export { specialTokenIds, configToken } from './specials.js';
export { readTokenizerInfo, tokenizerDir, TOKENIZER_FILES, type TokenizerInfo, type TokenizerFamily } from './tokenizer-info.js';
export { tokenWord, vocabularyWords, normaliseWord, type TokenWord } from './token-word.js';
export { normalizerCasing } from './normalizers.js';
export {
  BPE_TRAIN_DEFAULTS, WORDPIECE_TRAIN_DEFAULTS, BPE_SPECIAL_TOKENS, WORDPIECE_SPECIAL_TOKENS, WORDPIECE_PREFIX, MAX_VOCAB_SIZE,
} from './defaults.js';
export type {
  Tokenizer, TokenizerKind, TokenizerSpecials, SpecialToken, EncodeOptions, DecodeOptions, TokenizerTrainingRecord, TrainTokenizerProgress,
} from './types.js';
export { TOKENIZER_TRAIN_OPTIONS, TOKENIZER_ENCODE_OPTIONS } from './options.js';
