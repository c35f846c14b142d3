/**
 * @file Projectivisation by lifting (Nivre & Nilsson 2005, without label encoding): while a tree
 * has a crossing arc, the shortest non-projective arc is lifted to attach to its head's head.
 * Labels are kept. The arc-hybrid system builds only projective trees, so training trees are
 * lifted first (EWT train: see `projectivize` counts in the parser's training report).
 */

/** Heads are 0-based, -1 for the root. True when no arc crosses another. */
export function isProjective(heads: ArrayLike<number>): boolean {
  return nonProjectiveArc(heads) === -1;
}

/** Returns lifted heads (a copy) and how many arcs were lifted. */
export function projectivize(heads: ArrayLike<number>): { heads: number[]; lifted: number } {
  const result = Array.from(heads);
  let lifted = 0;
  for (;;) {
    const dependent = nonProjectiveArc(result);
    if (dependent === -1) return { heads: result, lifted };
    const head = result[dependent]!;
    result[dependent] = result[head]!; // the root is never non-projective, so head has a head
    lifted += 1;
  }
}

/**
 * The dependent of the shortest non-projective arc, or -1. An arc h -> d is projective when every
 * word strictly between h and d is dominated by h.
 */
function nonProjectiveArc(heads: ArrayLike<number>): number {
  const n = heads.length;
  let best = -1;
  let bestLength = Infinity;
  for (let d = 0; d < n; d += 1) {
    const h = heads[d]!;
    if (h < 0) continue;
    const lo = Math.min(h, d);
    const hi = Math.max(h, d);
    if (hi - lo >= bestLength) continue;
    for (let k = lo + 1; k < hi; k += 1) {
      if (!dominates(heads, h, k)) {
        best = d;
        bestLength = hi - lo;
        break;
      }
    }
  }
  return best;
}

function dominates(heads: ArrayLike<number>, ancestor: number, word: number): boolean {
  let current = word;
  for (let steps = 0; steps <= heads.length; steps += 1) {
    if (current === ancestor) return true;
    if (current < 0) return false;
    current = heads[current]!;
  }
  return false; // a cycle: treat as not dominated
}
