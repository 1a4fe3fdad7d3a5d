import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index';
import { onePartitionScenario, scenarioOf } from '../../testing/scenarios';

const deliveryLines = (sim: ReturnType<typeof createSimulation>) =>
  sim.events().filter((e) => e.type.startsWith('delivery.')).map((e) => `${e.timeMs} ${e.type}: ${e.text}`);

/** testing/scenarios.ts's one partition, with the group's, the producer's and top-level fields changed. */
const base = (group: Record<string, unknown>, producer: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => onePartitionScenario({ group, producer, extra });

describe('retry in place (DefaultErrorHandler): seek back, back off, recover', () => {
  it('retries a poison record with growing back-off, then dead-letters it with its headers', () => {
    const sim = createSimulation(
      base(
        { failures: { poisonKeys: ['k-0'] }, retry: { mode: 'in-place', maxAttempts: 3, backoffMs: 10, multiplier: 2 }, deadLetterTopic: 'orders-dlt' },
        { stopMs: 5 },
      ),
      { checkInvariants: true },
    );
    sim.runUntil(100);
    // Delivered at 4 ms (the group formed), fails at 6; commitSync's round trip (2 ms) + 10 ms
    // back-off → re-polled at 18, fails at 20; 2 + 20 ms → re-polled at 42, fails at 44: the
    // third attempt was the last.
    expect(deliveryLines(sim)).toEqual([
      '6 delivery.retryInPlace: Record orders-0@0 (key k-0) failed attempt 1 of 3 (poison key: processing always fails): c-0 seeks back to offset 0 and backs off 10 ms, blocking its partitions.',
      '20 delivery.retryInPlace: Record orders-0@0 (key k-0) failed attempt 2 of 3 (poison key: processing always fails): c-0 seeks back to offset 0 and backs off 20 ms, blocking its partitions.',
      '44 delivery.deadLettered: Record orders-0@0 (key k-0) dead-lettered to orders-dlt-0 after 3 attempts: poison key: processing always fails.',
    ]);
    const g = sim.metrics().groups['g']!;
    expect([g.acknowledged, g.delivered, g.redelivered, g.retried, g.failedAttempts, g.processed, g.deadLettered, g.lost, g.pending]).toEqual([1, 3, 2, 2, 3, 0, 1, 0, 0]);
    const view = sim.snapshot().groups[0]!;
    expect(view.committed).toEqual({ orders: [1] }); // the partition moved past the recovered record
    expect(view.delivery.deadLetterTopics).toEqual([{ name: 'orders-dlt', records: 1 }]);
    expect(view.delivery.recentDeadLetters).toEqual([
      {
        topic: 'orders-dlt',
        partition: 0,
        key: 'k-0',
        recordId: 0,
        timeMs: 44,
        replayed: false,
        headers: {
          'kafka_dlt-original-topic': 'orders',
          'kafka_dlt-original-partition': '0',
          'kafka_dlt-original-offset': '0',
          'kafka_dlt-original-consumer-group': 'g',
          'kafka_dlt-exception-message': 'poison key: processing always fails',
          'retry_topic-attempts': '3',
        },
      },
    ]);
  });

  it('without a dead-letter topic the record is logged and skipped: lost', () => {
    const sim = createSimulation(base({ failures: { poisonKeys: ['k-0'] }, retry: { maxAttempts: 2 } }, { stopMs: 5 }), { checkInvariants: true });
    sim.runUntil(100);
    const g = sim.metrics().groups['g']!;
    expect([g.deadLettered, g.lost, g.skippedFailures, g.pending]).toEqual([0, 1, 1, 0]);
    expect(deliveryLines(sim).at(-1)).toMatch(/^\d+ delivery.skipped: Record orders-0@0 \(key k-0\) failed all 2 attempts/);
  });
});

/** 4 partitions, 2 consumers, 30 keys, poison key k-7, 60 records/s for 20 s. */
function poisonScenario(mode: 'in-place' | 'retry-topics') {
  return scenarioOf({
    version: 1,
    seed: 5,
    durationMs: 40_000,
    cluster: { brokers: 1, networkLatencyMs: 1 },
    topics: [{ name: 'orders', partitions: 4, replicationFactor: 1 }],
    // Both consumers join within group.initial.rebalance.delay.ms, before the first record.
    producers: [{ id: 'p', topic: 'orders', ratePerSec: 60, startMs: 3500, stopMs: 23_500, keys: { distribution: 'uniform', count: 30 } }],
    consumerGroups: [
      {
        id: 'g',
        topic: 'orders',
        consumers: 2,
        processingMs: { dist: 'exponential', mean: 1 },
        autoOffsetReset: 'earliest',
        failures: { poisonKeys: ['k-7'] },
        retry: { mode, maxAttempts: 4, backoffMs: 20, multiplier: 2, jitter: 0.2 },
        deadLetterTopic: 'orders-dlt',
      },
    ],
  });
}

describe('a poison key with maxAttempts 4', () => {
  for (const mode of ['in-place', 'retry-topics'] as const) {
    it(`${mode}: every record with the key is dead-lettered after exactly 4 attempts, and the partition resumes`, () => {
      const sim = createSimulation(poisonScenario(mode));
      sim.runUntil(40_000);
      const g = sim.metrics().groups['g']!;
      const dead = sim.snapshot().groups[0]!.delivery;
      expect(g.deadLettered).toBeGreaterThan(25);
      expect(dead.deadLetterTopics).toEqual([{ name: 'orders-dlt', records: g.deadLettered }]);
      // Each poison record: one first delivery and three retries, all failing.
      expect(g.failedAttempts).toBe(4 * g.deadLettered);
      expect(g.retried).toBe(3 * g.deadLettered);
      expect(dead.recentDeadLetters.every((r) => r.key === 'k-7' && r.headers['retry_topic-attempts'] === '4')).toBe(true);
      // Everything else was processed and nothing is left: the partitions resumed.
      expect([g.pending, g.lost, g.duplicates]).toEqual([0, 0, 0]);
      expect(g.processed + g.deadLettered).toBe(g.acknowledged);
      expect(g.lag.total).toBe(0);
      // Every attempt is in the event log (it keeps 2000 entries): 3 retries then the DLT, per record.
      const lines = sim.events().filter((e) => e.type === 'delivery.retryInPlace' || e.type === 'delivery.retryScheduled' || e.type === 'delivery.deadLettered');
      const perRecord = new Map<string, string[]>();
      for (const line of lines) {
        const where = /Record (orders-\d@\d+)/.exec(line.text)![1]!;
        perRecord.set(where, [...(perRecord.get(where) ?? []), line.type]);
      }
      const retryType = mode === 'in-place' ? 'delivery.retryInPlace' : 'delivery.retryScheduled';
      const complete = [...perRecord.values()].filter((types) => types.includes('delivery.deadLettered') && types.length === 4);
      expect(complete.length).toBe(g.deadLettered);
      for (const types of complete) expect(types).toEqual([retryType, retryType, retryType, 'delivery.deadLettered']);
    });
  }

  it('retry-topics: the other keys of the poison partition are not delayed; in place, they wait', () => {
    const latency = (mode: 'in-place' | 'retry-topics') => {
      const sim = createSimulation(poisonScenario(mode));
      sim.runUntil(40_000);
      return sim.metrics().latencyMs;
    };
    const blocking = latency('in-place');
    const nonBlocking = latency('retry-topics');
    // Only records that succeed have a latency. In place, a poison record holds up its
    // consumer for 20 + 40 + 80 ms of back-off plus the attempts; via retry topics the
    // partition moves on at once: every record sees what an unhindered one does (the 5 ms
    // linger, the network, the poll), about 8 ms.
    expect(nonBlocking.p99).toBeLessThan(15);
    expect(nonBlocking.p99 - nonBlocking.p50).toBeLessThan(5);
    expect(blocking.p99).toBeGreaterThan(100);
  });

  it('retry-topics: records go through <topic>-retry-<delay> topics, and the snapshot lists them', () => {
    const sim = createSimulation(poisonScenario('retry-topics'));
    sim.runUntil(10_000);
    const view = sim.snapshot().groups[0]!.delivery;
    expect(view.retryTopics.map((t) => [t.name, t.delayMs])).toEqual([
      ['orders-retry-20', 20],
      ['orders-retry-40', 40],
      ['orders-retry-80', 80],
    ]);
    expect(view.retryTopics.reduce((n, t) => n + t.records, 0)).toBe(sim.metrics().groups['g']!.retrying);
  });
});

/** 3 partitions, 2 consumers, 500 records/s; c-0 crashes at 5 s and restarts 2 s later. */
function crashScenario(commit: string, idempotent = false) {
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
        // c-0 owns two partitions and is busy two thirds of the time: its polls return many records.
        processingMs: { dist: 'exponential', mean: 2 },
        commit,
        maxPollRecords: 200,
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 6000,
        heartbeatIntervalMs: 1000,
        idempotent,
      },
    ],
    faults: [{ atMs: 5000, type: 'consumer-crash', group: 'g', consumer: 0, restartAfterMs: 2000 }],
  });
}

