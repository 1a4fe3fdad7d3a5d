import { describe, expect, it } from 'vitest';
import { InvariantError } from './assert';
import { createRng, sfc32 } from './rng';

describe('sfc32', () => {
  it('matches an independent transcript of PractRand sfc32 (tmp = a + b + counter++)', () => {
    const rng = sfc32(1, 2, 3, 4);
    expect(Array.from({ length: 5 }, () => rng.nextUint32())).toEqual([7, 34, 56623200, 188882296, 3431242869]);
  });
});

describe('createRng', () => {
  it('gives golden values for a fixed seed and stream', () => {
    const draw = () => createRng(42, 'producer:checkout');
    const u32 = draw();
    expect(Array.from({ length: 6 }, () => u32.nextUint32())).toEqual([750147113, 923229308, 1467357153, 2730810134, 2019479329, 220601643]);
    const floats = draw();
    expect(Array.from({ length: 3 }, () => floats.nextFloat())).toEqual([0.17465723466095373, 0.3416457149074694, 0.4701966721666069]);
    const ints = draw();
    expect(Array.from({ length: 10 }, () => ints.nextInt(10))).toEqual([3, 8, 3, 4, 9, 3, 4, 2, 0, 6]);
  });

  it('keeps every bit of the seed, including negative and > 2^32 seeds', () => {
    expect([createRng(-5, 'x').nextUint32(), createRng(2 ** 40 + 3, 'x').nextUint32(), createRng(3, 'x').nextUint32()]).toEqual([3708110130, 556010280, 2423518204]);
  });

  it('repeats a stream exactly for the same seed and name', () => {
    const a = createRng(7, 'group:billing:c-0');
    const b = createRng(7, 'group:billing:c-0');
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('gives different streams for different names or seeds', () => {
    const first = (seed: number, name: string) => {
      const rng = createRng(seed, name);
      return Array.from({ length: 4 }, () => rng.nextUint32()).join(',');
    };
    const streams = new Set<string>();
    for (const name of ['producer:checkout', 'producer:checkouT', 'group:billing:c-0', 'group:billing:c-1', '', 'a', 'b']) {
      for (const seed of [0, 1, 2, -1, 2 ** 32]) streams.add(first(seed, name));
    }
    expect(streams.size).toBe(35);
  });

  it('does not let one stream perturb another', () => {
    const producer = createRng(9, 'producer:p');
    const before = Array.from({ length: 5 }, () => producer.nextUint32());
    const consumer = createRng(9, 'group:g:c-3');
    for (let i = 0; i < 100; i++) consumer.nextFloat();
    const again = createRng(9, 'producer:p');
    expect(Array.from({ length: 5 }, () => again.nextUint32())).toEqual(before);
  });

  it('nextFloat stays in [0, 1) and nextInt in [0, n)', () => {
    const rng = createRng(1, 'bounds');
    for (let i = 0; i < 10000; i++) {
      const u = rng.nextFloat();
      expect(u >= 0 && u < 1).toBe(true);
    }
    for (const n of [1, 2, 3, 7, 1000, 2 ** 31 + 1, 2 ** 32]) {
      for (let i = 0; i < 200; i++) {
        const k = rng.nextInt(n);
        expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
      }
    }
    expect(rng.nextInt(1)).toBe(0);
  });

  it('nextInt reaches both ends and is unbiased where modulo would not be', () => {
    const rng = createRng(3, 'bias');
    // n = 3·2^30: plain x % n would put half of all draws below 2^30 instead of a third.
    const n = 3 * 2 ** 30;
    let low = 0;
    const draws = 60000;
    for (let i = 0; i < draws; i++) if (rng.nextInt(n) < 2 ** 30) low++;
    expect(Math.abs(low / draws - 1 / 3)).toBeLessThan(0.01);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.nextInt(5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('nextInt is uniform (chi-square over 10 bins, 100000 draws)', () => {
    const rng = createRng(2024, 'chi');
    const bins = new Array<number>(10).fill(0);
    const draws = 100000;
    for (let i = 0; i < draws; i++) bins[rng.nextInt(10)]!++;
    const expected = draws / 10;
    const chiSquare = bins.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // 27.88 is the 0.999 quantile of chi-square with 9 degrees of freedom.
    expect(chiSquare).toBeLessThan(27.88);
  });

  it('nextFloat is uniform (chi-square over 20 bins) with mean 1/2', () => {
    const rng = createRng(2024, 'chi-float');
    const bins = new Array<number>(20).fill(0);
    const draws = 100000;
    let sum = 0;
    for (let i = 0; i < draws; i++) {
      const u = rng.nextFloat();
      sum += u;
      bins[Math.floor(u * 20)]!++;
    }
    const expected = draws / 20;
    const chiSquare = bins.reduce((acc, observed) => acc + (observed - expected) ** 2 / expected, 0);
    // 43.82 is the 0.999 quantile of chi-square with 19 degrees of freedom.
    expect(chiSquare).toBeLessThan(43.82);
    expect(Math.abs(sum / draws - 0.5)).toBeLessThan(0.005);
  });

  it('rejects bad seeds and bounds', () => {
    expect(() => createRng(1.5, 'x')).toThrow(InvariantError);
    expect(() => createRng(2 ** 53, 'x')).toThrow(InvariantError);
    const rng = createRng(1, 'x');
    for (const n of [0, -1, 2.5, 2 ** 32 + 1, Number.NaN]) expect(() => rng.nextInt(n)).toThrow(InvariantError);
  });
});
