/**
 * @file lmkg's lexical tagger: an averaged-perceptron UPOS tagger (greedy, left to right; after
 * Collins 2002 and Honnibal's "A good part-of-speech tagger in about 200 lines of Python", 2013)
 * trained on EWT, whose input includes the run-time tagger's (wink's) tags. It re-reads wink's tags
 * with what EWT taught it (words, suffixes, shapes, context), so the parser's features see past
 * wink's slips ("Ford/VERB"). It is part of the parser: its tags are parser features only; the
 * tokens' `upos` stay wink's, and evaluation still feeds the parser wink's tags and nothing else.
 */
import { createFeatureIndex, featureHash, internFeature, lookupFeature, type FeatureIndex } from './feature-index.js';
import { UPOS_TAGS } from './conllu.js';

export const TAGGER_TEMPLATES = 31;
const CLASSES = UPOS_TAGS.length;
const TAG_INDEX = new Map<string, number>(UPOS_TAGS.map((tag, i) => [tag, i]));

/** Trained tagger weights: feature index and CSR rows over the 17 UPOS classes. */
export interface LexicalTagger {
  index: FeatureIndex;
  start: Int32Array;
  col: Uint8Array;
  value: Float32Array;
}

export interface TaggerSentence {
  forms: readonly string[];
  /** The run-time tagger's tags (input). */
  inputTags: readonly string[];
  /** Gold UPOS (training only). */
  goldTags?: readonly string[];
}

/** Per-token string hashes, computed once per sentence. */
interface TokenHashes {
  word: Int32Array;
  suffix: Int32Array;
  suffix2: Int32Array;
  suffix4: Int32Array;
  prefix: Int32Array;
  prefix3: Int32Array;
  shape: Int32Array;
  input: Int32Array;
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

function shapeOf(form: string): string {
  let shape = '';
  for (const ch of form.slice(0, 12)) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (!shape.endsWith(c) || shape.length < 2 || shape.at(-2) !== c) shape += c; // at most two in a row
  }
  return shape;
}

function hashes(sentence: TaggerSentence): TokenHashes {
  const n = sentence.forms.length;
  const out: TokenHashes = {
    word: new Int32Array(n), suffix: new Int32Array(n), suffix2: new Int32Array(n), suffix4: new Int32Array(n),
    prefix: new Int32Array(n), prefix3: new Int32Array(n),
    shape: new Int32Array(n), input: new Int32Array(n),
  };
  for (let i = 0; i < n; i += 1) {
    const form = sentence.forms[i]!;
    const lower = form.toLowerCase().replace(/[0-9]/g, '0');
    out.word[i] = hashString(lower);
    out.suffix[i] = hashString(lower.slice(-3));
    out.suffix2[i] = hashString(lower.slice(-2));
    out.prefix[i] = hashString(lower.slice(0, 1));
    out.suffix4[i] = hashString(lower.slice(-4));
    out.prefix3[i] = hashString(lower.slice(0, 3));
    out.shape[i] = hashString(shapeOf(form));
    out.input[i] = (TAG_INDEX.get(sentence.inputTags[i]!) ?? CLASSES) + 1;
  }
  return out;
}

const START = 0x7f000001;
const END = 0x7f000002;

function features(h: TokenHashes, i: number, prev: number, prev2: number, out: Uint32Array): void {
  const n = h.word.length;
  const w = h.word[i]!;
  const wm1 = i > 0 ? h.word[i - 1]! : START;
  const wm2 = i > 1 ? h.word[i - 2]! : START;
  const wp1 = i + 1 < n ? h.word[i + 1]! : END;
  const wp2 = i + 2 < n ? h.word[i + 2]! : END;
  const sm1 = i > 0 ? h.suffix[i - 1]! : START;
  const sp1 = i + 1 < n ? h.suffix[i + 1]! : END;
  const im1 = i > 0 ? h.input[i - 1]! : 0;
  const ip1 = i + 1 < n ? h.input[i + 1]! : 0;
  const input = h.input[i]!;
  let t = 0;
  out[t] = featureHash(t++, 1); out[t] = featureHash(t++, w); out[t] = featureHash(t++, h.suffix[i]!);
  out[t] = featureHash(t++, h.prefix[i]!); out[t] = featureHash(t++, h.shape[i]!); out[t] = featureHash(t++, prev);
  out[t] = featureHash(t++, prev2); out[t] = featureHash(t++, prev, prev2); out[t] = featureHash(t++, prev, w);
  out[t] = featureHash(t++, wm1); out[t] = featureHash(t++, sm1); out[t] = featureHash(t++, wm2);
  out[t] = featureHash(t++, wp1); out[t] = featureHash(t++, sp1); out[t] = featureHash(t++, wp2);
  out[t] = featureHash(t++, input); out[t] = featureHash(t++, input, w); out[t] = featureHash(t++, im1, input, ip1);
  out[t] = featureHash(t++, input, h.suffix[i]!, h.shape[i]!); out[t] = featureHash(t++, h.suffix2[i]!, i === 0 ? 1 : 0);
  out[t] = featureHash(t++, h.suffix4[i]!); out[t] = featureHash(t++, h.prefix3[i]!); out[t] = featureHash(t++, wm1, w);
  out[t] = featureHash(t++, w, wp1); out[t] = featureHash(t++, i > 1 ? h.input[i - 2]! : 0, i + 2 < n ? h.input[i + 2]! : 0, input);
  out[t] = featureHash(t++, i + 1 < n ? h.shape[i + 1]! : END); out[t] = featureHash(t++, prev, input);
  out[t] = featureHash(t++, prev, wm1); out[t] = featureHash(t++, input, ip1, w); out[t] = featureHash(t++, im1, input, w);
  out[t] = featureHash(t++, h.suffix[i]!, wp1);
}

