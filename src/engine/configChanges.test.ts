import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, type Change, type Scenario } from './index';

type Sim = ReturnType<typeof createSimulation>;

function scenarioOf(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** One partition on three brokers, followers that fetch every 300 ms, a producer that stops at 8 s. */
function replicated(acks: string): Scenario {
  return scenarioOf({
    version: 1,
    seed: 5,
    durationMs: 14_000,
    cluster: { brokers: 3, networkLatencyMs: 1, replicaFetchMs: 300 },
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 }],
    producers: [
      { id: 'p', topic: 'orders', ratePerSec: 400, arrival: 'constant', lingerMs: 2, stopMs: 8000, keys: { distribution: 'uniform', count: 50 }, acks, enableIdempotence: false },
    ],
    consumerGroups: [{ id: 'g', topic: 'orders', processingMs: { dist: 'constant', value: 0.5 }, initialRebalanceDelayMs: 0, autoOffsetReset: 'earliest' }],
  });
}

/** 3 partitions, 2 consumers, 500 records/s, processing that may fail; c-0 crashes at 5 s and restarts 2 s later. */
function grouped(group: object = {}, faults: unknown[] = [{ atMs: 5000, type: 'consumer-crash', group: 'g', consumer: 0, restartAfterMs: 2000 }]): Scenario {
  return scenarioOf({
    version: 1,
    seed: 9,
    durationMs: 30_000,
    cluster: { brokers: 1, networkLatencyMs: 1 },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 1 }],
    producers: [{ id: 'p', topic: 'orders', ratePerSec: 500, stopMs: 15_000, keys: { distribution: 'uniform', count: 100 } }],
    consumerGroups: [
      {
        id: 'g',
        topic: 'orders',
        consumers: 2,
        processingMs: { dist: 'exponential', mean: 2 },
        commit: 'after-process',
        maxPollRecords: 200,
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 6000,
        heartbeatIntervalMs: 1000,
        ...group,
      },
    ],
    faults,
  });
}

const lines = (sim: Sim, type: string) => sim.events().filter((e) => e.type === type).map((e) => `${e.timeMs} ${e.text}`);
const partition0 = (sim: Sim) => sim.snapshot().topics[0]!.partitions[0]!;

