import { describe, expect, it } from 'vitest';
import { runQueueScenario } from './testing';

/** A publisher that sends `count` messages to the default exchange for `queue` within the first few µs. */
const burst = (id: string, queue: string, count: number, extra: Record<string, unknown> = {}) => ({
  id,
  exchange: '',
  routingKeys: [queue],
  ratePerSec: 1_000_000,
  arrival: 'constant',
  messageCount: count,
  ...extra,
});

describe('RabbitMQ: prefetch and competing consumers', () => {
  it('prefetchCount bounds the unacknowledged deliveries per worker; 0 is unlimited', () => {
    const run = (prefetchCount: number) =>
      runQueueScenario(
        {
          queues: [{ name: 'jobs' }],
          publishers: [burst('p', 'jobs', 20)],
          workers: [{ id: 'w', queue: 'jobs', prefetchCount, processingMs: { dist: 'constant', value: 1000 } }],
        },
        100,
      ).snapshot().queues!;
    const [limited] = run(3);
    expect(limited).toMatchObject({ name: 'jobs', depth: 17, inFlight: 3, workers: [{ id: 'w-0', held: 3, processing: true }] });
    const [unlimited] = run(0);
    expect(unlimited).toMatchObject({ depth: 0, inFlight: 20, workers: [{ id: 'w-0', held: 20 }] });
  });

  it('pushes to competing consumers round robin: three messages, three busy workers', () => {
    const sim = runQueueScenario(
      {
        queues: [{ name: 'jobs' }],
        publishers: [burst('p', 'jobs', 3)],
        workers: [{ id: 'w', queue: 'jobs', count: 3, prefetchCount: 1, processingMs: { dist: 'constant', value: 10 } }],
      },
      5,
    );
    expect(sim.snapshot().queues![0]!.workers.map((w) => [w.id, w.held])).toEqual([
      ['w-0', 1],
      ['w-1', 1],
      ['w-2', 1],
    ]);
    sim.runUntil(20);
    expect(sim.metrics().queues!.jobs).toMatchObject({ published: 3, delivered: 3, processed: 3, acked: 3, depth: 0, inFlight: 0 });
  });
});

describe('RabbitMQ: nack, reject and dead-lettering', () => {
  const dlx = {
    exchanges: [{ name: 'dlx', type: 'direct' }],
    bindings: [{ exchange: 'dlx', queue: 'dead', routingKey: 'failed' }],
  };

  it('a quorum queue requeues a failing message until its deliveryLimit, then dead-letters it with the dead-letter routing key', () => {
    const sim = runQueueScenario(
      {
        ...dlx,
        queues: [{ name: 'work', type: 'quorum', deliveryLimit: 2, deadLetterExchange: 'dlx', deadLetterRoutingKey: 'failed' }, { name: 'dead' }],
        publishers: [burst('p', 'work', 1)],
        workers: [{ id: 'w', queue: 'work', prefetchCount: 1, onFailure: 'requeue', processingMs: { dist: 'constant', value: 1 }, failures: { poisonKeys: ['work'] } }],
      },
      100,
    );
    const m = sim.metrics();
    expect(m.queues!.work).toMatchObject({ published: 1, delivered: 3, redelivered: 2, failedAttempts: 3, deadLettered: 1, acked: 0, depth: 0, inFlight: 0 });
    expect(m.queues!.dead).toMatchObject({ published: 1, depth: 1 });
    expect(m.exchanges!.dlx).toEqual({ type: 'direct', routed: 1, unroutable: 0 });
    expect(sim.events().filter((e) => e.type === 'queue.deadLettered').map((e) => [e.timeMs, e.text])).toEqual([
      [3, 'Message 0 left work (delivery_limit) for the dead-letter exchange dlx.'],
    ]);
  });

  it('reject without requeue dead-letters at once; a classic queue without a limit redelivers a poison message forever', () => {
    const rejected = runQueueScenario(
      {
        ...dlx,
        queues: [{ name: 'work', deadLetterExchange: 'dlx', deadLetterRoutingKey: 'failed' }, { name: 'dead' }],
        publishers: [burst('p', 'work', 1)],
        workers: [{ id: 'w', queue: 'work', prefetchCount: 1, onFailure: 'reject', processingMs: { dist: 'constant', value: 1 }, failures: { rate: 1 } }],
      },
      100,
    ).metrics();
    expect(rejected.queues!.work).toMatchObject({ delivered: 1, failedAttempts: 1, deadLettered: 1 });
    expect(rejected.queues!.dead!.depth).toBe(1);

    const looping = runQueueScenario(
      {
        queues: [{ name: 'work' }],
        publishers: [burst('p', 'work', 1)],
        workers: [{ id: 'w', queue: 'work', prefetchCount: 1, processingMs: { dist: 'constant', value: 1 }, failures: { rate: 1 } }],
      },
      100,
    ).metrics();
    // Delivered at 0, 1, …, 100 ms: at 100 ms the 100th attempt fails and the 101st begins.
    expect(looping.queues!.work).toMatchObject({ delivered: 101, redelivered: 100, failedAttempts: 100, inFlight: 1, deadLettered: 0 });
  });
});

