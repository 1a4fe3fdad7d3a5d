import { describe, expect, it } from 'vitest';
import type { Distribution } from './distributions';
import { makeSampler, meanMs } from './distributions';
import { createRng } from './rng';

function moments(d: Distribution, draws: number): { mean: number; variance: number; min: number } {
  const sample = makeSampler(d, createRng(11, `moments:${d.dist}`));
  let sum = 0;
  let sumSquares = 0;
  let min = Infinity;
  for (let i = 0; i < draws; i++) {
    const x = sample();
    sum += x;
    sumSquares += x * x;
    if (x < min) min = x;
  }
  const mean = sum / draws;
  return { mean, variance: sumSquares / draws - mean * mean, min };
}

describe('makeSampler', () => {
  it('gives golden values for seed 7, stream "golden"', () => {
    const first4 = (d: Distribution) => {
      const sample = makeSampler(d, createRng(7, 'golden'));
      return Array.from({ length: 4 }, () => sample());
    };
    expect(first4({ dist: 'constant', value: 2.5 })).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(first4({ dist: 'exponential', mean: 4 })).toEqual([4.706683051077928, 5.542612182820194, 7.917789446624819, 3.7391915802552487]);
    expect(first4({ dist: 'uniform', min: 1, max: 3 })).toEqual([2.383393105559204, 2.4996792394492298, 2.7237088784935652, 2.214669565817559]);
    expect(first4({ dist: 'lognormal', mean: 10, stddev: 5 })).toEqual([8.937742832363888, 4.333402737799523, 4.292551683451289, 4.973445750036097]);
  });

  // 1e5 draws: tolerances are several standard errors wide, and the seed is fixed.
  it('exponential has mean m and variance m^2', () => {
    const { mean, variance, min } = moments({ dist: 'exponential', mean: 4 }, 100000);
    expect(mean).toBeCloseTo(4, 1);
    expect(variance / 16).toBeGreaterThan(0.95);
    expect(variance / 16).toBeLessThan(1.05);
    expect(min).toBeGreaterThanOrEqual(0);
  });

  it('uniform has mean (a+b)/2 and variance (b-a)^2/12, within [a, b)', () => {
    const { mean, variance, min } = moments({ dist: 'uniform', min: 2, max: 8 }, 100000);
    expect(mean).toBeCloseTo(5, 1);
    expect(variance).toBeCloseTo(3, 1);
    expect(min).toBeGreaterThanOrEqual(2);
  });

  it('lognormal has the mean and standard deviation asked for', () => {
    const { mean, variance, min } = moments({ dist: 'lognormal', mean: 10, stddev: 5 }, 100000);
    expect(Math.abs(mean - 10)).toBeLessThan(0.1);
    expect(Math.abs(Math.sqrt(variance) - 5)).toBeLessThan(0.15);
    expect(min).toBeGreaterThan(0);
  });

  it('lognormal with stddev 0 is the constant mean', () => {
    const sample = makeSampler({ dist: 'lognormal', mean: 3, stddev: 0 }, createRng(1, 'x'));
    for (let i = 0; i < 5; i++) expect(sample()).toBeCloseTo(3, 12);
  });

  it('constant and exponential with mean 0 give exactly +0', () => {
    const rng = createRng(1, 'zero');
    expect(Object.is(makeSampler({ dist: 'exponential', mean: 0 }, rng)(), 0)).toBe(true);
    expect(makeSampler({ dist: 'constant', value: 0 }, rng)()).toBe(0);
  });

  it('rejects out-of-range parameters, naming the field', () => {
    const rng = createRng(1, 'bad');
    expect(() => makeSampler({ dist: 'constant', value: -1 }, rng)).toThrow(/constant.value/);
    expect(() => makeSampler({ dist: 'exponential', mean: Number.NaN }, rng)).toThrow(/exponential.mean/);
    expect(() => makeSampler({ dist: 'uniform', min: 5, max: 4 }, rng)).toThrow(/uniform.max/);
    expect(() => makeSampler({ dist: 'lognormal', mean: 0, stddev: 1 }, rng)).toThrow(/lognormal.mean/);
    expect(() => makeSampler({ dist: 'lognormal', mean: 1, stddev: Infinity }, rng)).toThrow(/lognormal.stddev/);
  });
});

describe('meanMs', () => {
  it('gives each distribution its mean', () => {
    expect([
      meanMs({ dist: 'constant', value: 2 }),
      meanMs({ dist: 'exponential', mean: 4 }),
      meanMs({ dist: 'uniform', min: 1, max: 4 }),
      meanMs({ dist: 'lognormal', mean: 9, stddev: 3 }),
    ]).toEqual([2, 4, 2.5, 9]);
  });
});
