import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, type Scenario } from '../../index';

/**
 * Group membership, event by event. With no records flowing, members are idle whenever a
 * heartbeat or response arrives, so the protocol's timeline is exact: network latency 1 ms,
 * heartbeats every 1000 ms from each consumer's start.
 */
function scenario(group: Record<string, unknown>, extra: Record<string, unknown> = {}): Scenario {
  const parsed = parseScenario({
    version: 1,
    durationMs: 60_000,
    cluster: { brokers: 1, networkLatencyMs: 1 },
    topics: [{ name: 'orders', partitions: 6, replicationFactor: 1 }],
    producers: [{ id: 'p', topic: 'orders', ratePerSec: 0, arrival: 'constant', lingerMs: 0 }],
    consumerGroups: [
      {
        id: 'g',
        topic: 'orders',
        consumers: 3,
        assignor: 'range',
        processingMs: { dist: 'constant', value: 1 },
        sessionTimeoutMs: 10_000,
        heartbeatIntervalMs: 1000,
        initialRebalanceDelayMs: 0,
        autoOffsetReset: 'earliest',
        ...group,
      },
    ],
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

function timeline(s: Scenario, untilMs: number, fromMs = 0): string[] {
  const sim = createSimulation(s);
  sim.runUntil(untilMs);
  return sim
    .events()
    .filter((e) => e.timeMs >= fromMs && e.type !== 'sim.started')
    .map((e) => `${e.timeMs} ${e.type}: ${e.text}`);
}

function assignmentOf(s: Scenario, atMs: number): Record<string, string[]> {
  const sim = createSimulation(s);
  sim.runUntil(atMs);
  const group = sim.snapshot().groups[0]!;
  return Object.fromEntries(group.consumers.map((c) => [c.id, c.assigned.map(([t, p]) => `${t}-${p}`).sort()]));
}

describe('forming a group', () => {
  it('waits group.initial.rebalance.delay.ms, then one rebalance assigns every partition (range)', () => {
    const lines = timeline(scenario({ initialRebalanceDelayMs: 3000 }), 5000);
    expect(lines).toEqual([
      '1 group.rebalanceStarted: Group g is forming: c-0 joined; the coordinator waits group.initial.rebalance.delay.ms (3000 ms) for others.',
      '3003 group.rebalanceCompleted: Rebalance completed in group g, generation 1 (range): c-0 → orders-0, orders-1; c-1 → orders-2, orders-3; c-2 → orders-4, orders-5.',
      '3004 consumer.assigned: c-0 was assigned orders-0, orders-1; it resumes from the committed offsets.',
      '3004 consumer.assigned: c-1 was assigned orders-2, orders-3; it resumes from the committed offsets.',
      '3004 consumer.assigned: c-2 was assigned orders-4, orders-5; it resumes from the committed offsets.',
    ]);
  });

  it('leaves consumers beyond the partition count idle', () => {
    const s = scenario({ consumers: 8 });
    expect(assignmentOf(s, 1000)).toEqual({
      'c-0': ['orders-0'],
      'c-1': ['orders-1'],
      'c-2': ['orders-2'],
      'c-3': ['orders-3'],
      'c-4': ['orders-4'],
      'c-5': ['orders-5'],
      'c-6': [],
      'c-7': [],
    });
  });
});

describe('eager rebalancing (range)', () => {
  it('a consumer joins: everyone learns at a heartbeat, revokes everything, and the whole group pauses until sync', () => {
    const s = scenario({}, { faults: [{ atMs: 10_000, type: 'consumer-add', group: 'g' }] });
    expect(timeline(s, 12_000, 10_000)).toEqual([
      '10000 consumer.added: c-3 started and joins group g.',
      '10001 group.rebalanceStarted: Rebalance started in group g: c-3 joined. Members learn of it at their next heartbeat and rejoin at their next poll.',
      '11002 consumer.revoked: c-0 revoked orders-0, orders-1 before rejoining (eager protocol: processing stops until the new assignment).',
      '11002 consumer.revoked: c-1 revoked orders-2, orders-3 before rejoining (eager protocol: processing stops until the new assignment).',
      '11002 consumer.revoked: c-2 revoked orders-4, orders-5 before rejoining (eager protocol: processing stops until the new assignment).',
      '11005 group.rebalanceCompleted: Rebalance completed in group g, generation 2 (range): c-0 → orders-0, orders-1; c-1 → orders-2, orders-3; c-2 → orders-4; c-3 → orders-5.',
      '11006 consumer.assigned: c-0 was assigned orders-0, orders-1; it resumes from the committed offsets.',
      '11006 consumer.assigned: c-1 was assigned orders-2, orders-3; it resumes from the committed offsets.',
      '11006 consumer.assigned: c-2 was assigned orders-4; it resumes from the committed offsets.',
      '11006 consumer.assigned: c-3 was assigned orders-5; it resumes from the committed offsets.',
    ]);
    const sim = createSimulation(s);
    sim.runUntil(12_000);
    // Every one of the 6 partitions was paused from 11002 to 11006 ms.
    expect(sim.metrics().rebalances).toEqual({ count: 2, totalPauseMs: 24 });
  });

  it('a clean leave rebalances at once; a crash only after session.timeout.ms', () => {
    const leave = timeline(scenario({}, { faults: [{ atMs: 10_000, type: 'consumer-leave', group: 'g', consumer: 1 }] }), 12_000, 10_000);
    expect(leave.slice(0, 3)).toEqual([
      '10000 consumer.left: c-1 shut down cleanly and sent LeaveGroup: the group rebalances now.',
      '10001 group.memberRemoved: c-1 left group g: c-1 sent LeaveGroup.',
      '10001 group.rebalanceStarted: Rebalance started in group g: c-1 sent LeaveGroup. Members learn of it at their next heartbeat and rejoin at their next poll.',
    ]);
    expect(leave.at(-3)).toMatch(/^11005 group.rebalanceCompleted: .*generation 2 \(range\): c-0 → orders-0, orders-1, orders-2; c-2 → orders-3, orders-4, orders-5\.$/);

    const crash = timeline(scenario({}, { faults: [{ atMs: 10_000, type: 'consumer-crash', group: 'g', consumer: 1 }] }), 22_000, 10_000);
    expect(crash.slice(0, 3)).toEqual([
      '10000 consumer.crashed: c-1 crashed while owning orders-2, orders-3: they stay unprocessed until the coordinator misses its heartbeats for session.timeout.ms (10000 ms).',
      // Its last heartbeat was at 9000 ms: the session expires 10 s later.
      '19000 group.memberRemoved: c-1 left group g: c-1 sent no heartbeat for session.timeout.ms (10000 ms).',
      '19000 group.rebalanceStarted: Rebalance started in group g: c-1 sent no heartbeat for session.timeout.ms (10000 ms). Members learn of it at their next heartbeat and rejoin at their next poll.',
    ]);
    // c-0 and c-2 heartbeat at 19000 too: they hear of the rebalance at once and it completes within 5 ms.
    expect(crash.some((l) => l.startsWith('19005 group.rebalanceCompleted'))).toBe(true);
  });
});

describe('cooperative rebalancing (cooperative-sticky)', () => {
  it('a consumer joins: nobody stops, only the moved partitions pause, over two rounds', () => {
    const s = scenario({ assignor: 'cooperative-sticky' }, { faults: [{ atMs: 10_000, type: 'consumer-add', group: 'g' }] });
    const lines = timeline(s, 13_000, 10_000);
    const revoked = lines.filter((l) => l.includes('consumer.revoked'));
    // Sticky quotas for 6 partitions over 4 members: two keep 2, one keeps 1, the newcomer gets
    // 1. So exactly one partition changes owner; it is revoked by its old owner after round one...
    expect(revoked).toHaveLength(1);
    for (const l of revoked) expect(l).toMatch(/^11006 consumer.revoked: c-\d revoked orders-\d and rejoins so they can move/);
    // ...and handed to the new consumer in round two, after the next heartbeat.
    const completed = lines.filter((l) => l.includes('group.rebalanceCompleted'));
    expect(completed.map((l) => l.split(':')[0])).toEqual(['11005 group.rebalanceCompleted', '12005 group.rebalanceCompleted']);
    expect(lines.filter((l) => l.includes('c-3 was assigned'))).toEqual([
      expect.stringMatching(/^12006 consumer.assigned: c-3 was assigned orders-\d;/),
    ]);
    const sim = createSimulation(s);
    sim.runUntil(13_000);
    // Only the moved partition paused, from 11006 to 12006 ms (eager paused all six).
    expect(sim.metrics().rebalances).toEqual({ count: 3, totalPauseMs: 1000 });
  });
});

describe('static membership (group.instance.id)', () => {
  it('a restart within the session timeout takes the old partitions back without a rebalance', () => {
    const s = scenario({ staticMembership: true }, { faults: [{ atMs: 10_000, type: 'consumer-crash', group: 'g', consumer: 1, restartAfterMs: 2000 }] });
    const lines = timeline(s, 30_000, 10_000);
    expect(lines).toEqual([
      '10000 consumer.crashed: c-1 crashed while owning orders-2, orders-3: they stay unprocessed until the coordinator misses its heartbeats for session.timeout.ms (10000 ms).',
      '12000 consumer.restarted: c-1 restarted as static member g-1 and joins group g.',
      '12001 group.staticRejoin: Static member g-1 (c-1) rejoined within its session timeout and takes its partitions back: no rebalance.',
      '12004 consumer.assigned: c-1 was assigned orders-2, orders-3; it resumes from the committed offsets.',
    ]);
    const sim = createSimulation(s);
    sim.runUntil(30_000);
    expect(sim.metrics().rebalances.count).toBe(1);
  });
});

describe('max.poll.interval.ms', () => {
  it('a consumer whose processing outlasts it is removed, and its partitions move', () => {
    const s = scenario(
      { maxPollIntervalMs: 5000 },
      {
        producers: [{ id: 'p', topic: 'orders', ratePerSec: 60, arrival: 'constant', lingerMs: 0 }],
        faults: [{ atMs: 10_000, type: 'consumer-slow', group: 'g', consumer: 1, processingMs: { dist: 'constant', value: 20_000 } }],
      },
    );
    const lines = timeline(s, 25_000, 10_000).map((l) => l.split(':')[0] ?? '');
    const order = ['consumer.slowed', 'consumer.pollTimeout', 'group.memberRemoved', 'group.rebalanceStarted', 'group.rebalanceCompleted'];
    const firstIndex = order.map((type) => lines.findIndex((l) => l.endsWith(type)));
    expect(firstIndex.every((i) => i >= 0)).toBe(true);
    expect([...firstIndex].sort((a, b) => a - b)).toEqual(firstIndex);
    const sim = createSimulation(s);
    sim.runUntil(25_000);
    const c1 = sim.snapshot().groups[0]!.consumers[1]!;
    expect(c1.assigned).toEqual([]);
  });
});

describe('offsets on rebalance', () => {
  const busy = (commit: string) =>
    scenario(
      { consumers: 2, commit, processingMs: { dist: 'constant', value: 4 } },
      {
        producers: [{ id: 'p', topic: 'orders', ratePerSec: 600, arrival: 'constant', lingerMs: 0 }],
        faults: [{ atMs: 10_000, type: 'consumer-crash', group: 'g', consumer: 0 }],
      },
    );

  it('after-process: the new owner resumes from the last commit, so work is redelivered and repeated, none lost', () => {
    const sim = createSimulation(busy('after-process'));
    sim.runUntil(40_000);
    const m = sim.metrics();
    expect(m.lost).toBe(0);
    expect(m.redelivered).toBeGreaterThan(0);
    expect(m.duplicates).toBeGreaterThan(0);
  });

  it('before-process: records committed but never processed are lost, none repeated', () => {
    const sim = createSimulation(busy('before-process'));
    sim.runUntil(40_000);
    const m = sim.metrics();
    expect(m.lost).toBeGreaterThan(0);
    expect(m.duplicates).toBe(0);
  });

  it('auto.offset.reset=latest skips what was written before the group first got its partitions', () => {
    const s = scenario(
      { autoOffsetReset: 'latest', initialRebalanceDelayMs: 3000 },
      { producers: [{ id: 'p', topic: 'orders', ratePerSec: 100, arrival: 'constant', lingerMs: 0 }] },
    );
    const sim = createSimulation(s);
    sim.runUntil(10_000);
    const m = sim.metrics();
    // Records appended before 3004 ms (the first assignment) are never read by this group.
    expect(m.lost).toBeGreaterThan(290);
    expect(m.lost).toBeLessThan(310);
    expect(m.processed + m.lost + m.pending).toBe(m.acknowledged);
  });
});

describe('many groups and topology changes', () => {
  it('two groups on one topic each process every record, at their own pace', () => {
    const s = scenario(
      {},
      {
        producers: [{ id: 'p', topic: 'orders', ratePerSec: 300, arrival: 'poisson', lingerMs: 0 }],
        consumerGroups: [
          { id: 'fast', topic: 'orders', consumers: 3, processingMs: { dist: 'constant', value: 1 }, autoOffsetReset: 'earliest' },
          { id: 'slow', topic: 'orders', consumers: 1, processingMs: { dist: 'constant', value: 4 }, autoOffsetReset: 'earliest' },
        ],
      },
    );
    const sim = createSimulation(s);
    sim.runUntil(20_000);
    const m = sim.metrics();
    const fast = m.groups['fast']!;
    const slow = m.groups['slow']!;
    expect(fast.processed + fast.pending).toBe(m.acknowledged);
    expect(slow.processed + slow.pending).toBe(m.acknowledged);
    expect(fast.lag.total).toBeLessThan(20);
    expect(slow.lag.total).toBeGreaterThan(500);
  });

  it('adding partitions triggers a rebalance that assigns the new ones', () => {
    const s = scenario({}, { faults: [{ atMs: 10_000, type: 'set-partitions', topic: 'orders', partitions: 8 }] });
    const after = assignmentOf(s, 15_000);
    expect(Object.values(after).flat().sort()).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3', 'orders-4', 'orders-5', 'orders-6', 'orders-7']);
  });
});
