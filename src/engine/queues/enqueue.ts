import { SlotState } from './messagePool';
import { admitRabbit } from './rabbitQueue';
import { admitSqs } from './sqsQueue';
import { receiveReply } from './requestReply';
import type { QueueRt, QueueWorld } from './types';
import type { World } from '../kafka/world';

/** The queue world of a world that has queue-style brokers (callers only run when it has). */
export function queueWorld(world: World): QueueWorld {
  return world.queues!;
}

/**
 * A new copy of a message for queue q, not yet in the queue: the caller has read every field it
 * passes (the pool's arrays may be replaced by this allocation). ttlUs is the per-message TTL
 * (AMQP expiration), µs, or Infinity; admit() turns it into an expiry time.
 */
export function newCopy(
  qw: QueueWorld,
  q: QueueRt,
  messageId: number,
  publishedUs: number,
  key: number,
  headers: number,
  group: number,
  ttlUs: number,
  replyTo: number,
  correlation: number,
): number {
  const pool = qw.pool;
  const slot = pool.allocate(q.index);
  pool.messageId[slot] = messageId;
  pool.publishedUs[slot] = publishedUs;
  pool.key[slot] = key;
  pool.headers[slot] = headers;
  pool.group[slot] = group;
  pool.expiresUs[slot] = ttlUs;
  pool.replyTo[slot] = replyTo;
  pool.correlation[slot] = correlation;
  return slot;
}

/** A copy of `from` (a message leaving its queue) for queue q, as dead-lettering and redrive make. */
export function copyOf(qw: QueueWorld, q: QueueRt, from: number): number {
  const pool = qw.pool;
  const messageId = pool.messageId[from]!;
  const publishedUs = pool.publishedUs[from]!;
  const key = pool.key[from]!;
  const headers = pool.headers[from]!;
  const group = pool.group[from]!;
  const replyTo = pool.replyTo[from]!;
  const correlation = pool.correlation[from]!;
  // RabbitMQ removes the expiration of a dead-lettered message so that it does not expire again at once.
  return newCopy(qw, q, messageId, publishedUs, key, headers, group, Infinity, replyTo, correlation);
}

/**
 * Puts a new copy into queue q, under the queue's rules: a reply queue hands it to its
 * requester, a FIFO queue drops a repeated deduplication id (unless `dedupe` is false, as for
 * redrive), a RabbitMQ queue applies its TTL and length limit. Every copy that reaches a queue
 * counts as published there, whatever then happens to it.
 */
export function admit(world: World, q: QueueRt, slot: number, dedupe = true): void {
  const qw = queueWorld(world);
  const pool = qw.pool;
  const nowUs = world.scheduler.nowUs;
  q.published++;
  if (q.replyOwner >= 0) {
    receiveReply(world, q, slot);
    pool.release(slot);
    return;
  }
  if (dedupe && q.dedup !== null && q.dedup.isDuplicate(pool.messageId[slot]!, nowUs)) {
    q.deduplicated++;
    pool.release(slot);
    return;
  }
  pool.state[slot] = SlotState.ready;
  pool.enqueuedUs[slot] = nowUs;
  pool.seq[slot] = q.nextSeq++;
  const ttlUs = Math.min(pool.expiresUs[slot]!, q.messageTtlUs);
  pool.expiresUs[slot] = ttlUs === Infinity ? Infinity : nowUs + ttlUs;
  if (q.broker === 'rabbitmq') admitRabbit(world, q, slot);
  else admitSqs(world, q, slot);
}

/** Ready (visible) copies of a queue. */
export function depthOf(q: QueueRt): number {
  return q.fifo === null ? q.ready.size : q.fifo.size;
}
