/**
 * @file What lmkg needs to know about any Hugging Face tokenizer folder (tokenizer.json +
 * tokenizer_config.json), hub tokenizers included: the vocabulary by id, its family (byte-level
 * BPE, WordPiece, Metaspace, other), its casing and its special tokens. One truth: casing is what
 * the encoder lmkg runs at probe time (transformers.js / tokenizers.js) does with the file
 * (`normalizerCasing`); `do_lower_case` in tokenizer_config.json, which that encoder ignores (and
 * Python's BertTokenizerFast applies), must agree with the normalizer, or the folder is rejected.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataFormatError, NotFoundError, UsageError } from '../errors.js';
import { normalizerCasing } from './normalizers.js';
import { configToken } from './specials.js';
import { TRAINING_RECORD_FILE } from './tokenizer-files.js';
import type { SpecialToken } from './types.js';

/** How a tokenizer marks word starts. */
export type TokenizerFamily = 'byte-level' | 'wordpiece' | 'metaspace' | 'other';


/** What lmkg reads from a tokenizer.json: vocabulary, special tokens, family. */
export interface TokenizerInfo {
  /** Folder holding tokenizer.json. */
  dir: string;
  family: TokenizerFamily;
  /** Word-piece continuation prefix (`##`), or null. */
  continuingPrefix: string | null;
  /** Whether the normalizer lowercases (uncased models). */
  uncased: boolean;
  /** Whether the normalizer strips accents (BERT-uncased style). */
  stripsAccents: boolean;
  /** Token by id (added tokens included); length = vocabulary size. */
  vocab: string[];
  /** Ids of added special tokens ([CLS], <s>, ...). */
  specialIds: Set<number>;
  mask: SpecialToken | null;
  pad: SpecialToken | null;
  unk: SpecialToken | null;
  /** [CLS] or <s>. */
  bos: SpecialToken | null;
  /** [SEP] or </s>. */
  eos: SpecialToken | null;
  /** The parsed tokenizer.json and tokenizer_config.json ({} when absent). */
  json: Record<string, unknown>;
  config: Record<string, unknown>;
}

/** Resolves `<tokenizer.json>` or a folder holding one to the folder. */
export function tokenizerDir(path: string): string {
  if (!existsSync(path)) throw new NotFoundError(`tokenizer "${path}": no such file or folder; give a tokenizer.json or a folder with one (e.g. made by \`lmkg tokenizer train\`)`);
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, 'tokenizer.json'))) throw new NotFoundError(`tokenizer folder ${path} has no tokenizer.json`);
    return path;
  }
  if (basename(path) !== 'tokenizer.json') throw new UsageError(`tokenizer "${path}": expected a file named tokenizer.json or a folder with one`);
  return dirname(path);
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new DataFormatError({ file }, `not valid JSON (${(error as Error).message})`);
  }
}

/** Reads the tokenizer of a folder (or a tokenizer.json path). */
export function readTokenizerInfo(path: string): TokenizerInfo {
  const dir = tokenizerDir(path);
  const file = join(dir, 'tokenizer.json');
  const json = readJson(file);
  const configFile = join(dir, 'tokenizer_config.json');
  const config = existsSync(configFile) ? readJson(configFile) : {};
  const model = json.model as { type?: string; vocab?: unknown; continuing_subword_prefix?: string | null } | undefined;
  if (!model || typeof model !== 'object') throw new DataFormatError({ file, field: 'model' }, 'required field is missing');
  const vocab: string[] = [];
  if (model.vocab && typeof model.vocab === 'object' && !Array.isArray(model.vocab)) {
    for (const [token, id] of Object.entries(model.vocab as Record<string, number>)) vocab[id] = token;
  } else if (Array.isArray(model.vocab)) {
    (model.vocab as Array<[string, number]>).forEach(([token], id) => { vocab[id] = token; }); // Unigram
  } else {
    throw new DataFormatError({ file, field: 'model.vocab' }, 'expected an object of token -> id');
  }
  const specialIds = new Set<number>();
  for (const added of (json.added_tokens ?? []) as Array<{ id: number; content: string; special?: boolean }>) {
    vocab[added.id] = added.content;
    if (added.special) specialIds.add(added.id);
  }
  for (let id = 0; id < vocab.length; id += 1) {
    if (vocab[id] === undefined) throw new DataFormatError({ file, field: 'model.vocab' }, `no token has id ${id} (ids must be 0..${vocab.length - 1} without gaps)`);
  }
  const index = new Map(vocab.map((token, id) => [token, id]));
  const special = (key: string, fallbacks: string[]): SpecialToken | null => {
    const named = configToken(config, key);
    for (const token of named === null ? fallbacks : [named]) {
      const id = index.get(token);
      if (id !== undefined) return { token, id };
    }
    return null;
  };
  const family = tokenizerFamily(json, model.type);
  const casing = normalizerCasing(json.normalizer);
  if (typeof config.do_lower_case === 'boolean' && config.do_lower_case !== casing.lowercase) {
    throw new UsageError(
      `tokenizer ${dir}: tokenizer_config.json says do_lower_case: ${config.do_lower_case}, but tokenizer.json's normalizer ` +
      `${casing.lowercase ? 'lowercases' : 'does not lowercase'}; transformers.js (lmkg's encoder) follows tokenizer.json while Python's ` +
      'BertTokenizerFast follows do_lower_case, so the two would encode differently. Make them agree (the normalizer\'s "lowercase" field).',
    );
  }
  return {
    dir, family,
    continuingPrefix: model.type === 'WordPiece' ? model.continuing_subword_prefix ?? '##' : null,
    uncased: casing.lowercase,
    stripsAccents: casing.stripAccents,
    vocab, specialIds,
    mask: special('mask_token', ['[MASK]', '<mask>']),
    pad: special('pad_token', ['[PAD]', '<pad>']),
    unk: special('unk_token', ['[UNK]', '<unk>']),
    bos: special('cls_token', ['[CLS]', '<s>']) ?? special('bos_token', ['<s>']),
    eos: special('sep_token', ['[SEP]', '</s>']) ?? special('eos_token', ['</s>']),
    json, config,
  };
}

function tokenizerFamily(json: Record<string, unknown>, modelType: string | undefined): TokenizerFamily {
  const text = JSON.stringify([json.pre_tokenizer ?? null, json.decoder ?? null]);
  if (modelType === 'WordPiece') return 'wordpiece';
  if (text.includes('"ByteLevel"')) return 'byte-level';
  if (text.includes('"Metaspace"')) return 'metaspace';
  return 'other';
}


/** The files of a tokenizer folder that belong in a model folder (those `tokenizerFiles` writes, and a SentencePiece model). */
export const TOKENIZER_FILES = Object.freeze([
  'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.txt', 'vocab.json', 'merges.txt', TRAINING_RECORD_FILE,
]);
