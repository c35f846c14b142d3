/**
 * @file The record `lmkg probe` writes, one JSON line per cloze query. Later stages (extract,
 * compare, report) read these files; fields may be added, never renamed.
 */
import type { Relation } from '../data/types.js';
import type { SlotFill, SlotPositions } from './slot-fill.js';

/** One predicted token with its probability. */
export interface TokenPrediction {
  /** The vocabulary token, as in the tokenizer (e.g. `ĠParis`, `##ing`). */
  token: string;
  id: number;
  /** Softmax probability at the mask position. */
  prob: number;
  /** The token as a word: BPE/word-piece markers stripped, leading space removed. */
  word: string;
  /** Natural log of `prob`, kept exactly (float64 log-softmax). */
  logProb: number;
}

/**
 * Scores of one fact: the mean log-probability over the fact's probed sentences, for every
 * vocabulary token (exact: the probe engine averages the full distributions). With one sentence
 * it equals the sentence's own scores.
 */
export interface FactPrediction {
  /** Sentences of the fact that were probed. */
  sentences: number;
  /** Top-k by mean log-probability; `prob` is exp(mean log-prob). */
  predictions: TokenPrediction[];
  /** 1-based rank of the gold by mean log-probability, or null when the gold is not one token. */
  goldRank: number | null;
  /** The gold's mean log-probability, or null. */
  goldLogProb: number | null;
}

/** Rankings restricted to a common vocabulary (`--common-vocab`), sentence and fact level. */
export interface CommonVocabPrediction {
  /** Whether the gold token is in the common vocabulary (facts whose gold is not are excluded). */
  goldInVocab: boolean;
  predictions: TokenPrediction[];
  goldRank: number | null;
  goldLogProb: number | null;
  fact: Omit<FactPrediction, 'sentences'>;
}

/** What the model predicted for one cloze query (one line of predictions.jsonl). */
export interface PredictionRecord {
  queryId: string;
  dataset: string;
  factId: string;
  subject: string | null;
  relation: Relation | null;
  gold: string;
  /** The query sentence with lmkg's neutral mask marker. */
  maskedSentence: string;
  /** Top-k predictions, most probable first. */
  predictions: TokenPrediction[];
  /** The masked sentence filled with the model's fill (`fill`; the top prediction under `--fill raw`). */
  predictedSentence: string;
  /** The masked sentence filled with the gold object as the model writes it (`slot.goldText`, `slot.rendering`). */
  goldSentence: string;
  /** 1-based rank of the gold token over the vocabulary, or null when the gold is not one token. */
  goldRank: number | null;
  /** Log-probability of the gold token, or null when the gold is not one token. */
  goldLogProb: number | null;
  /** Whether the gold object is a single token of this model's vocabulary. */
  goldIsSingleToken: boolean;
  /**
   * The gold's vocabulary token (`Ġparis` / `paris`), or null. Any token whose normalised word
   * equals this token's word counts as a match; `goldRank`/`goldLogProb` are those of the best one.
   */
  goldToken: string | null;
  /** Whether the sentence was cut to the model's longest input (around the mask). */
  truncated: boolean;
  /** Fact-level scores (mean log-probability over the fact's sentences). */
  fact: FactPrediction;
  /** Present when probed with a common vocabulary. */
  common?: CommonVocabPrediction;
  /**
   * What went into the blank of `predictedSentence`, and by which rule (whole-word, raw or
   * multi-token). Absent in files written before lmkg 0.2 (their blank held the raw top token).
   */
  fill?: SlotFill;
  /** Where the slot is in `predictedSentence` and `goldSentence` (absent before lmkg 0.2). */
  slot?: SlotPositions;
}
