/**
 * @file The NLP layer in one object: `const nlp = await loadNlp(); nlp.parse(text)`. Loading
 * finds (or trains and caches) the parser once; after that every call is synchronous.
 *
 * @example
 * const nlp = await loadNlp();
 * nlp.parse('Allan Dwan was born in Toronto.').tokens.map((t) => `${t.text}/${t.deprel}->${t.head}`)
 * // ['Allan/nsubj:pass->3', 'Dwan/flat->0', 'was/aux:pass->3', 'born/root->-1', 'in/case->5', 'Toronto/obl->3', './punct->3']
 */
import { InvalidOptionError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { findEntities, moveSpan } from './entities.js';
import { parserTrainLimitFromEnv } from './defaults.js';
import { loadParserModel } from './model-file.js';
import { loadOrTrainParser, type ParserProgress } from './parser-cache.js';
import { parseTaggedWords, type ParsedTree, type ParserModel } from './parser-model.js';
import type { ParsedSentence, ParsedToken } from './types.js';
import { analyzeText, tagWords, type TaggedToken } from './wink.js';

/** Options of `loadNlp`: the parser model, its training and entity typing. */
export interface LoadNlpOptions {
  /** Data root with ud/UD_English-EWT (default: `$LMKG_DATA_DIR`, else the cache). */
  dataDir?: string;
  /** Cache root for the trained model (default: `$LMKG_CACHE_DIR`, else `~/.cache/lmkg`). */
  cacheDir?: string;
  /** Use this model file instead of the cache (no treebank needed). */
  modelFile?: string;
  /** Train on the first N training sentences only (tests); cached separately. */
  trainLimit?: number;
  epochs?: number;
  /**
   * Type proper-noun entity spans with compromise (PERSON/PLACE/ORGANIZATION; computed when a span's
   * `type` is first read); default true. False: OTHER.
   */
  typeEntities?: boolean;
  onProgress?: (progress: ParserProgress) => void;
}

/** The loaded NLP pipeline: tagging, parsing and sentence splitting. */
export interface Nlp {
  /** Tokens, lemmas, UPOS, dependency tree and entities of `text` (each wink sentence its own tree). */
  parse(text: string): ParsedSentence;
  parseMany(texts: readonly string[]): ParsedSentence[];
  /** `parse`, split into one ParsedSentence per sentence (offsets and indices relative to it). */
  parseSentences(text: string): ParsedSentence[];
  /** UPOS tags only (wink; no parsing). */
  tagWords(text: string): TaggedToken[];
  /** Parses given words with given UPOS tags (gold tokenisation). */
  parseWords(forms: readonly string[], tags: readonly string[]): ParsedTree;
  readonly model: ParserModel;
  /** The model file in use. */
  readonly modelFile: string;
}

const NLP_OPTION_DEFAULTS = Object.freeze({
  dataDir: undefined as string | undefined,
  cacheDir: undefined as string | undefined,
  modelFile: undefined as string | undefined,
  trainLimit: undefined as number | undefined,
  epochs: undefined as number | undefined,
  typeEntities: true,
});

const loaded = new Map<string, Promise<{ model: ParserModel; file: string }>>();

/** Loads the NLP layer (see the file comment); models are shared within a process. */
export async function loadNlp(options: LoadNlpOptions = {}): Promise<Nlp> {
  const { onProgress, ...rest } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InvalidOptionError(`loadNlp: option "onProgress" must be a function, got ${JSON.stringify(onProgress)}`);
  }
  const settings = resolveOptions('loadNlp', NLP_OPTION_DEFAULTS, rest, {
    dataDir: 'string', cacheDir: 'string', modelFile: 'string', trainLimit: 'positive-integer', epochs: 'positive-integer', typeEntities: 'boolean',
  });
  const { model, file } = await sharedModel(settings, onProgress);
  const typeNames = settings.typeEntities;
  const parse = (text: string) => parseText(model, text, typeNames);
  return {
    parse,
    parseMany: (texts) => texts.map(parse),
    parseSentences: (text) => splitSentences(parse(text)),
    tagWords,
    parseWords: (forms, tags) => parseTaggedWords(model, forms, tags),
    model,
    modelFile: file,
  };
}

function sharedModel(
  settings: typeof NLP_OPTION_DEFAULTS, onProgress: ((progress: ParserProgress) => void) | undefined,
): Promise<{ model: ParserModel; file: string }> {
  const key = JSON.stringify([settings.modelFile, settings.dataDir, settings.cacheDir, settings.trainLimit ?? parserTrainLimitFromEnv(), settings.epochs]);
  let promise = loaded.get(key);
  if (!promise) {
    promise = settings.modelFile
      ? loadParserModel(settings.modelFile).then((model) => ({ model, file: settings.modelFile! }))
      : loadOrTrainParser({
        ...(settings.dataDir === undefined ? {} : { dataDir: settings.dataDir }),
        ...(settings.cacheDir === undefined ? {} : { cacheDir: settings.cacheDir }),
        ...(settings.trainLimit === undefined ? {} : { trainLimit: settings.trainLimit }),
        ...(settings.epochs === undefined ? {} : { epochs: settings.epochs }),
        ...(onProgress ? { onProgress } : {}),
      });
    loaded.set(key, promise);
    promise.catch(() => loaded.delete(key));
  }
  return promise;
}

/** Parses a text with a given model (see `Nlp.parse`). */
export function parseText(model: ParserModel, text: string, typeNames = true): ParsedSentence {
  const analysis = analyzeText(text);
  const tokens: ParsedToken[] = analysis.tokens.map((t) => ({
    index: t.index, text: t.text, lemma: t.lemma, upos: t.upos, head: -1, deprel: 'root', start: t.start, end: t.end,
  }));
  const properNouns = new Uint8Array(tokens.length);
  for (const { start, end } of analysis.sentences) {
    if (end <= start) continue;
    const slice = analysis.tokens.slice(start, end);
    const tree = parseTaggedWords(model, slice.map((t) => t.text), slice.map((t) => t.upos));
    for (let i = 0; i < slice.length; i += 1) {
      const token = tokens[start + i]!;
      token.head = tree.heads[i]! < 0 ? -1 : start + tree.heads[i]!;
      token.deprel = tree.deprels[i]!;
      if (tree.featureTags?.[i] === 'PROPN') properNouns[start + i] = 1;
    }
  }
  return { text, tokens, entities: findEntities(analysis, text, { typeNames, properNouns }), sentences: analysis.sentences };
}

/** One ParsedSentence per sentence range, re-based to the sentence's own text. */
export function splitSentences(parsed: ParsedSentence): ParsedSentence[] {
  const ranges = parsed.sentences ?? [{ start: 0, end: parsed.tokens.length }];
  return ranges.filter((r) => r.end > r.start).map(({ start, end }) => {
    const first = parsed.tokens[start]!;
    const last = parsed.tokens[end - 1]!;
    const offset = first.start;
    return {
      text: parsed.text.slice(offset, last.end),
      tokens: parsed.tokens.slice(start, end).map((t) => ({
        ...t, index: t.index - start, head: t.head < 0 ? -1 : t.head - start, start: t.start - offset, end: t.end - offset,
      })),
      entities: parsed.entities.filter((e) => e.start >= start && e.end <= end).map((e) => moveSpan(e, e.start - start, e.end - start)),
      sentences: [{ start: 0, end: end - start }],
    };
  });
}
