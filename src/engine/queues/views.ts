import { depthOf } from './enqueue';
import { queueMetrics } from './metrics';
import type { ExchangeType } from '../scenario/queueTypes';
import type { QueueKind } from './types';
import type { World } from '../kafka/world';

/** An exchange and its bindings, for the page. */
export interface ExchangeView {
  /** "" is the default exchange. */
  name: string;
  type: ExchangeType;
  bindings: { queue: string; routingKey: string; headers: Record<string, string>; xMatch: 'all' | 'any' }[];
  routed: number;
  unroutable: number;
}

/** One worker process of a queue. */
export interface QueueWorkerView {
  /** "<pool id>-<instance>". */
  id: string;
  alive: boolean;
  /** Deliveries it holds unacknowledged or in flight (prefetched and in processing). */
  held: number;
  processing: boolean;
  /** Share of simulated time spent processing, 0..1. */
  utilisation: number;
}

/** A RabbitMQ or SQS queue, for the page. */
export interface QueueView {
  name: string;
  broker: 'rabbitmq' | 'sqs';
  type: QueueKind;
  depth: number;
  inFlight: number;
  oldestAgeMs: number;
  /** Where its dead letters go: an exchange (RabbitMQ) or a queue (SQS redrive), or null. */
  deadLetterTo: string | null;
  /** True for a requester's reply queue. */
  replyQueue: boolean;
  published: number;
  acked: number;
  deadLettered: number;
  workers: QueueWorkerView[];
}

/** An SNS topic and the queues it fans out to. */
export interface SnsTopicView {
  name: string;
  subscriptions: string[];
  published: number;
}

/** The queue brokers' part of a snapshot (absent when the scenario has none). */
export interface QueueSnapshot {
  exchanges: ExchangeView[];
  queues: QueueView[];
  snsTopics: SnsTopicView[];
}

export function queueSnapshot(world: World): QueueSnapshot | Record<string, never> {
  const qw = world.queues;
  if (qw === undefined) return {};
  const nowUs = world.scheduler.nowUs;
  return {
    exchanges: qw.exchanges.map((e) => ({
      name: e.name,
      type: e.type,
      bindings: e.bindings.map((b) => ({ queue: qw.queues[b.queue]!.name, routingKey: b.key, headers: Object.fromEntries(b.headers), xMatch: b.matchAll ? 'all' : 'any' })),
      routed: e.routed,
      unroutable: e.unroutable,
    })),
    queues: qw.queues.map((q) => {
      const metrics = queueMetrics(world, qw, q);
      const deadLetterTo = q.deadLetterExchange >= 0 ? qw.exchanges[q.deadLetterExchange]!.name : q.deadLetterQueue >= 0 ? qw.queues[q.deadLetterQueue]!.name : null;
      return {
        name: q.name,
        broker: q.broker,
        type: q.kind,
        depth: depthOf(q),
        inFlight: q.inFlight,
        oldestAgeMs: metrics.oldestAgeMs,
        deadLetterTo,
        replyQueue: q.replyOwner >= 0,
        published: q.published,
        acked: q.acked,
        deadLettered: q.deadLettered,
        workers: q.consumers.map((i) => {
          const worker = qw.workers[i]!;
          const busyUs = worker.busyUs + (worker.current >= 0 ? nowUs - worker.busySinceUs : 0);
          return {
            id: worker.name,
            alive: worker.alive,
            held: worker.buffer.size + (worker.current >= 0 ? 1 : 0),
            processing: worker.current >= 0,
            utilisation: nowUs > 0 ? busyUs / nowUs : 0,
          };
        }),
      };
    }),
    snsTopics: qw.snsTopics.map((t) => ({ name: t.name, subscriptions: Array.from(t.subscriptions, (q) => qw.queues[q]!.name), published: t.published })),
  };
}
