import { describe, expect, it } from 'vitest';
import { InvariantError, LimitError } from '../kernel/assert';
import { createRng } from '../kernel/rng';
import { createKeySampler } from './keys';
import type { KeySpec } from './keys';
import { partitionForKey } from './partitioner';

function frequencies(spec: KeySpec, draws: number): number[] {
  const sampler = createKeySampler(spec, createRng(17, `keys:${spec.distribution}`));
  const counts = new Array<number>(sampler.keyCount).fill(0);
  for (let i = 0; i < draws; i++) counts[sampler.next()]!++;
  return counts.map((c) => c / draws);
}

describe('createKeySampler', () => {
  it('none draws only null keys and has no key names', () => {
    const sampler = createKeySampler({ distribution: 'none' }, createRng(1, 'k'));
    expect([sampler.next(), sampler.next(), sampler.keyCount]).toEqual([-1, -1, 0]);
    expect(() => sampler.keyName(0)).toThrow(InvariantError);
  });

  it('uniform gives golden indices and names keys k-<i>', () => {
    const sampler = createKeySampler({ distribution: 'uniform', count: 1000 }, createRng(42, 'producer:checkout:keys'));
    const first = Array.from({ length: 5 }, () => sampler.next());
    const again = createKeySampler({ distribution: 'uniform', count: 1000 }, createRng(42, 'producer:checkout:keys'));
    expect(Array.from({ length: 5 }, () => again.next())).toEqual(first);
    expect(first.every((i) => Number.isInteger(i) && i >= 0 && i < 1000)).toBe(true);
    expect([sampler.keyCount, sampler.keyName(0), sampler.keyName(999)]).toEqual([1000, 'k-0', 'k-999']);
    expect(() => sampler.keyName(1000)).toThrow(InvariantError);
  });

  it('uniform is flat over its keys', () => {
    const freq = frequencies({ distribution: 'uniform', count: 10 }, 100000);
    for (const f of freq) expect(Math.abs(f - 0.1)).toBeLessThan(0.005);
  });

  it('zipf gives rank r probability ∝ 1/r^skew, rank 1 being k-0', () => {
    const count = 50;
    const skew = 1.2;
    const freq = frequencies({ distribution: 'zipf', count, skew }, 200000);
    let total = 0;
    for (let r = 1; r <= count; r++) total += 1 / r ** skew;
    for (let r = 1; r <= count; r++) {
      const p = 1 / r ** skew / total;
      // Five standard errors of a binomial proportion, plus a floor for the rarest keys.
      const tolerance = 5 * Math.sqrt((p * (1 - p)) / 200000) + 1e-4;
      expect(Math.abs(freq[r - 1]! - p), `rank ${r}`).toBeLessThan(tolerance);
    }
    expect(freq[0]! > freq[1]! && freq[1]! > freq[9]!).toBe(true);
  });

  it('zipf with skew 0 is uniform and handles a million keys', () => {
    const freq = frequencies({ distribution: 'zipf', count: 4, skew: 0 }, 100000);
    for (const f of freq) expect(Math.abs(f - 0.25)).toBeLessThan(0.006);
    const big = createKeySampler({ distribution: 'zipf', count: 1_000_000, skew: 1 }, createRng(1, 'big'));
    for (let i = 0; i < 1000; i++) {
      const k = big.next();
      expect(k >= 0 && k < 1_000_000).toBe(true);
    }
  });

  it('hot sends hotShare of records to a hot key outside the count keys', () => {
    const freq = frequencies({ distribution: 'hot', count: 10, hotKey: 'celebrity', hotShare: 0.3 }, 100000);
    expect(freq.length).toBe(11);
    expect(Math.abs(freq[10]! - 0.3)).toBeLessThan(0.006);
    for (const f of freq.slice(0, 10)) expect(Math.abs(f - 0.07)).toBeLessThan(0.004);
    const sampler = createKeySampler({ distribution: 'hot', count: 10, hotKey: 'celebrity', hotShare: 0.3 }, createRng(1, 'h'));
    expect([sampler.keyCount, sampler.keyName(10), sampler.keyName(3)]).toEqual([11, 'celebrity', 'k-3']);
  });

  it('hot reuses the index of a hot key that is one of the count keys', () => {
    const freq = frequencies({ distribution: 'hot', count: 10, hotKey: 'k-7', hotShare: 0.5 }, 100000);
    expect(freq.length).toBe(10);
    // 0.5 directly plus 0.5 × 1/10 through the uniform draw.
    expect(Math.abs(freq[7]! - 0.55)).toBeLessThan(0.006);
    const sampler = createKeySampler({ distribution: 'hot', count: 10, hotKey: 'k-7', hotShare: 0.5 }, createRng(1, 'h'));
    expect([sampler.keyCount, sampler.keyName(7)]).toEqual([10, 'k-7']);
    // "k-07" and "k-10" are not among k-0 … k-9, so each becomes an extra key.
    expect(createKeySampler({ distribution: 'hot', count: 10, hotKey: 'k-07', hotShare: 1 }, createRng(1, 'h')).keyCount).toBe(11);
    const outside = createKeySampler({ distribution: 'hot', count: 10, hotKey: 'k-10', hotShare: 1 }, createRng(1, 'h'));
    expect([outside.keyCount, outside.next(), outside.keyName(10)]).toEqual([11, 10, 'k-10']);
  });

  it('partitionOf equals partitionForKey(keyName(i)), also after the partition count changes', () => {
    const sampler = createKeySampler({ distribution: 'hot', count: 200, hotKey: 'vip', hotShare: 0.1 }, createRng(3, 'p'));
    for (const n of [6, 6, 1, 12, 6]) {
      for (let i = 0; i < sampler.keyCount; i++) {
        expect(sampler.partitionOf(i, n)).toBe(partitionForKey(sampler.keyName(i), n));
      }
    }
    expect(sampler.partitionOf(13, 6)).toBe(partitionForKey('k-13', 6));
    expect(() => sampler.partitionOf(201, 6)).toThrow(InvariantError);
    expect(() => sampler.partitionOf(-1, 6)).toThrow(InvariantError);
    expect(() => sampler.partitionOf(0, 0)).toThrow(RangeError);
  });

  it('rejects bad specs, naming the field or the limit', () => {
    const rng = createRng(1, 'bad');
    expect(() => createKeySampler({ distribution: 'uniform', count: 0 }, rng)).toThrow(/uniform.count/);
    expect(() => createKeySampler({ distribution: 'zipf', count: 5, skew: -1 }, rng)).toThrow(/zipf.skew/);
    expect(() => createKeySampler({ distribution: 'hot', count: 5, hotKey: 'x', hotShare: 1.5 }, rng)).toThrow(/hot.hotShare/);
    let error: unknown;
    try {
      createKeySampler({ distribution: 'zipf', count: 1_000_001, skew: 1 }, rng);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LimitError);
    expect((error as LimitError).message).toBe('limit keyCountMax (1000000) exceeded: zipf.count is 1000001');
  });
});
