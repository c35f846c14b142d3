/**
 * @file The tokenizer types other layers use: a loaded or trained tokenizer, its special tokens, the
 * training options and progress events.
 */

/** `bpe`: byte-level BPE as RoBERTa/GPT-2; `wordpiece`: BERT's WordPiece. */
export type TokenizerKind = 'bpe' | 'wordpiece';

/** A special token and its id. */
export interface SpecialToken {
  readonly token: string;
  readonly id: number;
}

/** The roles special tokens play; null where the tokenizer has no such token. */
export interface TokenizerSpecials {
  /** Starts every encoded sequence: `<s>` / `[CLS]`. */
  readonly cls: SpecialToken | null;
  /** Ends every encoded sequence: `</s>` / `[SEP]`. */
  readonly sep: SpecialToken | null;
  readonly pad: SpecialToken | null;
  readonly unk: SpecialToken | null;
  readonly mask: SpecialToken | null;
  /** `<s>` for RoBERTa (same as cls); null for BERT. */
  readonly bos: SpecialToken | null;
  /** `</s>` for RoBERTa (same as sep); null for BERT. */
  readonly eos: SpecialToken | null;
}

/** Options of `Tokenizer.encode`. */
export interface EncodeOptions {
  /** Add the post-processor's tokens around the text (`<s> ... </s>`, `[CLS] ... [SEP]`). Default true. */
  addSpecialTokens?: boolean;
}

/** Options of `Tokenizer.decode`. */
export interface DecodeOptions {
  /** Drop special tokens from the text. Default false. */
  skipSpecialTokens?: boolean;
  /** Remove spaces before punctuation (" ." -> "."). Default: the tokenizer_config's value, else true (as transformers.js). */
  cleanUpTokenizationSpaces?: boolean;
}

/** What trained a tokenizer; saved beside it as `lmkg_tokenizer.json`. */
export interface TokenizerTrainingRecord {
  readonly lmkgVersion: string;
  readonly type: TokenizerKind;
  readonly vocabSize: number;
  readonly minFrequency: number;
  readonly limitAlphabet: number | null;
  readonly lowercase: boolean;
  readonly modelMaxLength: number;
  /** Files read, in order, with their sizes in bytes. */
  readonly corpus: ReadonlyArray<{ readonly file: string; readonly bytes: number }>;
  /** Texts given directly (not from files). */
  readonly extraTexts: number;
  readonly lines: number;
  readonly characters: number;
  readonly uniqueWords: number;
  /** Size of the vocabulary reached (smaller than asked when pairs fall below minFrequency). */
  readonly learnedVocabSize: number;
  readonly merges: number;
  readonly seconds: number;
}

/**
 * A tokenizer lmkg can encode and decode with, loaded from a Hugging Face `tokenizer.json` of one of
 * the two kinds or trained by lmkg. Its ids equal those of transformers.js and `@huggingface/tokenizers`.
 */
export interface Tokenizer {
  readonly kind: TokenizerKind;
  /** Number of ids (largest id + 1, added tokens included): the size of a model's embedding matrix. */
  readonly vocabSize: number;
  readonly specials: TokenizerSpecials;
  /** `<mask>` / `[MASK]`, or null. */
  readonly maskToken: string | null;
  /** True when the normaliser lowercases (uncased BERT). */
  readonly lowercase: boolean;
  /** Longest sequence the tokenizer_config allows (model_max_length), or null. */
  readonly modelMaxLength: number | null;
  /** Text to ids, as transformers.js `tokenizer.encode(text)`. */
  encode(text: string, options?: EncodeOptions): number[];
  /** Text to token strings (no special tokens unless asked), as transformers.js `tokenizer.tokenize(text)`. */
  tokenize(text: string, options?: EncodeOptions): string[];
  /** Ids to text, as transformers.js `tokenizer.decode(ids)`. */
  decode(ids: readonly number[], options?: DecodeOptions): string;
  tokenToId(token: string): number | undefined;
  idToToken(id: number): string | undefined;
  /** A token as a word: `ĠParis` -> `Paris`, `##ing` -> `ing`; special tokens unchanged. */
  tokenToWord(token: string): string;
  /** Whether a token begins a new word (`ĠParis` yes, `aris` no; `paris` yes, `##ing` no). */
  startsWord(token: string): boolean;
  /**
   * The id of `word` as one whole-word token, else undefined. BPE: the space-prefixed form
   * (`Ġ` + word) must be in the vocabulary; WordPiece: the normalised word (lowercased for uncased).
   */
  singleTokenId(word: string): number | undefined;
  /** `singleTokenId(word) !== undefined`. */
  isSingleToken(word: string): boolean;
  /** The `tokenizer.json` content (Hugging Face format). */
  readonly tokenizerJson: Readonly<Record<string, unknown>>;
  /** The `tokenizer_config.json` content ({} when there was none). */
  readonly tokenizerConfig: Readonly<Record<string, unknown>>;
  /** Present on tokenizers lmkg trained (and on loaded ones saved with it). */
  readonly training: TokenizerTrainingRecord | null;
}

/** Progress of `trainTokenizer`: reading the corpus (bytes), then learning the vocabulary (entries). */
export type TrainTokenizerProgress =
  | { stage: 'read'; bytes: number; totalBytes: number | null; lines: number }
  | { stage: 'alphabet'; uniqueWords: number; alphabet: number }
  | { stage: 'merge'; vocab: number; targetVocab: number; pairCount: number }
  | { stage: 'done'; vocab: number; seconds: number };
