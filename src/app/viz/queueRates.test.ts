import { describe, expect, it } from 'vitest';
import type { LabSnapshot } from '../../worker/labSnapshot';
import type { QueueView } from '../../worker/queueFrameCodec';
import { emptyQueueRates, nextQueueRates, queueEdgeRate } from './queueRates';
import { RATE_SMOOTHING_MS } from './rates';

function queue(published: number, acked: number, deadLettered: number, utilisations: [number, number]): QueueView {
  return {
    name: 'jobs',
    broker: 'rabbitmq',
    type: 'classic',
    depth: 0,
    inFlight: 0,
    oldestAgeMs: 0,
    deadLetterTo: 'dlx',
    replyQueue: false,
    published,
    acked,
    deadLettered,
    workers: utilisations.map((utilisation, i) => ({ id: `w-${i}`, alive: true, held: 0, processing: false, utilisation })),
  };
}

function frame(timeMs: number, q: QueueView, routed: number): LabSnapshot {
  return {
    timeMs,
    durationMs: 60_000,
    finished: false,
    metrics: {} as LabSnapshot['metrics'],
    topics: [],
    producers: [],
    groups: [],
    eventsTotal: 0,
    exchanges: [{ name: 'orders', type: 'direct', bindings: [], routed, unroutable: 0 }],
    queues: [q],
    snsTopics: [],
  };
}

describe('queue rates', () => {
  const a = frame(1_000, queue(100, 50, 0, [0.5, 0.25]), 100);
  const b = frame(2_000, queue(200, 90, 3, [0.5, 0.5]), 200);

  it('measures each queue, exchange and worker from two frames', () => {
    const first = nextQueueRates(null, null, a);
    expect(first).toEqual(emptyQueueRates(1_000));
    const second = nextQueueRates(first, a, b);
    // Worker 0 was busy 1000 − 500 = 500 ms of the second, worker 1 1000 − 250 = 750 ms: they share the 40 acks 2 : 3.
    expect(second).toEqual({
      timeMs: 2_000,
      enqueuedPerSec: { jobs: 100 },
      ackedPerSec: { jobs: 40 },
      deadLetteredPerSec: { jobs: 3 },
      routedPerSec: { orders: 100 },
      snsPublishedPerSec: {},
      workerPerSec: { 'w-0': 16, 'w-1': 24 },
    });
  });

  it('smooths over simulated time, keeps a repeated frame, and starts over on a seek back', () => {
    const second = nextQueueRates(nextQueueRates(null, null, a), a, b)!;
    const c = frame(3_000, queue(200, 90, 3, [1 / 3, 1 / 3]), 200);
    const third = nextQueueRates(second, b, c)!;
    const weight = 1 - Math.exp(-1_000 / RATE_SMOOTHING_MS);
    expect(third.enqueuedPerSec.jobs).toBeCloseTo(100 + weight * (0 - 100), 9);
    expect(nextQueueRates(third, c, c)).toBe(third);
    expect(nextQueueRates(third, c, a)).toEqual(emptyQueueRates(1_000));
  });

  it('is null for a scenario without queue brokers', () => {
    const kafkaOnly = { ...a, exchanges: undefined, queues: undefined, snsTopics: undefined };
    expect(nextQueueRates(null, null, kafkaOnly)).toBeNull();
  });

  it('gives an edge its share of the rate it names', () => {
    const rates = { ...emptyQueueRates(0), routedPerSec: { pricing: 210 } };
    expect(queueEdgeRate({ source: 'routedPerSec', name: 'pricing', share: 2 }, rates)).toBe(105);
    expect(queueEdgeRate({ source: 'routedPerSec', name: 'other', share: 1 }, rates)).toBe(0);
    expect(queueEdgeRate({ source: 'routedPerSec', name: 'pricing', share: 1 }, null)).toBe(0);
  });
});
