import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createSlowMirror } from './slowMirror';
import type { ThrottleTimers } from './throttle';

/** A manual clock: timers fire, in order, only when `advanceTo` passes them. */
function manualTimers() {
  let nowMs = 0;
  let nextHandle = 1;
  const due = new Map<number, { atMs: number; callback: () => void }>();
  const timers: ThrottleTimers = {
    nowMs: () => nowMs,
    setTimeout(callback, delayMs) {
      due.set(nextHandle, { atMs: nowMs + delayMs, callback });
      return nextHandle++;
    },
    clearTimeout: (handle) => void due.delete(handle),
  };
  function advanceTo(targetMs: number) {
    for (;;) {
      const next = [...due.entries()].filter(([, t]) => t.atMs <= targetMs).sort((a, b) => a[1].atMs - b[1].atMs)[0];
      if (!next) break;
      due.delete(next[0]);
      nowMs = next[1].atMs;
      next[1].callback();
    }
    nowMs = targetMs;
  }
  return { timers, advanceTo };
}

describe('createSlowMirror', () => {
  it('follows a 60 Hz store four times a second, ending on its last state', () => {
    const clock = manualTimers();
    const source = createStore<{ frame: number }>()(() => ({ frame: 0 }));
    const mirror = createSlowMirror(source, 250, clock.timers);
    const seen: [atMs: number, frame: number][] = [];
    mirror.subscribe((state) => seen.push([clock.timers.nowMs(), state.frame]));
    for (let frame = 1; frame <= 40; frame++) {
      clock.advanceTo(frame * 16);
      source.setState({ frame });
    }
    clock.advanceTo(5000);
    // 16 ms: the first change passes at once; then the latest state at each interval's end.
    expect(seen).toEqual([
      [16, 1],
      [266, 16],
      [516, 32],
      [766, 40],
    ]);
    expect(mirror.getState()).toBe(source.getState());
  });

  it('starts from the source state and holds it until the source changes', () => {
    const clock = manualTimers();
    const source = createStore<{ frame: number }>()(() => ({ frame: 7 }));
    const mirror = createSlowMirror(source, 250, clock.timers);
    clock.advanceTo(1000);
    expect(mirror.getState()).toEqual({ frame: 7 });
    source.setState({ frame: 8 });
    expect(mirror.getState()).toEqual({ frame: 8 });
  });
});

describe('createSlowMirror with a delay', () => {
  it('updates delayMs after an undelayed copy, with the state the source has then', () => {
    const clock = manualTimers();
    const source = createStore<{ frame: number }>()(() => ({ frame: 0 }));
    const first = createSlowMirror(source, 250, clock.timers);
    const second = createSlowMirror(source, 250, clock.timers, 125);
    const seen: [lane: string, atMs: number, frame: number][] = [];
    first.subscribe((state) => seen.push(['first', clock.timers.nowMs(), state.frame]));
    second.subscribe((state) => seen.push(['second', clock.timers.nowMs(), state.frame]));
    for (let frame = 1; frame <= 40; frame++) {
      clock.advanceTo(frame * 16);
      source.setState({ frame });
    }
    clock.advanceTo(5000);
    // Never in the same task: the second copy is always 125 ms behind the first.
    expect(seen).toEqual([
      ['first', 16, 1],
      ['second', 141, 8],
      ['first', 266, 16],
      ['second', 391, 24],
      ['first', 516, 32],
      ['second', 641, 40],
      ['first', 766, 40],
      // The second copy's trailing call at 891 ms finds the state it already has: no notification.
    ]);
    expect(second.getState()).toBe(source.getState());
  });

  it('refuses a delay that would reach the next interval', () => {
    const clock = manualTimers();
    const source = createStore<{ frame: number }>()(() => ({ frame: 0 }));
    expect(() => createSlowMirror(source, 250, clock.timers, 250)).toThrow(/delayMs must be ≥ 0 and < intervalMs \(250\), got 250/);
    expect(() => createSlowMirror(source, 250, clock.timers, -1)).toThrow(/got -1/);
  });
});
