/**
 * @file Cosine similarity and euclidean distance between embeddings, as the paper reports them for
 * FEATHER (`1 - scipy.spatial.distance.cosine(a, b)` and `numpy.linalg.norm(a - b)`).
 */
import { InvalidOptionError } from '../errors.js';

/** a . b / (|a| |b|); NaN when either vector is all zeros (as scipy). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkLengths('cosineSimilarity', a, b);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let k = 0; k < a.length; k++) {
    dot += a[k]! * b[k]!;
    normA += a[k]! * a[k]!;
    normB += b[k]! * b[k]!;
  }
  return dot / Math.sqrt(normA * normB);
}

/** |a - b|. */
export function euclideanDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkLengths('euclideanDistance', a, b);
  let sum = 0;
  for (let k = 0; k < a.length; k++) {
    const d = a[k]! - b[k]!;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

function checkLengths(where: string, a: ArrayLike<number>, b: ArrayLike<number>) {
  if (a.length !== b.length) {
    throw new InvalidOptionError(`${where}: vectors differ in length (${a.length} vs ${b.length}); embed both graphs with the same options`);
  }
}
