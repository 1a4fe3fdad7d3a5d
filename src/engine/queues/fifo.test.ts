import { describe, expect, it } from 'vitest';
import { queueHarness } from './testing';
import { QueueEventKind } from './eventKinds';

describe('SQS FIFO', () => {
  it('delivers each message group in order under retries, with other groups going on, and drops duplicate sends within 5 minutes', () => {
    const h = queueHarness({
      seed: 5,
      sqsQueues: [{ name: 'orders.fifo', fifo: true, visibilityTimeoutMs: 200 }],
      publishers: [{ id: 'p', sqsQueue: 'orders.fifo', ratePerSec: 400, messageCount: 600, messageGroups: 6, duplicateRate: 0.2 }],
      workers: [{ id: 'w', sqsQueue: 'orders.fifo', count: 4, maxMessages: 3, waitTimeMs: 20_000, processingMs: { dist: 'exponential', mean: 4 }, failures: { rate: 0.3 } }],
    });
    const qw = h.world.queues!;
    const pool = qw.pool;
    const order = new Map<number, number[]>();
    let completing = -1;
    h.runUntil(60_000, {
      before: (kind, a) => {
        completing = kind === QueueEventKind.workerDone ? qw.workers[a]!.current : -1;
      },
      after: () => {
        // The first completion of a message: its group's next in processing order.
        if (completing < 0 || pool.completions[completing] !== 1 || order.get(pool.group[completing]!)?.at(-1) === pool.messageId[completing]) return;
        const group = pool.group[completing]!;
        order.set(group, [...(order.get(group) ?? []), pool.messageId[completing]!]);
      },
    });
    const q = qw.queues[0]!;
    expect(q.failedAttempts).toBeGreaterThan(100);
    expect(q.deduplicated).toBeGreaterThan(50);
    expect(q.published).toBe(600 + q.deduplicated);
    expect([q.processed, q.acked, q.duplicates, q.inFlight]).toEqual([600, 600, 0, 0]);
    expect(order.size).toBe(6);
    for (const [group, ids] of order) {
      expect({ group, ordered: ids.every((id, i) => i === 0 || ids[i - 1]! < id) }).toEqual({ group, ordered: true });
    }
    expect([...order.values()].reduce((n, ids) => n + ids.length, 0)).toBe(600);
  });
});
