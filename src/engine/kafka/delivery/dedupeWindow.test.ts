import { describe, expect, it } from 'vitest';
import { DedupeWindow } from './dedupeWindow';

describe('the idempotent consumer dedupe window', () => {
  it('remembers the newest ids and forgets the oldest when full', () => {
    const window = new DedupeWindow(3);
    for (const id of [10, 11, 11, 12]) window.add(id);
    expect([window.size, window.has(10), window.has(11), window.has(12)]).toEqual([3, true, true, true]);
    window.add(13); // evicts 10, the oldest
    expect([window.size, window.has(10), window.has(11), window.has(13)]).toEqual([3, false, true, true]);
    window.add(14);
    window.add(15);
    expect([11, 12, 13, 14, 15].map((id) => window.has(id))).toEqual([false, false, true, true, true]);
  });

  it('grows its ring up to the capacity without losing the order of eviction', () => {
    const window = new DedupeWindow(100);
    for (let id = 0; id < 150; id++) window.add(id);
    expect(window.size).toBe(100);
    expect([window.has(0), window.has(49), window.has(50), window.has(149)]).toEqual([false, false, true, true]);
    window.add(150); // evicts 50, the oldest left
    expect([window.has(50), window.has(51), window.size, window.evicted]).toEqual([false, true, 100, 51]);
  });
});