describe('commits and a consumer crash', () => {
  it('before-process (at-most-once): records are lost, none is duplicated', () => {
    const sim = createSimulation(crashScenario('before-process'), { checkInvariants: true });
    sim.runUntil(30_000);
    const g = sim.metrics().groups['g']!;
    expect(g.lost).toBeGreaterThan(0);
    expect([g.duplicates, g.processedMoreThanOnce, g.pending]).toEqual([0, 0, 0]);
    expect(g.processed + g.lost).toBe(g.acknowledged);
    // The event log explains every lost record.
    const explained = sim.events().filter((e) => e.type === 'delivery.lost').reduce((n, e) => n + Number(/: (\d+) records? w/.exec(e.text)![1]), 0);
    expect(explained).toBe(g.lost);
  });

  it('after-process (at-least-once): nothing is lost, records are processed twice', () => {
    const sim = createSimulation(crashScenario('after-process'), { checkInvariants: true });
    sim.runUntil(30_000);
    const g = sim.metrics().groups['g']!;
    expect([g.lost, g.pending]).toEqual([0, 0]);
    expect(g.duplicates).toBeGreaterThan(0);
    // One crash: each redelivered record ran exactly twice.
    expect(g.processedMoreThanOnce).toBe(g.duplicates);
    expect(g.processedOnce + g.processedMoreThanOnce).toBe(g.processed);
    expect(g.redelivered).toBeGreaterThanOrEqual(g.duplicates);
    expect(g.processed).toBe(g.acknowledged);
    const redelivering = sim.events().filter((e) => e.type === 'delivery.redelivering');
    expect(redelivering.length).toBeGreaterThan(0);
  });

  it('after-process with an idempotent consumer: duplicates stay 0 while redelivered grows', () => {
    const sim = createSimulation(crashScenario('after-process', true), { checkInvariants: true });
    sim.runUntil(30_000);
    const g = sim.metrics().groups['g']!;
    const plain = createSimulation(crashScenario('after-process'));
    plain.runUntil(30_000);
    const without = plain.metrics().groups['g']!;
    expect([g.lost, g.pending, g.duplicates, g.processedMoreThanOnce]).toEqual([0, 0, 0, 0]);
    expect(g.redelivered).toBeGreaterThan(0);
    // The same crash, the same redeliveries: each one the plain consumer processed twice is skipped.
    expect(g.skippedDuplicates).toBe(without.duplicates);
    expect(g.redelivered).toBe(without.redelivered);
    expect(sim.events().filter((e) => e.type === 'delivery.duplicateSkipped').length).toBe(Math.min(g.skippedDuplicates, 2000));
  });
});

