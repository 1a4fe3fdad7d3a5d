import { describe, expect, it } from 'vitest';
import { recordHistory, recordRefs } from './recordHistory';
import { createSimulation, parseScenario } from '../index';
import type { EngineEvent } from './eventLog';

const at = (timeMs: number, type: string, text: string): EngineEvent => ({ timeMs, type, text, source: 'billing' });

const log: EngineEvent[] = [
  at(1, 'delivery.poisonKey', 'Key k-13 is now poison for group billing: every attempt to process a record with it fails.'),
  at(5, 'consumer.assigned', 'c-0 was assigned orders-3, orders-31; it resumes from the committed offsets.'),
  at(10, 'delivery.retryInPlace', 'Record orders-3@120 (key k-13) failed attempt 1 of 3 (poison key: processing always fails): c-0 seeks back to offset 120 and backs off 100 ms, blocking its partitions.'),
  at(10.5, 'delivery.retryInPlace', 'Record orders-3@12 (key k-9) failed attempt 1 of 3 (transient processing failure): c-0 seeks back to offset 12 and backs off 90 ms, blocking its partitions.'),
  at(110, 'delivery.retryInPlace', 'Record orders-3@120 (key k-13) failed attempt 2 of 3 (poison key: processing always fails): c-0 seeks back to offset 120 and backs off 200.5 ms, blocking its partitions.'),
  at(200, 'consumer.revoked', 'c-0 revoked orders-31 before rejoining.'),
  at(311, 'delivery.deadLettered', 'Record orders-3@120 (key k-13) dead-lettered to orders-dlt-3 after 3 attempts: poison key: processing always fails.'),
  at(400, 'delivery.redelivering', 'c-1 starts orders-3 at the committed offset 100: offsets 100..130 were handled but not committed, so they are delivered again and processed twice.'),
  at(401, 'delivery.redelivering', 'c-1 starts orders-31 at the committed offset 100: offsets 100..130 were handled but not committed, so they are delivered again and processed twice.'),
  at(900, 'consumer.crashed', 'c-1 crashed while owning orders-3: they stay unprocessed until the coordinator misses its heartbeats.'),
];

describe('recordHistory', () => {
  it('follows one record by offset: its attempts, back-offs, dead-lettering and the redelivery that covers it', () => {
    const history = recordHistory(log, { kind: 'offset', topic: 'orders', partition: 3, offset: 120 }, { fromMs: 0, toMs: 500 });
    expect(history.key).toBe('k-13');
    expect(history.records).toEqual(['orders-3@120']);
    expect(history.steps.map((s) => [s.timeMs, s.kind, s.attempt ?? null, s.backoffMs ?? null])).toEqual([
      [1, 'poison', null, null],
      [5, 'ownership', null, null],
      [10, 'retry', 1, 100],
      [110, 'retry', 2, 200.5],
      [311, 'dead-lettered', 3, null],
      [400, 'redelivered', null, null],
    ]);
  });

  it('keeps partition context only inside the window, and never for another partition', () => {
    const history = recordHistory(log, { kind: 'offset', topic: 'orders', partition: 3, offset: 120 }, { fromMs: 850, toMs: 1000 });
    expect(history.steps.map((s) => s.timeMs)).toEqual([1, 10, 110, 311, 400, 900]);
    const other = recordHistory(log, { kind: 'offset', topic: 'orders', partition: 31, offset: 140 });
    expect(other.steps).toEqual([]);
  });

  it('finds every record of a key', () => {
    const history = recordHistory(log, { kind: 'key', key: 'k-9' });
    expect(history.records).toEqual(['orders-3@12']);
    expect(history.steps.map((s) => s.type)).toEqual(['delivery.retryInPlace']);
  });

  it('reads topic names with dashes', () => {
    expect(recordRefs('Record my-orders-12@7 from my-orders-retry-100 and x-1@2.')).toEqual(['my-orders-12@7', 'x-1@2']);
  });

  it('reads the sentences the engine really writes: a poison key retried in place, then dead-lettered', () => {
    const parsed = parseScenario({
      version: 1,
      title: 'poison',
      seed: 3,
      durationMs: 5_000,
      topics: [{ name: 'orders', partitions: 2 }],
      producers: [{ id: 'p', topic: 'orders', ratePerSec: 50, keys: { distribution: 'uniform', count: 20 } }],
      consumerGroups: [
        {
          id: 'billing',
          topic: 'orders',
          consumers: 1,
          processingMs: { dist: 'constant', value: 1 },
          failures: { poisonKeys: ['k-3'] },
          retry: { mode: 'in-place', maxAttempts: 3, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0 },
          deadLetterTopic: 'orders-dlt',
        },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const sim = createSimulation(parsed.scenario);
    sim.runUntil(5_000);
    const byKey = recordHistory(sim.events(), { kind: 'key', key: 'k-3' });
    const first = byKey.records[0];
    expect(first).toMatch(/^orders-\d@\d+$/);
    const [, partition, offset] = /^orders-(\d)@(\d+)$/.exec(first!)!;
    const one = recordHistory(sim.events(), { kind: 'offset', topic: 'orders', partition: Number(partition), offset: Number(offset) });
    expect(one.key).toBe('k-3');
    const own = one.steps.filter((s) => s.record === first);
    expect(own.map((s) => [s.kind, s.attempt, s.backoffMs ?? null])).toEqual([
      ['retry', 1, 100],
      ['retry', 2, 200],
      ['dead-lettered', 3, null],
    ]);
    // The back-offs are waited out: each attempt starts at least its back-off after the last failed.
    expect(own[1]!.timeMs - own[0]!.timeMs).toBeGreaterThanOrEqual(100);
    expect(own[2]!.timeMs - own[1]!.timeMs).toBeGreaterThanOrEqual(200);
  });
});
