import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, parseScenario } from '../../index';
import { assignReplicas } from './placement';
import { retryBackoffMs } from './backoff';
import { createRng } from '../../kernel/rng';

/**
 * The safe configuration (acks=all, replication factor 3, min.insync.replicas 2, clean elections
 * only, an idempotent producer) under random broker crashes, restarts and slow followers, one
 * broker down at a time: nothing acknowledged is lost, and no retry writes a record twice or
 * out of order on its partition (so per-key order holds). Invariants are checked after every event.
 */
const safeRunArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  partitions: fc.integer({ min: 1, max: 3 }),
  replicaFetchMs: fc.constantFrom(1, 5, 50),
  replicaLagTimeMaxMs: fc.constantFrom(200, 1000, 30_000),
  maxInFlight: fc.integer({ min: 1, max: 5 }),
  faults: fc.array(
    fc.record({
      atMs: fc.integer({ min: 0, max: 5000 }),
      broker: fc.nat(2),
      kind: fc.constantFrom('crash', 'slow'),
      lastsMs: fc.integer({ min: 50, max: 2000 }),
    }),
    { maxLength: 4 },
  ),
});

describe('the safe configuration, under random broker faults', () => {
  it('loses nothing, never writes a record twice and never reorders a partition', () => {
    fc.assert(
      fc.property(safeRunArb, (r) => {
        // One broker down at a time: each crash restarts before the next fault starts.
        let freeAtMs = 0;
        const faults = [...r.faults]
          .sort((a, b) => a.atMs - b.atMs)
          .flatMap((f): unknown[] => {
            const atMs = Math.max(f.atMs, freeAtMs);
            freeAtMs = atMs + f.lastsMs + 1;
            return f.kind === 'crash'
              ? [{ atMs, type: 'broker-crash', broker: f.broker, restartAfterMs: f.lastsMs }]
              : [{ atMs, type: 'slow-follower', broker: f.broker, delayMs: f.lastsMs, durationMs: f.lastsMs }];
          });
        const parsed = parseScenario({
          version: 1,
          seed: r.seed,
          durationMs: 8000 + freeAtMs,
          cluster: { brokers: 3, networkLatencyMs: 1, replicaFetchMs: r.replicaFetchMs, replicaLagTimeMaxMs: r.replicaLagTimeMaxMs },
          topics: [{ name: 't', partitions: r.partitions, replicationFactor: 3, minInsyncReplicas: 2 }],
          producers: [{ id: 'p', topic: 't', ratePerSec: 300, stopMs: 3000 + freeAtMs, acks: 'all', enableIdempotence: true, maxInFlightRequestsPerConnection: r.maxInFlight, keys: { distribution: 'uniform', count: 20 } }],
          consumerGroups: [{ id: 'g', topic: 't', processingMs: { dist: 'constant', value: 0.2 }, initialRebalanceDelayMs: 0, autoOffsetReset: 'earliest' }],
          faults,
        });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const sim = createSimulation(parsed.scenario, { checkInvariants: true });
        sim.runUntil(parsed.scenario.durationMs);
        const m = sim.metrics();
        const g = m.groups['g']!;
        expect([g.lost, m.duplicatesWritten, m.reorderedRecords, g.duplicates]).toEqual([0, 0, 0, 0]);
        // Every send was acknowledged (retries are unbounded) and every record processed.
        expect([m.failedSends, m.acknowledged, g.pending]).toEqual([0, m.produced, 0]);
        expect(g.processed).toBe(m.produced);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('replica placement (Kafka\'s rack-unaware assignment)', () => {
  it('matches AdminUtils for 5 brokers, 10 partitions, RF 3, start index 0, shift 0', () => {
    // The assignment Kafka's AdminUtilsTest expects for these parameters.
    const assignment = Array.from({ length: 10 }, (_, p) => assignReplicas(p, 3, 5, 0, 0));
    expect(assignment).toEqual([
      [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 0], [4, 0, 1],
      [0, 2, 3], [1, 3, 4], [2, 4, 0], [3, 0, 1], [4, 1, 2],
    ]);
  });
});

describe('the producer\'s retry back-off (ExponentialBackoff)', () => {
  it('doubles from retry.backoff.ms within ±20 % jitter and caps at retry.backoff.max.ms', () => {
    const rng = createRng(1, 'test');
    const waits = Array.from({ length: 7 }, (_, i) => retryBackoffMs(i + 1, 100, 1000, rng));
    [100, 200, 400, 800].forEach((base, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(base * 0.8);
      expect(waits[i]).toBeLessThanOrEqual(base * 1.2);
    });
    for (const w of waits.slice(4)) expect(w).toBeLessThanOrEqual(1000);
    expect(waits.slice(4).every((w) => w >= 800)).toBe(true);
    expect(retryBackoffMs(3, 100, 100, rng)).toBe(100); // no room to grow: no jitter either
  });
});
