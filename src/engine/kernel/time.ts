/**
 * Simulated time: an integer number of microseconds held in a JS number, exact up to 2^53 µs
 * (about 285 years), so the event order never depends on floating-point rounding.
 */
export type TimeUs = number;

/** Converts milliseconds (float) to integer simulated microseconds, to the nearest µs (halves round up, as Math.round does). */
export function msToUs(ms: number): TimeUs {
  return Math.round(ms * 1000);
}

/** Converts simulated microseconds to milliseconds (float), for display and the public API. */
export function usToMs(us: TimeUs): number {
  return us / 1000;
}