/** Tags a sentence (greedy); returns UPOS tags. */
export function runLexicalTagger(tagger: LexicalTagger, sentence: TaggerSentence): string[] {
  const h = hashes(sentence);
  const keys = new Uint32Array(TAGGER_TEMPLATES);
  const scores = new Float64Array(CLASSES);
  const tags: string[] = new Array(sentence.forms.length);
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < sentence.forms.length; i += 1) {
    features(h, i, prev, prev2, keys);
    scores.fill(0);
    for (let t = 0; t < TAGGER_TEMPLATES; t += 1) {
      const id = lookupFeature(tagger.index, keys[t]!);
      if (id < 0) continue;
      for (let k = tagger.start[id]!, end = tagger.start[id + 1]!; k < end; k += 1) {
        const c = tagger.col[k]!;
        scores[c] = scores[c]! + tagger.value[k]!;
      }
    }
    const best = argmax(scores);
    tags[i] = UPOS_TAGS[best]!;
    prev2 = prev;
    prev = best + 1;
  }
  return tags;
}

function argmax(scores: Float64Array): number {
  let best = 0;
  for (let c = 1; c < scores.length; c += 1) if (scores[c]! > scores[best]!) best = c;
  return best;
}

/** Trains the tagger on sentences with gold tags (averaged perceptron, `epochs` shuffled passes). */
export function trainLexicalTagger(sentences: readonly TaggerSentence[], epochs: number, random: () => number): LexicalTagger {
  const index = createFeatureIndex(1 << 16);
  let w = new Float32Array((1 << 12) * CLASSES);
  let u = new Float64Array(w.length);
  let clock = 1;
  const keys = new Uint32Array(TAGGER_TEMPLATES);
  const ids = new Int32Array(TAGGER_TEMPLATES);
  const scores = new Float64Array(CLASSES);
  const prepared = sentences.map((s) => ({ h: hashes(s), gold: s.goldTags!.map((tag) => TAG_INDEX.get(tag) ?? TAG_INDEX.get('X')!) }));
  const order = prepared.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const s of order) {
      const { h, gold } = prepared[s]!;
      let prev = 0;
      let prev2 = 0;
      for (let i = 0; i < gold.length; i += 1) {
        features(h, i, prev, prev2, keys);
        scores.fill(0);
        for (let t = 0; t < TAGGER_TEMPLATES; t += 1) {
          const id = lookupFeature(index, keys[t]!);
          ids[t] = id;
          if (id < 0) continue;
          const base = id * CLASSES;
          for (let c = 0; c < CLASSES; c += 1) scores[c] = scores[c]! + w[base + c]!;
        }
        const guess = argmax(scores);
        const truth = gold[i]!;
        if (guess !== truth) {
          for (let t = 0; t < TAGGER_TEMPLATES; t += 1) {
            const id = internFeature(index, keys[t]!);
            if ((id + 1) * CLASSES > w.length) {
              const bigger = new Float32Array(w.length * 2);
              bigger.set(w);
              w = bigger;
              const biggerU = new Float64Array(u.length * 2);
              biggerU.set(u);
              u = biggerU;
            }
            const base = id * CLASSES;
            w[base + truth] = w[base + truth]! + 1;
            u[base + truth] = u[base + truth]! + clock;
            w[base + guess] = w[base + guess]! - 1;
            u[base + guess] = u[base + guess]! - clock;
          }
        }
        clock += 1;
        prev2 = prev;
        prev = guess + 1; // train on its own previous guesses, as it will run
      }
    }
  }
  return finalize(index, w, u, clock);
}

function finalize(index: FeatureIndex, w: Float32Array, u: Float64Array, clock: number): LexicalTagger {
  const start = new Int32Array(index.count + 1);
  const col: number[] = [];
  const value: number[] = [];
  // Ids are dense 0..count-1 in the index, so rows keep their ids.
  for (let id = 0; id < index.count; id += 1) {
    start[id] = col.length;
    for (let c = 0; c < CLASSES; c += 1) {
      const average = w[id * CLASSES + c]! - u[id * CLASSES + c]! / clock;
      if (Math.abs(average) >= 1e-3) {
        col.push(c);
        value.push(average);
      }
    }
  }
  start[index.count] = col.length;
  return { index, start, col: Uint8Array.from(col), value: Float32Array.from(value) };
}
