import { describe, expect, it } from 'vitest';
import { CommitWindow, worstStatus } from './lagStatus';

/** A window filled with commits [timeMs, offset, lag]. */
function windowOf(commits: [number, number, number][], intervals = 10): CommitWindow {
  const window = new CommitWindow(intervals, 1000);
  for (const [timeMs, offset, lag] of commits) window.record(timeMs, offset, lag);
  return window;
}

describe("Burrow's lag evaluation", () => {
  it('is OK when the lag was zero at any stored commit, whatever else happened', () => {
    const window = windowOf([[1000, 10, 5], [2000, 10, 0], [3000, 10, 7]]);
    expect(window.evaluate(9, 3500)).toBe('OK');
  });

  it('is OK when there is no lag now', () => {
    expect(windowOf([[1000, 10, 5], [2000, 10, 6]]).evaluate(0, 99_000)).toBe('OK');
  });

  it('is WARNING when commits advance but the lag never decreases', () => {
    const window = windowOf([[1000, 10, 5], [2000, 20, 5], [3000, 30, 8], [4000, 40, 12]]);
    expect(window.evaluate(12, 4500)).toBe('WARNING');
    expect(window.lagTrend()).toBe(7);
  });

  it('is OK when commits advance and the lag decreased somewhere in the window', () => {
    const window = windowOf([[1000, 10, 5], [2000, 20, 9], [3000, 30, 4], [4000, 40, 12]]);
    expect(window.evaluate(12, 4500)).toBe('OK');
  });

  it('is STALLED when commits keep coming but the offset never moves', () => {
    const window = windowOf([[1000, 10, 5], [2000, 10, 7], [3000, 10, 9]]);
    expect(window.evaluate(9, 3500)).toBe('STALLED');
  });

  it('is STOPPED when the time since the last commit exceeds the window span', () => {
    const window = windowOf([[1000, 10, 5], [2000, 20, 6], [3000, 30, 7]]);
    expect(window.evaluate(7, 5000)).toBe('WARNING');
    expect(window.evaluate(7, 5001)).toBe('STOPPED');
  });

  it('is REWIND when a committed offset goes backwards, worse than stopping', () => {
    const window = windowOf([[1000, 10, 5], [2000, 4, 9], [3000, 12, 7]]);
    expect(window.evaluate(7, 60_000)).toBe('REWIND');
  });

  it('needs two commits before it judges', () => {
    expect(windowOf([[1000, 10, 5]]).evaluate(5, 50_000)).toBe('OK');
  });

  it('keeps only the newest commits, and merges commits closer than the minimum distance', () => {
    const window = new CommitWindow(3, 1000);
    window.record(0, 0, 9); // lag 9 … later evicted, so the window only sees a rising lag
    window.record(1000, 5, 1);
    window.record(2000, 10, 2);
    window.record(2500, 11, 3); // replaces the 2000 ms commit's offset and lag, keeping its time
    window.record(2900, 12, 4); // still within 1 s of the stored 2000 ms: merged again
    window.record(3100, 13, 5); // 1.1 s after the stored time: a new slot, evicting the oldest
    expect(window.size).toBe(3);
    expect(window.lagTrend()).toBe(4); // 1 → 5: the lag 9 at 0 ms was evicted
    expect(window.evaluate(5, 3200)).toBe('WARNING');
    window.clear();
    expect(window.size).toBe(0);
  });

  it('refuses commits that go back in time and windows too small to judge', () => {
    const window = windowOf([[2000, 1, 1]]);
    expect(() => window.record(1000, 2, 1)).toThrow(/older than the newest/);
    expect(() => new CommitWindow(1)).toThrow(/intervals/);
  });

  it('ranks a group by its worst partition', () => {
    expect(worstStatus([])).toBe('OK');
    expect(worstStatus(['OK', 'WARNING', 'OK'])).toBe('WARNING');
    expect(worstStatus(['WARNING', 'STALLED', 'STOPPED'])).toBe('STALLED');
    expect(worstStatus(['STOPPED', 'REWIND'])).toBe('REWIND');
  });
});