describe('set-producer-config', () => {
  it('acks 1 → all before a leader crash: nothing is lost (with acks=1 the same crash loses records)', () => {
    const run = (change: Change | null) => {
      const sim = createSimulation(replicated('1'), { checkInvariants: true });
      sim.runUntil(1000);
      if (change) expect(sim.apply(change)).toEqual({ ok: true });
      sim.runUntil(3000);
      expect(sim.apply({ type: 'broker-crash', broker: partition0(sim).leader!, restartAfterMs: 2000 })).toEqual({ ok: true });
      sim.runUntil(14_000);
      return sim;
    };
    const unchanged = run(null).metrics();
    expect(unchanged.groups['g']!.lost).toBeGreaterThan(0);

    const sim = run({ type: 'set-producer-config', producer: 'p', acks: 'all' });
    const m = sim.metrics();
    const g = m.groups['g']!;
    // Without idempotence a retried batch may be written twice, so the group's log holds more than 3200 entries.
    expect([m.acknowledged, m.failedSends, g.lost, g.pending, g.processed]).toEqual([3200, 0, 0, 0, g.acknowledged]);
    expect(lines(sim, 'producer.configChanged')).toEqual([
      '1000 Producer p now sends with acks=all (every in-sync replica must have a record), from its next produce request; requests already sent keep acks=1. In Kafka this is a producer restarted with the new config.',
    ]);
  });

  it('acks all → 0 → 1 while batches are on the wire keeps every record accounted for', () => {
    const sim = createSimulation(replicated('all'), { checkInvariants: true });
    for (const [atMs, acks] of [[500, '0'], [1500, '1'], [2500.5, 'all'], [3000.25, '0']] as const) {
      sim.runUntil(atMs);
      expect(sim.apply({ type: 'set-producer-config', producer: 'p', acks })).toEqual({ ok: true });
    }
    sim.runUntil(14_000);
    const g = sim.metrics().groups['g']!;
    expect([g.acknowledged, g.processed, g.lost, g.pending]).toEqual([3200, 3200, 0, 0]);
  });

  it('a hot key takes its share from the next record: hotShare 1 sends everything to one partition', () => {
    const sim = createSimulation(grouped({}, []), { checkInvariants: true });
    sim.runUntil(2000);
    expect(sim.apply({ type: 'set-producer-config', producer: 'p', keys: { distribution: 'hot', count: 100, hotKey: 'k-7', hotShare: 1 } })).toEqual({ ok: true });
    sim.runUntil(2100); // batches sealed before the change have landed
    const before = sim.snapshot().topics[0]!.partitions.map((p) => p.logEndOffset);
    sim.runUntil(4000);
    const grown = sim.snapshot().topics[0]!.partitions.map((p, i) => p.logEndOffset - before[i]!);
    expect(grown.filter((n) => n > 0)).toHaveLength(1);
    expect(grown.reduce((a, b) => a + b, 0)).toBeGreaterThan(900);
    expect(lines(sim, 'producer.configChanged')).toEqual(['2000 Producer p now draws key k-7 for 100% of records, the rest uniformly from 100 keys, from its next record; records already sent stay where they are.']);
  });

  it('refuses what Kafka or the log cannot take, naming the field, and changes nothing', () => {
    const sim = createSimulation(scenarioOf({
      version: 1,
      seed: 1,
      durationMs: 5000,
      cluster: { brokers: 1 },
      topics: [{ name: 'orders', partitions: 2, replicationFactor: 1 }],
      producers: [
        { id: 'p', topic: 'orders', ratePerSec: 100, acks: 'all', enableIdempotence: true },
        { id: 'q', topic: 'orders', ratePerSec: 100, acks: '1', keys: { distribution: 'hot', count: 10, hotKey: 'vip', hotShare: 0.5 } },
      ],
      consumerGroups: [],
    }));
    sim.runUntil(1000);
    const hash = sim.traceHash();
    const refusals = [
      [{ type: 'set-producer-config', producer: 'nope', acks: '1' }, 'no producer "nope"'],
      [{ type: 'set-producer-config', producer: 'q' }, 'set-producer-config needs acks, keys or enableIdempotence'],
      [{ type: 'set-producer-config', producer: 'q', acks: '2' }, 'acks must be "0", "1" or "all", got "2"'],
      [{ type: 'set-producer-config', producer: 'p', acks: '1' }, 'acks must stay "all" while producer p is idempotent (Kafka only allows enable.idempotence with acks=all): turn enableIdempotence off in the same change'],
      [
        { type: 'set-producer-config', producer: 'q', enableIdempotence: true },
        'enableIdempotence cannot be turned on for a running producer: the brokers must give it a producer id and start its sequence numbers, which happens only when Kafka creates a producer (set it in the scenario and run again)',
      ],
      [{ type: 'set-producer-config', producer: 'q', keys: { distribution: 'zipf', count: 0 } }, 'keys.count: must be between 1 and 1000000, got 0'],
      [
        { type: 'set-producer-config', producer: 'q', keys: { distribution: 'uniform', count: 20 } },
        'keys: records with key "vip" may still be in the logs, and the new keys would call them "k-10": keep hotKey "vip" and count 10, or use a hot key named k-<n> below count',
      ],
    ] as const;
    for (const [change, error] of refusals) expect(sim.apply(change as Change)).toEqual({ ok: false, error });
    expect(sim.traceHash()).toBe(hash);
    // The same hot key with another share is fine, and so is idempotence off with acks=1.
    expect(sim.apply({ type: 'set-producer-config', producer: 'q', keys: { distribution: 'hot', count: 10, hotKey: 'vip', hotShare: 0.9 } })).toEqual({ ok: true });
    expect(sim.apply({ type: 'set-producer-config', producer: 'p', acks: '1', enableIdempotence: false })).toEqual({ ok: true });
    expect(lines(sim, 'producer.configChanged').slice(1)).toEqual([
      '1000 Producer p is no longer idempotent, from its next produce request: a retry may now write a record twice or out of order. In Kafka this is a producer restarted with enable.idempotence=false.',
      '1000 Producer p now sends with acks=1 (the leader alone must have a record), from its next produce request; requests already sent keep acks=all. In Kafka this is a producer restarted with the new config.',
    ]);
  });
});

