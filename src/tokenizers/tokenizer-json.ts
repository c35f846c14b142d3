/**
 * @file The Hugging Face files of a trained tokenizer: `tokenizer.json` (the `tokenizers` format that
 * transformers.js, tokenizers.js and Python `tokenizers` read) and `tokenizer_config.json` (which
 * tells transformers / transformers.js the tokenizer class and the special tokens). The layouts are
 * those of roberta-base and bert-base-uncased.
 */
import type { AddedTokenSpec } from './added-tokens.js';
import { WORDPIECE_PREFIX } from './defaults.js';

export interface BpeJsonInput {
  vocab: readonly string[];
  merges: ReadonlyArray<readonly [string, string]>;
  specials: readonly string[];
}

export interface WordPieceJsonInput {
  vocab: readonly string[];
  specials: readonly string[];
  lowercase: boolean;
}

function addedTokens(specials: readonly string[], vocab: readonly string[]): AddedTokenSpec[] {
  return specials.map((content) => ({
    id: vocab.indexOf(content),
    content,
    single_word: false,
    // roberta-base: "<mask>" eats the space before it, so "in <mask>" is "Ġin" + "<mask>"
    lstrip: content === '<mask>',
    rstrip: false,
    normalized: false,
    special: true,
  }));
}

function vocabObject(vocab: readonly string[]): Record<string, number> {
  return Object.fromEntries(vocab.map((token, id) => [token, id]));
}

/** roberta-base's tokenizer.json layout: ByteLevel pre-tokenizer and decoder, RobertaProcessing, BPE. */
export function bpeTokenizerJson({ vocab, merges, specials }: BpeJsonInput): Record<string, unknown> {
  const [cls, , sep] = specials;
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: addedTokens(specials, vocab),
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: {
      type: 'RobertaProcessing',
      sep: [sep, vocab.indexOf(sep!)],
      cls: [cls, vocab.indexOf(cls!)],
      trim_offsets: true,
      add_prefix_space: false,
    },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab: vocabObject(vocab),
      merges: merges.map(([left, right]) => `${left} ${right}`),
    },
  };
}

/** bert-base-uncased's tokenizer.json layout: BertNormalizer, BertPreTokenizer, [CLS] A [SEP], WordPiece. */
export function wordPieceTokenizerJson({ vocab, specials, lowercase }: WordPieceJsonInput): Record<string, unknown> {
  const [, unk, cls, sep] = specials;
  const clsId = vocab.indexOf(cls!);
  const sepId = vocab.indexOf(sep!);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: addedTokens(specials, vocab),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: cls, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: sep, type_id: 0 } }],
      pair: [
        { SpecialToken: { id: cls, type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: sep, type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: sep, type_id: 1 } },
      ],
      special_tokens: {
        [cls!]: { id: cls, ids: [clsId], tokens: [cls] },
        [sep!]: { id: sep, ids: [sepId], tokens: [sep] },
      },
    },
    decoder: { type: 'WordPiece', prefix: WORDPIECE_PREFIX, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: unk,
      continuing_subword_prefix: WORDPIECE_PREFIX,
      max_input_chars_per_word: 100,
      vocab: vocabObject(vocab),
    },
  };
}

function addedTokensDecoder(tokens: readonly AddedTokenSpec[]): Record<string, unknown> {
  return Object.fromEntries(
    tokens.map((t) => [String(t.id), { content: t.content, lstrip: t.lstrip, normalized: t.normalized, rstrip: t.rstrip, single_word: t.single_word, special: t.special }]),
  );
}

/** roberta-base's tokenizer_config.json (transformers >= 4.34 layout). */
export function bpeTokenizerConfig(specials: readonly string[], added: readonly AddedTokenSpec[], modelMaxLength: number): Record<string, unknown> {
  const [bos, pad, eos, unk, mask] = specials;
  return {
    add_prefix_space: false,
    added_tokens_decoder: addedTokensDecoder(added),
    bos_token: bos,
    // lossless decoding: decode(encode(text)) gives the text back
    clean_up_tokenization_spaces: false,
    cls_token: bos,
    eos_token: eos,
    errors: 'replace',
    mask_token: mask,
    model_max_length: modelMaxLength,
    pad_token: pad,
    sep_token: eos,
    tokenizer_class: 'RobertaTokenizer',
    trim_offsets: true,
    unk_token: unk,
  };
}

/** bert-base-uncased's tokenizer_config.json. */
export function wordPieceTokenizerConfig(specials: readonly string[], added: readonly AddedTokenSpec[], modelMaxLength: number, lowercase: boolean): Record<string, unknown> {
  const [pad, unk, cls, sep, mask] = specials;
  return {
    added_tokens_decoder: addedTokensDecoder(added),
    clean_up_tokenization_spaces: true,
    cls_token: cls,
    do_basic_tokenize: true,
    do_lower_case: lowercase,
    mask_token: mask,
    model_max_length: modelMaxLength,
    never_split: null,
    pad_token: pad,
    sep_token: sep,
    strip_accents: null,
    tokenize_chinese_chars: true,
    tokenizer_class: 'BertTokenizer',
    unk_token: unk,
  };
}

/**
 * `tokenizer.json` text: pretty-printed like Hugging Face's `save()`, with the vocabulary written
 * in id order (JSON.stringify would put integer-like tokens such as "1" first).
 */
export function serializeTokenizerJson(json: Readonly<Record<string, unknown>>): string {
  const model = json.model as Record<string, unknown> | undefined;
  const vocab = model?.vocab;
  if (!model || vocab === null || typeof vocab !== 'object') return `${JSON.stringify(json, null, 2)}\n`;
  const placeholder = '\u0000lmkg-vocab\u0000';
  const text = JSON.stringify({ ...json, model: { ...model, vocab: placeholder } }, null, 2);
  const entries = Object.entries(vocab as Record<string, number>).sort((a, b) => a[1] - b[1]);
  const body = entries.length === 0 ? '{}' : `{\n${entries.map(([token, id]) => `      ${JSON.stringify(token)}: ${id}`).join(',\n')}\n    }`;
  return `${text.replace(JSON.stringify(placeholder), () => body)}\n`;
}
