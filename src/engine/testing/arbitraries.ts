import fc from 'fast-check';

/**
 * fast-check generators of valid scenario inputs, small enough to check every invariant after
 * every event. Shared by the property tests and the swarm.
 */
export const distributionArb = fc.oneof(
  fc.record({ dist: fc.constant('constant'), value: fc.double({ min: 0, max: 10, noNaN: true }) }),
  fc.record({ dist: fc.constant('exponential'), mean: fc.double({ min: 0.05, max: 10, noNaN: true }) }),
  fc.record({ dist: fc.constant('uniform'), min: fc.constant(0.1), max: fc.double({ min: 0.1, max: 10, noNaN: true }) }),
  fc.record({ dist: fc.constant('lognormal'), mean: fc.double({ min: 0.1, max: 10, noNaN: true }), stddev: fc.double({ min: 0, max: 5, noNaN: true }) }),
);

export const keysArb = fc.oneof(
  fc.constant({ distribution: 'none' }),
  fc.record({ distribution: fc.constant('uniform'), count: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ distribution: fc.constant('zipf'), count: fc.integer({ min: 1, max: 500 }), skew: fc.double({ min: 0, max: 2, noNaN: true }) }),
  fc.record({ distribution: fc.constant('hot'), count: fc.integer({ min: 1, max: 500 }), hotKey: fc.constantFrom('k-0', 'k-3', 'hot'), hotShare: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

export const scenarioInputArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    networkLatencyMs: fc.constantFrom(0, 0.5, 1, 3),
    topics: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 2 }),
    producers: fc.array(
      fc.record({
        topic: fc.nat(1),
        ratePerSec: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
        arrival: fc.constantFrom('poisson', 'constant'),
        keys: keysArb,
        lingerMs: fc.constantFrom(0, 1, 5, 20),
        batchSize: fc.constantFrom(300, 16384),
        startMs: fc.constantFrom(0, 0, 300),
      }),
      { maxLength: 3 },
    ),
    groups: fc.array(
      fc.record({
        topic: fc.nat(1),
        consumers: fc.integer({ min: 0, max: 5 }),
        processingMs: distributionArb,
        commit: fc.constantFrom('after-process', 'before-process', 'auto'),
        autoCommitIntervalMs: fc.constantFrom(50, 5000),
        maxPollRecords: fc.integer({ min: 1, max: 50 }),
        autoOffsetReset: fc.constantFrom('earliest', 'latest'),
      }),
      { maxLength: 3 },
    ),
  })
  .map((r) => {
    const topicName = (i: number) => `t${Math.min(i, r.topics.length - 1)}`;
    return {
      version: 1,
      seed: r.seed,
      durationMs: 2000,
      cluster: { brokers: 1, networkLatencyMs: r.networkLatencyMs },
      topics: r.topics.map((partitions, i) => ({ name: `t${i}`, partitions, replicationFactor: 1 })),
      producers: r.producers.map((p, i) => ({ ...p, id: `p${i}`, topic: topicName(p.topic) })),
      consumerGroups: r.groups.map((g, i) => ({ ...g, id: `g${i}`, topic: topicName(g.topic) })),
    };
  });

const ASSIGNORS = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;

/** A membership change at some instant of a 30 s run, for a group that starts with `consumers`. */
const membershipFaultArb = fc.oneof(
  fc.record({ type: fc.constant('consumer-crash'), consumer: fc.nat(7), restartAfterMs: fc.constantFrom(null, 2000, 9000) }),
  fc.record({ type: fc.constant('consumer-leave'), consumer: fc.nat(7) }),
  fc.record({ type: fc.constant('consumer-add'), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    type: fc.constant('consumer-slow'),
    consumer: fc.nat(7),
    processingMs: fc.constant({ dist: 'constant', value: 2500 }),
    durationMs: fc.constantFrom(null, 4000),
  }),
  fc.record({ type: fc.constant('set-partitions'), extra: fc.integer({ min: 1, max: 4 }) }),
);

export interface GroupChurnOptions {
  /** Restrict the assignor (default: any of the four). */
  assignors?: readonly (typeof ASSIGNORS)[number][];
  /** Restrict the kinds of membership change (default: all). */
  faultTypes?: readonly string[];
}

/**
 * One topic read by one or two groups whose members come and go: crashes (with and without
 * restart), clean leaves, additions, processing slower than max.poll.interval.ms, and new
 * partitions, under any assignor, static or dynamic membership.
 */
