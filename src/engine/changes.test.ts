import { describe, expect, it } from 'vitest';
import { createSimulation, type Change } from './index';
import { scenarioOf } from './testing/scenarios';

function scenario(faults: unknown[] = []) {
  return scenarioOf({
    version: 1,
    seed: 5,
    durationMs: 40_000,
    cluster: { brokers: 1, networkLatencyMs: 1 },
    topics: [{ name: 'orders', partitions: 6, replicationFactor: 1 }],
    producers: [{ id: 'p', topic: 'orders', ratePerSec: 200 }],
    consumerGroups: [
      { id: 'g', topic: 'orders', consumers: 2, assignor: 'cooperative-sticky', sessionTimeoutMs: 10_000, autoOffsetReset: 'earliest' },
    ],
    faults,
  });
}

/**
 * The same change, live through sim.apply or scheduled as a scenario fault, at 12.345 s: an
 * instant when nothing else happens. (At a busy instant the two differ by design: a scheduled
 * fault fires before the other events of its microsecond, a live change after them.)
 */
const cases: [string, Change][] = [
  ['consumer-add', { type: 'consumer-add', group: 'g', count: 2 }],
  ['consumer-crash', { type: 'consumer-crash', group: 'g', consumer: 1, restartAfterMs: 4000 }],
  ['consumer-leave', { type: 'consumer-leave', group: 'g', consumer: 0 }],
  ['consumer-slow', { type: 'consumer-slow', group: 'g', consumer: 0, processingMs: { dist: 'constant', value: 30 }, durationMs: 5000 }],
  ['set-partitions', { type: 'set-partitions', topic: 'orders', partitions: 9 }],
  ['set-rate', { type: 'set-rate', producer: 'p', ratePerSec: 900 }],
];

describe('sim.apply: live changes are the scenario faults, applied now', () => {
  for (const [name, change] of cases) {
    it(`${name}: applying it live at 12.345 s ends where the same fault then does`, () => {
      const live = createSimulation(scenario());
      live.runUntil(12_345);
      expect(live.apply(change)).toEqual({ ok: true });
      live.runUntil(40_000);

      const scheduled = createSimulation(scenario([{ atMs: 12_345, ...change }]));
      scheduled.runUntil(40_000);

      const a = live.metrics();
      const b = scheduled.metrics();
      // The fault fires as an event of its own (one more event, another trace); everything the
      // change did to the records and the group is the same.
      expect({ ...a, events: 0, traceHash: '' }).toEqual({ ...b, events: 0, traceHash: '' });
      expect(live.snapshot().groups).toEqual(scheduled.snapshot().groups);
    });
  }

  it('refuses what cannot apply, with a reason, and changes nothing', () => {
    const sim = createSimulation(scenario());
    sim.runUntil(1000);
    const before = sim.traceHash();
    expect(sim.apply({ type: 'consumer-crash', group: 'nope', consumer: 0, restartAfterMs: null })).toEqual({
      ok: false,
      error: 'no consumer group "nope"',
    });
    expect(sim.apply({ type: 'set-partitions', topic: 'orders', partitions: 4 })).toEqual({
      ok: false,
      error: 'Kafka can only add partitions: orders has 6, asked for 4',
    });
    expect(sim.traceHash()).toBe(before);
  });
});
