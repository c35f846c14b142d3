/**
 * @file The BPE merge learner shared by both trainers (byte-level BPE and WordPiece), following the
 * Hugging Face `tokenizers` BpeTrainer: repeatedly merge the most frequent adjacent pair (ties: the
 * pair with the smaller ids), counting pairs over unique words weighted by their frequency, until
 * the vocabulary is full or the best pair is rarer than `minFrequency`.
 *
 * Pair counts are kept up to date incrementally: each pair has an index of the positions where it
 * occurs, a merge visits only those positions and adjusts the counts of the pairs around them, and
 * an indexed binary heap keeps the pairs ordered. No step rescans the corpus.
 */

const PAIR_BASE = 1 << 22;
/** Largest number of symbols the learner supports (pair keys are left * 2^22 + right). */
export const MAX_SYMBOLS = PAIR_BASE - 1;

export interface LearnMergesInput {
  /** Initial vocabulary (specials, alphabet, continuation forms), index = id. */
  vocab: string[];
  /** Symbols of every unique word, concatenated. */
  symbols: Int32Array;
  /** Start offset of each word in `symbols`, plus the total length at the end. */
  wordStarts: Int32Array;
  /** Frequency of each word. */
  wordCounts: Int32Array | Float64Array;
  vocabSize: number;
  minFrequency: number;
  /** WordPiece: the prefix of continuation symbols, dropped from the right part of a merge ("h" + "##e" -> "he"). */
  continuingPrefix?: string;
  onProgress?: (vocab: number, bestCount: number) => void;
  /** Merges between two progress calls. */
  progressEvery?: number;
}

export interface LearnMergesResult {
  /** Final vocabulary, index = id. */
  vocab: string[];
  /** Merges in the order learned, as pairs of ids into `vocab`. */
  merges: Array<[number, number]>;
}

export function learnMerges(input: LearnMergesInput): LearnMergesResult {
  const vocab = input.vocab.slice();
  const ids = new Map<string, number>();
  vocab.forEach((token, id) => ids.set(token, id));
  const prefix = input.continuingPrefix ?? '';
  const { symbols: sym, wordStarts } = input;
  const n = sym.length;

  // doubly linked symbols inside each word; weight = frequency of the word a position belongs to
  const next = new Int32Array(n);
  const prev = new Int32Array(n);
  const weight = new Float64Array(n);
  for (let w = 0; w + 1 < wordStarts.length; w++) {
    const start = wordStarts[w]!;
    const end = wordStarts[w + 1]!;
    const count = input.wordCounts[w]!;
    for (let p = start; p < end; p++) {
      prev[p] = p > start ? p - 1 : -1;
      next[p] = p + 1 < end ? p + 1 : -1;
      weight[p] = count;
    }
  }

  const pairs = new PairTable();
  for (let p = 0; p < n; p++) {
    const q = next[p]!;
    if (q >= 0) pairs.add(sym[p]!, sym[q]!, weight[p]!, p);
  }
  const heap = new PairHeap(pairs);
  for (let pair = 0; pair < pairs.size; pair++) heap.update(pair);

  const merges: Array<[number, number]> = [];
  const progressEvery = input.progressEvery ?? 500;
  let lastCount = 0;
  while (vocab.length < input.vocabSize && heap.size > 0) {
    const best = heap.top();
    const count = pairs.count[best]!;
    if (count < 1 || count < input.minFrequency) break;
    const a = pairs.left[best]!;
    const b = pairs.right[best]!;
    let right = vocab[b]!;
    if (prefix && right.startsWith(prefix)) right = right.slice(prefix.length);
    const merged = vocab[a]! + right;
    let z = ids.get(merged);
    if (z === undefined) {
      z = vocab.length;
      if (z > MAX_SYMBOLS) throw new RangeError(`learnMerges: more than ${MAX_SYMBOLS} symbols`);
      vocab.push(merged);
      ids.set(merged, z);
    }
    merges.push([a, b]);

    const positions = pairs.takePositions(best);
    // overlapping occurrences (a == b, as in "a a a") must be merged left to right
    if (a === b) positions.sort((x, y) => x - y);
    pairs.startStep();
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i]!;
      if (sym[p] !== a) continue;
      const q = next[p]!;
      if (q < 0 || sym[q] !== b) continue;
      const w = weight[p]!;
      const l = prev[p]!;
      const r = next[q]!;
      if (l >= 0) {
        pairs.add(sym[l]!, a, -w, -1);
        pairs.add(sym[l]!, z, w, l);
      }
      if (r >= 0) {
        pairs.add(b, sym[r]!, -w, -1);
        pairs.add(z, sym[r]!, w, p);
      }
      sym[p] = z;
      sym[q] = -1;
      next[p] = r;
      if (r >= 0) prev[r] = p;
    }
    pairs.count[best] = 0;
    heap.update(best);
    for (const pair of pairs.touched) heap.update(pair);
    lastCount = count;
    if (input.onProgress && merges.length % progressEvery === 0) input.onProgress(vocab.length, count);
  }
  input.onProgress?.(vocab.length, lastCount);
  return { vocab, merges };
}

