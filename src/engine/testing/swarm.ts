import fc from 'fast-check';
import { parseScenario } from '../scenario';
import { createSimulation } from '../simulation';
import { distributionArb, keysArb } from './arbitraries';
import type { Metrics } from '../metrics/summary';

/**
 * The simulation swarm: one small random scenario per seed (random topology, knobs and faults),
 * run with every invariant checked after every event. A failing seed is shrunk by fast-check to
 * a minimal scenario that still fails, ready to save as a file and replay with `npm run sim`.
 */

const ASSIGNORS = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;

/** One fault, aimed at topic/producer/group/consumer slots that are resolved against the topology. */
const faultArb = fc.record({
  atMs: fc.integer({ min: 0, max: 8_000 }),
  group: fc.nat(1),
  consumer: fc.nat(5),
  change: fc.oneof(
    fc.record({ type: fc.constant('consumer-crash'), restartAfterMs: fc.constantFrom(null, 1500, 7000) }),
    fc.record({ type: fc.constant('consumer-leave') }),
    fc.record({ type: fc.constant('consumer-add'), count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ type: fc.constant('consumer-slow'), processingMs: distributionArb, durationMs: fc.constantFrom(null, 3000) }),
    fc.record({ type: fc.constant('set-partitions'), extra: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ type: fc.constant('set-rate'), ratePerSec: fc.constantFrom(0, 20, 300) }),
    fc.record({ type: fc.constant('poison-key'), key: fc.constantFrom('k-0', 'k-1') }),
    // Broker faults, aimed at broker `consumer % brokers`.
    fc.record({ type: fc.constant('broker-crash'), restartAfterMs: fc.constantFrom(null, 800, 4000) }),
    fc.record({ type: fc.constant('broker-restart') }),
    fc.record({ type: fc.constant('slow-follower'), delayMs: fc.constantFrom(60, 1500), durationMs: fc.constantFrom(null, 3000) }),
  ),
});

/** Cluster knobs: replication is drawn per topic (clamped to the brokers) and shrinks to one broker. */
const clusterArb = fc.record({
  brokers: fc.integer({ min: 1, max: 3 }),
  replicaFetchMs: fc.constantFrom(0, 5, 40),
  replicaLagTimeMaxMs: fc.constantFrom(100, 1000, 30_000),
  uncleanLeaderElection: fc.boolean(),
  replication: fc.array(fc.record({ rf: fc.nat(2), minIsr: fc.nat(2) }), { minLength: 2, maxLength: 2 }),
});

/** Producer delivery knobs: acks, idempotence (only where Kafka allows it), retries and timeouts. */
const producerDeliveryArb = fc
  .record({
    acks: fc.constantFrom('all', '1', '0'),
    idempotent: fc.boolean(),
    retries: fc.constantFrom(2_147_483_647, 0, 2),
    maxInFlightRequestsPerConnection: fc.constantFrom(5, 1, 3),
    retryBackoffMs: fc.constantFrom(100, 10),
    deliveryTimeoutMs: fc.constantFrom(120_000, 2500),
    requestTimeoutMs: fc.constantFrom(30_000, 800),
  })
  .map(({ idempotent, ...d }) => ({ ...d, enableIdempotence: idempotent && d.acks === 'all' && d.retries > 0 }));

