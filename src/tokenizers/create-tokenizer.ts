/**
 * @file Builds lmkg's fast tokenizer from the contents of a Hugging Face `tokenizer.json` (byte-level
 * BPE or WordPiece) and `tokenizer_config.json`. The pipeline is the one of tokenizers.js, which
 * transformers.js runs: added tokens split off (lstrip/rstrip) -> normaliser -> pre-tokeniser ->
 * model (cached per word) -> post-processor; decoding: ids -> tokens -> decoder -> clean-up.
 */
import { DataFormatError, UsageError } from '../errors.js';
import { createSplitter, stripAroundAdded, toAddedToken, type AddedToken, type AddedTokenSpec } from './added-tokens.js';
import { createBpeModel } from './bpe-model.js';
import { fromByteLevel, toByteLevel } from './byte-level.js';
import { cleanUpTokenization, createDecoder } from './decoders.js';
import { createNormalizer, normalizerCasing } from './normalizers.js';
import { singleTemplate } from './post-processors.js';
import { createPreTokenizer } from './pre-tokenizers.js';
import { deriveSpecials } from './specials.js';
import type { DecodeOptions, EncodeOptions, Tokenizer, TokenizerKind, TokenizerTrainingRecord } from './types.js';
import { createWordPieceModel } from './wordpiece-model.js';

export interface CreateTokenizerOptions {
  /** Names the source in errors (a file path). */
  where: string;
  training?: TokenizerTrainingRecord | null;
}

type Json = Record<string, unknown>;

/** Largest token id accepted (the BPE model's pair keys hold ids below 2^22). */
const MAX_ID = (1 << 22) - 1;

