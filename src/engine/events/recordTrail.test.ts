import { describe, expect, it } from 'vitest';
import { TrailKind, createRecordTrail, trailAdd, trailEvictedBeforeUs, trailNextPoll, trailSlots } from './recordTrail';
import { deepCopy } from '../checkpoint/deepCopy';

describe('the record trail ring', () => {
  it('keeps the most recent `capacity` entries, oldest first, and says when older ones were overwritten', () => {
    const trail = createRecordTrail(3);
    for (let i = 0; i < 5; i++) trailAdd(trail, TrailKind.fetched, 1000 * i, 0, i, i + 1, 7, i + 1, 0);
    expect([trail.total, trail.next]).toEqual([5, 2]);
    expect(trailSlots(trail).map((s) => [trail.timeUs[s], trail.from[s], trail.b[s]])).toEqual([
      [2000, 2, 3],
      [3000, 3, 4],
      [4000, 4, 5],
    ]);
    expect(trailEvictedBeforeUs(trail)).toBe(2000);
  });

  it('reports nothing evicted before it wraps, and numbers polls per consumer', () => {
    const trail = createRecordTrail(4);
    trailAdd(trail, TrailKind.produced, 5, -1, 9, 0, 0, 0, -1);
    expect(trailEvictedBeforeUs(trail)).toBeNull();
    expect([trailNextPoll(trail, 2), trailNextPoll(trail, 2), trailNextPoll(trail, 0)]).toEqual([1, 2, 1]);
  });

  it('rejects a capacity that is not a whole number of at least 1', () => {
    expect(() => createRecordTrail(0)).toThrow(/capacity must be a whole number ≥ 1, got 0/);
  });

  it('is plain data: a deep copy (a checkpoint) carries every entry and is independent', () => {
    const trail = createRecordTrail(2);
    trailAdd(trail, TrailKind.appended, 10, 1, 4, 5, 0, 1, 42);
    const copy = deepCopy(trail).value;
    trailAdd(copy, TrailKind.processed, 20, 1, 4, 5, 0, 1, 0);
    expect([trail.total, copy.total, Array.from(copy.c)]).toEqual([1, 2, [42, 0]]);
  });
});
