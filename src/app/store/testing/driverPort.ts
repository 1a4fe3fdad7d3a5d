/**
 * Test harness: a `SimPort` over a real driver and engine in the same thread, as the worker would
 * host them, with every frame acknowledged at once and wall time moved by hand (`host`).
 */
import * as engine from '../../../engine';
import { createDriver, type DriverOptions } from '../../../worker/driver';
import type { Report } from '../../../worker/protocol';
import { createFakeHost, type FakeHost } from '../../../worker/testing/fakeHost';
import type { SimPort } from '../createAppStore';

export interface DriverPort {
  port: SimPort;
  /** The driver's clock and timers: `host.advanceWallMs` moves wall time and fires what is due. */
  host: FakeHost;
}

/** A port whose commands go straight to a real driver; reports reach every subscriber in order. */
export function createDriverPort(options: Partial<DriverOptions> = {}): DriverPort {
  const host = createFakeHost();
  const listeners: ((report: Report) => void)[] = [];
  const driver = createDriver(engine, {
    ...host,
    post: (report) => {
      host.post(report);
      listeners.forEach((l) => l(report));
      // Acked in a microtask, as a page would after drawing: the driver then posts the next frame.
      if (report.type === 'sim.frame') queueMicrotask(() => driver.ack(report.seq));
    },
  }, options);
  const port: SimPort = {
    send(command) {
      switch (command.type) {
        case 'page.load':
          return driver.load(command.scenarioJson, command.seed, command.actions);
        case 'page.play':
          return driver.play(command.speed);
        case 'page.pause':
          return driver.pause();
        case 'page.step':
          return driver.step(command.events);
        case 'page.runTo':
          return driver.runTo(command.timeMs);
        case 'page.apply':
          return driver.apply(command.requestId, command.change);
        case 'page.describeRun':
          return driver.describeRun(command.requestId);
        case 'page.watchSeries':
          return driver.watchSeries(command.enabled);
        case 'page.inspect':
          return driver.inspect(command.requestId, command.query);
        case 'page.exportEvents':
          return driver.exportEvents(command.requestId);
      }
    },
    subscribe: (l) => {
      listeners.push(l);
      return () => undefined;
    },
  };
  return { port, host };
}
