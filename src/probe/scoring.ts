/**
 * @file Scores over one vocabulary distribution, computed in float64: log-softmax, top-k, and
 * the rank of a gold token set. Ranks count the candidates scoring strictly higher than the
 * best-scoring gold token, plus one; ties go to the gold.
 */

/** log of the softmax normaliser: max + log(sum(exp(x - max))). */
export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i += 1) if (values[i]! > max) max = values[i]!;
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

/**
 * Ids of the k highest values (highest first; equal values by lower id), over the ids where
 * `allowed` is 1 (all when null).
 */
export function topKIds(values: ArrayLike<number>, k: number, allowed: Uint8Array | null = null): number[] {
  const ids: number[] = [];
  const scores: number[] = [];
  for (let id = 0; id < values.length; id += 1) {
    if (allowed && allowed[id] !== 1) continue;
    const value = values[id]!;
    if (ids.length === k && !(value > scores[k - 1]!)) continue;
    let at = ids.length === k ? k - 1 : ids.length;
    while (at > 0 && value > scores[at - 1]!) {
      if (at < k) {
        ids[at] = ids[at - 1]!;
        scores[at] = scores[at - 1]!;
      }
      at -= 1;
    }
    ids[at] = id;
    scores[at] = value;
  }
  return ids;
}

/**
 * Where the gold set ranks: the best-scoring gold id, its value, and 1 + the number of allowed
 * ids scoring strictly higher. Null when no gold id is allowed.
 */
export function goldRank(values: ArrayLike<number>, goldIds: readonly number[], allowed: Uint8Array | null = null): { id: number; value: number; rank: number } | null {
  let best = -1;
  let bestValue = -Infinity;
  for (const id of goldIds) {
    if (allowed && allowed[id] !== 1) continue;
    if (best < 0 || values[id]! > bestValue) {
      best = id;
      bestValue = values[id]!;
    }
  }
  if (best < 0) return null;
  let higher = 0;
  for (let id = 0; id < values.length; id += 1) {
    if (allowed && allowed[id] !== 1) continue;
    if (values[id]! > bestValue) higher += 1;
  }
  return { id: best, value: bestValue, rank: higher + 1 };
}
