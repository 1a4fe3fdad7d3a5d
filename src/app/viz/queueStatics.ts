/**
 * What the queue drawing needs that the engine's snapshot does not carry, read once from the
 * parsed scenario: who publishes where, each queue's max-length and redrive count, each worker
 * pool's prefetch. These are settings, not state; the snapshot says what is happening.
 */
import type { Scenario } from '../../engine';

/** Where a publisher sends. */
export type PublisherTarget =
  /** A RabbitMQ exchange ("" is the default exchange). */
  | { kind: 'exchange'; name: string }
  /** An SQS queue. */
  | { kind: 'sqs'; name: string }
  /** An SNS topic. */
  | { kind: 'sns'; name: string };

export interface QueuePublisherInfo {
  id: string;
  target: PublisherTarget;
  /** Configured messages per second (the drawing's flows use measured rates). */
  ratePerSec: number;
  /** How long it waits for a reply, ms, when it sends requests; null: fire-and-forget. */
  requestTimeoutMs: number | null;
  /** The routing keys it draws from (through the default exchange, a key names a queue). */
  routingKeys: string[];
}

export interface QueueStatics {
  publishers: QueuePublisherInfo[];
  /** x-max-length by RabbitMQ queue name (ready messages it holds at most), or null: unbounded. */
  maxLength: Record<string, number | null>;
  /** SQS maxReceiveCount by queue name, for queues with a redrive policy. */
  maxReceiveCount: Record<string, number>;
  /**
   * Most deliveries one worker of each pool holds at once, by pool id: RabbitMQ prefetchCount
   * (null when 0, RabbitMQ's "unlimited") or SQS maxMessages.
   */
  capacityByPool: Record<string, number | null>;
}

export const NO_QUEUE_STATICS: QueueStatics = { publishers: [], maxLength: {}, maxReceiveCount: {}, capacityByPool: {} };

export function queueStaticsOf(spec: Scenario | null | undefined): QueueStatics {
  if (!spec) return NO_QUEUE_STATICS;
  const publishers = (spec.publishers ?? []).flatMap((p): QueuePublisherInfo[] => {
    const target: PublisherTarget | null =
      p.exchange !== undefined ? { kind: 'exchange', name: p.exchange } : p.sqsQueue !== undefined ? { kind: 'sqs', name: p.sqsQueue } : p.snsTopic !== undefined ? { kind: 'sns', name: p.snsTopic } : null;
    return target ? [{ id: p.id, target, ratePerSec: p.ratePerSec, requestTimeoutMs: p.request?.timeoutMs ?? null, routingKeys: [...new Set(p.routingKeys)] }] : [];
  });
  const maxLength: Record<string, number | null> = {};
  for (const q of spec.queues ?? []) maxLength[q.name] = q.maxLength;
  const maxReceiveCount: Record<string, number> = {};
  for (const q of spec.sqsQueues ?? []) if (q.redrivePolicy) maxReceiveCount[q.name] = q.redrivePolicy.maxReceiveCount;
  const capacityByPool: Record<string, number | null> = {};
  for (const w of spec.workers ?? []) capacityByPool[w.id] = w.sqsQueue !== undefined ? w.maxMessages : w.prefetchCount > 0 ? w.prefetchCount : null;
  return { publishers, maxLength, maxReceiveCount, capacityByPool };
}

/** The pool a worker belongs to, from its id "<pool id>-<instance>". */
export function poolOf(workerId: string): string {
  return workerId.replace(/-\d+$/, '');
}
