/** @file Defaults of the probe stage: probing and LAMA metrics. */

/** Defaults of `probe` (top k, batch size, mode, judgment filter, fill rule). */
export const PROBE_DEFAULTS = Object.freeze({
  /** Predictions kept per blank (the paper and LAMA use 10). */
  topK: 10,
  /** Sentences per forward pass; 32 is near the best speed on 2 CPU cores for bert-base. */
  batchSize: 32,
  /** Keep at most this many queries, in file order (undefined = all). */
  limit: undefined as number | undefined,
  /** `sentences`: the dataset's masked sentences (the paper); `template`: one per fact from the relation template. */
  mode: 'sentences' as 'sentences' | 'template',
  /** Apply LAMA's Google-RE judgment filter. */
  filterJudgments: false,
  /** Replace an existing output that came from a different run (otherwise that is an error). */
  overwrite: false,
  /**
   * How the blank of `predictedSentence` is filled: `whole-word` (the best token that starts a word
   * there), `multi-token` (1..fillPieces pieces, greedy, length-normalised) or `raw` (the top token,
   * lmkg 0.1). LAMA's P@k always ranks single tokens over the whole vocabulary, whatever the rule.
   */
  fill: 'whole-word' as 'whole-word' | 'raw' | 'multi-token',
  /** Longest multi-token fill, in pieces. */
  fillPieces: 3,
});

/** Defaults of `lamaMetrics` (the k of P@k). */
export const METRICS_DEFAULTS = Object.freeze({
  /** k of P@k. */
  k: 10,
  /** Rank over the full vocabulary, or over the common vocabulary the predictions were probed with. */
  ranking: 'full' as 'full' | 'common',
  /** How many top tokens the paper's looser "gold is a substring of a top token" count looks at. */
  substringTop: 5,
});