/** Tokenizer from parsed `tokenizer.json` and `tokenizer_config.json` contents. */
export function createTokenizer(tokenizerJson: unknown, tokenizerConfig: unknown, options: CreateTokenizerOptions): Tokenizer {
  const { where } = options;
  const json = asObject(tokenizerJson, where, undefined);
  const config = tokenizerConfig === undefined || tokenizerConfig === null ? {} : asObject(tokenizerConfig, where, 'tokenizer_config');
  const model = asObject(json.model, where, 'model');
  const modelType = model.type ?? ('merges' in model ? 'BPE' : 'WordPiece');
  if (modelType !== 'BPE' && modelType !== 'WordPiece') {
    throw new UsageError(`${where}: model type ${JSON.stringify(modelType)} is not supported by lmkg's tokenizer (supported: BPE with ByteLevel, WordPiece)`);
  }
  for (const key of ['remove_space', 'do_lowercase_and_remove_accent'] as const) {
    if (config[key] === true) throw new UsageError(`${where}: tokenizer_config option ${key}: true is not supported by lmkg's tokenizer`);
  }

  // vocabulary, then added tokens (which win, as in tokenizers.js)
  const vocab = asObject(model.vocab, where, 'model.vocab');
  const tokenIds = new Map<string, number>();
  const idToToken: string[] = [];
  for (const [token, id] of Object.entries(vocab)) {
    if (!Number.isInteger(id) || (id as number) < 0 || (id as number) > MAX_ID) {
      throw new DataFormatError({ file: where, field: `model.vocab["${token}"]` }, `id must be a whole number from 0 to ${MAX_ID}, got ${JSON.stringify(id)}`);
    }
    tokenIds.set(token, id as number);
    idToToken[id as number] = token;
  }
  const added = parseAddedTokens(json.added_tokens, where);
  for (const token of added) {
    tokenIds.set(token.content, token.id);
    idToToken[token.id] = token.content;
  }
  const vocabSize = idToToken.length;

  const normalize = createNormalizer(json.normalizer, where);
  const preTokenizer = createPreTokenizer(json.pre_tokenizer, where);
  const kind: TokenizerKind = modelType === 'BPE' ? 'bpe' : 'wordpiece';
  if (kind === 'bpe' && !preTokenizer.byteLevel) throw new UsageError(`${where}: a BPE model needs the ByteLevel pre_tokenizer in lmkg (byte-level BPE as RoBERTa)`);
  if (kind === 'wordpiece' && preTokenizer.byteLevel) throw new UsageError(`${where}: a WordPiece model needs BertPreTokenizer in lmkg`);

  // added tokens by content (and by normalised content for normalised ones), and the two splitters
  const addedByKey = new Map<string, AddedToken>();
  const rawContents: string[] = [];
  const normalizedContents: string[] = [];
  for (const token of added) {
    addedByKey.set(token.content, token);
    if (token.normalized && normalize !== null) {
      const content = normalize(token.content);
      normalizedContents.push(content);
      addedByKey.set(content, token);
    } else {
      rawContents.push(token.content);
    }
  }
  const splitRaw = createSplitter(rawContents);
  const splitNormalized = normalizedContents.length > 0 ? createSplitter(normalizedContents) : null;

  const unkToken = typeof model.unk_token === 'string' ? model.unk_token : null;
  const modelUnkId = unkToken !== null && Object.hasOwn(vocab, unkToken) ? (vocab[unkToken] as number) : undefined;
  const finalId = (token: string): number => addedByKey.get(token)?.id ?? tokenIds.get(token) ?? modelUnkId ?? -1;
  const unk = unkToken !== null && finalId(unkToken) >= 0 ? { token: unkToken, id: finalId(unkToken) } : null;

  const wordModel = kind === 'bpe' ? bpeModel(model, tokenIds, unk, finalId, where) : wordPieceModel(model, tokenIds, unk, finalId, where);
  const split = preTokenizer.split;

  const template = singleTemplate(json.post_processor, where);
  const before = template.before.map(finalId);
  const after = template.after.map(finalId);

  const addedContents = new Set(added.map((t) => t.content));
  const decodeChain = createDecoder(json.decoder, addedContents, where);
  const specialTokens = new Set(added.filter((t) => t.special).map((t) => t.content));
  if (Array.isArray(config.additional_special_tokens)) {
    for (const token of config.additional_special_tokens) if (typeof token === 'string') specialTokens.add(token);
  }
  const cleanUpDefault = typeof config.clean_up_tokenization_spaces === 'boolean' ? config.clean_up_tokenization_spaces : true;
  const continuationPrefix = kind === 'wordpiece' ? (model.continuing_subword_prefix as string) : '';

  /** Calls `onWords` with the pre-tokenised words of each text piece, `onAdded` with each added token found (and the text it matched). */
  function walk(text: string, onAdded: (token: AddedToken, matched: string) => void, onWords: (words: string[]) => void): void {
    const sections = splitRaw(text) ?? [text];
    if (sections.length > 1) stripAroundAdded(sections, addedByKey);
    for (let section of sections) {
      if (section.length === 0) continue;
      const token = addedByKey.get(section);
      if (token !== undefined) {
        onAdded(token, section);
        continue;
      }
      if (normalize !== null) section = normalize(section);
      if (section.length === 0) continue;
      const subsections = (splitNormalized && splitNormalized(section)) ?? [section];
      if (subsections.length > 1) stripAroundAdded(subsections, addedByKey);
      for (const sub of subsections) {
        if (sub.length === 0) continue;
        const subToken = addedByKey.get(sub);
        if (subToken !== undefined) onAdded(subToken, sub);
        else onWords(split(sub));
      }
    }
  }

  function encode(text: string, opts: EncodeOptions = {}): number[] {
    const ids: number[] = opts.addSpecialTokens === false ? [] : [...before];
    walk(
      text,
      (token) => ids.push(token.id),
      (words) => {
        for (const word of words) for (const id of wordModel.encodeWord(word)) ids.push(id);
      },
    );
    if (opts.addSpecialTokens !== false) ids.push(...after);
    return ids;
  }

  function tokenize(text: string, opts: EncodeOptions = {}): string[] {
    const add = opts.addSpecialTokens === true;
    const tokens: string[] = add ? [...template.before] : [];
    walk(
      text,
      (_token, matched) => tokens.push(matched),
      (words) => {
        for (const word of words) tokens.push(...wordModel.wordTokens(word));
      },
    );
    if (add) tokens.push(...template.after);
    return tokens;
  }

  function decode(ids: readonly number[], opts: DecodeOptions = {}): string {
    let tokens: string[] = [];
    for (const id of ids) {
      const token = idToToken[id] ?? unkToken;
      if (token !== null) tokens.push(token);
    }
    if (opts.skipSpecialTokens) tokens = tokens.filter((t) => !specialTokens.has(t));
    let text = decodeChain ? decodeChain(tokens).join('') : tokens.join(' ');
    if (opts.cleanUpTokenizationSpaces ?? cleanUpDefault) text = cleanUpTokenization(text);
    return text;
  }

  const isSpecialId = (id: number): boolean => specialTokens.has(idToToken[id] ?? '') || id === unk?.id;
  function singleTokenId(word: string): number | undefined {
    let key: string;
    if (kind === 'bpe') {
      key = toByteLevel(` ${word}`);
    } else {
      key = normalize === null ? word : normalize(word);
    }
    const id = key.length > 0 ? tokenIds.get(key) : undefined;
    return id === undefined || isSpecialId(id) ? undefined : id;
  }

  const specials = deriveSpecials(kind, config, template, unkToken, (token) => tokenIds.get(token));
  const maxLength = config.model_max_length;
  return Object.freeze({
    kind,
    vocabSize,
    specials,
    maskToken: specials.mask?.token ?? null,
    lowercase: normalizerCasing(json.normalizer).lowercase,
    modelMaxLength: typeof maxLength === 'number' && maxLength < 1e15 ? maxLength : null,
    encode,
    tokenize,
    decode,
    tokenToId: (token: string) => tokenIds.get(token),
    idToToken: (id: number) => idToToken[id],
    tokenToWord(token: string): string {
      if (addedContents.has(token)) return token;
      if (kind === 'bpe') return fromByteLevel(token).trimStart();
      return continuationPrefix && token.startsWith(continuationPrefix) ? token.slice(continuationPrefix.length) : token;
    },
    startsWord(token: string): boolean {
      if (addedContents.has(token)) return true;
      if (kind === 'bpe') return /^\s/.test(fromByteLevel(token));
      return !(continuationPrefix && token.startsWith(continuationPrefix));
    },
    singleTokenId,
    isSingleToken: (word: string) => singleTokenId(word) !== undefined,
    tokenizerJson: json,
    tokenizerConfig: config,
    training: options.training ?? null,
  });
}

