/**
 * A driver host with a hand-driven wall clock and timer queue, so tests decide exactly when
 * ticks happen and when the page acknowledges frames.
 */
import type { Driver, DriverHost } from '../driver';
import type { Report } from '../protocol';

interface Timer {
  atMs: number;
  order: number;
  callback: () => void;
}

export interface FakeHost extends DriverHost {
  /** Every report posted, oldest first. */
  readonly reports: Report[];
  /** Timers not fired yet. */
  readonly pendingTimers: number;
  /** Moves the wall clock forward, firing due timers in time order (and timers they set that fall due). */
  advanceWallMs(ms: number): void;
  /** The last frame posted, if any. */
  lastFrame(): Extract<Report, { type: 'sim.frame' }> | undefined;
  /** Reports posted since the previous call. */
  drain(): Report[];
}

export function createFakeHost(): FakeHost {
  const reports: Report[] = [];
  let timers: Timer[] = [];
  let nowMs = 0;
  let order = 0;
  let drained = 0;

  return {
    reports,
    get pendingTimers() {
      return timers.length;
    },
    post(report) {
      reports.push(report);
    },
    nowMs() {
      return nowMs;
    },
    schedule(delayMs, callback) {
      timers.push({ atMs: nowMs + delayMs, order: order++, callback });
    },
    advanceWallMs(ms) {
      const untilMs = nowMs + ms;
      for (;;) {
        const due = timers.filter((t) => t.atMs <= untilMs).sort((a, b) => a.atMs - b.atMs || a.order - b.order)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        nowMs = Math.max(nowMs, due.atMs);
        due.callback();
      }
      nowMs = untilMs;
    },
    lastFrame() {
      for (let i = reports.length - 1; i >= 0; i--) {
        const report = reports[i];
        if (report?.type === 'sim.frame') return report;
      }
      return undefined;
    },
    drain() {
      const fresh = reports.slice(drained);
      drained = reports.length;
      return fresh;
    },
  };
}

/** Acknowledges the last frame posted, as the page does once it has drawn it. */
export function ackLastFrame(host: FakeHost, driver: Driver): void {
  const frame = host.lastFrame();
  if (frame) driver.ack(frame.seq);
}