/** Scenario inputs small enough that ten thousand of them, invariants and all, run in about a minute. */
export const swarmScenarioArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    durationMs: fc.integer({ min: 500, max: 10_000 }),
    networkLatencyMs: fc.constantFrom(0, 0.3, 1, 4),
    cluster: clusterArb,
    topics: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 2 }),
    producers: fc.array(
      fc.record({
        topic: fc.nat(1),
        ratePerSec: fc.constantFrom(0, 5, 40, 150),
        arrival: fc.constantFrom('poisson', 'constant'),
        keys: keysArb,
        lingerMs: fc.constantFrom(0, 2, 20),
        batchSize: fc.constantFrom(200, 16384),
        delivery: producerDeliveryArb,
        startMs: fc.constantFrom(0, 0, 700),
      }),
      { maxLength: 2 },
    ),
    groups: fc.array(
      fc.record({
        topic: fc.nat(1),
        consumers: fc.integer({ min: 0, max: 4 }),
        assignor: fc.constantFrom(...ASSIGNORS),
        staticMembership: fc.boolean(),
        processingMs: distributionArb,
        commit: fc.constantFrom('after-process', 'before-process', 'auto'),
        autoCommitIntervalMs: fc.constantFrom(20, 5000),
        maxPollRecords: fc.integer({ min: 1, max: 30 }),
        autoOffsetReset: fc.constantFrom('earliest', 'latest'),
        initialRebalanceDelayMs: fc.constantFrom(0, 400, 3000),
        heartbeatIntervalMs: fc.constantFrom(200, 1000),
        maxPollIntervalMs: fc.constantFrom(800, 300_000),
        // Consumer-side delivery: failures, retries in place or via retry topics, DLT, dedupe.
        failures: fc.record({ transientRate: fc.constantFrom(0, 0, 0.05, 0.3), poisonKeys: fc.constantFrom([], [], ['k-0']) }),
        retry: fc.record({
          mode: fc.constantFrom('in-place', 'retry-topics'),
          maxAttempts: fc.integer({ min: 1, max: 4 }),
          backoffMs: fc.constantFrom(0, 10, 200),
          multiplier: fc.constantFrom(1, 2),
          jitter: fc.constantFrom(0, 0.2),
        }),
        deadLetterTopic: fc.constantFrom(null, 'dlt'),
        idempotent: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    faults: fc.array(faultArb, { maxLength: 5 }),
  })
  .map((r) => {
    const topicName = (i: number) => `t${Math.min(i, r.topics.length - 1)}`;
    const partitions = [...r.topics];
    const faults = [...r.faults]
      .sort((a, b) => a.atMs - b.atMs)
      .flatMap((f): unknown[] => {
        const { change, atMs } = f;
        if (change.type === 'set-rate') {
          return r.producers.length === 0 ? [] : [{ atMs, type: change.type, producer: `p${f.consumer % r.producers.length}`, ratePerSec: change.ratePerSec }];
        }
        if (change.type === 'set-partitions') {
          const t = f.group % partitions.length;
          partitions[t] = Math.min(1024, partitions[t]! + change.extra);
          return [{ atMs, type: change.type, topic: `t${t}`, partitions: partitions[t] }];
        }
        if (change.type === 'broker-crash' || change.type === 'broker-restart' || change.type === 'slow-follower') {
          return [{ ...change, atMs, broker: f.consumer % r.cluster.brokers }];
        }
        if (r.groups.length === 0) return [];
        const g = f.group % r.groups.length;
        const group = `g${g}`;
        if (change.type === 'consumer-add') return [{ atMs, type: change.type, group, count: change.count }];
        if (change.type === 'poison-key') return [{ atMs, type: change.type, group, key: change.key }];
        const consumers = r.groups[g]!.consumers;
        if (consumers === 0) return [];
        return [{ ...change, atMs, group, consumer: f.consumer % consumers }];
      });
    return {
      version: 1,
      seed: r.seed,
      durationMs: r.durationMs,
      cluster: {
        brokers: r.cluster.brokers,
        networkLatencyMs: r.networkLatencyMs,
        replicaFetchMs: r.cluster.replicaFetchMs,
        replicaLagTimeMaxMs: r.cluster.replicaLagTimeMaxMs,
        uncleanLeaderElection: r.cluster.uncleanLeaderElection,
      },
      topics: r.topics.map((n, i) => {
        const replicationFactor = 1 + (r.cluster.replication[i]!.rf % r.cluster.brokers);
        return { name: `t${i}`, partitions: n, replicationFactor, minInsyncReplicas: 1 + (r.cluster.replication[i]!.minIsr % replicationFactor) };
      }),
      producers: r.producers.map(({ delivery, ...p }, i) => ({ ...p, ...delivery, id: `p${i}`, topic: topicName(p.topic) })),
      consumerGroups: r.groups.map((g, i) => ({ ...g, id: `g${i}`, topic: topicName(g.topic), sessionTimeoutMs: 6000 })),
      faults,
    };
  });

/** Runs one scenario input to its end with invariants on; throws on the first violation. Returns the events run. */
export function runChecked(input: unknown): number {
  return runCheckedMetrics(input).events;
}

/** The same, returning the run's final metrics (the swarm's "sometimes" checks read them). */
export function runCheckedMetrics(input: unknown): Metrics {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`the swarm generated an invalid scenario: ${JSON.stringify(parsed.errors)}`);
  const sim = createSimulation(parsed.scenario, { checkInvariants: true });
  sim.runUntil(parsed.scenario.durationMs);
  return sim.metrics();
}

export type SwarmSeedResult =
  | { ok: true; seed: number }
  | { ok: false; seed: number; error: string; /** The shrunk scenario that still fails. */ scenario: unknown };

/**
 * One swarm seed: generate its scenario, run it checked, shrink it if it fails. `check` is the
 * run (tests swap it to prove that failures are reported and shrunk).
 */
export function runSwarmSeed(seed: number, check: (input: unknown) => unknown = runChecked): SwarmSeedResult {
  const details = fc.check(
    fc.property(swarmScenarioArb, (input) => {
      check(input);
    }),
    { seed, numRuns: 1 },
  );
  if (!details.failed) return { ok: true, seed };
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return { ok: false, seed, error, scenario: details.counterexample?.[0] };
}