describe('set-topic-config', () => {
  it('min.insync.replicas 2 → 3 with a follower down refuses acks=all writes from the next request', () => {
    const sim = createSimulation(replicated('all'), { checkInvariants: true });
    sim.runUntil(1000);
    const follower = partition0(sim).replicas.find((r) => r.broker !== partition0(sim).leader)!.broker;
    expect(sim.apply({ type: 'broker-crash', broker: follower, restartAfterMs: 3000 })).toEqual({ ok: true });
    sim.runUntil(2000);
    expect(lines(sim, 'producer.retry')).toEqual([]); // ISR 2 meets min.insync.replicas 2
    expect(sim.apply({ type: 'set-topic-config', topic: 'orders', minInsyncReplicas: 3 })).toEqual({ ok: true });
    sim.runUntil(3000);
    const retries = lines(sim, 'producer.retry');
    expect(retries.length).toBeGreaterThan(0);
    // Writes already appended are answered NOT_ENOUGH_REPLICAS_AFTER_APPEND; new ones are refused before the append.
    expect(retries[0]).toMatch(/^2\d{3} p: .*NOT_ENOUGH_REPLICAS/);
    expect(retries.some((line) => line.includes('NOT_ENOUGH_REPLICAS (ISR has 2, min.insync.replicas is 3)'))).toBe(true);
    expect(lines(sim, 'topic.configChanged')).toEqual([
      '2000 Topic orders: min.insync.replicas 2 → 3. A dynamic topic config in Kafka: it applies from the next produce request, and acks=all writes are refused (NOT_ENOUGH_REPLICAS) while the ISR has fewer than 3.',
    ]);
    sim.runUntil(14_000);
    // The follower came back; the retries went through.
    const m = sim.metrics();
    const g = m.groups['g']!;
    expect([m.acknowledged, m.failedSends, g.lost, g.pending, g.processed]).toEqual([3200, 0, 0, 0, g.acknowledged]);
  });

  it('refuses a value outside 1..replicationFactor', () => {
    const sim = createSimulation(replicated('all'));
    expect(sim.apply({ type: 'set-topic-config', topic: 'orders', minInsyncReplicas: 4 })).toEqual({
      ok: false,
      error: "minInsyncReplicas must be a whole number from 1 to the topic's replicationFactor (3), got 4",
    });
    expect(sim.apply({ type: 'set-topic-config', topic: 'nope', minInsyncReplicas: 1 })).toEqual({ ok: false, error: 'no topic "nope"' });
    expect(sim.apply({ type: 'set-topic-config', topic: 'orders' })).toEqual({ ok: false, error: 'set-topic-config needs minInsyncReplicas' });
  });
});

