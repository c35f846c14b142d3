/**
 * @file Feature templates of the parser, after Zhang & Nivre (2011, "Transition-based dependency
 * parsing with rich non-local features"), adapted to arc-hybrid: words (w), UPOS tags (p) and
 * arc labels (l) of the stack (s0, s1, s2) and buffer (b0, b1, b2) positions, of the leftmost and
 * rightmost children (s0l, s0l2, s0r, s0r2, s1l, s1r, s1r2, b0l, b0l2), distances (s0-b0 and
 * s1-s0), valencies (numbers of left and right children), label sets, and word suffixes (which
 * help with rare and unseen words). The tags `p` are the lexical tagger's (lexical-tagger.ts);
 * templates 99-110 add the run-time tagger's own tags, and 111-114 the numbers of verbs and of
 * punctuation marks between the two words of a candidate arc.
 *
 * Each template value is hashed with the template id into a 32-bit key (`featureHash`). All
 * templates score the three transition kinds; the templates flagged in `LABEL_TEMPLATES` also
 * score the labels (see perceptron.ts).
 */
import { featureHash } from './feature-index.js';
import type { ParseState } from './transition-system.js';

/** The words of a sentence as ids; index `n` is ROOT. */
export interface SentenceIds {
  words: Int32Array;
  tags: Int32Array;
  suffixes: Int32Array;
  /** The run-time tagger's tags, when `tags` are the lexical tagger's. */
  inputTags: Int32Array;
  /** Prefix counts of verbs and of punctuation: verbs[i] = verbs among words 0..i-1. */
  verbs: Int32Array;
  puncts: Int32Array;
}

/** Word, tag and label id reserved values. */
export const NONE_ID = 0;
export const ROOT_ID = 1;
export const UNKNOWN_WORD_ID = 2;

export const TEMPLATE_COUNT = 115;

/** 1 for templates that also score labels. */
export const LABEL_TEMPLATES: Uint8Array = (() => {
  const flags = new Uint8Array(TEMPLATE_COUNT);
  // s0/b0/s1 singles and pairs, children labels, valencies, distances: what decides a relation.
  for (const t of [0, 1, 2, 3, 4, 5, 9, 10, 11, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
    32, 33, 34, 39, 40, 41, 42, 44, 47, 50, 53, 55, 57, 59, 62, 64, 68, 70, 74, 76, 78, 80, 82, 85, 86, 92, 93, 94, 95, 96, 97, 98,
    99, 100, 101, 103, 104, 108, 109, 111, 112]) {
    flags[t] = 1;
  }
  return flags;
})();

