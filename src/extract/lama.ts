/**
 * @file `lama`: the structured extractor for probes that name their subject and relation (Google-RE,
 * T-REx). It reads the prediction record, not the sentence: (subject label, relation label, filled
 * object), where the filled object is the model's fill (`record.fill`; the top prediction in files
 * of lmkg 0.1) on the predicted side and the gold object as the model writes it (`slot.goldText`) on
 * the gold side. The predicted and gold graphs then differ exactly where the model is wrong. The
 * object is the slot, so every `lama` triple is a fact triple.
 *
 * Version 2 (lmkg 0.2) fills with the recorded fill and the recorded gold text; version 1 took
 * the top prediction and the gold as written.
 *
 * @example
 * lamaTriples(record, 'predicted')
 * // [{ subject: 'Allan Dwan', relation: 'place of birth', object: 'Toronto' }]
 */
import { DataFormatError, UsageError } from '../errors.js';
import type { Triple } from '../kg/types.js';
import type { PredictionRecord } from '../probe/prediction-types.js';

/** Which sentence of a record: filled with the model's prediction, or with the gold object. */
export type RecordSide = 'predicted' | 'gold';

/**
 * The triple of one record. Throws UsageError for a record without a subject or relation (SQuAD),
 * DataFormatError for a predicted side without any prediction.
 */
export function lamaTriples(record: PredictionRecord, side: RecordSide): Triple[] {
  if (record.subject === null || record.relation === null) {
    const missing = record.subject === null ? 'subject' : 'relation';
    throw new UsageError(
      `extractor "lama": query ${record.queryId} (dataset ${record.dataset}) has no ${missing}; the lama extractor needs ` +
      'probes that name their subject and relation (Google-RE, T-REx). For SQuAD use a sentence extractor: ' +
      '--extractor entity-prep, svo, svo-plus or clause',
    );
  }
  let object: string;
  if (side === 'gold') {
    // the gold as written into the gold sentence (as the model writes it), when the record says
    object = record.slot?.goldText ?? record.gold;
  } else if (record.fill) {
    object = record.fill.text;
  } else {
    const top = record.predictions[0];
    if (top === undefined) {
      throw new DataFormatError({ file: `query ${record.queryId}`, field: 'predictions' }, 'the record has no predictions to fill the object with');
    }
    object = top.word;
  }
  // a prediction that is only whitespace or a lone marker fills nothing: no triple
  if (object.trim() === '') return [];
  return [{ subject: record.subject, relation: record.relation.label, object: object.trim() }];
}
