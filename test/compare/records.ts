/** @file Prediction records for the compare tests (only the fields compare/ reads matter). */
import type { PredictionRecord } from '../../src/probe/prediction-types.js';

export function record(queryId: string, gold: string, top: string, extra: Partial<PredictionRecord> = {}): PredictionRecord {
  const factId = queryId.includes('#') ? queryId.slice(0, queryId.lastIndexOf('#')) : queryId;
  return {
    queryId,
    dataset: 'test',
    factId,
    subject: `subject of ${factId}`,
    relation: { id: 'place_of_birth', label: 'place of birth', template: null },
    gold,
    maskedSentence: '[MASK]',
    predictions: [{ token: top, id: 0, prob: 0.5, word: top, logProb: Math.log(0.5) }],
    predictedSentence: top,
    goldSentence: gold,
    goldRank: null,
    goldLogProb: null,
    goldIsSingleToken: true,
    goldToken: null,
    truncated: false,
    fact: { sentences: 1, predictions: [], goldRank: null, goldLogProb: null },
    ...extra,
  };
}
