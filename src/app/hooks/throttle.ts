/**
 * Coalesces bursts of change notifications into at most one call per interval: the first change
 * after a quiet interval passes at once (a paused learner who steps sees it right away), later
 * ones wait for one trailing call at the interval's end, so the last state is always shown.
 */

/** The clock and timers a throttle uses: the browser's in the page, a fake one in tests. */
export interface ThrottleTimers {
  /** Monotonic time, ms. */
  nowMs(): number;
  setTimeout(callback: () => void, delayMs: number): number;
  clearTimeout(handle: number): void;
}

export interface Throttled {
  /** Something changed: call the listener now or at the end of the current interval. */
  notify(): void;
  /** Drops a pending trailing call (on unsubscribe). */
  cancel(): void;
}

/** The page's clock and timers. */
export const browserTimers: ThrottleTimers = {
  nowMs: () => performance.now(),
  setTimeout: (callback, delayMs) => window.setTimeout(callback, delayMs),
  clearTimeout: (handle) => window.clearTimeout(handle),
};

/** `listener`, called at most once per `intervalMs` however often `notify` is. */
export function throttleListener(listener: () => void, intervalMs: number, timers: ThrottleTimers): Throttled {
  if (!(intervalMs >= 0)) throw new Error(`throttle intervalMs must be ≥ 0, got ${intervalMs}`);
  let lastCallMs = Number.NEGATIVE_INFINITY;
  let pending: number | null = null;

  function call() {
    pending = null;
    lastCallMs = timers.nowMs();
    listener();
  }

  return {
    notify() {
      if (pending !== null) return;
      const waitMs = lastCallMs + intervalMs - timers.nowMs();
      if (waitMs <= 0) call();
      else pending = timers.setTimeout(call, waitMs);
    },
    cancel() {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}