function bpeModel(model: Json, tokenIds: Map<string, number>, unk: { token: string; id: number } | null, finalId: (t: string) => number, where: string) {
  for (const [key, unsupported] of [
    ['dropout', (v: unknown) => typeof v === 'number' && v > 0],
    ['byte_fallback', (v: unknown) => v === true],
    ['fuse_unk', (v: unknown) => v === true],
    ['end_of_word_suffix', (v: unknown) => typeof v === 'string' && v.length > 0],
    ['continuing_subword_suffix', (v: unknown) => typeof v === 'string' && v.length > 0],
    ['continuing_subword_prefix', (v: unknown) => typeof v === 'string' && v.length > 0],
  ] as const) {
    if (unsupported(model[key])) throw new UsageError(`${where}: BPE option ${key}: ${JSON.stringify(model[key])} is not supported by lmkg's tokenizer`);
  }
  if (!Array.isArray(model.merges)) throw new DataFormatError({ file: where, field: 'model.merges' }, 'must be a list of merges');
  const merges = model.merges.map((merge: unknown, i: number): [string, string] => {
    if (typeof merge === 'string') {
      const [left, right] = merge.split(' ', 2);
      if (left !== undefined && right !== undefined) return [left, right];
    } else if (Array.isArray(merge) && typeof merge[0] === 'string' && typeof merge[1] === 'string') {
      return [merge[0], merge[1]];
    }
    throw new DataFormatError({ file: where, field: `model.merges[${i}]` }, `must be "left right" or [left, right], got ${JSON.stringify(merge)}`);
  });
  return createBpeModel({ tokenIds, merges, unk, ignoreMerges: model.ignore_merges === true, finalId });
}

function wordPieceModel(model: Json, tokenIds: Map<string, number>, unk: { token: string; id: number } | null, finalId: (t: string) => number, where: string) {
  if (typeof model.continuing_subword_prefix !== 'string') {
    throw new DataFormatError({ file: where, field: 'model.continuing_subword_prefix' }, 'a WordPiece model needs its continuation prefix (usually "##")');
  }
  if (unk === null) throw new DataFormatError({ file: where, field: 'model.unk_token' }, 'a WordPiece model needs an unk_token that is in its vocab');
  const max = model.max_input_chars_per_word;
  return createWordPieceModel({
    tokenIds,
    prefix: model.continuing_subword_prefix,
    maxInputCharsPerWord: typeof max === 'number' ? max : 100,
    unk,
    finalId,
  });
}

function parseAddedTokens(value: unknown, where: string): AddedToken[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new DataFormatError({ file: where, field: 'added_tokens' }, 'must be a list');
  return value.map((entry: unknown, i: number) => {
    const spec = entry as AddedTokenSpec;
    if (typeof spec?.content !== 'string' || !Number.isInteger(spec.id) || spec.id < 0 || spec.id > MAX_ID) {
      throw new DataFormatError({ file: where, field: `added_tokens[${i}]` }, `needs "content" (text) and "id" (whole number >= 0), got ${JSON.stringify(entry)}`);
    }
    return toAddedToken(spec);
  });
}


function asObject(value: unknown, file: string, field: string | undefined): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DataFormatError(field === undefined ? { file } : { file, field }, `must be a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`);
  }
  return value as Json;
}
