import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../content/builtins';
import type { PageCommand } from '../../worker/client';
import { createDriver } from '../../worker/driver';
import type { Report } from '../../worker/protocol';
import { createFakeEngine } from '../../worker/testing/fakeEngine';
import { createFakeHost } from '../../worker/testing/fakeHost';
import { createAppStore, type SimPort } from './createAppStore';

function fakePort() {
  const sent: PageCommand[] = [];
  let listener: (report: Report) => void = () => undefined;
  const port: SimPort = {
    send: (command) => sent.push(command),
    subscribe: (l) => {
      listener = l;
      return () => undefined;
    },
  };
  return { port, sent, report: (r: Report) => listener(r) };
}

const frame = (timeMs: number): Report =>
  ({ type: 'sim.frame', seq: 1, timeMs, metrics: { produced: 3 }, snapshot: { timeMs } }) as unknown as Report;

describe('createAppStore actions', () => {
  it('loads a built-in scenario by sending its document to the worker', () => {
    const { port, sent } = fakePort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('hot-key', 9);
    expect(sent).toEqual([{ type: 'page.load', scenarioJson: builtinScenarios[2]?.json, seed: 9 }]);
    expect(store.getState().status).toBe('loading');
    expect(store.getState().requestedScenarioId).toBe('hot-key');
  });

  it('explains an unknown scenario id instead of sending anything', () => {
    const { port, sent } = fakePort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('nope');
    expect(sent).toEqual([]);
    expect(store.getState().status).toBe('failed');
    expect(store.getState().error).toEqual({
      message: 'There is no built-in scenario "nope". Try one of "balanced", "slow-consumer", "hot-key", "consumer-crash", "rabbit-work-queue", "sqs-visibility".',
      scenarioErrors: [],
    });
  });

  it('toggles between play and pause according to what the worker last reported', () => {
    const { port, sent, report } = fakePort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('balanced');
    store.getState().togglePlay(); // still loading: nothing to play yet
    report({ type: 'sim.ready', title: 'T', description: '', durationMs: 1000, seed: 7 });
    store.getState().setSpeed(4);
    store.getState().togglePlay();
    report({ type: 'sim.status', status: 'playing' });
    store.getState().setSpeed(5000); // clamped to SPEED_MAX, and re-sent while playing
    store.getState().togglePlay();
    expect(sent.slice(1)).toEqual([
      { type: 'page.play', speed: 4 },
      { type: 'page.play', speed: 1000 },
      { type: 'page.pause' },
    ]);
  });
});

describe('createAppStore reports', () => {
  it('applies ready, frames, status, finished and errors in order', () => {
    const { port, report } = fakePort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('balanced');
    report({ type: 'sim.ready', title: 'A balanced pipeline', description: 'Three consumers.', durationMs: 60_000, seed: 7 });
    expect(store.getState()).toMatchObject({
      status: 'paused',
      scenario: { id: 'balanced', title: 'A balanced pipeline', description: 'Three consumers.', durationMs: 60_000, seed: 7 },
    });
    report(frame(12));
    expect(store.getState().snapshot?.timeMs).toBe(12);
    report({ type: 'sim.status', status: 'seeking' });
    expect(store.getState().status).toBe('seeking');
    report({ type: 'sim.finished', timeMs: 60_000, traceHash: 'abc123' });
    expect(store.getState()).toMatchObject({ status: 'finished', finishedTraceHash: 'abc123' });
    report({ type: 'sim.error', message: 'bad', scenarioErrors: [{ path: 'topics', message: 'must not be empty' }] });
    expect(store.getState()).toMatchObject({
      status: 'failed',
      error: { message: 'bad', scenarioErrors: [{ path: 'topics', message: 'must not be empty' }] },
    });
  });
});

describe('createAppStore with the real driver', () => {
  it('seeks through the driver and ends paused on the target frame', async () => {
    const host = createFakeHost();
    const listeners: ((report: Report) => void)[] = [];
    const driver = createDriver(createFakeEngine(), {
      ...host,
      post: (report) => {
        host.post(report);
        listeners.forEach((l) => l(report));
        // The page acknowledges every frame as soon as it has stored it.
        if (report.type === 'sim.frame') queueMicrotask(() => driver.ack(report.seq));
      },
    }, { seekSliceMsMax: 250 });
    const port: SimPort = {
      send(command) {
        switch (command.type) {
          case 'page.load':
            return driver.load(command.scenarioJson, command.seed);
          case 'page.runTo':
            return driver.runTo(command.timeMs);
          default:
            throw new Error(`unexpected ${command.type}`);
        }
      },
      subscribe: (l) => {
        listeners.push(l);
        return () => undefined;
      },
    };
    const store = createAppStore(port);
    store.getState().loadBuiltin('balanced');
    store.getState().runTo(600);
    for (let i = 0; i < 10; i++) {
      await Promise.resolve(); // let the acks run
      host.advanceWallMs(0); // and the ticks they schedule
    }
    expect(host.reports.filter((r) => r.type === 'sim.frame').map((r) => r.timeMs)).toEqual([0, 250, 500, 600]);
    expect(store.getState().status).toBe('paused');
    expect(store.getState().snapshot?.metrics.produced).toBe(60);
  });
});