describe('poison-key faults and DLQ replay', () => {
  it('a poison-key fault poisons a key from its time on; sim.apply does the same live', () => {
    const scenario = base({ retry: { maxAttempts: 2 }, deadLetterTopic: 'orders-dlt' }, { keys: { distribution: 'uniform', count: 3 } }, {
      faults: [{ atMs: 1000, type: 'poison-key', group: 'g', key: 'k-1' }],
    });
    const sim = createSimulation(scenario, { checkInvariants: true });
    sim.runUntil(999);
    expect(sim.metrics().groups['g']!.deadLettered).toBe(0);
    sim.runUntil(3000);
    const afterFault = sim.metrics().groups['g']!.deadLettered;
    expect(afterFault).toBeGreaterThan(30);
    expect(sim.apply({ type: 'poison-key', group: 'g', key: 'k-2' })).toEqual({ ok: true });
    expect(sim.apply({ type: 'poison-key', group: 'nope', key: 'k-2' })).toEqual({ ok: false, error: 'no consumer group "nope"' });
    sim.runUntil(5000);
    const dead = sim.snapshot().groups[0]!.delivery;
    expect(new Set(dead.recentDeadLetters.map((r) => r.key))).toEqual(new Set(['k-1', 'k-2']));
    expect(dead.poisonKeys).toEqual(['k-1', 'k-2']);
  });

  it('dlq-replay re-publishes dead-lettered records to their source partition; fixed ones are processed', () => {
    // Every record fails once at random (transientRate), with one attempt: a third go to the DLT.
    const scenario = base(
      { failures: { transientRate: 0.3 }, retry: { maxAttempts: 1 }, deadLetterTopic: 'orders-dlt' },
      { stopMs: 2000, keys: { distribution: 'uniform', count: 10 } },
    );
    const sim = createSimulation(scenario, { checkInvariants: true });
    sim.runUntil(3000);
    const before = sim.metrics();
    const dead = before.groups['g']!.deadLettered;
    expect(dead).toBeGreaterThan(30);
    expect(sim.apply({ type: 'dlq-replay', group: 'g', limit: 10 })).toEqual({ ok: true });
    expect(sim.snapshot().groups[0]!.delivery.replayable).toBe(dead - 10);
    expect(sim.apply({ type: 'dlq-replay', group: 'g' })).toEqual({ ok: true });
    expect(sim.apply({ type: 'dlq-replay', group: 'g' })).toEqual({ ok: false, error: 'group g has no dead-lettered records left to replay' });
    sim.runUntil(4000);
    const after = sim.metrics();
    const g = after.groups['g']!;
    // Replayed records are new log entries: produced, acknowledged and owed a fate again.
    expect(after.acknowledged).toBe(before.acknowledged + dead);
    expect(g.replayed).toBe(dead);
    expect(sim.snapshot().topics[0]!.partitions[0]!.logEndOffset).toBe(before.acknowledged + dead);
    expect(g.pending).toBe(0);
    expect(g.processed + g.deadLettered).toBe(g.acknowledged);
    // About 70% of the replayed records succeed this time.
    expect(g.processed - before.groups['g']!.processed).toBeGreaterThan(dead / 2);
    expect(sim.snapshot().groups[0]!.delivery.recentDeadLetters.some((r) => r.replayed)).toBe(true);
  });
});
