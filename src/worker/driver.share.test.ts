/**
 * The driver and shared runs: a run loaded with an action log replays it, seeking backwards keeps
 * the changes not reached yet, and `describeRun` reports what a share link needs.
 */
import { describe, expect, it } from 'vitest';
import * as engine from '../engine';
import { getBuiltin } from '../content/builtins';
import { withPendingReplay } from './driverSeek';
import { createEngineDriver } from './testing/engineDriver';

const json = getBuiltin('consumer-crash')?.json;

/** A learner's run, recorded straight on the engine: two changes, then on to 12 s. */
function recordedRun() {
  const parsed = engine.parseScenario(json);
  if (!parsed.ok) throw new Error('built-in does not parse');
  const sim = engine.createSimulation(parsed.scenario, { seed: 31 });
  sim.runUntil(2_500);
  expect(sim.apply({ type: 'consumer-add', group: 'ledger', count: 1 }).ok).toBe(true);
  sim.runUntil(6_000);
  expect(sim.apply({ type: 'set-rate', producer: 'gateway', ratePerSec: 1200 }).ok).toBe(true);
  sim.runUntil(12_000);
  return sim;
}

function setup() {
  return createEngineDriver();
}

describe('driver with shared runs', () => {
  it('replays a loaded action log to the recorded trace, and describes the run', () => {
    const recorded = recordedRun();
    const { host, driver, seek, describeRun } = setup();
    driver.load(json, 31, recorded.actions());
    seek(12_000);
    expect(host.lastFrame()?.metrics).toEqual(recorded.metrics());
    expect(describeRun(1)).toEqual({ seed: 31, actions: recorded.actions(), timeMs: 12_000, traceHash: recorded.traceHash() });
  });

  it('keeps the changes not reached yet when seeking backwards', () => {
    const recorded = recordedRun();
    const { host, driver, seek, describeRun } = setup();
    driver.load(json, 31, recorded.actions());
    seek(4_000); // past the first change only
    seek(1_000); // back: re-runs from 0, must still replay both changes
    seek(12_000);
    expect(host.lastFrame()?.metrics).toEqual(recorded.metrics());
    expect(describeRun(2)?.traceHash).toBe(recorded.traceHash());
  });

  it('answers with no run before a load and after a failure', () => {
    const { driver, describeRun } = setup();
    expect(describeRun(3)).toBeNull();
    driver.load({ version: 1 });
    expect(describeRun(4)).toBeNull();
  });

  it('stops with an explanation when an action does not fit the run', () => {
    const recorded = recordedRun();
    const { host, driver, seek } = setup();
    driver.load(json, 32, recorded.actions()); // another seed: the events no longer line up
    seek(12_000);
    const error = host.reports.find((r) => r.type === 'sim.error');
    expect(error?.type === 'sim.error' && error.message).toMatch(/^The simulation stopped: actions\[0\] \(consumer-add at 2500 ms after \d+ events\) does not fit this run/);
    expect(driver.mode).toBe('failed');
  });
});

describe('withPendingReplay', () => {
  const a = (timeMs: number, events: number, ratePerSec: number): engine.RecordedAction => ({ timeMs, events, change: { type: 'set-rate', producer: 'p', ratePerSec } });

  it('appends the replayed changes not applied yet, after the applied and live ones', () => {
    const replay = [a(1, 10, 1), a(5, 50, 2), a(9, 90, 3)];
    expect(withPendingReplay([], replay)).toEqual(replay);
    expect(withPendingReplay([a(1, 10, 1)], replay)).toEqual(replay);
    // A live change at 3 ms between the first and second replayed ones.
    expect(withPendingReplay([a(1, 10, 1), a(3, 30, 7)], replay)).toEqual([a(1, 10, 1), a(3, 30, 7), a(5, 50, 2), a(9, 90, 3)]);
    expect(withPendingReplay([a(1, 10, 1), a(5, 50, 2), a(9, 90, 3)], replay)).toEqual(replay);
    expect(withPendingReplay([a(2, 20, 4)], [])).toEqual([a(2, 20, 4)]);
  });
});
