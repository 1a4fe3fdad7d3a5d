import { describe, expect, it } from 'vitest';
import { Histogram } from './histogram';

describe('Histogram', () => {
  it('reports exact small values and an exact mean', () => {
    const h = new Histogram();
    for (const v of [1, 2, 3, 4, 100]) h.record(v);
    expect(h.count).toBe(5);
    expect(h.meanUs()).toBe(22);
    expect(h.quantileUs(0.5)).toBe(3);
    expect(h.quantileUs(1)).toBe(100);
  });

  it('keeps every quantile within 1% of the true value across six decades', () => {
    const h = new Histogram();
    const values: number[] = [];
    for (let i = 1; i <= 20000; i++) {
      const v = Math.floor(Math.exp((i / 20000) * Math.log(5e6)));
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      const truth = values[Math.ceil(q * values.length) - 1]!;
      const got = h.quantileUs(q);
      expect(Math.abs(got - truth) / truth).toBeLessThan(0.01);
    }
  });

  it('uses fixed memory and survives huge and negative values', () => {
    const h = new Histogram();
    h.record(-5);
    h.record(2 ** 45);
    expect(h.quantileUs(0)).toBe(0);
    expect(h.quantileUs(1)).toBe(2 ** 45);
    expect(h.summaryMs().p50).toBe(0);
  });

  it('is empty-safe', () => {
    expect(new Histogram().summaryMs()).toEqual({ mean: 0, p50: 0, p95: 0, p99: 0 });
  });
});
