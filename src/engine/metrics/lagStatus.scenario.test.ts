import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { parseScenario } from '../scenario';
import type { GroupMetrics } from './summary';

/**
 * One partition, 100 records/s, one consumer auto-committing every second and polling 10 records
 * at a time (so it commits often): the group's health after 40 s.
 */
function healthAfter(group: Record<string, unknown>, faults: unknown[] = [], keyCount = 1000, arrival = 'constant'): GroupMetrics['lagHealth'] {
  const parsed = parseScenario({
    version: 1,
    title: 'lag health',
    seed: 5,
    durationMs: 40_000,
    topics: [{ name: 'orders', partitions: 1 }],
    producers: [{ id: 'p', topic: 'orders', ratePerSec: 100, arrival, keys: { distribution: 'uniform', count: keyCount }, acks: 1 }],
    consumerGroups: [{ id: 'g', topic: 'orders', consumers: 1, commit: 'auto', autoCommitIntervalMs: 1000, maxPollRecords: 10, ...group }],
    faults,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const sim = createSimulation(parsed.scenario, { checkInvariants: true });
  sim.runUntil(40_000);
  return sim.metrics().groups.g!.lagHealth;
}

describe("Burrow's statuses in the runs built to show them", () => {
  it('OK: a consumer that keeps up (random arrivals, so the lag at commits goes down as well as up)', () => {
    const health = healthAfter({ processingMs: { dist: 'constant', value: 1 } }, [], 1000, 'poisson');
    expect(health.status).toBe('OK');
    expect(health.maxAgeMs).toBeLessThan(1500);
  });

  it('WARNING: commits advance but the lag keeps growing (a consumer at 2/3 of the produce rate)', () => {
    const health = healthAfter({ processingMs: { dist: 'constant', value: 15 } });
    expect(health.status).toBe('WARNING');
    expect(health.perPartition[0]!.trend).toBe('growing');
    // It processes 2 records for every 3 produced: after 40 s the oldest unread record is ~13 s old.
    expect(health.maxAgeMs).toBeGreaterThan(10_000);
    expect(health.maxAgeMs).toBeLessThan(16_000);
  });

  it('STALLED: a poison record retried in place; auto-commit keeps committing the same offset', () => {
    const health = healthAfter(
      { processingMs: { dist: 'constant', value: 1 }, retry: { mode: 'in-place', maxAttempts: 100, backoffMs: 1000 } },
      [{ atMs: 5000, type: 'poison-key', group: 'g', key: 'k-0' }],
      1,
    );
    expect(health.status).toBe('STALLED');
    expect(health.maxAgeMs).toBeGreaterThan(30_000);
  });

  it('STOPPED: the only consumer crashes and never comes back, so commits stop', () => {
    const health = healthAfter({ processingMs: { dist: 'constant', value: 15 } }, [
      { atMs: 20_000, type: 'consumer-crash', group: 'g', consumer: 0, restartAfterMs: null },
    ]);
    expect(health.status).toBe('STOPPED');
  });
});
