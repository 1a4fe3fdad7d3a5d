import { describe, expect, it } from 'vitest';
import { runQueueScenario } from './testing';

const oneMessage = { id: 'p', sqsQueue: 'jobs', ratePerSec: 1000, arrival: 'constant', messageCount: 1 };

describe('SQS: visibility timeout and redrive', () => {
  it('a visibility timeout shorter than processing makes the message visible again: it is processed twice or more, and counted', () => {
    const sim = runQueueScenario(
      {
        sqsQueues: [{ name: 'jobs', visibilityTimeoutMs: 100, redrivePolicy: { deadLetterQueue: 'jobs-dlq', maxReceiveCount: 3 } }, { name: 'jobs-dlq' }],
        publishers: [oneMessage],
        workers: [{ id: 'w', sqsQueue: 'jobs', count: 2, waitTimeMs: 20_000, processingMs: { dist: 'constant', value: 150 } }],
      },
      1000,
    );
    // Received at 0 (w-0), 100 (w-1) and 200 (w-0); each processing ends 150 ms later with a stale
    // receipt handle, so nothing deletes it, and the 4th receive at 300 ms redrives it instead.
    expect(sim.metrics().queues!.jobs).toMatchObject({ delivered: 3, redelivered: 2, processed: 1, duplicates: 2, acked: 0, staleDeletes: 3, deadLettered: 1, depth: 0, inFlight: 0 });
    expect(sim.metrics().duplicates).toBe(2);
  });

  it('with maxReceiveCount 3, a message that always fails reaches the DLQ after exactly 3 receives', () => {
    const sim = runQueueScenario(
      {
        sqsQueues: [{ name: 'jobs', visibilityTimeoutMs: 100, redrivePolicy: { deadLetterQueue: 'jobs-dlq', maxReceiveCount: 3 } }, { name: 'jobs-dlq' }],
        publishers: [oneMessage],
        workers: [{ id: 'w', sqsQueue: 'jobs', waitTimeMs: 20_000, processingMs: { dist: 'constant', value: 10 }, failures: { rate: 1 } }],
      },
      1000,
    );
    const queues = sim.metrics().queues!;
    expect(queues.jobs).toMatchObject({ delivered: 3, failedAttempts: 3, deadLettered: 1, processed: 0, depth: 0, inFlight: 0 });
    expect(queues['jobs-dlq']).toMatchObject({ published: 1, depth: 1 });
    expect(sim.events().filter((e) => e.type === 'queue.redriven').map((e) => [e.timeMs, e.text])).toEqual([[300, 'Message 0 moved from jobs to jobs-dlq after 3 receives.']]);
  });

  it('a message that succeeds before its timeout is deleted once, never redelivered', () => {
    const m = runQueueScenario(
      {
        sqsQueues: [{ name: 'jobs', visibilityTimeoutMs: 100 }],
        publishers: [{ id: 'p', sqsQueue: 'jobs', ratePerSec: 200, arrival: 'constant', messageCount: 50 }],
        workers: [{ id: 'w', sqsQueue: 'jobs', count: 2, waitTimeMs: 20_000, processingMs: { dist: 'constant', value: 8 } }],
      },
      2000,
    ).metrics().queues!.jobs!;
    expect(m).toMatchObject({ published: 50, delivered: 50, processed: 50, acked: 50, duplicates: 0, redelivered: 0, staleDeletes: 0 });
    expect(m.latencyMs.mean).toBeCloseTo(8, 1);
  });
});

describe('SQS: short and long polling', () => {
  const idle = (worker: Record<string, unknown>) =>
    runQueueScenario(
      {
        sqsQueues: [{ name: 'jobs' }],
        publishers: [{ id: 'p', sqsQueue: 'jobs', ratePerSec: 1000, startMs: 2500, messageCount: 1 }],
        workers: [{ id: 'w', sqsQueue: 'jobs', processingMs: { dist: 'constant', value: 1 }, ...worker }],
      },
      10_000,
    ).metrics().queues!.jobs!;

  it('short polling returns empty receives every pollIntervalMs; long polling waits, and answers as soon as a message arrives', () => {
    const short = idle({ pollIntervalMs: 20 });
    const long = idle({ waitTimeMs: 5000 });
    // Short: receives at 0, 20, … 10 000 ms, all empty but the one after 2.5 s.
    expect(short.emptyReceives).toBe(500);
    expect(short.latencyMs.mean).toBeGreaterThan(1);
    // Long: the poll from 0 ms is answered at 2.5 s; polls from 2.501 s time out at 7.501 s and run on.
    expect(long.emptyReceives).toBe(1);
    expect(long.latencyMs.mean).toBeCloseTo(1, 5);
    expect([short.processed, long.processed]).toEqual([1, 1]);
  });
});
