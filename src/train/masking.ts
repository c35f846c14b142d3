/**
 * @file Dynamic masking for masked-language-model training (BERT/RoBERTa): each epoch draws new
 * masks. Of the non-special tokens, `probability` (15%) are chosen; a chosen token becomes the mask
 * token 80% of the time, a random vocabulary token 10% and stays unchanged 10%. Special tokens and
 * padding are never chosen. As Hugging Face's DataCollatorForLanguageModeling, with one difference:
 * a batch with no chosen token gets one, so every step has a loss.
 */
import type { SeededRandom } from '../random.js';

export interface MaskingSpec {
  maskId: number;
  vocabSize: number;
  /** Ids never masked (specials, padding). */
  specialIds: ReadonlySet<number>;
  probability: number;
}

export interface MaskedBatch {
  /** [batch * seqLen] input ids after masking. */
  inputIds: Int32Array;
  /** Flat positions (row * seqLen + column) of the chosen tokens, ascending. */
  positions: Int32Array;
  /** The original ids at `positions` (the labels). */
  labels: Int32Array;
}

/** Masks a padded batch `ids` ([batch * seqLen], row-major). Does not modify `ids`. */
export function maskBatch(ids: Int32Array, spec: MaskingSpec, random: SeededRandom): MaskedBatch {
  const inputIds = Int32Array.from(ids);
  const positions: number[] = [];
  const labels: number[] = [];
  const eligible: number[] = [];
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i]!;
    if (spec.specialIds.has(id)) continue;
    eligible.push(i);
    if (random.next() < spec.probability) choose(i);
  }
  if (positions.length === 0 && eligible.length > 0) choose(eligible[random.int(eligible.length)]!);
  return { inputIds, positions: Int32Array.from(positions), labels: Int32Array.from(labels) };

  function choose(i: number): void {
    positions.push(i);
    labels.push(ids[i]!);
    const roll = random.next();
    if (roll < 0.8) inputIds[i] = spec.maskId;
    else if (roll < 0.9) inputIds[i] = random.int(spec.vocabSize);
  }
}