describe('set-group-config', () => {
  it('transientRate 0 → 0.2 makes attempts fail and retry from the change on', () => {
    const sim = createSimulation(grouped({ retry: { maxAttempts: 3, backoffMs: 5 } }, []), { checkInvariants: true });
    sim.runUntil(5000);
    expect(sim.metrics().groups['g']!.retried).toBe(0);
    expect(sim.apply({ type: 'set-group-config', group: 'g', failures: { transientRate: 0.2 } })).toEqual({ ok: true });
    const firstRetry = () => sim.events().find((e) => e.type === 'delivery.retryInPlace');
    expect(firstRetry()).toBeUndefined();
    sim.runUntil(30_000);
    const g = sim.metrics().groups['g']!;
    expect(g.retried).toBeGreaterThan(0);
    expect(firstRetry()!.timeMs).toBeGreaterThanOrEqual(5000);
    // 0.2 per attempt, 3 attempts: about 0.8% of records run out of attempts and are skipped.
    expect(g.skippedFailures).toBeGreaterThan(0);
    expect(g.processed + g.lost + g.deadLettered).toBe(g.acknowledged);
  });

  it('commit after-process → before-process turns the crash\'s duplicates into losses', () => {
    const run = (commit: 'after-process' | 'before-process' | null) => {
      const sim = createSimulation(grouped(), { checkInvariants: true });
      sim.runUntil(2000);
      if (commit) expect(sim.apply({ type: 'set-group-config', group: 'g', commit })).toEqual({ ok: true });
      sim.runUntil(30_000);
      return sim;
    };
    const atLeastOnce = run(null).metrics().groups['g']!;
    expect(atLeastOnce.duplicates).toBeGreaterThan(0);
    expect(atLeastOnce.lost).toBe(0);
    const sim = run('before-process');
    const atMostOnce = sim.metrics().groups['g']!;
    expect([atMostOnce.duplicates, atMostOnce.pending]).toEqual([0, 0]);
    expect(atMostOnce.lost).toBeGreaterThan(0);
    expect(atMostOnce.processed + atMostOnce.lost).toBe(atMostOnce.acknowledged);
    expect(lines(sim, 'group.configChanged')).toEqual([
      "2000 Group g now commits before processing each poll (at-most-once: a crash means losses), from each consumer's next poll (in Kafka: the consumers redeployed with the new commit code).",
    ]);
  });

  it('the idempotent consumer turned on before the crash skips what would have run twice', () => {
    const sim = createSimulation(grouped(), { checkInvariants: true });
    sim.runUntil(2000);
    expect(sim.apply({ type: 'set-group-config', group: 'g', idempotent: true })).toEqual({ ok: true });
    sim.runUntil(30_000);
    const g = sim.metrics().groups['g']!;
    expect([g.duplicates, g.lost, g.pending]).toEqual([0, 0, 0]);
    expect(g.skippedDuplicates).toBeGreaterThan(0);
    expect(sim.snapshot().groups[0]!.delivery.idempotent).toBe(true);
  });

  it('the assignor change shows in the next generation, which the change starts', () => {
    const sim = createSimulation(grouped({ assignor: 'range', consumers: 2 }, []), { checkInvariants: true });
    sim.runUntil(6000); // the group formed after group.initial.rebalance.delay.ms (3 s)
    const generation = sim.snapshot().groups[0]!.generation;
    expect(sim.apply({ type: 'set-group-config', group: 'g', assignor: 'roundrobin' })).toEqual({ ok: true });
    sim.runUntil(7000);
    const view = sim.snapshot().groups[0]!;
    expect(view.generation).toBe(generation + 1);
    expect(view.assignor).toBe('roundrobin');
    const completed = lines(sim, 'group.rebalanceCompleted');
    expect(completed.at(-1)).toMatch(new RegExp(`generation ${generation + 1} \\(roundrobin\\)`));
    expect(lines(sim, 'group.configChanged')).toEqual([
      '6000 Group g now assigns partitions with roundrobin (was range). It takes effect at the next rebalance, which starts now: the members rejoin as a rolling restart would make them.',
    ]);
  });

  it('retry and dead-letter changes apply from the next failed record', () => {
    const sim = createSimulation(grouped({ retry: { maxAttempts: 2 }, failures: { poisonKeys: ['k-3'] } }, []), { checkInvariants: true });
    sim.runUntil(6000);
    const before = sim.metrics().groups['g']!;
    expect(before.skippedFailures).toBeGreaterThan(0);
    expect(before.deadLettered).toBe(0);
    expect(sim.apply({ type: 'set-group-config', group: 'g', deadLetter: true, retry: { maxAttempts: 4, backoffMs: 10 } })).toEqual({ ok: true });
    sim.runUntil(30_000);
    const after = sim.metrics().groups['g']!;
    expect(after.deadLettered).toBeGreaterThan(0);
    expect(sim.snapshot().groups[0]!.delivery.maxAttempts).toBe(4);
    expect(sim.events().filter((e) => e.type === 'delivery.deadLettered').every((e) => e.text.includes('after 4 attempts'))).toBe(true);
    expect(lines(sim, 'group.configChanged')).toEqual([
      '6000 Group g now retries in place up to 4 attempts, backing off 10 ms × 1 per retry (at most 30000 ms, jitter ±0%), from the next failed attempt.',
      '6000 Group g now dead-letters records that fail their last attempt (to orders-dlt), from the next record to run out of attempts.',
    ]);
  });

  it('refuses what Kafka cannot do in one step, naming the field, and changes nothing', () => {
    const sim = createSimulation(grouped({ assignor: 'range', retry: { mode: 'retry-topics' } }, []));
    sim.runUntil(1000);
    const hash = sim.traceHash();
    const refusals = [
      [{ type: 'set-group-config', group: 'nope', commit: 'auto' }, 'no consumer group "nope"'],
      [{ type: 'set-group-config', group: 'g' }, 'set-group-config needs assignor, commit, failures, retry, deadLetter or idempotent'],
      [
        { type: 'set-group-config', group: 'g', assignor: 'cooperative-sticky' },
        'assignor cannot switch from range to cooperative-sticky in one step: eager and cooperative members cannot share a generation. Kafka does it in two rolling bounces (the first lists both assignors, the second only cooperative-sticky); here, run the scenario again with assignor cooperative-sticky',
      ],
      [{ type: 'set-group-config', group: 'g', assignor: 'fair' }, 'assignor must be one of range, roundrobin, sticky, cooperative-sticky, got "fair"'],
      [{ type: 'set-group-config', group: 'g', commit: 'never' }, 'commit must be one of after-process, before-process, auto, got "never"'],
      [{ type: 'set-group-config', group: 'g', failures: { transientRate: 1.5 } }, 'failures.transientRate must be a number from 0 to 1, got 1.5'],
      [{ type: 'set-group-config', group: 'g', retry: { mode: 'in-place' } }, "retry.mode cannot change while running: retry-topics and in-place keep failed records in different places (the consumer's seek vs retry topics)"],
      [{ type: 'set-group-config', group: 'g', retry: { maxAttempts: 3 } }, 'retry cannot change for a retry-topics group while running: Spring creates its <topic>-retry-<delay> topics from the back-off when the application starts'],
      [{ type: 'set-group-config', group: 'g', deadLetter: false }, "deadLetter cannot be turned off for a retry-topics group: Spring's @RetryableTopic always ends in a dead-letter topic"],
      // Checked whole: a valid commit beside an invalid rate changes nothing.
      [{ type: 'set-group-config', group: 'g', commit: 'auto', failures: { transientRate: -1 } }, 'failures.transientRate must be a number from 0 to 1, got -1'],
    ] as const;
    for (const [change, error] of refusals) expect(sim.apply(change as Change)).toEqual({ ok: false, error });
    expect(sim.traceHash()).toBe(hash);
    expect(sim.actions()).toEqual([]);

    const inPlace = createSimulation(grouped({}, []));
    expect(inPlace.apply({ type: 'set-group-config', group: 'g', retry: { maxAttempts: 0 } })).toEqual({ ok: false, error: 'retry.maxAttempts must be a whole number from 1 to 100, got 0' });
    expect(inPlace.apply({ type: 'set-group-config', group: 'g', retry: { backoffMs: 40_000 } })).toEqual({ ok: false, error: 'retry.maxBackoffMs (30000) must be at least retry.backoffMs (40000)' });
  });
});

