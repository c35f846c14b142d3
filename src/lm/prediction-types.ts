/**
 * @file The record `lmkg probe` writes, one JSON line per cloze query. Later stages (extract,
 * compare, report) read these files; fields may be added, never renamed.
 */
import type { Relation } from '../data/types.js';

export interface TokenPrediction {
  /** The vocabulary token, as in the tokenizer (e.g. `ĠParis`, `##ing`). */
  token: string;
  id: number;
  /** Softmax probability at the mask position. */
  prob: number;
  /** The token as a word: BPE/word-piece markers stripped, leading space removed. */
  word: string;
}

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
  /** The masked sentence filled with the top prediction. */
  predictedSentence: string;
  /** The masked sentence filled with the gold object. */
  goldSentence: string;
  /** 1-based rank of the gold token over the vocabulary, or null when the gold is not one token. */
  goldRank: number | null;
  /** Log-probability of the gold token, or null when the gold is not one token. */
  goldLogProb: number | null;
  /** Whether the gold object is a single token of this model's vocabulary. */
  goldIsSingleToken: boolean;
}
