/** Workloads shared by the benchmarks and the tests that check the same numbers for truth. */

/**
 * M/M/1: one partition, one consumer, Poisson arrivals at 800/s, exponential processing with
 * mean 1 ms, no network latency, linger.ms 0. Queueing theory: W = 1/(μ−λ) = 5 ms.
 */
export function mm1Scenario(messages: number): unknown {
  const ratePerSec = 800;
  return {
    version: 1,
    title: 'M/M/1 at utilisation 0.8',
    seed: 42,
    durationMs: Math.ceil((messages / ratePerSec) * 1000),
    cluster: { brokers: 1, networkLatencyMs: 0 },
    topics: [{ name: 'jobs', partitions: 1, replicationFactor: 1 }],
    producers: [{ id: 'p', topic: 'jobs', ratePerSec, arrival: 'poisson', keys: { distribution: 'uniform', count: 1000 }, lingerMs: 0 }],
    consumerGroups: [
      {
        id: 'g',
        topic: 'jobs',
        consumers: 1,
        processingMs: { dist: 'exponential', mean: 1 },
        commit: 'after-process',
        autoOffsetReset: 'earliest',
        // The queue must start empty at t = 0 for the M/M/1 figure to apply.
        initialRebalanceDelayMs: 0,
      },
    ],
  };
}

/** Time between two consumer crashes in the churn workload, ms. */
export const CHURN_CRASH_EVERY_MS = 30_000;

/**
 * Consumer churn: 3 brokers, 12 partitions, 6 consumers, 10,000 msg/s, and a consumer crash every
 * 30 s (each crashed consumer restarts 10 s later as a new member), so the group rebalances all
 * the time: join, sync, session expiry, offset resets and redelivery stay on the hot path.
 */
export function churnScenario(durationMs: number): unknown {
  const consumers = 6;
  const faults = [];
  for (let atMs = CHURN_CRASH_EVERY_MS, i = 0; atMs < durationMs; atMs += CHURN_CRASH_EVERY_MS, i++) {
    faults.push({ atMs, type: 'consumer-crash', group: 'g', consumer: i % consumers, restartAfterMs: 10_000 });
  }
  return {
    version: 1,
    title: 'Consumer churn at 10,000 msg/s',
    seed: 7,
    durationMs,
    cluster: { brokers: 3, networkLatencyMs: 1 },
    topics: [{ name: 'events', partitions: 12 }],
    producers: [{ id: 'p', topic: 'events', ratePerSec: 10_000, keys: { distribution: 'uniform', count: 100_000 } }],
    consumerGroups: [
      {
        id: 'g',
        topic: 'events',
        consumers,
        assignor: 'cooperative-sticky',
        processingMs: { dist: 'exponential', mean: 0.3 },
        sessionTimeoutMs: 10_000,
        autoOffsetReset: 'earliest',
      },
    ],
    faults,
  };
}
