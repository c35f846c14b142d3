/**
 * @file Multi-token fills (`--fill multi-token`), for objects the vocabulary spells in several
 * pieces ("New York", "Wad Madani"): for each length m = 1..k the blank becomes m mask tokens,
 * filled greedily left to right (each step one forward pass: the leftmost open mask takes its best
 * token, then the next mask is predicted with it in place); candidates are ranked by their mean
 * log-probability per piece (the length-normalised score of X-FACTR, Jiang et al., EMNLP 2020).
 * The first piece obeys the whole-word rule of its blank; later pieces may be any non-special
 * token (a continuation or a new word).
 *
 * Cost: for k pieces, k(k+1)/2 - 1 forward passes per query beyond the single-mask pass.
 */
import { MASK_MARKER } from '../data/index.js';
import type { EncodedPieces, EncodedQuery, MaskedLm } from '../lm/masked-lm.js';
import { logSumExp, topKIds } from './scoring.js';
import { blankContext, wordStartTable, type SlotFill } from './slot-fill.js';

interface Candidate {
  query: number;
  encoded: EncodedPieces;
  chosen: number[];
  logProbs: number[];
}

/**
 * The best multi-token fill of each sentence. `single[i]` is sentence i's whole-word single-token
 * fill from the main pass (the m = 1 candidate); longer candidates are decoded here in batches of
 * `batchSize` rows.
 */
export async function multiTokenFills(
  lm: MaskedLm, sentences: readonly string[], single: readonly SlotFill[], options: { maxPieces: number; batchSize: number },
): Promise<SlotFill[]> {
  const table = wordStartTable(lm);
  const contexts = sentences.map((sentence) => blankContext(sentence, MASK_MARKER));
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, query) => {
    for (let pieces = 2; pieces <= options.maxPieces; pieces += 1) {
      const encoded = lm.encodeMaskedPieces(sentence, pieces);
      if (encoded) candidates.push({ query, encoded, chosen: [], logProbs: [] });
    }
  });
  for (let step = 0; step < options.maxPieces; step += 1) {
    const open = candidates.filter((candidate) => candidate.encoded.maskIndexes.length > step);
    for (let at = 0; at < open.length; at += options.batchSize) {
      const batch = open.slice(at, at + options.batchSize);
      const rows = await lm.maskLogits(batch.map((candidate): EncodedQuery => ({
        ids: candidate.encoded.ids, maskIndex: candidate.encoded.maskIndexes[step]!, truncated: candidate.encoded.truncated,
      })));
      batch.forEach((candidate, i) => {
        const row = rows[i]!;
        const allowed = step === 0 ? table[contexts[candidate.query]!] : table.anyPiece;
        const id = topKIds(row, 1, allowed)[0];
        if (id === undefined) return;
        candidate.chosen.push(id);
        candidate.logProbs.push(row[id]! - logSumExp(row));
        // the chosen piece stays in place for the next step
        candidate.encoded = { ...candidate.encoded, ids: candidate.encoded.ids.map((value, position) => (position === candidate.encoded.maskIndexes[step] ? id : value)) };
      });
    }
  }
  const best = single.map((fill) => ({ ...fill }));
  for (const candidate of candidates) {
    if (candidate.chosen.length !== candidate.encoded.maskIndexes.length) continue;
    const score = candidate.logProbs.reduce((sum, value) => sum + value, 0) / candidate.logProbs.length;
    const current = best[candidate.query]!;
    // ties keep the shorter fill (candidates come in increasing length)
    if (score > current.logProb) {
      // the first piece obeys the whole-word rule, so the fill stands as a word of its own
      best[candidate.query] = {
        text: lm.decodeIds(candidate.chosen), spaceBefore: true, ids: [...candidate.chosen],
        tokens: candidate.chosen.map((id) => lm.tokenizerInfo.vocab[id] ?? ''), logProb: score, rule: 'multi-token',
      };
    }
  }
  return best.map((fill) => ({ ...fill, rule: 'multi-token' as const }));
}
