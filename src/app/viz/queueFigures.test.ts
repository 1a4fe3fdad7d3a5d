import { describe, expect, it } from 'vitest';
import type { LabSnapshot } from '../../worker/labSnapshot';
import { depthScale, heldText, queueBadge, queueCountsText, queueDetailText, showsKafka, summarizeQueues, workerState, workerStatusText } from './queueFigures';

describe('queue figures', () => {
  it('scales the depth bar to max-length, else to the next 1-2-5 step, never below 10', () => {
    expect(depthScale(3, 0, 1_000)).toBe(1_000);
    expect([depthScale(0, 0, null), depthScale(4, 5, null), depthScale(11, 0, null), depthScale(150, 60, null), depthScale(4_001, 0, null)]).toEqual([10, 10, 20, 500, 5_000]);
  });

  it('uses each broker’s words', () => {
    expect(queueCountsText({ broker: 'rabbitmq', depth: 1_234, inFlight: 30 })).toBe('1,234 ready · 30 unacked');
    expect(queueCountsText({ broker: 'sqs', depth: 2, inFlight: 4 })).toBe('2 visible · 4 in flight');
    expect([
      queueBadge({ broker: 'rabbitmq', type: 'quorum', replyQueue: false }),
      queueBadge({ broker: 'sqs', type: 'fifo', replyQueue: false }),
      queueBadge({ broker: 'sqs', type: 'standard', replyQueue: false }),
      queueBadge({ broker: 'rabbitmq', type: 'classic', replyQueue: true }),
    ]).toEqual(['quorum', 'SQS FIFO', 'SQS', 'reply']);
    expect(queueDetailText({ oldestAgeMs: 1_250 }, 1_000)).toBe('oldest 1.3 s · max 1,000');
    expect(queueDetailText({ oldestAgeMs: 12.4 }, null)).toBe('oldest 12 ms');
  });

  it('says what a worker is doing with a symbol and words, not colour alone', () => {
    expect(workerState({ alive: false, processing: true })).toEqual({ symbol: '✕', word: 'down' });
    expect(workerState({ alive: true, processing: true })).toEqual({ symbol: '●', word: 'processing' });
    expect(workerStatusText({ alive: true, processing: false, utilisation: 0.126 })).toBe('idle · 13% busy');
    expect(workerStatusText({ alive: false, processing: false, utilisation: 0.5 })).toBe('down');
    expect(heldText({ held: 7 }, 10)).toBe('7/10');
    expect(heldText({ held: 7 }, null)).toBe('7 held');
  });

  it('shows the Kafka drawing unless the scenario has queue brokers and nothing of Kafka', () => {
    const empty = { topics: [], producers: [], groups: [] };
    expect(showsKafka({ ...empty, queues: undefined })).toBe(true);
    expect(showsKafka({ ...empty, queues: [] })).toBe(false);
    expect(showsKafka({ ...empty, producers: [{ id: 'p', topic: 't', ratePerSec: 1 }], queues: [] })).toBe(true);
  });

  it('summarises the brokers in one sentence', () => {
    const snapshot = {
      exchanges: [
        { name: '', type: 'direct', bindings: [], routed: 0, unroutable: 0 },
        { name: 'orders', type: 'topic', bindings: [{ queue: 'jobs', routingKey: 'order.#', headers: {}, xMatch: 'all' }], routed: 0, unroutable: 0 },
      ],
      snsTopics: [{ name: 'news', subscriptions: ['a', 'b'], published: 0 }],
      queues: [
        {
          name: 'jobs', broker: 'rabbitmq', type: 'quorum', depth: 5, inFlight: 2, oldestAgeMs: 0, deadLetterTo: 'orders.dlx', replyQueue: false, published: 0, acked: 0, deadLettered: 0,
          workers: [{ id: 'w-0', alive: true, held: 2, processing: true, utilisation: 1 }, { id: 'w-1', alive: false, held: 0, processing: false, utilisation: 0 }],
        },
      ],
    } as unknown as LabSnapshot;
    expect(summarizeQueues(snapshot, 1)).toBe(
      'Queues: 1 publisher; topic exchange orders bound to jobs; SNS topic news fanning out to a, b; quorum queue jobs with 5 ready and 2 unacknowledged, 1 of 2 workers up, dead letters to orders.dlx.',
    );
  });
});
