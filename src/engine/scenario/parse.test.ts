import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import type { Scenario } from './types';

/** What a minimal scenario becomes: every default, written out. */
const minimalParsed: Scenario = {
  version: 1,
  title: 'Untitled scenario',
  description: '',
  seed: 1,
  durationMs: 60_000,
  cluster: { brokers: 3, networkLatencyMs: 1, replicaFetchMs: 5, replicaLagTimeMaxMs: 30_000, uncleanLeaderElection: false },
  topics: [{ name: 't', partitions: 1, replicationFactor: 3, minInsyncReplicas: 1, retentionMs: 604_800_000 }],
  producers: [],
  consumerGroups: [],
  faults: [],
};

const defaultProducer = {
  arrival: 'poisson',
  keys: { distribution: 'uniform', count: 1000 },
  recordSizeBytes: 100,
  acks: 'all',
  lingerMs: 5,
  batchSize: 16_384,
  enableIdempotence: true,
  retries: 2_147_483_647,
  retryBackoffMs: 100,
  retryBackoffMaxMs: 1000,
  deliveryTimeoutMs: 120_000,
  requestTimeoutMs: 30_000,
  maxInFlightRequestsPerConnection: 5,
  startMs: 0,
  stopMs: null,
} as const;

const defaultGroup = {
  consumers: 1,
  assignor: 'range',
  processingMs: { dist: 'constant', value: 1 },
  commit: 'after-process',
  autoCommitIntervalMs: 5000,
  maxPollRecords: 500,
  sessionTimeoutMs: 45_000,
  heartbeatIntervalMs: 3000,
  maxPollIntervalMs: 300_000,
  autoOffsetReset: 'latest',
  initialRebalanceDelayMs: 3000,
  staticMembership: false,
  failures: { transientRate: 0, poisonKeys: [] },
  retry: { mode: 'in-place', maxAttempts: 10, backoffMs: 0, multiplier: 1, maxBackoffMs: 30_000, jitter: 0 },
  deadLetterTopic: null,
  idempotent: false,
} as const;

