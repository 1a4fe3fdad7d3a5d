import { depthOf } from './enqueue';
import type { LatencySummaryMs } from '../metrics/histogram';
import type { Metrics } from '../metrics/summary';
import type { ExchangeType } from '../scenario/queueTypes';
import type { QueueCounters, QueueKind, QueueRt, QueueWorld } from './types';
import type { World } from '../kafka/world';

/** What happened in one RabbitMQ or SQS queue: where Kafka has lag per partition, a queue has depth. */
export interface QueueMetrics extends QueueCounters {
  broker: 'rabbitmq' | 'sqs';
  type: QueueKind;
  /** Ready (RabbitMQ) or visible (SQS) messages waiting now. */
  depth: number;
  /** Delivered and not yet acknowledged or deleted: RabbitMQ "unacked", SQS "in flight". */
  inFlight: number;
  /** How long the oldest ready message has waited in the queue, ms (0 when none waits). */
  oldestAgeMs: number;
  /** Workers consuming it that are alive. */
  consumers: number;
  /** Share of deliveries whose processing failed (0 to 1): how much work is retries. */
  retryRate: number;
  /** End to end, publish → first successful processing of a copy in this queue. */
  latencyMs: LatencySummaryMs;
  /** Copies processed per second of simulated time, on average over the run. */
  throughputPerSec: number;
}

export interface ExchangeMetrics {
  type: ExchangeType;
  /** Messages routed to at least one queue. */
  routed: number;
  /** Messages that matched no binding and were dropped. */
  unroutable: number;
}

/** Request-reply as a requester sees it. */
export interface RequesterMetrics {
  /** Requests sent. */
  sent: number;
  /** Replies received in time. */
  replies: number;
  /** Requests whose reply did not come within timeoutMs. */
  timedOut: number;
  /** Replies that came after their request timed out (or a second reply to one). */
  late: number;
  /** Requests still waiting for a reply. */
  waiting: number;
  /** Request sent → reply received, for replies in time. */
  roundTripMs: LatencySummaryMs;
}

/** The queue-style brokers' part of `metrics()`. */
export interface QueueBrokerMetrics {
  /** By queue name (RabbitMQ, reply and SQS queues). */
  queues: Record<string, QueueMetrics>;
  /** By exchange name; "" is the default exchange. */
  exchanges: Record<string, ExchangeMetrics>;
  /** By publisher id, for publishers that make requests. */
  requesters: Record<string, RequesterMetrics>;
}

/** Age of the queue's oldest ready copy, µs. */
function oldestAgeUs(qw: QueueWorld, q: QueueRt, nowUs: number): number {
  let oldestUs = Infinity;
  if (q.fifo === null) {
    if (q.ready.size > 0) oldestUs = qw.pool.enqueuedUs[q.ready.peek()]!;
  } else {
    for (const g of q.fifo.groupsInUse()) {
      if (q.fifo.backlogSize(g) > 0) oldestUs = Math.min(oldestUs, qw.pool.enqueuedUs[q.fifo.peekHead(g)]!);
    }
  }
  return oldestUs === Infinity ? 0 : nowUs - oldestUs;
}

export function queueMetrics(world: World, qw: QueueWorld, q: QueueRt): QueueMetrics {
  const nowUs = world.scheduler.nowUs;
  return {
    broker: q.broker,
    type: q.kind,
    depth: depthOf(q),
    inFlight: q.inFlight,
    oldestAgeMs: oldestAgeUs(qw, q, nowUs) / 1000,
    consumers: q.consumers.filter((w) => qw.workers[w]!.alive).length,
    published: q.published,
    acked: q.acked,
    delivered: q.delivered,
    redelivered: q.redelivered,
    processed: q.processed,
    duplicates: q.duplicates,
    deadLettered: q.deadLettered,
    expired: q.expired,
    dropped: q.dropped,
    rejected: q.rejected,
    deduplicated: q.deduplicated,
    lost: q.lost,
    failedAttempts: q.failedAttempts,
    emptyReceives: q.emptyReceives,
    staleDeletes: q.staleDeletes,
    retryRate: q.delivered === 0 ? 0 : q.failedAttempts / q.delivered,
    latencyMs: q.latency.summaryMs(),
    throughputPerSec: nowUs === 0 ? 0 : q.processed / (nowUs / 1e6),
  };
}

export function queueBrokerMetrics(world: World, qw: QueueWorld): QueueBrokerMetrics {
  const queues: Record<string, QueueMetrics> = {};
  for (const q of qw.queues) queues[q.name] = queueMetrics(world, qw, q);
  const exchanges: Record<string, ExchangeMetrics> = {};
  for (const e of qw.exchanges) exchanges[e.name] = { type: e.type, routed: e.routed, unroutable: e.unroutable };
  const requesters: Record<string, RequesterMetrics> = {};
  for (const p of qw.publishers) {
    if (p.replyQueue < 0) continue;
    requesters[p.spec.id] = { sent: p.sent - p.duplicateSends, replies: p.replies, timedOut: p.timedOut, late: p.late, waiting: p.pending.size, roundTripMs: p.roundTrip.summaryMs() };
  }
  return { queues, exchanges, requesters };
}

/**
 * The summary with the queue brokers folded in: their queues, exchanges and requesters, and their
 * counts added to the run's totals (messages published count as produced and, once the broker
 * has them, acknowledged; every queue copy's deliveries, processings and fates add up). The
 * top-level latency already includes queue copies: workers record into the same histogram.
 */
export function withQueueMetrics(world: World, metrics: Metrics): Metrics {
  const qw = world.queues;
  if (qw === undefined) return metrics;
  const section = queueBrokerMetrics(world, qw);
  let sent = 0;
  for (const p of qw.publishers) sent += p.sent;
  const totals = { delivered: 0, processed: 0, duplicates: 0, redelivered: 0, lost: 0, deadLettered: 0, pending: 0 };
  for (const q of qw.queues) {
    if (q.replyOwner >= 0) continue; // replies are bookkeeping of their requests, not work
    totals.delivered += q.delivered;
    totals.processed += q.processed;
    totals.duplicates += q.duplicates;
    totals.redelivered += q.redelivered;
    totals.lost += q.lost;
    totals.deadLettered += q.deadLettered;
    totals.pending += depthOf(q) + q.inFlight;
  }
  return {
    ...metrics,
    produced: metrics.produced + sent,
    acknowledged: metrics.acknowledged + sent,
    delivered: metrics.delivered + totals.delivered,
    processed: metrics.processed + totals.processed,
    duplicates: metrics.duplicates + totals.duplicates,
    redelivered: metrics.redelivered + totals.redelivered,
    lost: metrics.lost + totals.lost,
    deadLettered: metrics.deadLettered + totals.deadLettered,
    pending: metrics.pending + totals.pending,
    ...section,
  };
}
