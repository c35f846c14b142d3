/** @file Small prediction records written by hand, as `lmkg probe` writes them, for the extraction tests. */
import type { PredictionRecord } from '../../src/probe/prediction-types.js';
import { placeFill } from '../../src/probe/slot-fill.js';

const PLACE_OF_BIRTH = { id: 'place_of_birth', label: 'place of birth', template: '[X] was born in [Y] .' };

export function record(fields: Partial<PredictionRecord> & { queryId: string; predicted: string; gold: string; masked: string }): PredictionRecord {
  const { predicted, masked, ...rest } = fields;
  const filled = placeFill(masked, '[MASK]', { text: predicted, spaceBefore: true });
  const gold = placeFill(masked, '[MASK]', { text: fields.gold, spaceBefore: true });
  return {
    dataset: 're-place-birth',
    factId: fields.queryId.split('#')[0]!,
    subject: 'Allan Dwan',
    relation: PLACE_OF_BIRTH,
    maskedSentence: masked,
    predictions: [{ token: predicted, id: 7, prob: 0.5, word: predicted, logProb: Math.log(0.5) }],
    predictedSentence: masked.replace('[MASK]', predicted),
    goldSentence: masked.replace('[MASK]', fields.gold),
    goldRank: 1,
    goldLogProb: -0.7,
    goldIsSingleToken: true,
    goldToken: fields.gold,
    truncated: false,
    fact: { sentences: 1, predictions: [], goldRank: 1, goldLogProb: -0.7 },
    fill: { text: predicted, spaceBefore: true, ids: [7], tokens: [predicted], logProb: Math.log(0.5), rule: 'space-token' },
    slot: { predicted: filled.span, gold: gold.span, goldText: fields.gold, rendering: 'as-written' },
    ...rest,
  };
}

/** Two Google-RE-like records: one right (Toronto), one wrong (Paris for Toronto). */
export const RECORDS: PredictionRecord[] = [
  record({ queryId: 'f1#0', predicted: 'Toronto', gold: 'Toronto', masked: 'Allan Dwan was born in [MASK].' }),
  record({ queryId: 'f2#0', subject: 'Dwan', predicted: 'Paris', gold: 'Toronto', masked: 'Dwan was born in [MASK].' }),
];
