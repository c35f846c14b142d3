/**
 * @file Dynamic masking for masked-language-model training (BERT/RoBERTa): each epoch draws new
 * masks. Of the non-special tokens, `probability` (15%) are chosen; a chosen token becomes the mask
 * token 80% of the time, a random vocabulary token 10% and stays unchanged 10%. Special tokens and
 * padding are never chosen. As Hugging Face's DataCollatorForLanguageModeling, with one difference:
 * a batch with no chosen token gets one, so every step has a loss.
 *
 * With `salient` set, salient spans (names, numbers: see salient-spans.ts) are also chosen whole
 * (one per example, or each with its own probability) before the other tokens get the plain draw.
 */
import type { SeededRandom } from '../random.js';
import { salientSpans, type SalientTable } from './salient-spans.js';

export interface MaskingSpec {
  maskId: number;
  vocabSize: number;
  /** Ids never masked (specials, padding). */
  specialIds: ReadonlySet<number>;
  probability: number;
  /**
   * Salient-span masking. `one`: with `probability`, one salient span of each example (row),
   * drawn uniformly, is masked whole (REALM: the rest of the sentence stays as the cue); `each`:
   * every span is masked whole with `probability`.
   */
  salient?: { table: SalientTable; probability: number; mode: 'one' | 'each' };
}

export interface MaskedBatch {
  /** [batch * seqLen] input ids after masking. */
  inputIds: Int32Array;
  /** Flat positions (row * seqLen + column) of the chosen tokens, ascending. */
  positions: Int32Array;
  /** The original ids at `positions` (the labels). */
  labels: Int32Array;
}

/**
 * Masks a padded batch `ids` ([batch * seqLen], row-major). Does not modify `ids`. `seqLen` keeps
 * salient spans inside their row (packed blocks can cut a name in two).
 */
export function maskBatch(ids: Int32Array, spec: MaskingSpec, random: SeededRandom, seqLen: number = ids.length): MaskedBatch {
  const inputIds = Int32Array.from(ids);
  const positions: number[] = [];
  const labels: number[] = [];
  const eligible: number[] = [];
  const inChosenSpan = spec.salient ? chooseSalientSpans(ids, spec.salient, seqLen, random) : null;
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i]!;
    if (spec.specialIds.has(id)) continue;
    eligible.push(i);
    if (inChosenSpan?.[i] === 1 || random.next() < spec.probability) choose(i);
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

/** 1 at every position of a salient span chosen for masking. */
function chooseSalientSpans(ids: Int32Array, salient: NonNullable<MaskingSpec['salient']>, seqLen: number, random: SeededRandom): Uint8Array {
  const chosen = new Uint8Array(ids.length);
  for (let row = 0; row < ids.length; row += seqLen) {
    const spans = salientSpans(ids, row, Math.min(row + seqLen, ids.length), salient.table);
    if (salient.mode === 'one') {
      if (spans.length > 0 && random.next() < salient.probability) {
        const [start, end] = spans[random.int(spans.length)]!;
        chosen.fill(1, start, end);
      }
      continue;
    }
    for (const [start, end] of spans) if (random.next() < salient.probability) chosen.fill(1, start, end);
  }
  return chosen;
}
