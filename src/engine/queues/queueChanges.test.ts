import { describe, expect, it } from 'vitest';
import { runQueueScenario } from './testing';

const input = {
  queues: [{ name: 'jobs' }],
  publishers: [{ id: 'p', exchange: '', routingKeys: ['jobs'], ratePerSec: 1_000_000, arrival: 'constant', messageCount: 12 }],
  workers: [{ id: 'w', queue: 'jobs', count: 1, prefetchCount: 2, processingMs: { dist: 'constant', value: 100 } }],
};

describe('live changes to queue brokers (sim.apply)', () => {
  it('set-prefetch, worker-add, worker-crash and worker-restart change what the workers hold', () => {
    const sim = runQueueScenario(input, 10);
    const held = () => sim.snapshot().queues![0]!.workers.map((w) => [w.id, w.alive, w.held]);
    expect(held()).toEqual([['w-0', true, 2]]);
    expect(sim.apply({ type: 'set-prefetch', worker: 'w', prefetchCount: 5 })).toEqual({ ok: true });
    expect(held()).toEqual([['w-0', true, 5]]);
    expect(sim.apply({ type: 'worker-add', worker: 'w', count: 2 })).toEqual({ ok: true });
    expect(held()).toEqual([
      ['w-0', true, 5],
      ['w-1', true, 5],
      ['w-2', true, 2],
    ]);
    expect(sim.apply({ type: 'worker-crash', worker: 'w', instance: 1 })).toEqual({ ok: true });
    // w-1's five go back to the head; w-2 has room for three of them.
    expect(held()).toEqual([
      ['w-0', true, 5],
      ['w-1', false, 0],
      ['w-2', true, 5],
    ]);
    expect(sim.metrics().queues!.jobs).toMatchObject({ depth: 2, inFlight: 10 });
    expect(sim.apply({ type: 'worker-restart', worker: 'w', instance: 1 })).toEqual({ ok: true });
    expect(held()[1]).toEqual(['w-1', true, 2]);
    sim.runUntil(2000);
    expect(sim.metrics().queues!.jobs).toMatchObject({ processed: 12, acked: 12, redelivered: 5, depth: 0, inFlight: 0 });
  });

  it('refuses changes that do not fit, with a reason', () => {
    const sim = runQueueScenario(input, 10);
    expect([
      sim.apply({ type: 'worker-crash', worker: 'nope', instance: 0 }),
      sim.apply({ type: 'worker-crash', worker: 'w', instance: 3 }),
      sim.apply({ type: 'set-prefetch', worker: 'w', prefetchCount: -1 }),
      sim.apply({ type: 'worker-restart', worker: 'w', instance: 0 }),
      sim.apply({ type: 'set-publish-rate', publisher: 'p', ratePerSec: -5 }),
    ]).toEqual([
      { ok: false, error: 'no worker pool "nope"' },
      { ok: false, error: 'worker pool w has no worker 3 (it has 1)' },
      { ok: false, error: 'prefetchCount must be a whole number from 0 to 65535, got -1' },
      { ok: false, error: 'w-0 is running already' },
      { ok: false, error: 'ratePerSec must be between 0 and 1000000, got -5' },
    ]);
  });
});
