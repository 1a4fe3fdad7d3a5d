import { describe, expect, it } from 'vitest';
import { createSimulation, parseActionLog, parseScenario, ENGINE_VERSION, type Scenario } from '../index';
import consumerCrash from '../../../content/scenarios/consumer-crash.json';

function scenarioOf(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const scenario = scenarioOf(consumerCrash);

/** A learner's session: runs, steps event by event, and changes things at odd moments. */
function recordSession() {
  const sim = createSimulation(scenario, { seed: 99 });
  sim.runUntil(4_321.5);
  expect(sim.apply({ type: 'consumer-add', group: 'ledger', count: 1 }).ok).toBe(true);
  sim.runUntil(9_000);
  sim.step(7); // mid-instant: other events may share the time of the last one
  expect(sim.apply({ type: 'set-rate', producer: 'gateway', ratePerSec: 900 }).ok).toBe(true);
  expect(sim.apply({ type: 'consumer-crash', group: 'ledger', consumer: 2, restartAfterMs: 3000 }).ok).toBe(true);
  expect(sim.apply({ type: 'consumer-crash', group: 'nope', consumer: 0, restartAfterMs: null }).ok).toBe(false);
  sim.runUntil(20_000);
  expect(sim.apply({ type: 'set-partitions', topic: 'payments', partitions: 12 }).ok).toBe(true);
  sim.runUntil(30_000);
  return sim;
}

describe('the action log', () => {
  it('records every change that applied, with its time and the events before it', () => {
    const actions = recordSession().actions();
    expect(actions.map((a) => [a.timeMs, a.change.type])).toEqual([
      [4321.5, 'consumer-add'],
      [actions[1]!.timeMs, 'set-rate'],
      [actions[1]!.timeMs, 'consumer-crash'],
      [20_000, 'set-partitions'],
    ]);
    expect(actions[1]!.timeMs).toBeGreaterThan(9_000);
    expect(actions[1]!.events).toBe(actions[2]!.events);
  });

  it('replaying it reproduces the trace hash exactly, through JSON and back', () => {
    const recorded = recordSession();
    const log = JSON.parse(JSON.stringify({ version: 1, engineVersion: ENGINE_VERSION, seed: recorded.seed, actions: recorded.actions() }));
    const parsed = parseActionLog(log);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));

    const replay = createSimulation(scenario, { seed: parsed.log.seed, actions: parsed.log.actions });
    replay.runUntil(30_000);
    expect(replay.traceHash()).toBe(recorded.traceHash());
    expect(replay.metrics()).toEqual(recorded.metrics());
    expect(replay.actions()).toEqual(recorded.actions());

    // Without the actions the run is another one: the log is what makes it the same.
    const plain = createSimulation(scenario, { seed: parsed.log.seed });
    plain.runUntil(30_000);
    expect(plain.traceHash()).not.toBe(recorded.traceHash());
  });

  it('replays the same way when advanced in other slices, event by event included', () => {
    const recorded = recordSession();
    const replay = createSimulation(scenario, { seed: 99, actions: recorded.actions() });
    for (let t = 1_000; t <= 9_000; t += 1_000) replay.runUntil(t);
    while (replay.now < 20_500) replay.step(1_000);
    replay.runUntil(30_000);
    expect(replay.traceHash()).toBe(recorded.traceHash());
  });

  it('a log that does not fit the run is refused, naming the action', () => {
    const actions = recordSession().actions();
    const early = actions.map((a, i) => (i === 3 ? { ...a, events: 10 } : a));
    const sim = createSimulation(scenario, { seed: 99, actions: early.slice(3) });
    expect(() => sim.runUntil(30_000)).toThrow(/actions\[0\] \(set-partitions at 20000 ms after 10 events\) does not fit this run/);

    const renamed = [{ ...actions[0]!, change: { type: 'consumer-add' as const, group: 'nope', count: 1 } }];
    const refused = createSimulation(scenario, { seed: 99, actions: renamed });
    expect(() => refused.runUntil(10_000)).toThrow('actions[0] (consumer-add at 4321.5 ms) was refused: no consumer group "nope"');
  });

  it('parseActionLog explains what is wrong with a damaged document', () => {
    expect(parseActionLog({ version: 1, engineVersion: '0.1.0', seed: 1, actions: [{ timeMs: -1, events: 0, change: {} }] })).toEqual({
      ok: false,
      errors: [
        { path: 'actions[0].timeMs', message: 'Too small: expected number to be >=0' },
        { path: 'actions[0].change.type', message: 'Invalid input: expected string, received undefined' },
      ],
    });
    const outOfOrder = parseActionLog({
      version: 1,
      engineVersion: '0.1.0',
      seed: 1,
      actions: [
        { timeMs: 10, events: 50, change: { type: 'consumer-add', group: 'g' } },
        { timeMs: 5, events: 20, change: { type: 'consumer-add', group: 'g' } },
      ],
    });
    expect(outOfOrder.ok ? [] : outOfOrder.errors.map((e) => e.path)).toEqual(['actions[1]']);
    expect(parseActionLog('not a log').ok).toBe(false);
  });
});
