import { describe, expect, it } from 'vitest';
import { createDriver, type DriverOptions } from './driver';
import type { Report } from './protocol';
import { createFakeEngine } from './testing/fakeEngine';
import { ackLastFrame, createFakeHost } from './testing/fakeHost';

const scenario = { title: 'Fake', durationMs: 1_000, seed: 5 };
const options: Partial<DriverOptions> = { simSliceMsMax: 100, seekSliceMsMax: 300, wallGapMsMax: 50, tickIntervalMs: 16 };

/** One short line per report, so a test can assert a whole exchange at once. */
function line(report: Report): string {
  switch (report.type) {
    case 'sim.ready':
      return `ready ${report.title} ${report.durationMs}ms seed=${report.seed}`;
    case 'sim.status':
      return `status ${report.status}`;
    case 'sim.frame':
      return `frame#${report.seq} t=${report.timeMs} produced=${report.metrics.produced}`;
    case 'sim.finished':
      return `finished t=${report.timeMs}`;
    case 'sim.error':
      return `error ${report.message}`;
    case 'sim.applied':
      return `applied #${report.requestId} ${report.ok ? 'ok' : `refused: ${report.error}`}`;
    case 'sim.run':
      return `run #${report.requestId} ${report.run ? `t=${report.run.timeMs} actions=${report.run.actions.length}` : 'none'}`;
    case 'sim.series':
      return `series from=${report.delta.fromIndex} count=${report.delta.count}`;
    case 'sim.inspect':
      return `inspect #${report.requestId}`;
    case 'sim.events':
      return `events #${report.requestId} ${report.events.length}`;
    case 'sim.forked':
      return `forked at=${report.atMs} until=${report.discardedUntilMs} discarded=${report.discardedActions}`;
  }
}

function setup(overrides: Partial<DriverOptions> = {}) {
  const engine = createFakeEngine();
  const host = createFakeHost();
  const driver = createDriver(engine, host, { ...options, ...overrides });
  const lines = () => host.drain().map(line);
  /** The page: takes the last frame after `delayMs` of rendering. */
  const ack = () => ackLastFrame(host, driver);
  return { engine, host, driver, lines, ack };
}

describe('driver.load', () => {
  it('reports ready and a first frame at time 0, paused', () => {
    const { driver, lines } = setup();
    driver.load(scenario);
    expect(lines()).toEqual(['ready Fake 1000ms seed=5', 'frame#1 t=0 produced=0']);
    expect(driver.mode).toBe('paused');
  });

  it('passes a seed override to the engine and reports it', () => {
    const { driver, engine, lines } = setup();
    driver.load(scenario, 42);
    expect(engine.created).toEqual([{ seed: 42 }]);
    expect(lines()[0]).toBe('ready Fake 1000ms seed=42');
  });

  it('turns parse errors into one error report naming every path', () => {
    const { driver, host } = setup();
    driver.load({ durationMs: 0 });
    expect(host.reports).toEqual([
      {
        type: 'sim.error',
        message: 'The scenario has 2 problems:\ntitle: must be a string\ndurationMs: must be above 0, got 0',
        scenarioErrors: [
          { path: 'title', message: 'must be a string' },
          { path: 'durationMs', message: 'must be above 0, got 0' },
        ],
      },
    ]);
    expect(driver.mode).toBe('failed');
  });

  it('refuses a seed that is not a whole number', () => {
    const { driver, lines } = setup();
    driver.load(scenario, 1.5);
    expect(lines()).toEqual(['error seed must be a whole number, got 1.5']);
  });
});

