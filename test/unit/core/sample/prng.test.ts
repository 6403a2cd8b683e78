import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../../src/sample/prng';

describe('createPrng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createPrng(7);
    const b = createPrng(7);
    expect(Array.from({ length: 50 }, () => a.next())).toEqual(Array.from({ length: 50 }, () => b.next()));
  });

  it('gives different sequences for different seeds', () => {
    const a = createPrng(7);
    const b = createPrng(8);
    expect(Array.from({ length: 5 }, () => a.next())).not.toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('stays in [0, 1) with a mean near one half', () => {
    const prng = createPrng(1);
    const values = Array.from({ length: 10_000 }, () => prng.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBeCloseTo(0.5, 1);
  });

  it('draws integers within both inclusive bounds', () => {
    const prng = createPrng(3);
    const seen = new Set(Array.from({ length: 500 }, () => prng.int(2, 4)));
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });

  it('forks a stream that does not depend on draws made before the fork', () => {
    const fresh = createPrng(11).fork('events');
    const used = createPrng(11);
    for (let index = 0; index < 100; index += 1) used.next();
    expect(used.fork('events').next()).toBe(fresh.next());
  });
});
