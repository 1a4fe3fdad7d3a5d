import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runQueueScenario } from './testing';

const distributionArb = fc.oneof(
  fc.record({ dist: fc.constant('constant'), value: fc.constantFrom(0, 1, 5, 40) }),
  fc.record({ dist: fc.constant('exponential'), mean: fc.constantFrom(0.5, 3, 20) }),
);

/** Small random broker setups: every knob that changes a message's fate, with crashes. */
const queueScenarioArb = fc
  .record({
    seed: fc.nat(1_000_000),
    durationMs: fc.integer({ min: 200, max: 2000 }),
    exchangeType: fc.constantFrom('direct', 'topic', 'fanout', 'headers'),
    queues: fc.array(
      fc.record({
        type: fc.constantFrom('classic', 'quorum'),
        messageTtlMs: fc.constantFrom(null, 5, 200),
        maxLength: fc.constantFrom(null, 0, 3, 50),
        overflow: fc.constantFrom('drop-head', 'reject-publish'),
        deadLetter: fc.boolean(),
        deliveryLimit: fc.constantFrom(null, 0, 2),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    rabbitWorkers: fc.array(
      fc.record({
        queue: fc.nat(2),
        count: fc.integer({ min: 0, max: 3 }),
        prefetchCount: fc.constantFrom(0, 1, 4),
        autoAck: fc.boolean(),
        onFailure: fc.constantFrom('requeue', 'reject'),
        processingMs: distributionArb,
        rate: fc.constantFrom(0, 0.2, 1),
      }),
      { maxLength: 3 },
    ),
    sqs: fc.record({
      fifo: fc.boolean(),
      visibilityTimeoutMs: fc.constantFrom(0, 3, 50),
      maxReceiveCount: fc.constantFrom(null, 1, 3),
      workers: fc.integer({ min: 0, max: 3 }),
      maxMessages: fc.integer({ min: 1, max: 10 }),
      waitTimeMs: fc.constantFrom(0, 100),
      processingMs: distributionArb,
      rate: fc.constantFrom(0, 0.3),
      duplicateRate: fc.constantFrom(0, 0.3),
    }),
    ratePerSec: fc.constantFrom(20, 100, 400),
    crashAtMs: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
  })
  .map((r) => {
    const rabbitNames = r.queues.map((_, i) => `q${i}`);
    const suffix = r.sqs.fifo ? '.fifo' : '';
    const workers = [
      ...r.rabbitWorkers.map((w, i) => ({
        id: `rw${i}`,
        queue: rabbitNames[w.queue % rabbitNames.length],
        count: w.count,
        prefetchCount: w.prefetchCount,
        autoAck: w.autoAck,
        onFailure: w.onFailure,
        processingMs: w.processingMs,
        failures: { rate: w.rate },
      })),
      { id: 'sw', sqsQueue: `jobs${suffix}`, count: r.sqs.workers, maxMessages: r.sqs.maxMessages, waitTimeMs: r.sqs.waitTimeMs, processingMs: r.sqs.processingMs, failures: { rate: r.sqs.rate } },
    ];
    const firstWithWorkers = workers.find((w) => w.count > 0);
    return {
      seed: r.seed,
      durationMs: r.durationMs,
      exchanges: [{ name: 'x', type: r.exchangeType }, { name: 'dlx', type: 'fanout' }],
      queues: [
        ...r.queues.map((q, i) => ({
          name: rabbitNames[i],
          type: q.type,
          messageTtlMs: q.messageTtlMs,
          maxLength: q.maxLength,
          overflow: q.overflow,
          deadLetterExchange: q.deadLetter ? 'dlx' : null,
          ...(q.type === 'quorum' ? { deliveryLimit: q.deliveryLimit } : {}),
        })),
        { name: 'dead', maxLength: 100 },
      ],
      bindings: [
        ...rabbitNames.map((queue, i) => ({ exchange: 'x', queue, routingKey: ['a.*', 'a.#', '#'][i % 3], headers: { k: i % 2 === 0 ? 'a.b' : 'c' }, xMatch: 'any' })),
        { exchange: 'dlx', queue: 'dead' },
        // A dead-letter cycle: q0's dead letters can come back to q0.
        { exchange: 'dlx', queue: rabbitNames[0] },
      ],
      sqsQueues: [
        { name: `jobs${suffix}`, fifo: r.sqs.fifo, visibilityTimeoutMs: r.sqs.visibilityTimeoutMs, redrivePolicy: r.sqs.maxReceiveCount === null ? null : { deadLetterQueue: `dlq${suffix}`, maxReceiveCount: r.sqs.maxReceiveCount } },
        { name: `dlq${suffix}`, fifo: r.sqs.fifo },
      ],
      snsTopics: [{ name: `topic${suffix}`, subscriptions: [`jobs${suffix}`, `dlq${suffix}`] }],
      publishers: [
        { id: 'rp', exchange: 'x', ratePerSec: r.ratePerSec, routingKeys: ['a.b', 'c', 'a'], headers: [{ k: 'a.b' }, { k: 'c' }], expirationMs: r.queues[0]!.messageTtlMs === 5 ? 10 : null, request: { timeoutMs: 30 } },
        { id: 'sp', sqsQueue: `jobs${suffix}`, ratePerSec: r.ratePerSec / 2, duplicateRate: r.sqs.duplicateRate, messageGroups: r.sqs.fifo ? 3 : null },
        { id: 'np', snsTopic: `topic${suffix}`, ratePerSec: 20, messageGroups: r.sqs.fifo ? 2 : null },
      ],
      workers,
      queueFaults: r.crashAtMs === undefined || firstWithWorkers === undefined ? [] : [{ atMs: r.crashAtMs, type: 'worker-crash', worker: firstWithWorkers.id, instance: 0, restartAfterMs: 300 }],
    };
  });

describe('queue brokers: conservation and bookkeeping over random setups', () => {
  it('every copy has exactly one fate after every event (published = acked + depth + in flight + dead-lettered + expired + dropped + rejected + deduplicated)', () => {
    fc.assert(
      fc.property(queueScenarioArb, (input) => {
        const sim = runQueueScenario(input, input.durationMs); // throws on the first violated invariant
        const m = sim.metrics();
        for (const [name, q] of Object.entries(m.queues!)) {
          const fates = q.acked + q.depth + q.inFlight + q.deadLettered + q.expired + q.dropped + q.rejected + q.deduplicated;
          expect({ name, published: q.published }).toEqual({ name, published: fates });
        }
      }),
      { numRuns: 25, seed: 20240505 },
    );
  });

  it('the same scenario and seed give the same trace hash; another seed another', () => {
    const input = fc.sample(queueScenarioArb, { numRuns: 1, seed: 7 })[0]!;
    const hash = (seed: number) => runQueueScenario({ ...input, seed }, input.durationMs).traceHash();
    expect(hash(1)).toBe(hash(1));
    expect(hash(1)).not.toBe(hash(2));
  });
});