function ok(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`expected a valid scenario, got ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

const base = { version: 1, topics: [{ name: 't', partitions: 1 }] };

describe('parseScenario on valid input', () => {
  it('fills in every default of a minimal scenario', () => {
    expect(ok(base)).toEqual(minimalParsed);
  });

  it('fills in every default of a producer and a consumer group', () => {
    const scenario = ok({ ...base, producers: [{ id: 'p', topic: 't', ratePerSec: 10 }], consumerGroups: [{ id: 'g', topic: 't' }] });
    expect(scenario.producers).toEqual([{ id: 'p', topic: 't', ratePerSec: 10, ...defaultProducer }]);
    expect(scenario.consumerGroups).toEqual([{ id: 'g', topics: ['t'], ...defaultGroup }]);
  });

  it('parses the DESIGN.md example, keeping what it says and defaulting the rest', () => {
    const scenario = ok({
      version: 1,
      title: 'A consumer too slow for its producer',
      seed: 7,
      durationMs: 60000,
      cluster: { brokers: 3, networkLatencyMs: 1, replicaFetchMs: 5, uncleanLeaderElection: false },
      topics: [{ name: 'orders', partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 }],
      producers: [
        {
          id: 'checkout', topic: 'orders', ratePerSec: 500, arrival: 'poisson',
          keys: { distribution: 'uniform', count: 10000 }, acks: 'all', lingerMs: 5, enableIdempotence: true,
        },
      ],
      consumerGroups: [
        {
          id: 'billing', topic: 'orders', consumers: 3, assignor: 'cooperative-sticky',
          processingMs: { dist: 'exponential', mean: 4 }, commit: 'after-process', maxPollRecords: 500, sessionTimeoutMs: 45000,
          failures: { transientRate: 0.01, poisonKeys: ['k-13'] },
          retry: { mode: 'in-place', maxAttempts: 4, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0.2 },
          deadLetterTopic: 'orders-dlt', idempotent: false,
        },
      ],
      faults: [
        { atMs: 30000, type: 'consumer-crash', group: 'billing', consumer: 0 },
        { atMs: 20000, type: 'broker-crash', broker: 1, restartAfterMs: 15000 },
      ],
    });
    expect(scenario).toEqual({
      version: 1,
      title: 'A consumer too slow for its producer',
      description: '',
      seed: 7,
      durationMs: 60000,
      cluster: { brokers: 3, networkLatencyMs: 1, replicaFetchMs: 5, replicaLagTimeMaxMs: 30_000, uncleanLeaderElection: false },
      topics: [{ name: 'orders', partitions: 6, replicationFactor: 3, minInsyncReplicas: 2, retentionMs: 604_800_000 }],
      producers: [{ ...defaultProducer, id: 'checkout', topic: 'orders', ratePerSec: 500, keys: { distribution: 'uniform', count: 10000 } }],
      consumerGroups: [
        {
          ...defaultGroup,
          id: 'billing', topics: ['orders'], consumers: 3, assignor: 'cooperative-sticky',
          processingMs: { dist: 'exponential', mean: 4 },
          failures: { transientRate: 0.01, poisonKeys: ['k-13'] },
          retry: { mode: 'in-place', maxAttempts: 4, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0.2 },
          deadLetterTopic: 'orders-dlt',
        },
      ],
      // Sorted by atMs.
      faults: [
        { atMs: 20000, type: 'broker-crash', broker: 1, restartAfterMs: 15000 },
        { atMs: 30000, type: 'consumer-crash', group: 'billing', consumer: 0, restartAfterMs: null },
      ],
    });
  });

  it('defaults replicationFactor to min(3, brokers)', () => {
    expect(ok({ ...base, cluster: { brokers: 1 } }).topics[0]!.replicationFactor).toBe(1);
    expect(ok({ ...base, cluster: { brokers: 2 } }).topics[0]!.replicationFactor).toBe(2);
    expect(ok({ ...base, cluster: { brokers: 9 } }).topics[0]!.replicationFactor).toBe(3);
  });

  it('normalises acks: 0, 1, -1 and "-1" are accepted', () => {
    const acksOf = (acks: unknown) =>
      ok({ ...base, producers: [{ id: 'p', topic: 't', ratePerSec: 1, acks, enableIdempotence: false }] }).producers[0]!.acks;
    expect([0, '0', 1, '1', -1, '-1', 'all'].map(acksOf)).toEqual(['0', '0', '1', '1', 'all', 'all', 'all']);
  });

  it('turns off idempotence the user did not ask for when acks, retries or in-flight conflict with it', () => {
    const idempotenceOf = (producer: Record<string, unknown>) =>
      ok({ ...base, producers: [{ id: 'p', topic: 't', ratePerSec: 1, ...producer }] }).producers[0]!.enableIdempotence;
    expect(idempotenceOf({})).toBe(true);
    expect(idempotenceOf({ acks: '1' })).toBe(false);
    expect(idempotenceOf({ retries: 0 })).toBe(false);
    expect(idempotenceOf({ maxInFlightRequestsPerConnection: 6 })).toBe(false);
    expect(idempotenceOf({ acks: 0, enableIdempotence: false })).toBe(false);
    expect(idempotenceOf({ enableIdempotence: true, maxInFlightRequestsPerConnection: 5 })).toBe(true);
  });

  it('raises the default back-off caps to the first back-off, so back-off never shrinks', () => {
    const s = ok({
      ...base,
      producers: [{ id: 'p', topic: 't', ratePerSec: 1, retryBackoffMs: 5000 }],
      consumerGroups: [{ id: 'g', topic: 't', retry: { backoffMs: 60_000 } }],
    });
    expect(s.producers[0]!.retryBackoffMaxMs).toBe(5000);
    expect(s.consumerGroups[0]!.retry.maxBackoffMs).toBe(60_000);
  });

  it('accepts topics for a multi-topic subscription, and fills key and distribution defaults', () => {
    const s = ok({
      version: 1,
      topics: [{ name: 'a', partitions: 1 }, { name: 'b', partitions: 2 }],
      producers: [{ id: 'p', topic: 'a', ratePerSec: 1, keys: { distribution: 'hot', count: 10 } }],
      consumerGroups: [{ id: 'g', topics: ['a', 'b'] }],
    });
    expect(s.consumerGroups[0]!.topics).toEqual(['a', 'b']);
    expect(s.producers[0]!.keys).toEqual({ distribution: 'hot', count: 10, hotKey: 'k-0', hotShare: 0.5 });
  });

  it('fills fault defaults, sorts faults by atMs stably, and allows faults after durationMs', () => {
    const s = ok({
      ...base,
      durationMs: 1000,
      consumerGroups: [{ id: 'g', topic: 't', consumers: 2 }],
      producers: [{ id: 'p', topic: 't', ratePerSec: 1 }],
      faults: [
        { atMs: 5000, type: 'set-rate', producer: 'p', ratePerSec: 3 },
        { atMs: 10, type: 'consumer-add', group: 'g' },
        { atMs: 10, type: 'set-partitions', topic: 't', partitions: 4 },
        { atMs: 20, type: 'set-partitions', topic: 't', partitions: 8 },
        { atMs: 0, type: 'consumer-slow', group: 'g', consumer: 1, processingMs: { dist: 'uniform', min: 1, max: 2 } },
        { atMs: 0, type: 'slow-follower', broker: 2, delayMs: 50 },
      ],
    });
    expect(s.faults).toEqual([
      { atMs: 0, type: 'consumer-slow', group: 'g', consumer: 1, processingMs: { dist: 'uniform', min: 1, max: 2 }, durationMs: null },
      { atMs: 0, type: 'slow-follower', broker: 2, delayMs: 50, durationMs: null },
      { atMs: 10, type: 'consumer-add', group: 'g', count: 1 },
      { atMs: 10, type: 'set-partitions', topic: 't', partitions: 4 },
      { atMs: 20, type: 'set-partitions', topic: 't', partitions: 8 },
      { atMs: 5000, type: 'set-rate', producer: 'p', ratePerSec: 3 },
    ]);
  });

  it('returns fresh objects: changing one parsed scenario does not change the next', () => {
    const first = ok(base);
    first.cluster.brokers = 99;
    const group = ok({ ...base, consumerGroups: [{ id: 'g', topic: 't' }] }).consumerGroups[0]!;
    group.failures.poisonKeys.push('x');
    expect(ok(base).cluster.brokers).toBe(3);
    expect(ok({ ...base, consumerGroups: [{ id: 'g', topic: 't' }] }).consumerGroups[0]!.failures.poisonKeys).toEqual([]);
  });

  it('does not change its input', () => {
    const input = { ...base, faults: [{ atMs: 2, type: 'broker-restart', broker: 0 }, { atMs: 1, type: 'broker-restart', broker: 1 }] };
    const before = JSON.stringify(input);
    ok(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
