/** @file Defaults of the NLP layer: the parser's training settings and the treebank it learns from. */

/**
 * Part of the trained-model cache key: bump it whenever features, transitions or training change,
 * so an old cached model is never loaded by new code.
 */
export const PARSER_VERSION = 'arc-hybrid-5';

export const PARSER_DEFAULTS = Object.freeze({
  epochs: 10, // passes over the training trees (dev accuracy is flat from about 9 on)
  seed: 1, // shuffling and exploration; recorded in the model
  exploreFromEpoch: 2, // follow the model's own mistakes from this epoch on (Goldberg & Nivre 2012)
  exploreProbability: 0.9, // ... with this probability
  minWordCount: 2, // rarer training words share the unknown-word id (so unseen words have trained features)
  taggerEpochs: 5, // passes of the lexical tagger (lexical-tagger.ts)
  jackknifeFolds: 4, // the parser trains on lexical tags from taggers that did not see the sentence (1: on gold tags)
});

/** The UD English EWT release lmkg downloads (the shared test data is this release). */
export const UD_EWT_RELEASE = 'r2.16';
export const UD_EWT_BASE_URL = `https://raw.githubusercontent.com/UniversalDependencies/UD_English-EWT/${UD_EWT_RELEASE}`;
