import { createStore, type StoreApi } from 'zustand/vanilla';
import { throttleListener, type ThrottleTimers } from './throttle';

/**
 * A read-only copy of a store that follows it at most once per `intervalMs` (the latest state
 * always arrives, at most `intervalMs + delayMs` late). Every reader of the copy sees the same
 * state and is notified in the same task, so the panels that read it re-render together, in one
 * React commit. `delayMs` (≥ 0, < intervalMs) shifts this copy's updates later than another copy
 * with the same interval: two groups of panels then render in two tasks, in two different frames,
 * instead of one task twice as long. Lives as long as the store it follows.
 */
export function createSlowMirror<S>(source: StoreApi<S>, intervalMs: number, timers: ThrottleTimers, delayMs = 0): StoreApi<S> {
  if (!(delayMs >= 0 && (delayMs < intervalMs || delayMs === 0))) throw new Error(`slow mirror delayMs must be ≥ 0 and < intervalMs (${intervalMs}), got ${delayMs}`);
  const mirror = createStore<S>()(() => source.getState());
  const follow = () => mirror.setState(source.getState(), true);
  let delayed: number | null = null;
  const followLater = () => {
    if (delayed !== null) return;
    delayed = timers.setTimeout(() => {
      delayed = null;
      follow();
    }, delayMs);
  };
  const throttled = throttleListener(delayMs === 0 ? follow : followLater, intervalMs, timers);
  source.subscribe(throttled.notify);
  return mirror;
}
