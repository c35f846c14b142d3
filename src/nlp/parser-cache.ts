/**
 * @file The trained parser, cached: `<cache>/parser/ewt-<key>.lmkgparser`, where the key hashes
 * PARSER_VERSION, the training data's sha256 and the training settings, so a model is trained
 * once per treebank, code version and settings, and never reused across them.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError } from '../errors.js';
import { cacheDir as defaultCacheDir, type DataRootOptions } from '../data/paths.js';
import { PARSER_DEFAULTS, PARSER_VERSION, parserTrainLimitFromEnv } from './defaults.js';
import { evaluateParser, type EvaluateProgress, type ParserScores } from './evaluate-parser.js';
import { loadParserModel, saveParserModel } from './model-file.js';
import type { ParserModel } from './parser-model.js';
import { tagGoldWords } from './tag-gold-words.js';
import { trainParser, type TaggerProgress, type TrainingSentence, type TrainProgress } from './train-parser.js';
import { readTreebank, treebankSha256 } from './treebank.js';

/** Progress events of `loadOrTrainParser`. */
export type ParserProgress =
  | TrainProgress
  | TaggerProgress
  | EvaluateProgress
  | { stage: 'tag'; done: number; sentences: number }
  | { stage: 'load' | 'save'; file: string };

/** Options of `loadOrTrainParser`: data root, cache, training limits. */
export interface ParserCacheOptions extends DataRootOptions {
  /** Cache root (default `$LMKG_CACHE_DIR`, else `~/.cache/lmkg`). */
  cacheDir?: string;
  /** Train on the first `trainLimit` training sentences only (tests). */
  trainLimit?: number;
  epochs?: number;
  seed?: number;
  /** Train again even when a cached model exists. */
  retrain?: boolean;
  /** Score the new model on the dev set and record it (default true). */
  evaluateDev?: boolean;
  onProgress?: (progress: ParserProgress) => void;
}

/** A parser model loaded from the cache or trained, with its file. */
export interface CachedParser {
  model: ParserModel;
  file: string;
  /** True when this call trained the model. */
  trained: boolean;
}

/** Where the model for these settings is (or will be) cached. */
export async function parserCacheFile(given: ParserCacheOptions = {}): Promise<string> {
  const options = withEnvironment(given);
  const trainSha256 = await treebankSha256('train', options);
  return join(options.cacheDir ?? defaultCacheDir(), 'parser', `ewt-${cacheKey(trainSha256, options)}.lmkgparser`);
}

/** Loads the cached model for these settings, training (and caching) it first when absent. */
export async function loadOrTrainParser(given: ParserCacheOptions = {}): Promise<CachedParser> {
  const options = withEnvironment(given);
  const trainSha256 = await treebankSha256('train', options);
  const file = join(options.cacheDir ?? defaultCacheDir(), 'parser', `ewt-${cacheKey(trainSha256, options)}.lmkgparser`);
  if (!options.retrain && existsSync(file)) {
    options.onProgress?.({ stage: 'load', file });
    try {
      return { model: await loadParserModel(file), file, trained: false };
    } catch (error) {
      if (!(error instanceof DataFormatError)) throw error; // a damaged cache file is retrained below
    }
  }
  const model = await trainFromTreebank(trainSha256, options);
  options.onProgress?.({ stage: 'save', file });
  await saveParserModel(model, file);
  return { model, file, trained: true };
}

async function trainFromTreebank(trainSha256: string, options: ParserCacheOptions): Promise<ParserModel> {
  const treebank = await readTreebank('train', { ...rootOf(options), ...(options.trainLimit === undefined ? {} : { limit: options.trainLimit }) });
  const sentences: TrainingSentence[] = [];
  for (const sentence of treebank) {
    const forms = sentence.words.map((w) => w.form);
    sentences.push({
      forms, tags: tagGoldWords(forms), goldTags: sentence.words.map((w) => w.upos),
      heads: sentence.words.map((w) => w.head), deprels: sentence.words.map((w) => w.deprel),
    });
    if (sentences.length % 1000 === 0) options.onProgress?.({ stage: 'tag', done: sentences.length, sentences: treebank.length });
  }
  const model = await trainParser(sentences, {
    trainSha256,
    ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (options.evaluateDev ?? true) {
    const dev = await readTreebank('dev', rootOf(options));
    const scores: ParserScores = evaluateParser(model, dev, options.onProgress);
    model.info.dev = { uas: scores.uas, las: scores.las, lasUniversal: scores.lasUniversal, words: scores.words };
  }
  return model;
}

/** `trainLimit` defaults to `$LMKG_PARSER_TRAIN_LIMIT` (see defaults.ts). */
function withEnvironment(options: ParserCacheOptions): ParserCacheOptions {
  if (options.trainLimit !== undefined) return options;
  const trainLimit = parserTrainLimitFromEnv();
  return trainLimit === undefined ? options : { ...options, trainLimit };
}

function rootOf(options: DataRootOptions): DataRootOptions {
  return options.dataDir === undefined ? {} : { dataDir: options.dataDir };
}

function cacheKey(trainSha256: string, options: ParserCacheOptions): string {
  const settings = {
    version: PARSER_VERSION,
    train: trainSha256,
    limit: options.trainLimit ?? null,
    epochs: options.epochs ?? PARSER_DEFAULTS.epochs,
    seed: options.seed ?? PARSER_DEFAULTS.seed,
  };
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}