describe('config changes replay exactly', () => {
  it('the action log of a session of config changes replays to the same trace hash', () => {
    const scenario = grouped({ assignor: 'sticky' });
    const recorded = createSimulation(scenario, { checkInvariants: true });
    const session: [number, Change][] = [
      [1200, { type: 'set-producer-config', producer: 'p', keys: { distribution: 'zipf', count: 100, skew: 1.2 } }],
      [2500, { type: 'set-group-config', group: 'g', failures: { transientRate: 0.1 }, deadLetter: true }],
      [2500, { type: 'set-group-config', group: 'g', assignor: 'range', commit: 'auto' }],
      [6100, { type: 'set-topic-config', topic: 'orders', minInsyncReplicas: 1 }],
      [9000, { type: 'set-group-config', group: 'g', idempotent: true, retry: { maxAttempts: 2, jitter: 0.5, backoffMs: 20 } }],
    ];
    for (const [atMs, change] of session) {
      recorded.runUntil(atMs);
      expect(recorded.apply(change)).toEqual({ ok: true });
    }
    recorded.runUntil(30_000);

    const replay = createSimulation(scenario, { actions: recorded.actions(), checkInvariants: true });
    replay.runUntil(30_000);
    expect(replay.traceHash()).toBe(recorded.traceHash());
    expect(replay.metrics()).toEqual(recorded.metrics());
    // The scenario itself is untouched: a config change replaces the run's specs, never the scenario's.
    expect(scenario.consumerGroups[0]!.assignor).toBe('sticky');
    expect(scenario.producers[0]!.acks).toBe('all');
  });
});

