/*
 * A small seeded pseudo-random generator (sfc32 seeded through splitmix32), so the sample basin is the same
 * bytes on every machine and every run. Math.random() is never used in the sample: it cannot be seeded.
 */

/** A seeded stream of pseudo-random numbers with the helpers the generator needs. */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  range(min: number, max: number): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Standard normal deviate (mean 0, standard deviation 1), by Box-Muller. */
  normal(): number;
  /** True with probability `probability` (0..1). */
  chance(probability: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** A stream derived from this generator's seed and a label only (not from draws made so far), so adding draws in one part of the sample leaves the others unchanged. */
  fork(label: string): Prng;
}

/** Hashes a string to an unsigned 32-bit integer (FNV-1a), to turn labels into seeds. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function splitmix32(state: number): () => number {
  let value = state >>> 0;
  return () => {
    value = (value + 0x9e3779b9) >>> 0;
    let mixed = value;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    return (mixed ^ (mixed >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded generator (sfc32). The same seed gives the same sequence on every platform.
 * @example createPrng(42).next() === createPrng(42).next()
 */
export function createPrng(seed: number): Prng {
  const seeder = splitmix32(seed);
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let d = seeder();
  const nextUint = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t >>> 0;
  };
  for (let warmUp = 0; warmUp < 12; warmUp += 1) nextUint();
  const next = (): number => nextUint() / 4294967296;
  const prng: Prng = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[Math.floor(next() * items.length)] as T;
    },
    fork: (label) => createPrng(Math.imul(seed ^ hashString(label), 0x9e3779b1) >>> 0),
  };
  return prng;
}
