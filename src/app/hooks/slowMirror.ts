import { createStore, type StoreApi } from 'zustand/vanilla';
import { throttleListener, type ThrottleTimers } from './throttle';

/**
 * A read-only copy of a store that follows it at most once per `intervalMs` (the latest state
 * always arrives, at most `intervalMs` late). Every reader of the copy sees the same state and is
 * notified in the same task, so the panels that read it re-render together, in one React commit.
 * Lives as long as the store it follows.
 */
export function createSlowMirror<S>(source: StoreApi<S>, intervalMs: number, timers: ThrottleTimers): StoreApi<S> {
  const mirror = createStore<S>()(() => source.getState());
  const throttled = throttleListener(() => mirror.setState(source.getState(), true), intervalMs, timers);
  source.subscribe(throttled.notify);
  return mirror;
}
