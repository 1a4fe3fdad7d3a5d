/**
 * The Web Worker that hosts the engine. Only a switch from commands to the driver: everything
 * else lives in driver.ts so that it also runs in Node.
 */
import * as engine from '../engine';
import { createDriver } from './driver';
import type { Command, Report } from './protocol';

// The project compiles with both DOM and WebWorker libs; in this file `self` is a worker scope.
const scope = self as unknown as DedicatedWorkerGlobalScope;

const driver = createDriver(engine, {
  post: (report: Report, transfer?: ArrayBuffer[]) => scope.postMessage(report, transfer ?? []),
  nowMs: () => performance.now(),
  schedule: (delayMs, callback) => {
    setTimeout(callback, delayMs);
  },
}, {
  // Checkpoints take at most a sixteenth of the device's memory (Chromium reports it, rounded, in GB).
  deviceMemoryGb: (navigator as { deviceMemory?: number }).deviceMemory ?? null,
});

scope.onmessage = (event: MessageEvent<Command>) => {
  const command = event.data;
  switch (command.type) {
    case 'page.load':
      driver.load(command.scenarioJson, command.seed, command.actions);
      break;
    case 'page.play':
      driver.play(command.speed);
      break;
    case 'page.pause':
      driver.pause();
      break;
    case 'page.step':
      driver.step(command.events);
      break;
    case 'page.runTo':
      driver.runTo(command.timeMs);
      break;
    case 'page.apply':
      driver.apply(command.requestId, command.change);
      break;
    case 'page.describeRun':
      driver.describeRun(command.requestId);
      break;
    case 'page.watchSeries':
      driver.watchSeries(command.enabled);
      break;
    case 'page.inspect':
      driver.inspect(command.requestId, command.query);
      break;
    case 'page.exportEvents':
      driver.exportEvents(command.requestId);
      break;
    case 'page.ack':
      driver.ack(command.seq);
      break;
    default:
      driver.reject(`The simulator does not understand the command ${JSON.stringify((command as { type?: unknown }).type)}.`);
  }
};
