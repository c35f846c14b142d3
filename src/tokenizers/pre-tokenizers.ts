/**
 * @file Pre-tokenisers: the GPT-2 split of ByteLevel (RoBERTa) and BERT's whitespace-and-punctuation
 * split, with the patterns Hugging Face tokenizers.js uses.
 */
import { UsageError } from '../errors.js';

/** GPT-2's pre-tokenisation regex (ByteLevel with use_regex: true). */
export const GPT2_PATTERN = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
/** BertPreTokenizer: runs of non-space, non-punctuation characters, and single punctuation characters. */
export const BERT_PATTERN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');

export type PreTokenize = (text: string) => string[];

export interface ByteLevelPreTokenizerConfig {
  type: 'ByteLevel';
  add_prefix_space?: boolean;
  use_regex?: boolean;
  trim_offsets?: boolean;
}

/** Splits as ByteLevel does, returning the raw (not yet byte-mapped) pieces. */
export function byteLevelSplit(config: ByteLevelPreTokenizerConfig): PreTokenize {
  const prefix = config.add_prefix_space === true;
  const regex = config.use_regex !== false;
  return (text) => {
    if (prefix && !text.startsWith(' ')) text = ` ${text}`;
    if (!regex) return [text];
    return text.match(GPT2_PATTERN) ?? [];
  };
}

export function bertSplit(text: string): string[] {
  return text.trim().match(BERT_PATTERN) ?? [];
}

/** The pre-tokeniser of a `tokenizer.json` and whether its pieces are to be byte-mapped. */
export function createPreTokenizer(config: unknown, where: string): { split: PreTokenize; byteLevel: boolean } {
  const c = (config ?? {}) as { type?: unknown };
  if (c.type === 'ByteLevel') return { split: byteLevelSplit(c as ByteLevelPreTokenizerConfig), byteLevel: true };
  if (c.type === 'BertPreTokenizer') return { split: bertSplit, byteLevel: false };
  throw new UsageError(
    `${where}: pre_tokenizer ${JSON.stringify(c.type ?? null)} is not supported by lmkg's tokenizer ` +
      '(supported: ByteLevel as in RoBERTa/GPT-2, BertPreTokenizer as in BERT); use transformers.js for this tokenizer',
  );
}
