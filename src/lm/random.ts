/**
 * @file A small seeded random generator (xoshiro128**, seeded through splitmix32) with normal
 * draws (Box-Muller). Its state can be saved and restored, so runs that use it are repeatable.
 */

export interface SeededRandom {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** A standard normal draw. */
  nextNormal(): number;
  /** The full state, for checkpoints. */
  state(): RandomState;
}

export interface RandomState {
  s: [number, number, number, number];
  /** The second Box-Muller value, waiting to be used. */
  spare: number | null;
}

/** A generator from a seed (any safe integer) or from a saved state. */
export function createRandom(seed: number | RandomState): SeededRandom {
  let s: [number, number, number, number];
  let spare: number | null = null;
  if (typeof seed === 'number') {
    let x = (seed >>> 0) ^ Math.floor(seed / 2 ** 32);
    const next = (): number => {
      // splitmix32
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    s = [next(), next(), next(), next()];
  } else {
    s = [...seed.s];
    spare = seed.spare;
  }
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const nextFloat = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  return {
    nextUint32,
    nextFloat,
    nextNormal() {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return value;
      }
      let u = 0;
      while (u === 0) u = nextFloat();
      const v = nextFloat();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    state: () => ({ s: [s[0] >>> 0, s[1] >>> 0, s[2] >>> 0, s[3] >>> 0], spare }),
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
