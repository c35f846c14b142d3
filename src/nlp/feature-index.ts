/**
 * @file Feature ids for the parser: an open-addressing hash table (linear probing) from 32-bit
 * feature hashes to dense ids 0, 1, 2, ... Each slot keeps its key and id side by side in one
 * Int32Array, so a lookup usually touches one cache line. Key 0 marks an empty slot, so hashes
 * are never 0 (see `featureHash`). Grows by doubling at 60% load.
 */

export interface FeatureIndex {
  /** Slot s holds the key (as int32) at 2s and the id at 2s + 1. */
  table: Int32Array;
  /** Slots - 1 (slots are a power of two). */
  mask: number;
  count: number;
}

export function createFeatureIndex(slots = 1 << 16): FeatureIndex {
  return { table: new Int32Array(slots * 2), mask: slots - 1, count: 0 };
}

/** The id of `key`, or -1. */
export function lookupFeature(index: FeatureIndex, key: number): number {
  const { table, mask } = index;
  const k = key | 0;
  let slot = mix(k) & mask;
  for (;;) {
    const found = table[slot << 1]!;
    if (found === k) return table[(slot << 1) + 1]!;
    if (found === 0) return -1;
    slot = (slot + 1) & mask;
  }
}

/** The id of `key`, adding it (with the next id) when absent. */
export function internFeature(index: FeatureIndex, key: number): number {
  const k = key | 0;
  let slot = mix(k) & index.mask;
  for (;;) {
    const found = index.table[slot << 1]!;
    if (found === k) return index.table[(slot << 1) + 1]!;
    if (found === 0) break;
    slot = (slot + 1) & index.mask;
  }
  const id = index.count;
  index.table[slot << 1] = k;
  index.table[(slot << 1) + 1] = id;
  index.count += 1;
  if (index.count * 5 > (index.mask + 1) * 3) rehash(index, (index.mask + 1) * 2);
  return id;
}

/** Builds an index whose key `keys[i]` has id `i`. */
export function featureIndexFromKeys(keys: Uint32Array): FeatureIndex {
  let slots = 1 << 16;
  while (keys.length * 5 > slots * 3) slots *= 2;
  const index = createFeatureIndex(slots);
  for (let i = 0; i < keys.length; i += 1) place(index, keys[i]! | 0, i);
  index.count = keys.length;
  return index;
}

/** Keys in id order. */
export function featureKeys(index: FeatureIndex): Uint32Array {
  const out = new Uint32Array(index.count);
  const { table } = index;
  for (let slot = 0; slot <= index.mask; slot += 1) {
    const key = table[slot << 1]!;
    if (key !== 0) out[table[(slot << 1) + 1]!] = key >>> 0;
  }
  return out;
}

function place(index: FeatureIndex, key: number, id: number): void {
  let slot = mix(key) & index.mask;
  while (index.table[slot << 1] !== 0) slot = (slot + 1) & index.mask;
  index.table[slot << 1] = key;
  index.table[(slot << 1) + 1] = id;
}

function rehash(index: FeatureIndex, slots: number): void {
  const old = index.table;
  index.table = new Int32Array(slots * 2);
  index.mask = slots - 1;
  for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) place(index, old[i]!, old[i + 1]!);
}

/** Scrambles a key into a slot (keys are already hashes, but linear probing wants good low bits). */
function mix(key: number): number {
  const h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** Hashes a template id and up to four small integer values into a non-zero 32-bit key. */
export function featureHash(template: number, a: number, b = 0, c = 0, d = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ c, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h ^ d, 0x165667b1);
  h ^= h >>> 16;
  return h === 0 ? 1 : h >>> 0;
}