describe('RabbitMQ: TTL and length limits', () => {
  it('x-message-ttl expires waiting messages: dead-lettered with a DLX, counted expired without', () => {
    const input = (deadLetterExchange: string | null) => ({
      exchanges: [{ name: 'dlx', type: 'fanout' }],
      bindings: [{ exchange: 'dlx', queue: 'dead' }],
      queues: [{ name: 'work', messageTtlMs: 100, deadLetterExchange }, { name: 'dead' }],
      publishers: [burst('p', 'work', 5)],
    });
    const early = runQueueScenario(input('dlx'), 99).metrics().queues!;
    expect([early.work!.depth, early.dead!.depth]).toEqual([5, 0]);
    const withDlx = runQueueScenario(input('dlx'), 101).metrics().queues!;
    expect([withDlx.work!.depth, withDlx.work!.deadLettered, withDlx.work!.expired, withDlx.dead!.depth]).toEqual([0, 5, 0, 5]);
    const without = runQueueScenario(input(null), 101).metrics().queues!;
    expect([without.work!.depth, without.work!.deadLettered, without.work!.expired]).toEqual([0, 0, 5]);
  });

  it('per-message TTL expires only at the head: a message without TTL holds back expired ones behind it', () => {
    const m = runQueueScenario(
      {
        queues: [{ name: 'work' }],
        publishers: [burst('first', 'work', 1), burst('short', 'work', 4, { startMs: 1, expirationMs: 10 })],
      },
      200,
    ).metrics();
    expect(m.queues!.work).toMatchObject({ depth: 5, expired: 0 });
  });

  it('maxLength with drop-head drops (or dead-letters) the oldest; reject-publish refuses the newest', () => {
    const run = (overflow: string, deadLetterExchange: string | null = null) =>
      runQueueScenario(
        {
          exchanges: [{ name: 'dlx', type: 'fanout' }],
          bindings: [{ exchange: 'dlx', queue: 'dead' }],
          queues: [{ name: 'work', maxLength: 3, overflow, deadLetterExchange }, { name: 'dead' }],
          publishers: [burst('p', 'work', 5)],
        },
        10,
      ).metrics().queues!;
    expect(run('drop-head').work).toMatchObject({ published: 5, depth: 3, dropped: 2, rejected: 0 });
    const dead = run('drop-head', 'dlx');
    expect([dead.work!.deadLettered, dead.dead!.depth]).toEqual([2, 2]);
    expect(run('reject-publish').work).toMatchObject({ published: 5, depth: 3, dropped: 0, rejected: 2 });
    const rejectDlx = run('reject-publish-dlx', 'dlx');
    expect([rejectDlx.work!.rejected, rejectDlx.dead!.depth]).toEqual([2, 2]);
  });
});

describe('RabbitMQ: consumer crashes', () => {
  const input = (autoAck: boolean) => ({
    queues: [{ name: 'jobs' }],
    publishers: [burst('p', 'jobs', 5)],
    workers: [{ id: 'w', queue: 'jobs', prefetchCount: 5, autoAck, processingMs: { dist: 'constant', value: 100 } }],
    queueFaults: [{ atMs: 50, type: 'worker-crash', worker: 'w', instance: 0, restartAfterMs: 10 }],
  });

  it('a crashed consumer returns its unacknowledged messages to the queue, in order, for redelivery', () => {
    const sim = runQueueScenario(input(false), 55);
    expect(sim.metrics().queues!.jobs).toMatchObject({ depth: 5, inFlight: 0, delivered: 5, processed: 0 });
    sim.runUntil(1000);
    expect(sim.metrics().queues!.jobs).toMatchObject({ depth: 0, delivered: 10, redelivered: 5, processed: 5, acked: 5, duplicates: 0, lost: 0 });
    expect(sim.events().map((e) => e.text)).toContain('Worker w-0 crashed; 5 unacknowledged messages requeued.');
  });

  it('with autoAck the messages it held are lost', () => {
    const m = runQueueScenario(input(true), 1000).metrics().queues!.jobs!;
    expect(m).toMatchObject({ acked: 5, delivered: 5, processed: 0, lost: 5, depth: 0 });
  });
});
