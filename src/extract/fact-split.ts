/**
 * @file A reproducible split of facts into a development part and a held-out part, so that
 * extractor rules written while reading the development sentences are measured on sentences their
 * author never read (the slot extractor, `svo-slot.ts`, was developed this way).
 *
 * Rules:
 * - The unit is the *fact* (its id), never the sentence: the sentences of one fact often repeat
 *   each other, so splitting sentences would leak a fact's wording into both parts.
 * - A fact's part depends only on the seed and its id: sha256 of `<seed>\u0000<fact id>`, its first
 *   four bytes read as an unsigned integer u; held-out when u / 2^32 < heldOutShare. Adding or
 *   removing other facts, or reading them in another order, never moves a fact.
 *
 * @example
 * factSplit('/m/0f1x9c'); // 'development' or 'held-out', the same on every machine
 */
import { createHash } from 'node:crypto';
import { InvalidOptionError } from '../errors.js';
import { FACT_SPLIT_DEFAULTS } from './defaults.js';

export type FactPart = 'development' | 'held-out';

export interface FactSplitOptions {
  /** Any integer; another seed gives another split. */
  seed?: number;
  /** Share of facts held out, in [0, 1]. */
  heldOutShare?: number;
}

/** The part a fact belongs to (see the file comment). Throws InvalidOptionError for a bad share or seed. */
export function factSplit(factId: string, options: FactSplitOptions = {}): FactPart {
  const seed = options.seed ?? FACT_SPLIT_DEFAULTS.seed;
  const share = options.heldOutShare ?? FACT_SPLIT_DEFAULTS.heldOutShare;
  if (!Number.isSafeInteger(seed)) throw new InvalidOptionError(`factSplit: seed must be an integer, got ${String(seed)}`);
  if (!(share >= 0 && share <= 1)) throw new InvalidOptionError(`factSplit: heldOutShare must be in [0, 1], got ${String(share)}`);
  return factHashUnit(factId, seed) < share ? 'held-out' : 'development';
}

/** The fact's position in [0, 1): the first four bytes of sha256(seed NUL fact id) over 2^32. */
export function factHashUnit(factId: string, seed: number): number {
  const digest = createHash('sha256').update(`${seed}\u0000${factId}`, 'utf8').digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}
