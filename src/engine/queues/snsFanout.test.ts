import { describe, expect, it } from 'vitest';
import { queueHarness } from './testing';
import { QueueEventKind } from './eventKinds';

describe('SNS → SQS fan-out', () => {
  it('every subscribed queue receives every message, and each queue works through its copies with its own workers', () => {
    const h = queueHarness({
      seed: 9,
      sqsQueues: [{ name: 'billing' }, { name: 'shipping' }, { name: 'audit' }, { name: 'unsubscribed' }],
      snsTopics: [{ name: 'orders', subscriptions: ['billing', 'shipping', 'audit'] }],
      publishers: [{ id: 'shop', snsTopic: 'orders', ratePerSec: 500, messageCount: 300 }],
      workers: [
        { id: 'b', sqsQueue: 'billing', count: 2, waitTimeMs: 20_000, processingMs: { dist: 'exponential', mean: 2 } },
        { id: 's', sqsQueue: 'shipping', count: 1, maxMessages: 10, waitTimeMs: 20_000, processingMs: { dist: 'constant', value: 1 } },
        { id: 'a', sqsQueue: 'audit', count: 3, processingMs: { dist: 'uniform', min: 1, max: 9 } },
      ],
    });
    const qw = h.world.queues!;
    const seen = new Map<string, Set<number>>();
    let completing = -1;
    h.runUntil(30_000, {
      before: (kind, a) => {
        completing = kind === QueueEventKind.workerDone ? qw.workers[a]!.current : -1;
      },
      after: () => {
        if (completing < 0) return;
        const name = qw.queues[qw.pool.queue[completing]!]!.name;
        seen.set(name, (seen.get(name) ?? new Set()).add(qw.pool.messageId[completing]!));
      },
    });
    const all = Array.from({ length: 300 }, (_, i) => i);
    expect(Object.fromEntries([...seen].map(([name, ids]) => [name, [...ids].sort((x, y) => x - y)]))).toEqual({ billing: all, shipping: all, audit: all });
    expect(qw.queues.map((q) => [q.name, q.published, q.processed, q.acked])).toEqual([
      ['billing', 300, 300, 300],
      ['shipping', 300, 300, 300],
      ['audit', 300, 300, 300],
      ['unsubscribed', 0, 0, 0],
    ]);
    expect(qw.snsTopics[0]!.published).toBe(300);
  });
});