describe('driver.play', () => {
  it('advances speed × real time per tick, one frame per acknowledged tick', () => {
    const { driver, host, lines, ack } = setup();
    driver.load(scenario);
    ack();
    lines();
    driver.play(2);
    host.advanceWallMs(16); // first tick: 16 ms real → 32 ms simulated
    expect(lines()).toEqual(['status playing', 'frame#2 t=32 produced=3']);
    // The page has not acknowledged frame 2, so however long it waits no frame is posted.
    host.advanceWallMs(40);
    expect(lines()).toEqual([]);
    ack(); // 40 ms later: the next tick owes 2 × 40 ms
    host.advanceWallMs(0);
    expect(lines()).toEqual(['frame#3 t=112 produced=11']);
  });

  it('never advances more than simSliceMsMax in one tick, however fast the speed', () => {
    const { driver, host, lines, ack } = setup();
    driver.load(scenario);
    ack();
    lines();
    driver.play(1000);
    host.advanceWallMs(16);
    ack();
    host.advanceWallMs(16);
    expect(lines()).toEqual(['status playing', 'frame#2 t=100 produced=10', 'frame#3 t=200 produced=20']);
  });

  it('counts at most wallGapMsMax of a stall, so a hidden tab does not jump ahead', () => {
    const { driver, host, lines, ack } = setup();
    driver.load(scenario);
    ack();
    lines();
    driver.play(1);
    host.advanceWallMs(16);
    host.advanceWallMs(5_000); // the page went away without acknowledging
    ack();
    host.advanceWallMs(0);
    expect(lines()).toEqual(['status playing', 'frame#2 t=16 produced=1', 'frame#3 t=66 produced=6']);
  });

  it('carries fractions of a ms over to later ticks instead of losing them', () => {
    const { driver, host, ack } = setup();
    driver.load(scenario);
    ack();
    driver.play(0.1);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      host.advanceWallMs(16);
      const frame = host.lastFrame();
      if (frame && !times.includes(frame.timeMs)) times.push(frame.timeMs);
      ack();
    }
    // 20 ticks × 16 ms × 0.1 = 32 ms simulated, advanced in whole ms.
    expect(times).toEqual([1, 3, 4, 6, 8, 9, 11, 12, 14, 16, 17, 19, 20, 22, 24, 25, 27, 28, 30, 32]);
  });

  it('refuses a speed outside the limits, naming them', () => {
    const { driver, lines } = setup();
    driver.load(scenario);
    lines();
    driver.play(0);
    expect(lines()).toEqual(['error speed must be between 0.1 and 1000, got 0']);
  });

  it('plays to the end, then posts the final frame and finished, and stops', () => {
    const { driver, host, ack } = setup();
    driver.load(scenario);
    ack();
    driver.play(1000);
    for (let i = 0; i < 20; i++) {
      host.advanceWallMs(16);
      ack();
    }
    const tail = host.reports.slice(-2).map(line);
    expect(tail).toEqual(['frame#11 t=1000 produced=100', 'finished t=1000']);
    expect(driver.mode).toBe('finished');
    expect(host.pendingTimers).toBe(0);
    driver.play(1);
    expect(driver.mode).toBe('finished');
  });
});

describe('driver.pause and driver.step', () => {
  it('pause stops the ticks', () => {
    const { driver, host, lines, ack } = setup();
    driver.load(scenario);
    ack();
    driver.play(1);
    host.advanceWallMs(16);
    ack();
    driver.pause();
    host.advanceWallMs(1_000);
    expect(lines()).toEqual([
      'ready Fake 1000ms seed=5',
      'frame#1 t=0 produced=0',
      'status playing',
      'frame#2 t=16 produced=1',
      'status paused',
    ]);
  });

  it('step pauses and processes exactly the requested events', () => {
    const { driver, host, lines, ack } = setup();
    driver.load(scenario);
    ack();
    driver.play(1);
    host.advanceWallMs(16);
    ack();
    lines();
    driver.step(3);
    expect(lines()).toEqual(['status paused', 'frame#3 t=40 produced=4']);
    driver.step(50);
    expect(lines()).toEqual([]); // frame 3 is not acknowledged yet: the step's frame waits
    ack();
    expect(lines()).toEqual(['frame#4 t=540 produced=54']);
  });

  it('refuses a step count outside 1..STEP_EVENTS_MAX', () => {
    const { driver, lines } = setup();
    driver.load(scenario);
    lines();
    driver.step(0);
    expect(lines()).toEqual(['error step events must be a whole number between 1 and 10000, got 0']);
  });
});

