/**
 * @file What the model layer needs to know about a Hugging Face tokenizer (tokenizer.json +
 * tokenizer_config.json): the vocabulary by id, its family (byte-level BPE, WordPiece,
 * Metaspace), whether it lowercases, and its special tokens. Encoding itself is done by
 * transformers.js (the reference implementation), see masked-lm.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataFormatError, NotFoundError, UsageError } from '../errors.js';

export type TokenizerFamily = 'byte-level' | 'wordpiece' | 'metaspace' | 'other';

export interface SpecialToken {
  token: string;
  id: number;
}

export interface TokenizerInfo {
  /** Folder holding tokenizer.json. */
  dir: string;
  family: TokenizerFamily;
  /** Word-piece continuation prefix (`##`), or null. */
  continuingPrefix: string | null;
  /** Whether the normalizer lowercases (uncased models). */
  uncased: boolean;
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
    const value = config[key];
    const named = typeof value === 'string' ? value : (value as { content?: string } | undefined)?.content;
    for (const token of named === undefined ? fallbacks : [named]) {
      const id = index.get(token);
      if (id !== undefined) return { token, id };
    }
    return null;
  };
  const family = tokenizerFamily(json, model.type);
  return {
    dir, family,
    continuingPrefix: model.type === 'WordPiece' ? model.continuing_subword_prefix ?? '##' : null,
    uncased: lowercases(json.normalizer) || config.do_lower_case === true,
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

function lowercases(normalizer: unknown): boolean {
  if (!normalizer || typeof normalizer !== 'object') return false;
  const n = normalizer as { type?: string; lowercase?: boolean; normalizers?: unknown[] };
  if (n.type === 'Lowercase') return true;
  if (n.type === 'BertNormalizer') return n.lowercase !== false;
  if (n.type === 'Sequence') return (n.normalizers ?? []).some(lowercases);
  return false;
}

/** The files of a tokenizer folder that belong in a model folder. */
export const TOKENIZER_FILES = Object.freeze(['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.txt', 'vocab.json', 'merges.txt', 'lmkg_tokenizer.json']);
