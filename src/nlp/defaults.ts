/** @file Defaults of the NLP layer: the parser's training settings and the treebank it learns from. */
import { InvalidOptionError } from '../errors.js';

/**
 * Part of the trained-model cache key: bump it whenever features, transitions or training change,
 * so an old cached model is never loaded by new code.
 */
export const PARSER_VERSION = 'arc-hybrid-5';

/** Defaults of the dependency parser and tagger training (epochs, seed, exploration, jackknife folds). */
export const PARSER_DEFAULTS = Object.freeze({
  epochs: 10, // passes over the training trees (dev accuracy is flat from about 9 on)
  seed: 1, // shuffling and exploration; recorded in the model
  exploreFromEpoch: 2, // follow the model's own mistakes from this epoch on (Goldberg & Nivre 2012)
  exploreProbability: 0.9, // ... with this probability
  minWordCount: 2, // rarer training words share the unknown-word id (so unseen words have trained features)
  taggerEpochs: 5, // passes of the lexical tagger (lexical-tagger.ts)
  jackknifeFolds: 4, // the parser trains on lexical tags from taggers that did not see the sentence (1: on gold tags)
});

/**
 * `$LMKG_PARSER_TRAIN_LIMIT`: train the parser on the first N EWT training sentences only (a
 * weaker parser, cached under its own key), for tests and quick trials on a fresh machine; unset
 * (the default) trains on all 12,544. An explicit `trainLimit` option wins over it.
 */
export function parserTrainLimitFromEnv(): number | undefined {
  const value = process.env.LMKG_PARSER_TRAIN_LIMIT;
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidOptionError(`LMKG_PARSER_TRAIN_LIMIT must be a positive whole number of sentences, got "${value}"; unset it to train on the whole treebank`);
  return Number(value);
}

/** The UD English EWT release lmkg downloads (the shared test data is this release). */
export const UD_EWT_RELEASE = 'r2.16';
export const UD_EWT_BASE_URL = `https://raw.githubusercontent.com/UniversalDependencies/UD_English-EWT/${UD_EWT_RELEASE}`;
