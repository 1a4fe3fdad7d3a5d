import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, parseScenario, type Change, type Scenario, type Simulation } from '..';
import { builtinScenarios } from '../../content/builtins';
import { swarmScenarioArb } from '../testing/swarm';

/** A run: a scenario, live changes applied at given times, and where it stops. */
interface Plan {
  scenario: Scenario;
  changes: { atMs: number; change: Change }[];
  untilMs: number;
}

/** Everything two runs must agree on to be the same run. */
function observed(sim: Simulation) {
  return { timeMs: sim.now, traceHash: sim.traceHash(), metrics: sim.metrics(), snapshot: sim.snapshot(), events: sim.events(), actions: sim.actions(), series: sim.series() };
}

function straightRun(plan: Plan): Simulation {
  const sim = createSimulation(plan.scenario);
  for (const { atMs, change } of plan.changes) {
    sim.runUntil(atMs);
    sim.apply(change);
  }
  sim.runUntil(plan.untilMs);
  return sim;
}

/** Runs `sim` on along the plan from its current time (changes due earlier were applied already). */
function continueRun(sim: Simulation, plan: Plan, fromMs: number): Simulation {
  for (const { atMs, change } of plan.changes) {
    if (atMs < fromMs) continue;
    sim.runUntil(atMs);
    sim.apply(change);
  }
  sim.runUntil(plan.untilMs);
  return sim;
}

/**
 * Checkpoints the plan's run at checkpointMs (before a change due at that instant), then runs on
 * to the end: a first restore, the original itself, then a second restore of the same checkpoint.
 * Each must match a straight run: the original and the checkpoint never see the first restore's work.
 */
function runsThroughCheckpoint(plan: Plan, checkpointMs: number): Simulation[] {
  const original = createSimulation(plan.scenario);
  for (const { atMs, change } of plan.changes) {
    if (atMs >= checkpointMs) break;
    original.runUntil(atMs);
    original.apply(change);
  }
  original.runUntil(checkpointMs);
  const checkpoint = original.checkpoint();
  expect(checkpoint.timeMs).toBe(original.now);
  expect(checkpoint.approxBytes).toBeGreaterThan(1000);
  const first = continueRun(checkpoint.restore(), plan, checkpointMs);
  const resumed = continueRun(original, plan, checkpointMs);
  const second = continueRun(checkpoint.restore(), plan, checkpointMs);
  return [first, resumed, second];
}

function expectSameRuns(plan: Plan, checkpointsMs: number[]): void {
  const expected = observed(straightRun(plan));
  for (const checkpointMs of checkpointsMs) expectSameAs(expected, plan, checkpointMs);
}

function expectSameAs(expected: ReturnType<typeof observed>, plan: Plan, checkpointMs: number): void {
  for (const [i, sim] of runsThroughCheckpoint(plan, checkpointMs).entries()) {
    const actual = observed(sim);
    expect(actual.traceHash, `run ${i} from a checkpoint at ${checkpointMs} ms`).toBe(expected.traceHash);
    expect(actual).toEqual(expected);
  }
}

