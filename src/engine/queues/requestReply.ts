import { LimitError } from '../kernel/assert';
import { QueueEventKind } from './eventKinds';
import { route } from './exchangeRouting';
import { admit, newCopy, queueWorld } from './enqueue';
import type { PublisherRt, QueueRt } from './types';
import type { World } from '../kafka/world';

/**
 * Request-reply over RabbitMQ: a requester publishes each request with replyTo (its own reply
 * queue "<id>.replies") and a correlation id (the request's message id), and waits up to
 * timeoutMs. The worker that processes a request publishes the reply to the default exchange
 * with the reply queue's name as routing key. A reply in time gives a round trip; a reply to a
 * request that already timed out (or a second reply to one) is late.
 */

/** The requester starts waiting for the reply to request messageId. */
export function registerRequest(world: World, publisher: PublisherRt, messageId: number): void {
  const limit = queueWorld(world).limits.pendingRequestsMax;
  if (publisher.pending.size >= limit) {
    throw new LimitError('pendingRequestsMax', limit, `publisher ${publisher.spec.id} is waiting for too many replies at once`);
  }
  publisher.pending.set(messageId, world.scheduler.nowUs);
  world.scheduler.schedule(world.scheduler.nowUs + publisher.requestTimeoutUs, QueueEventKind.requestTimeout, publisher.index, messageId);
}

/** The reply timeout of a request ends: if no reply came, the requester gives up on it. */
export function onRequestTimeout(world: World, publisher: PublisherRt, messageId: number): void {
  if (!publisher.pending.delete(messageId)) return;
  publisher.timedOut++;
}

/** The worker that processed request `slot` publishes its reply. */
export function sendReply(world: World, slot: number): void {
  const qw = queueWorld(world);
  const pool = qw.pool;
  const requester = qw.publishers[pool.replyTo[slot]!]!;
  const correlation = pool.correlation[slot]!;
  const replyQueue = qw.queues[requester.replyQueue]!;
  const key = qw.keyIndex.get(replyQueue.name)!;
  const targets = route(qw, qw.exchanges[0]!, key, 0);
  for (let i = 0; i < targets.length; i++) {
    const target = qw.queues[targets[i]!]!;
    const copy = newCopy(qw, target, qw.nextMessageId++, world.scheduler.nowUs, key, 0, -1, Infinity, -1, correlation);
    admit(world, target, copy);
  }
}

/** A reply reaches its requester's reply queue: the requester consumes it at once. */
export function receiveReply(world: World, q: QueueRt, slot: number): void {
  const qw = queueWorld(world);
  const requester = qw.publishers[q.replyOwner]!;
  q.delivered++;
  q.acked++;
  q.processed++;
  const correlation = qw.pool.correlation[slot]!;
  const sentUs = requester.pending.get(correlation);
  if (sentUs === undefined) {
    requester.late++;
    return;
  }
  requester.pending.delete(correlation);
  requester.replies++;
  requester.roundTrip.record(world.scheduler.nowUs - sentUs);
}