export function groupChurnArb(options: GroupChurnOptions = {}) {
  const assignors = options.assignors ?? ASSIGNORS;
  const faultTypes = options.faultTypes;
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      partitions: fc.integer({ min: 1, max: 8 }),
      ratePerSec: fc.constantFrom(0, 50, 400),
      groups: fc.array(
        fc.record({
          consumers: fc.integer({ min: 1, max: 5 }),
          assignor: fc.constantFrom(...assignors),
          staticMembership: fc.boolean(),
          initialRebalanceDelayMs: fc.constantFrom(0, 3000),
          commit: fc.constantFrom('after-process', 'before-process', 'auto'),
          processingMs: fc.constantFrom({ dist: 'exponential', mean: 2 }, { dist: 'constant', value: 0.5 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      faults: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 25_000 }), group: fc.nat(1), change: membershipFaultArb }), {
        maxLength: 6,
      }),
    })
    .map((r) => {
      let partitions = r.partitions;
      const faults = [...r.faults]
        .sort((a, b) => a.atMs - b.atMs)
        .filter((f) => faultTypes === undefined || faultTypes.includes(f.change.type))
        .map((f) => {
          const g = Math.min(f.group, r.groups.length - 1);
          const group = `g${g}`;
          const { type } = f.change;
          if (f.change.type === 'set-partitions') {
            partitions = Math.min(1024, partitions + f.change.extra);
            return { atMs: f.atMs, type, topic: 't', partitions };
          }
          if (f.change.type === 'consumer-add') return { atMs: f.atMs, type, group, count: f.change.count };
          return { ...f.change, atMs: f.atMs, group, consumer: f.change.consumer % r.groups[g]!.consumers };
        });
      return {
        version: 1,
        seed: r.seed,
        durationMs: 30_000,
        cluster: { brokers: 1, networkLatencyMs: 1 },
        topics: [{ name: 't', partitions: r.partitions, replicationFactor: 1 }],
        producers: [{ id: 'p', topic: 't', ratePerSec: r.ratePerSec, keys: { distribution: 'uniform', count: 100 } }],
        consumerGroups: r.groups.map((g, i) => ({
          ...g,
          id: `g${i}`,
          topic: 't',
          sessionTimeoutMs: 6000,
          heartbeatIntervalMs: 1000,
          maxPollIntervalMs: 2000,
          maxPollRecords: 20,
          autoOffsetReset: 'earliest',
        })),
        faults,
      };
    });
}

/**
 * One topic read by one or two groups whose processing fails (transient failures, poison keys
 * from the start or from a poison-key fault), retried in place or via retry topics, with or
 * without a dead-letter topic and an idempotent consumer, under every commit mode, while
 * consumers crash and restart. 14 s runs (a crash's partitions move after the 6 s session
 * timeout), small enough to check every invariant after every event.
 */
export const deliveryFailuresArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    partitions: fc.integer({ min: 1, max: 4 }),
    ratePerSec: fc.constantFrom(50, 200),
    keyCount: fc.integer({ min: 1, max: 20 }),
    groups: fc.array(
      fc.record({
        consumers: fc.integer({ min: 1, max: 3 }),
        commit: fc.constantFrom('after-process', 'before-process', 'auto'),
        transientRate: fc.constantFrom(0, 0.05, 0.3),
        poisonKeys: fc.constantFrom([], ['k-0'], ['k-1', 'k-2']),
        mode: fc.constantFrom('in-place', 'retry-topics'),
        maxAttempts: fc.integer({ min: 1, max: 5 }),
        backoffMs: fc.constantFrom(0, 10, 100),
        multiplier: fc.constantFrom(1, 2),
        jitter: fc.constantFrom(0, 0.2),
        deadLetterTopic: fc.constantFrom(null, 't-dlt'),
        idempotent: fc.boolean(),
        maxPollRecords: fc.constantFrom(5, 50),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    faults: fc.array(
      fc.record({
        atMs: fc.integer({ min: 0, max: 6000 }),
        group: fc.nat(1),
        crash: fc.boolean(),
        consumer: fc.nat(2),
        restartAfterMs: fc.constantFrom(null, 1000),
        key: fc.constantFrom('k-0', 'k-3'),
      }),
      { maxLength: 3 },
    ),
  })
  .map((r) => ({
    version: 1,
    seed: r.seed,
    durationMs: 14_000,
    cluster: { brokers: 1, networkLatencyMs: 1 },
    topics: [{ name: 't', partitions: r.partitions, replicationFactor: 1 }],
    producers: [{ id: 'p', topic: 't', ratePerSec: r.ratePerSec, keys: { distribution: 'uniform', count: r.keyCount } }],
    consumerGroups: r.groups.map((g, i) => ({
      id: `g${i}`,
      topic: 't',
      consumers: g.consumers,
      commit: g.commit,
      autoCommitIntervalMs: 200,
      maxPollRecords: g.maxPollRecords,
      processingMs: { dist: 'exponential', mean: 1 },
      autoOffsetReset: 'earliest',
      initialRebalanceDelayMs: 0,
      sessionTimeoutMs: 6000,
      heartbeatIntervalMs: 1000,
      failures: { transientRate: g.transientRate, poisonKeys: g.poisonKeys },
      retry: { mode: g.mode, maxAttempts: g.maxAttempts, backoffMs: g.backoffMs, multiplier: g.multiplier, jitter: g.jitter },
      deadLetterTopic: g.deadLetterTopic,
      idempotent: g.idempotent,
    })),
    faults: [...r.faults]
      .sort((a, b) => a.atMs - b.atMs)
      .map((f) => {
        const g = Math.min(f.group, r.groups.length - 1);
        return f.crash
          ? { atMs: f.atMs, type: 'consumer-crash', group: `g${g}`, consumer: f.consumer % r.groups[g]!.consumers, restartAfterMs: f.restartAfterMs }
          : { atMs: f.atMs, type: 'poison-key', group: `g${g}`, key: f.key };
      }),
  }));