/** Fills `out` (length TEMPLATE_COUNT) with the feature keys of `state`. */
export function extractFeatures(state: ParseState, ids: SentenceIds, out: Uint32Array): void {
  const { words, tags, suffixes, inputTags } = ids;
  const { stack, depth, b0, n, labels, left1, left2, right1, right2, leftCount, rightCount } = state;
  const s0 = depth > 0 ? stack[depth - 1]! : -1;
  const s1 = depth > 1 ? stack[depth - 2]! : -1;
  const s2 = depth > 2 ? stack[depth - 3]! : -1;
  const b1 = b0 + 1 <= n ? b0 + 1 : -1;
  const b2 = b0 + 2 <= n ? b0 + 2 : -1;
  const s0l = s0 >= 0 ? left1[s0]! : -1;
  const s0l2 = s0 >= 0 ? left2[s0]! : -1;
  const s0r = s0 >= 0 ? right1[s0]! : -1;
  const s0r2 = s0 >= 0 ? right2[s0]! : -1;
  const s1l = s1 >= 0 ? left1[s1]! : -1;
  const s1r = s1 >= 0 ? right1[s1]! : -1;
  const s1r2 = s1 >= 0 ? right2[s1]! : -1;
  const b0l = left1[b0]!;
  const b0l2 = left2[b0]!;

  const s0w = val(words, s0), s0p = val(tags, s0), s1w = val(words, s1), s1p = val(tags, s1), s2p = val(tags, s2);
  const b0w = words[b0]!, b0p = tags[b0]!, b1w = val(words, b1), b1p = val(tags, b1), b2w = val(words, b2), b2p = val(tags, b2);
  const s0lw = val(words, s0l), s0lp = val(tags, s0l), s0ll = lab(labels, s0l);
  const s0rw = val(words, s0r), s0rp = val(tags, s0r), s0rl = lab(labels, s0r);
  const b0lw = val(words, b0l), b0lp = val(tags, b0l), b0ll = lab(labels, b0l);
  const s1rw = val(words, s1r), s1rp = val(tags, s1r), s1rl = lab(labels, s1r);
  const s1lw = val(words, s1l), s1lp = val(tags, s1l), s1ll = lab(labels, s1l);
  const s0l2p = val(tags, s0l2), s0r2p = val(tags, s0r2), b0l2p = val(tags, b0l2), s1r2p = val(tags, s1r2);
  const s0sf = val(suffixes, s0), b0sf = suffixes[b0]!, s1sf = val(suffixes, s1);
  const s0vl = valency(leftCount, s0), s0vr = valency(rightCount, s0), b0vl = valency(leftCount, b0);
  const s1vl = valency(leftCount, s1), s1vr = valency(rightCount, s1);
  const s0sl = labelSet(state.leftLabels, s0), s0sr = labelSet(state.rightLabels, s0);
  const b0sl = labelSet(state.leftLabels, b0), s1sr = labelSet(state.rightLabels, s1);
  const dist = s0 < 0 ? 0 : b0 === n ? 15 : Math.min(b0 - s0, 10);
  const dist2 = s1 < 0 ? 0 : Math.min(s0 - s1, 10);

  const s0d = val(inputTags, s0), s1d = val(inputTags, s1), b0d = inputTags[b0]!, b1d = val(inputTags, b1), b2d = val(inputTags, b2);

  let t = 0;
  // singles (0-17)
  out[t] = featureHash(t++, s0w); out[t] = featureHash(t++, s0p); out[t] = featureHash(t++, s0w, s0p);
  out[t] = featureHash(t++, b0w); out[t] = featureHash(t++, b0p); out[t] = featureHash(t++, b0w, b0p);
  out[t] = featureHash(t++, b1w); out[t] = featureHash(t++, b1p); out[t] = featureHash(t++, b1w, b1p);
  out[t] = featureHash(t++, s1w); out[t] = featureHash(t++, s1p); out[t] = featureHash(t++, s1w, s1p);
  out[t] = featureHash(t++, b2w); out[t] = featureHash(t++, b2p); out[t] = featureHash(t++, b2w, b2p);
  out[t] = featureHash(t++, s0sf); out[t] = featureHash(t++, b0sf); out[t] = featureHash(t++, s1sf);
  // s0-b0 pairs (18-24)
  out[t] = featureHash(t++, s0w, s0p, b0w, b0p); out[t] = featureHash(t++, s0w, s0p, b0w); out[t] = featureHash(t++, s0w, b0w, b0p);
  out[t] = featureHash(t++, s0w, s0p, b0p); out[t] = featureHash(t++, s0p, b0w, b0p); out[t] = featureHash(t++, s0w, b0w);
  out[t] = featureHash(t++, s0p, b0p);
  // s1-s0 pairs (25-31)
  out[t] = featureHash(t++, s1w, s1p, s0w, s0p); out[t] = featureHash(t++, s1w, s1p, s0w); out[t] = featureHash(t++, s1w, s0w, s0p);
  out[t] = featureHash(t++, s1w, s1p, s0p); out[t] = featureHash(t++, s1p, s0w, s0p); out[t] = featureHash(t++, s1w, s0w);
  out[t] = featureHash(t++, s1p, s0p);
  // tag n-grams (32-43)
  out[t] = featureHash(t++, b0p, b1p); out[t] = featureHash(t++, s0p, b0p, b1p); out[t] = featureHash(t++, s1p, s0p, b0p);
  out[t] = featureHash(t++, b0p, b1p, b2p); out[t] = featureHash(t++, s2p, s1p, s0p); out[t] = featureHash(t++, s0p, s0lp, b0p);
  out[t] = featureHash(t++, s0p, s0rp, b0p); out[t] = featureHash(t++, s0p, b0p, b0lp); out[t] = featureHash(t++, s1p, s0p, s0lp);
  out[t] = featureHash(t++, s1p, s0p, s0rp); out[t] = featureHash(t++, s1p, s1rp, s0p); out[t] = featureHash(t++, s0p, b1p, b0sf);
  // distance (44-53)
  out[t] = featureHash(t++, s0w, dist); out[t] = featureHash(t++, s0p, dist); out[t] = featureHash(t++, b0w, dist);
  out[t] = featureHash(t++, b0p, dist); out[t] = featureHash(t++, s0w, b0w, dist); out[t] = featureHash(t++, s0p, b0p, dist);
  out[t] = featureHash(t++, s1p, s0p, dist2); out[t] = featureHash(t++, s1w, dist2); out[t] = featureHash(t++, s0w, dist2);
  out[t] = featureHash(t++, s1w, s0w, dist2);
  // valency (54-63)
  out[t] = featureHash(t++, s0w, s0vr); out[t] = featureHash(t++, s0p, s0vr); out[t] = featureHash(t++, s0w, s0vl);
  out[t] = featureHash(t++, s0p, s0vl); out[t] = featureHash(t++, b0w, b0vl); out[t] = featureHash(t++, b0p, b0vl);
  out[t] = featureHash(t++, s1w, s1vr); out[t] = featureHash(t++, s1p, s1vr); out[t] = featureHash(t++, s1w, s1vl);
  out[t] = featureHash(t++, s1p, s1vl);
  // children (64-84)
  out[t] = featureHash(t++, s0lw); out[t] = featureHash(t++, s0lp); out[t] = featureHash(t++, s0ll);
  out[t] = featureHash(t++, s0rw); out[t] = featureHash(t++, s0rp); out[t] = featureHash(t++, s0rl);
  out[t] = featureHash(t++, b0lw); out[t] = featureHash(t++, b0lp); out[t] = featureHash(t++, b0ll);
  out[t] = featureHash(t++, s1rw); out[t] = featureHash(t++, s1rp); out[t] = featureHash(t++, s1rl);
  out[t] = featureHash(t++, s1lw); out[t] = featureHash(t++, s1lp); out[t] = featureHash(t++, s1ll);
  out[t] = featureHash(t++, val(words, s0l2)); out[t] = featureHash(t++, s0l2p); out[t] = featureHash(t++, lab(labels, s0l2));
  out[t] = featureHash(t++, val(words, s0r2)); out[t] = featureHash(t++, s0r2p); out[t] = featureHash(t++, lab(labels, s0r2));
  // second-order children and chains (85-91)
  out[t] = featureHash(t++, val(words, b0l2)); out[t] = featureHash(t++, b0l2p); out[t] = featureHash(t++, lab(labels, b0l2));
  out[t] = featureHash(t++, s0p, s0lp, s0l2p); out[t] = featureHash(t++, s0p, s0rp, s0r2p); out[t] = featureHash(t++, b0p, b0lp, b0l2p);
  out[t] = featureHash(t++, s1p, s1rp, s1r2p);
  // label sets and label/head combinations (92-98)
  out[t] = featureHash(t++, s0w, s0sl); out[t] = featureHash(t++, s0p, s0sl); out[t] = featureHash(t++, s0p, s0sr);
  out[t] = featureHash(t++, b0p, b0sl); out[t] = featureHash(t++, s1p, s1sr);
  out[t] = featureHash(t++, s0p, s0ll, b0p); out[t] = featureHash(t++, s1p, s1rl, s0p);
  // the run-time tagger's own tags (99-110)
  out[t] = featureHash(t++, s0d); out[t] = featureHash(t++, b0d); out[t] = featureHash(t++, s1d); out[t] = featureHash(t++, b1d);
  out[t] = featureHash(t++, s0d, b0d); out[t] = featureHash(t++, s1d, s0d); out[t] = featureHash(t++, s0d, b0d, b1d);
  out[t] = featureHash(t++, s1d, s0d, b0d); out[t] = featureHash(t++, s0d, s0p); out[t] = featureHash(t++, b0d, b0p);
  out[t] = featureHash(t++, b0d, b1d, b2d); out[t] = featureHash(t++, s0w, b0d);
  // verbs and punctuation between the two words of a candidate arc (111-114)
  const vb = s0 < 0 ? 0 : Math.min(ids.verbs[b0]! - ids.verbs[s0 + 1]!, 3) + 1;
  const pb = s0 < 0 ? 0 : Math.min(ids.puncts[b0]! - ids.puncts[s0 + 1]!, 3) + 1;
  const vb2 = s1 < 0 ? 0 : Math.min(ids.verbs[s0]! - ids.verbs[s1 + 1]!, 3) + 1;
  const pb2 = s1 < 0 ? 0 : Math.min(ids.puncts[s0]! - ids.puncts[s1 + 1]!, 3) + 1;
  out[t] = featureHash(t++, s0p, b0p, vb, pb); out[t] = featureHash(t++, s1p, s0p, vb2, pb2);
  out[t] = featureHash(t++, b0p, vb); out[t] = featureHash(t++, s0w, pb);
}

function val(values: Int32Array, i: number): number {
  return i < 0 ? NONE_ID : values[i]!;
}

function lab(labels: Int32Array, i: number): number {
  return i < 0 ? NONE_ID : labels[i]! + 1;
}

function valency(counts: Int32Array, i: number): number {
  return i < 0 ? 0 : Math.min(counts[i]!, 6) + 1;
}

/** The set of labels of a word's left (or right) children, as a bit set (+1, so 0 means no word). */
function labelSet(sets: Int32Array, i: number): number {
  return i < 0 ? 0 : sets[i]! + 1;
}
