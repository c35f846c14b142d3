/**
 * @file Records with another fill in the blank: the predicted sentence, the fill and its slot span
 * recomputed, everything else (the model's scores, the gold side) kept. The chance baseline refills
 * each fact with another fact's fill; tests refill with the gold (oracle predictions); the extractor
 * benchmark builds gold-filled records without a model.
 *
 * @example
 * refillRecord(record, { text: 'Paris', spaceBefore: true }).predictedSentence; // 'Allan Dwan was born in Paris .'
 */
import { MASK_MARKER, type ClozeQuery } from '../data/index.js';
import type { PredictionRecord } from './prediction-types.js';
import { applyCasing, placeFill, type AppliedFillRule, type GoldCasing, type SlotFill, type SlotPositions } from './slot-fill.js';

/** What a refill puts into the blank. */
export interface Refill {
  text: string;
  spaceBefore: boolean;
}

/**
 * The record with `fill` in its blank. The recorded fill keeps the original's token ids and score
 * when the text is the same; otherwise it has no ids (the text did not come from this model's
 * prediction for this blank) and the rule says which refill it was.
 */
export function refillRecord(record: PredictionRecord, fill: Refill, rule: AppliedFillRule = record.fill?.rule ?? 'none'): PredictionRecord {
  const placed = placeFill(record.maskedSentence, MASK_MARKER, fill);
  const same = record.fill !== undefined && record.fill.text === fill.text && record.fill.spaceBefore === fill.spaceBefore;
  const newFill: SlotFill = same ? record.fill! : { text: fill.text, spaceBefore: fill.spaceBefore, ids: [], tokens: [], logProb: Number.NaN, rule };
  const gold = record.slot ?? goldSlot(record.maskedSentence, record.gold, 'as-written');
  return { ...record, predictedSentence: placed.sentence, fill: newFill, slot: { ...gold, predicted: placed.span } };
}

/**
 * A record for a cloze query without a model: the gold (written by a casing policy) in both blanks.
 * Its "prediction" is the gold with probability 1; no rank is known.
 */
export function goldFilledRecord(query: ClozeQuery, casing: GoldCasing = 'as-written'): PredictionRecord {
  const slot = goldSlot(query.maskedSentence, query.gold, casing);
  const sentence = placeFill(query.maskedSentence, MASK_MARKER, { text: slot.goldText, spaceBefore: true }).sentence;
  return {
    queryId: query.id, dataset: query.dataset, factId: query.factId, subject: query.subject, relation: query.relation, gold: query.gold,
    maskedSentence: query.maskedSentence, predictions: [{ token: slot.goldText, id: -1, prob: 1, word: slot.goldText, logProb: 0 }],
    predictedSentence: sentence, goldSentence: sentence, goldRank: null, goldLogProb: null, goldIsSingleToken: false, goldToken: null,
    truncated: false, fact: { sentences: 1, predictions: [], goldRank: null, goldLogProb: null },
    fill: { text: slot.goldText, spaceBefore: true, ids: [], tokens: [], logProb: 0, rule: 'none' },
    slot: { ...slot, predicted: slot.gold },
  };
}

function goldSlot(masked: string, gold: string, casing: GoldCasing): SlotPositions {
  const goldText = applyCasing(gold, casing);
  const span = placeFill(masked, MASK_MARKER, { text: goldText, spaceBefore: true }).span;
  return { predicted: span, gold: span, goldText, rendering: casing === 'as-written' ? 'as-written' : 'casing' };
}