describe('driver.runTo', () => {
  it('seeks in slices of seekSliceMsMax, waiting for each ack, then pauses at the target', () => {
    const { driver, host, lines, ack } = setup();
    driver.load(scenario);
    ack();
    lines();
    driver.runTo(700);
    for (let i = 0; i < 5; i++) {
      host.advanceWallMs(0);
      ack();
    }
    expect(lines()).toEqual([
      'status seeking',
      'frame#2 t=300 produced=30',
      'frame#3 t=600 produced=60',
      'status paused',
      'frame#4 t=700 produced=70',
    ]);
  });

  it('re-runs from 0 to seek backwards, landing on the same trace as a straight run', () => {
    const { driver, host, engine, ack } = setup();
    driver.load(scenario);
    ack();
    driver.runTo(900);
    for (let i = 0; i < 5; i++) {
      host.advanceWallMs(0);
      ack();
    }
    driver.runTo(250);
    for (let i = 0; i < 5; i++) {
      host.advanceWallMs(0);
      ack();
    }
    expect(engine.created).toHaveLength(2);
    const frame = host.lastFrame();
    expect(frame?.timeMs).toBe(250);
    expect(frame?.metrics.traceHash).toBe(Array.from({ length: 25 }, (_, i) => (i + 1) * 10).join(','));
  });

  it('clamps to the duration and finishes there', () => {
    const { driver, host, lines, ack } = setup();
    driver.load(scenario);
    ack();
    lines();
    driver.runTo(5_000);
    for (let i = 0; i < 6; i++) {
      host.advanceWallMs(0);
      ack();
    }
    expect(lines().slice(-2)).toEqual(['frame#5 t=1000 produced=100', 'finished t=1000']);
    expect(driver.mode).toBe('finished');
  });

  it('can seek back from a finished run', () => {
    const { driver, host, lines, ack } = setup();
    driver.load(scenario);
    ack();
    driver.runTo(1_000);
    for (let i = 0; i < 6; i++) {
      host.advanceWallMs(0);
      ack();
    }
    lines();
    driver.runTo(0);
    expect(lines()).toEqual(['status paused', 'frame#6 t=0 produced=0']);
    expect(driver.mode).toBe('paused');
  });
});

describe('driver failures and acks', () => {
  it('turns an engine exception into an error report and stops', () => {
    const { driver, host, engine, lines, ack } = setup();
    driver.load(scenario);
    ack();
    lines();
    engine.failNextRunUntil = new Error('limit pendingEventsMax (10) exceeded: too many events');
    driver.play(1);
    host.advanceWallMs(100);
    expect(lines()).toEqual([
      'status playing',
      'error The simulation stopped: limit pendingEventsMax (10) exceeded: too many events',
    ]);
    expect(driver.mode).toBe('failed');
    expect(host.pendingTimers).toBe(0);
  });

  it('ignores a stale or repeated ack', () => {
    const { driver, host, lines, ack } = setup();
    driver.load(scenario);
    ack();
    driver.play(1);
    host.advanceWallMs(16);
    lines();
    driver.ack(1); // frame 1 was acknowledged already; frame 2 is outstanding
    host.advanceWallMs(100);
    expect(lines()).toEqual([]);
    ack();
    host.advanceWallMs(0);
    expect(lines()).toEqual(['frame#3 t=66 produced=6']);
  });

  it('a new load waits for the previous frame to be acknowledged before its first frame', () => {
    const { driver, lines, ack } = setup();
    driver.load(scenario);
    driver.load({ ...scenario, title: 'Second' });
    expect(lines()).toEqual(['ready Fake 1000ms seed=5', 'frame#1 t=0 produced=0', 'ready Second 1000ms seed=5']);
    ack();
    expect(lines()).toEqual(['frame#2 t=0 produced=0']);
  });
});

describe('driver.apply', () => {
  it('answers a change, then shows its effect in a frame even while paused', () => {
    const { driver, lines, ack } = setup();
    driver.load(scenario);
    ack();
    lines();
    driver.apply(7, { type: 'set-rate', producer: 'p', ratePerSec: 5 });
    expect(lines()).toEqual(['applied #7 ok', 'frame#2 t=0 produced=0']);
  });

  it('refuses a change with no run, or after the end, in words', () => {
    const { driver, host, lines, ack } = setup();
    driver.apply(1, { type: 'consumer-add', group: 'g', count: 1 });
    driver.load(scenario);
    ack();
    driver.runTo(5_000);
    for (let i = 0; i < 5; i++) {
      ack();
      host.advanceWallMs(0);
    }
    lines();
    driver.apply(2, { type: 'consumer-add', group: 'g', count: 1 });
    expect(host.reports[0]).toEqual({ type: 'sim.applied', requestId: 1, ok: false, error: 'there is no simulation running' });
    expect(lines()).toEqual(['applied #2 refused: the run has finished; rewind to change it']);
  });
});
