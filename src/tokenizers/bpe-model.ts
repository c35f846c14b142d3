/**
 * @file Encoding one pre-tokenised word with a byte-level BPE model: UTF-8 bytes -> byte-level
 * symbols -> merges applied lowest rank first (leftmost first among equal ranks), as Hugging Face
 * `tokenizers` and tokenizers.js do. Works on integer symbol ids; results are cached per word.
 */
import { BYTE_TO_CHAR } from './byte-level.js';

/** Pair keys are `left * PAIR_BASE + right`; symbol ids stay below it. */
const PAIR_BASE = 1 << 22;

export interface BpeModelSpec {
  /** token -> id of the model (vocab plus added tokens, which win). */
  tokenIds: ReadonlyMap<string, number>;
  /** merges in rank order, each a pair of token strings. */
  merges: ReadonlyArray<readonly [string, string]>;
  /** what an unknown symbol becomes (null: it is dropped, as tokenizers.js does without unk_token). */
  unk: { token: string; id: number } | null;
  /** `ignore_merges`: a word that is itself in the vocab is one token. */
  ignoreMerges: boolean;
  /** token -> final id: where an added token's content differs from the vocab entry. */
  finalId: (token: string) => number;
}

export interface BpeWordEncoder {
  /** Ids of one raw pre-tokenised word (not yet byte-mapped). */
  encodeWord(word: string): readonly number[];
  /** The token strings of one raw word (for `tokenize`). */
  wordTokens(word: string): string[];
}

const MAX_CACHE = 1 << 20;
const SCAN_LIMIT = 48;
const encoder = new TextEncoder();

export function createBpeModel(spec: BpeModelSpec): BpeWordEncoder {
  // symbol table: every string the vocab or the merges mention; strings outside the vocab get virtual ids
  const symbolIds = new Map<string, number>();
  const symbols: string[] = [];
  const symbolOf = (token: string): number => {
    let id = symbolIds.get(token);
    if (id === undefined) {
      id = symbols.length;
      symbols.push(token);
      symbolIds.set(token, id);
    }
    return id;
  };
  for (const token of spec.tokenIds.keys()) symbolOf(token);
  const byteSymbols = new Int32Array(256);
  for (let b = 0; b < 256; b++) byteSymbols[b] = symbolOf(BYTE_TO_CHAR[b]!);
  // merge table: pair -> rank * PAIR_BASE + result symbol (a pair listed twice keeps its first rank)
  const ranks = new Map<number, number>();
  spec.merges.forEach(([left, right], rank) => {
    const key = symbolOf(left) * PAIR_BASE + symbolOf(right);
    if (!ranks.has(key)) ranks.set(key, rank * PAIR_BASE + symbolOf(left + right));
  });
  if (symbols.length >= PAIR_BASE) throw new RangeError(`BPE model: ${symbols.length} symbols exceed the limit of ${PAIR_BASE}`);
  const output = new Int32Array(symbols.length);
  for (let s = 0; s < symbols.length; s++) {
    output[s] = spec.tokenIds.has(symbols[s]!) ? spec.finalId(symbols[s]!) : (spec.unk?.id ?? -1);
  }

  const cache = new Map<string, readonly number[]>();

  function wordSymbols(word: string): Int32Array {
    let syms: Int32Array;
    let ascii = true;
    for (let i = 0; i < word.length; i++) {
      if (word.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      syms = new Int32Array(word.length);
      for (let i = 0; i < word.length; i++) syms[i] = byteSymbols[word.charCodeAt(i)]!;
    } else {
      const bytes = encoder.encode(word);
      syms = new Int32Array(bytes.length);
      for (let i = 0; i < bytes.length; i++) syms[i] = byteSymbols[bytes[i]!]!;
    }
    return syms;
  }

  function mergeSymbols(syms: Int32Array): Int32Array {
    if (syms.length < 2) return syms;
    return syms.length <= SCAN_LIMIT ? mergeByScan(syms, ranks) : mergeByHeap(syms, ranks);
  }

  function encodeWord(word: string): readonly number[] {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    let result: number[];
    const whole = spec.ignoreMerges ? spec.tokenIds.get(byteString(word)) : undefined;
    if (whole !== undefined) {
      result = [spec.finalId(byteString(word))];
    } else {
      const merged = mergeSymbols(wordSymbols(word));
      result = [];
      for (const s of merged) {
        const id = output[s]!;
        if (id >= 0) result.push(id);
      }
    }
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, result);
    return result;
  }

  function wordTokens(word: string): string[] {
    if (spec.ignoreMerges && spec.tokenIds.has(byteString(word))) return [byteString(word)];
    const tokens: string[] = [];
    for (const s of mergeSymbols(wordSymbols(word))) {
      const token = symbols[s]!;
      if (spec.tokenIds.has(token)) tokens.push(token);
      else if (spec.unk !== null) tokens.push(spec.unk.token);
    }
    return tokens;
  }

  return { encodeWord, wordTokens };
}