function parsed(json: unknown): Scenario {
  const result = parseScenario(json);
  if (!result.ok) throw new Error(`invalid scenario: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

/** Live changes that touch every kind of state a builtin has: samplers (lognormal's spare), members, workers. */
function liveChangesFor(scenario: Scenario): { atMs: number; change: Change }[] {
  const changes: { atMs: number; change: Change }[] = [];
  const group = scenario.consumerGroups[0];
  if (group) {
    changes.push({ atMs: 3_100, change: { type: 'set-processing', group: group.id, processingMs: { dist: 'lognormal', mean: 2, stddev: 3 } } });
    changes.push({ atMs: 6_000, change: { type: 'consumer-add', group: group.id, count: 1 } });
    changes.push({ atMs: 9_500, change: { type: 'consumer-crash', group: group.id, consumer: 0, restartAfterMs: 2_000 } });
  }
  const worker = scenario.workers?.[0];
  if (worker) {
    changes.push({ atMs: 4_000, change: { type: 'worker-add', worker: worker.id, count: 1 } });
    changes.push({ atMs: 7_000, change: { type: 'set-prefetch', worker: worker.id, prefetchCount: 2 } });
    changes.push({ atMs: 8_000, change: { type: 'worker-crash', worker: worker.id, instance: 0, restartAfterMs: 1_000 } });
  }
  return changes;
}

describe('sim.checkpoint() and restore()', () => {
  for (const builtin of builtinScenarios) {
    it(`continues the builtin "${builtin.id}" exactly, with live changes, from checkpoints at several times`, () => {
      const scenario = parsed(builtin.json);
      const plan: Plan = { scenario, changes: liveChangesFor(scenario), untilMs: Math.min(scenario.durationMs, 11_000) };
      expect(plan.changes.length).toBeGreaterThan(0);
      // Before any change, exactly at a change's instant (before it applies), off the sampling grid.
      expectSameRuns(plan, [0, 3_100, 7_777]);
    });
  }

  it('continues random swarm scenarios exactly, with their faults applied live, from a checkpoint at a random time', () => {
    const cases = fc.sample(
      fc.record({ input: swarmScenarioArb, checkpointShare: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { seed: 20261123, numRuns: 16 },
    );
    for (const [index, { input, checkpointShare }] of cases.entries()) {
      // The scenario's faults become live changes, so restored runs replay their own action logs.
      const { faults, ...rest } = input as { faults: ({ atMs: number } & Record<string, unknown>)[] };
      const scenario = parsed({ ...rest, faults: [] });
      const changes = faults.map(({ atMs, ...change }) => ({ atMs, change: change as unknown as Change }));
      const plan: Plan = { scenario, changes, untilMs: scenario.durationMs };
      const checkpointMs = Math.round(checkpointShare * scenario.durationMs);
      try {
        expectSameRuns(plan, [checkpointMs]);
      } catch (error) {
        throw new Error(`swarm case ${index}, checkpoint at ${checkpointMs} ms, scenario ${JSON.stringify(input)}: ${String(error)}`, { cause: error });
      }
    }
  }, 120_000);

  it('restores onto another timeline of the same run given its whole action log, and refuses a log that does not fit', () => {
    const scenario = parsed(builtinScenarios.find((b) => b.id === 'consumer-crash')!.json);
    const early = createSimulation(scenario);
    early.runUntil(2_000);
    early.apply({ type: 'set-processing', group: scenario.consumerGroups[0]!.id, processingMs: { dist: 'exponential', mean: 3 } });
    early.runUntil(4_000);
    const checkpoint = early.checkpoint();
    // The timeline went on with a change the checkpoint never saw.
    early.runUntil(6_000);
    early.apply({ type: 'consumer-add', group: scenario.consumerGroups[0]!.id, count: 2 });
    early.runUntil(10_000);
    const log = early.actions();

    const restored = checkpoint.restore({ actions: log });
    restored.runUntil(10_000);
    const replayed = createSimulation(scenario, { actions: log });
    replayed.runUntil(10_000);
    expect(observed(restored)).toEqual(observed(replayed));
    expect(observed(restored)).toEqual(observed(early));

    expect(() => checkpoint.restore({ actions: log.slice(1) })).toThrow('actions[0] is not the set-processing this run applied at 2000 ms');
    expect(() => checkpoint.restore({ actions: [] })).toThrow('actions[0] is not the set-processing');
  });

  it('takes nothing from a run that never checkpoints, and a checkpoint is frozen', () => {
    const scenario = parsed(builtinScenarios[0]!.json);
    const sim = createSimulation(scenario);
    sim.runUntil(1_000);
    const checkpoint = sim.checkpoint();
    expect(Object.isFrozen(checkpoint)).toBe(true);
    expect(checkpoint.events).toBe(sim.metrics().events);
    const restored = checkpoint.restore();
    restored.runUntil(2_000);
    expect(sim.now).toBe(1_000);
    expect(checkpoint.restore().now).toBe(1_000);
  });
});
