/**
 * A driver over the real engine with a fake host, for the tests that check what the driver shows
 * against straight engine runs. It counts runs started from time 0, so a test can tell a seek
 * through a checkpoint from a re-run.
 */
import { expect } from 'vitest';
import * as engine from '../../engine';
import { createDriver, type Driver, type DriverOptions, type EngineApi } from '../driver';
import type { Report } from '../protocol';
import { ackLastFrame, createFakeHost, type FakeHost } from './fakeHost';

export interface EngineDriver {
  host: FakeHost;
  driver: Driver;
  /** Seeks to `timeMs` and lets it finish (acknowledging frames); returns the last frame's time, ms. */
  seek(timeMs: number): number | undefined;
  /** The run's description (`sim.run`) as the driver answers it now. */
  describeRun(requestId?: number): Extract<Report, { type: 'sim.run' }>['run'] | undefined;
  /** Applies a live change and asserts the driver accepted it. */
  apply(change: engine.Change): void;
  /** Simulations created from time 0 so far (loads and re-runs; not restores). */
  created(): number;
}

/** Seek slices are large by default so a seek finishes in a few ticks. */
export function createEngineDriver(options: Partial<DriverOptions> = {}): EngineDriver {
  const host = createFakeHost();
  let created = 0;
  const counting: EngineApi = {
    ...engine,
    createSimulation: (...args) => {
      created++;
      return engine.createSimulation(...args);
    },
  };
  const driver = createDriver(counting, host, { seekSliceMsMax: 100_000, ...options });
  return {
    host,
    driver,
    seek(timeMs) {
      driver.runTo(timeMs);
      for (let i = 0; i < 5; i++) {
        ackLastFrame(host, driver);
        host.advanceWallMs(0);
      }
      return host.lastFrame()?.timeMs;
    },
    describeRun(requestId = 99) {
      driver.describeRun(requestId);
      const answer = host.reports.filter((r): r is Extract<Report, { type: 'sim.run' }> => r.type === 'sim.run' && r.requestId === requestId).at(-1);
      return answer?.run;
    },
    apply(change) {
      driver.apply(1, change);
      const answer = host.reports.filter((r) => r.type === 'sim.applied').at(-1);
      expect(answer).toEqual({ type: 'sim.applied', requestId: 1, ok: true });
    },
    created: () => created,
  };
}
