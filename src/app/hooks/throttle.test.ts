import { describe, expect, it } from 'vitest';
import { throttleListener, type ThrottleTimers } from './throttle';

/** A clock that only moves when told, with timers that fire in time order as it does. */
function fakeTimers() {
  let nowMs = 0;
  let nextHandle = 1;
  const timers = new Map<number, { atMs: number; callback: () => void }>();
  const api: ThrottleTimers = {
    nowMs: () => nowMs,
    setTimeout(callback, delayMs) {
      const handle = nextHandle++;
      timers.set(handle, { atMs: nowMs + delayMs, callback });
      return handle;
    },
    clearTimeout: (handle) => void timers.delete(handle),
  };
  function advanceTo(targetMs: number) {
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.atMs <= targetMs).sort((a, b) => a[1].atMs - b[1].atMs)[0];
      if (!due) break;
      timers.delete(due[0]);
      nowMs = due[1].atMs;
      due[1].callback();
    }
    nowMs = targetMs;
  }
  return { api, advanceTo, pendingCount: () => timers.size };
}

describe('throttleListener', () => {
  it('passes the first change at once, then one trailing call per interval for a burst', () => {
    const clock = fakeTimers();
    const callsAtMs: number[] = [];
    const throttled = throttleListener(() => callsAtMs.push(clock.api.nowMs()), 250, clock.api);
    // A 60 Hz stream of changes for 600 ms.
    for (let t = 0; t <= 600; t += 16) {
      clock.advanceTo(t);
      throttled.notify();
    }
    clock.advanceTo(2000);
    expect(callsAtMs).toEqual([0, 250, 500, 750]);
  });

  it('calls at once again after a quiet interval', () => {
    const clock = fakeTimers();
    const callsAtMs: number[] = [];
    const throttled = throttleListener(() => callsAtMs.push(clock.api.nowMs()), 250, clock.api);
    throttled.notify();
    clock.advanceTo(1000);
    throttled.notify();
    clock.advanceTo(1100);
    throttled.notify();
    clock.advanceTo(5000);
    expect(callsAtMs).toEqual([0, 1000, 1250]);
  });

  it('drops the trailing call when cancelled', () => {
    const clock = fakeTimers();
    let calls = 0;
    const throttled = throttleListener(() => calls++, 250, clock.api);
    throttled.notify();
    clock.advanceTo(10);
    throttled.notify();
    expect(clock.pendingCount()).toBe(1);
    throttled.cancel();
    clock.advanceTo(1000);
    expect(calls).toBe(1);
    expect(clock.pendingCount()).toBe(0);
  });

  it('refuses an interval that is not a number ≥ 0, naming it', () => {
    const clock = fakeTimers();
    expect(() => throttleListener(() => {}, -1, clock.api)).toThrow(/intervalMs/);
    expect(() => throttleListener(() => {}, Number.NaN, clock.api)).toThrow(/intervalMs/);
  });
});