describe('random live config changes keep every invariant', () => {
  const changeArb = fc.oneof(
    fc.record({ type: fc.constant('set-producer-config' as const), producer: fc.constant('p'), acks: fc.constantFrom('0' as const, '1' as const, 'all' as const), enableIdempotence: fc.constantFrom(false, undefined) }),
    fc.record({ type: fc.constant('set-producer-config' as const), producer: fc.constant('p'), keys: fc.constantFrom({ distribution: 'none' as const }, { distribution: 'uniform' as const, count: 200 }, { distribution: 'hot' as const, count: 200, hotKey: 'k-1', hotShare: 0.7 }) }),
    fc.record({ type: fc.constant('set-topic-config' as const), topic: fc.constant('orders'), minInsyncReplicas: fc.integer({ min: 1, max: 2 }) }),
    fc.record({ type: fc.constant('set-group-config' as const), group: fc.constant('g'), assignor: fc.constantFrom('range' as const, 'roundrobin' as const, 'sticky' as const) }),
    fc.record({ type: fc.constant('set-group-config' as const), group: fc.constant('g'), commit: fc.constantFrom('after-process' as const, 'before-process' as const, 'auto' as const) }),
    fc.record({ type: fc.constant('set-group-config' as const), group: fc.constant('g'), failures: fc.record({ transientRate: fc.constantFrom(0, 0.05, 0.3) }) }),
    fc.record({ type: fc.constant('set-group-config' as const), group: fc.constant('g'), retry: fc.record({ maxAttempts: fc.integer({ min: 1, max: 4 }), backoffMs: fc.constantFrom(0, 50) }) }),
    fc.record({ type: fc.constant('set-group-config' as const), group: fc.constant('g'), deadLetter: fc.boolean(), idempotent: fc.boolean() }),
    fc.record({ type: fc.constant('broker-crash' as const), broker: fc.nat(1), restartAfterMs: fc.constantFrom(null, 1500) }),
    fc.record({ type: fc.constant('consumer-crash' as const), group: fc.constant('g'), consumer: fc.nat(1), restartAfterMs: fc.constant(1000) }),
  );

  it('over random sessions: invariants after every event, every change applied or refused with a reason', () => {
    const scenario = scenarioOf({
      version: 1,
      seed: 3,
      durationMs: 8000,
      cluster: { brokers: 2, networkLatencyMs: 1, replicaFetchMs: 20 },
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 2, minInsyncReplicas: 1 }],
      producers: [{ id: 'p', topic: 'orders', ratePerSec: 300, acks: 'all', enableIdempotence: true, retries: 3, deliveryTimeoutMs: 3000, requestTimeoutMs: 1000, keys: { distribution: 'uniform', count: 200 } }],
      consumerGroups: [{ id: 'g', topic: 'orders', consumers: 2, assignor: 'range', processingMs: { dist: 'exponential', mean: 3 }, sessionTimeoutMs: 6000, heartbeatIntervalMs: 1000, autoOffsetReset: 'earliest' }],
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 7000 }), changeArb), { maxLength: 8 }), (steps) => {
        const sim = createSimulation(scenario, { checkInvariants: true });
        for (const [atMs, change] of [...steps].sort((a, b) => a[0] - b[0])) {
          sim.runUntil(atMs);
          const result = sim.apply(change as Change);
          if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
        }
        sim.runUntil(8000);
        const g = sim.metrics().groups['g']!;
        expect(g.processed + g.deadLettered + g.lost + g.pending).toBe(g.acknowledged);
        const replay = createSimulation(scenario, { actions: sim.actions() });
        replay.runUntil(8000);
        expect(replay.traceHash()).toBe(sim.traceHash());
      }),
      { numRuns: 25, seed: 42 },
    );
  });
});