/** Pairs by index: their symbols, exact counts and occurrence positions (possibly stale, checked on use). */
class PairTable {
  size = 0;
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  key = new Float64Array(1024);
  count = new Float64Array(1024);
  positions: Array<number[] | null> = [];
  touched: number[] = [];
  private readonly index = new Map<number, number>();
  private stamp = new Int32Array(1024);
  private step = 0;

  startStep(): void {
    this.step++;
    this.touched = [];
  }

  /** Adds `delta` to the count of (a, b); records `position` when >= 0. */
  add(a: number, b: number, delta: number, position: number): void {
    const key = a * PAIR_BASE + b;
    let pair = this.index.get(key);
    if (pair === undefined) {
      pair = this.size++;
      if (pair >= this.left.length) this.grow();
      this.index.set(key, pair);
      this.left[pair] = a;
      this.right[pair] = b;
      this.key[pair] = key;
      this.positions.push([]);
    }
    this.count[pair]! += delta;
    if (position >= 0) (this.positions[pair] ??= []).push(position);
    if (this.stamp[pair] !== this.step) {
      this.stamp[pair] = this.step;
      this.touched.push(pair);
    }
  }

  takePositions(pair: number): number[] {
    const positions = this.positions[pair] ?? [];
    this.positions[pair] = null;
    return positions;
  }

  private grow(): void {
    const size = this.left.length * 2;
    const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const bigger = make(size);
      bigger.set(old);
      return bigger;
    };
    this.left = grow(this.left, (s) => new Int32Array(s));
    this.right = grow(this.right, (s) => new Int32Array(s));
    this.key = grow(this.key, (s) => new Float64Array(s));
    this.count = grow(this.count, (s) => new Float64Array(s));
    this.stamp = grow(this.stamp, (s) => new Int32Array(s));
  }
}

/**
 * Indexed max-heap of pairs with a positive count: highest count first, then the smallest (left, right).
 * It orders by its own copy of each pair's count, refreshed by `update`: several counts change in one
 * merge step, and comparing against live counts of pairs not yet updated would break the heap.
 */
class PairHeap {
  size = 0;
  private heap = new Int32Array(1024);
  private where = new Int32Array(1024).fill(-1);
  private keyCount = new Float64Array(1024);
  constructor(private readonly pairs: PairTable) {}

  top(): number {
    return this.heap[0]!;
  }

  /** Puts a pair where its current count belongs (inserts, moves, or removes it at count 0). */
  update(pair: number): void {
    if (pair >= this.where.length) {
      const length = Math.max(pair + 1, this.where.length * 2);
      const where = new Int32Array(length).fill(-1);
      where.set(this.where);
      this.where = where;
      const keyCount = new Float64Array(length);
      keyCount.set(this.keyCount);
      this.keyCount = keyCount;
    }
    const at = this.where[pair]!;
    const count = this.pairs.count[pair]!;
    if (at < 0) {
      if (count <= 0) return;
      if (this.size >= this.heap.length) {
        const bigger = new Int32Array(this.heap.length * 2);
        bigger.set(this.heap);
        this.heap = bigger;
      }
      this.keyCount[pair] = count;
      this.place(pair, this.size++);
      this.siftUp(this.size - 1);
      return;
    }
    if (count <= 0) {
      const last = this.heap[--this.size]!;
      this.where[pair] = -1;
      if (at === this.size) return;
      this.place(last, at);
      this.siftUp(at);
      this.siftDown(this.where[last]!);
      return;
    }
    this.keyCount[pair] = count;
    this.siftUp(at);
    this.siftDown(this.where[pair]!);
  }

  private before(x: number, y: number): boolean {
    const cx = this.keyCount[x]!;
    const cy = this.keyCount[y]!;
    return cx > cy || (cx === cy && this.pairs.key[x]! < this.pairs.key[y]!);
  }

  private place(pair: number, at: number): void {
    this.heap[at] = pair;
    this.where[pair] = at;
  }

  private siftUp(at: number): void {
    const pair = this.heap[at]!;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = this.heap[parentAt]!;
      if (!this.before(pair, parent)) break;
      this.place(parent, at);
      at = parentAt;
    }
    this.place(pair, at);
  }

  private siftDown(at: number): void {
    const pair = this.heap[at]!;
    for (;;) {
      const l = 2 * at + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const child = r < this.size && this.before(this.heap[r]!, this.heap[l]!) ? r : l;
      if (!this.before(this.heap[child]!, pair)) break;
      this.place(this.heap[child]!, at);
      at = child;
    }
    this.place(pair, at);
  }
}