function byteString(word: string): string {
  let out = '';
  for (const byte of encoder.encode(word)) out += BYTE_TO_CHAR[byte]!;
  return out;
}

/** Short words: repeatedly merge the lowest-ranked adjacent pair, leftmost first. */
function mergeByScan(input: Int32Array, ranks: ReadonlyMap<number, number>): Int32Array {
  const syms = Array.from(input);
  for (;;) {
    let best = Infinity;
    let at = -1;
    for (let i = 0; i + 1 < syms.length; i++) {
      const packed = ranks.get(syms[i]! * PAIR_BASE + syms[i + 1]!);
      if (packed !== undefined && packed < best) {
        best = packed;
        at = i;
      }
    }
    if (at < 0) break;
    syms[at] = best % PAIR_BASE;
    syms.splice(at + 1, 1);
  }
  return Int32Array.from(syms);
}

/**
 * Long words: the same order with a linked list and a binary heap keyed by (rank, position), so a
 * 10,000-byte word costs n log n rather than n².
 */
function mergeByHeap(input: Int32Array, ranks: ReadonlyMap<number, number>): Int32Array {
  const n = input.length;
  const sym = Int32Array.from(input);
  const next = new Int32Array(n);
  const prev = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    next[i] = i + 1 < n ? i + 1 : -1;
    prev[i] = i - 1;
  }
  // heap entries: (rank, position, left symbol, right symbol) to detect stale entries
  const heapRank: number[] = [];
  const heapPos: number[] = [];
  const heapLeft: number[] = [];
  const heapRight: number[] = [];
  const less = (a: number, b: number) => heapRank[a]! < heapRank[b]! || (heapRank[a] === heapRank[b] && heapPos[a]! < heapPos[b]!);
  const swap = (a: number, b: number) => {
    [heapRank[a], heapRank[b]] = [heapRank[b]!, heapRank[a]!];
    [heapPos[a], heapPos[b]] = [heapPos[b]!, heapPos[a]!];
    [heapLeft[a], heapLeft[b]] = [heapLeft[b]!, heapLeft[a]!];
    [heapRight[a], heapRight[b]] = [heapRight[b]!, heapRight[a]!];
  };
  const push = (pos: number) => {
    const right = next[pos]!;
    if (right < 0) return;
    const packed = ranks.get(sym[pos]! * PAIR_BASE + sym[right]!);
    if (packed === undefined) return;
    heapRank.push(Math.floor(packed / PAIR_BASE));
    heapPos.push(pos);
    heapLeft.push(sym[pos]!);
    heapRight.push(sym[right]!);
    let i = heapRank.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(i, parent)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = () => {
    const last = heapRank.length - 1;
    swap(0, last);
    const entry = { pos: heapPos.pop()!, left: heapLeft.pop()!, right: heapRight.pop()! };
    heapRank.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heapRank.length && less(l, m)) m = l;
      if (r < heapRank.length && less(r, m)) m = r;
      if (m === i) break;
      swap(i, m);
      i = m;
    }
    return entry;
  };
  const alive = new Uint8Array(n).fill(1);
  for (let i = 0; i + 1 < n; i++) push(i);
  while (heapRank.length > 0) {
    const { pos, left, right } = pop();
    const r = next[pos]!;
    if (!alive[pos] || r < 0 || sym[pos] !== left || sym[r] !== right) continue;
    sym[pos] = ranks.get(left * PAIR_BASE + right)! % PAIR_BASE;
    alive[r] = 0;
    next[pos] = next[r]!;
    if (next[r]! >= 0) prev[next[r]!] = pos;
    if (prev[pos]! >= 0) push(prev[pos]!);
    push(pos);
  }
  const out: number[] = [];
  for (let i = 0; i >= 0; i = next[i]!) out.push(sym[i]!);
  return Int32Array.from(out);
}
