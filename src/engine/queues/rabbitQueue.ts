import { SlotState } from './messagePool';
import { QueueEventKind } from './eventKinds';
import { route } from './exchangeRouting';
import { admit, copyOf, queueWorld } from './enqueue';
import { deliver } from './worker';
import type { QueueRt, WorkerRt } from './types';
import type { World } from '../kafka/world';

/**
 * A RabbitMQ queue's rules: admission under x-max-length and x-overflow, head expiry under TTL,
 * push delivery to consumers with prefetch room (round robin), ack, nack / reject with or
 * without requeue, the quorum delivery-limit, and dead-lettering through an exchange.
 */

/** Why a copy leaves its queue other than by ack (RabbitMQ's x-death reasons). */
export type DeathReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';

/** Appends a copy (already counted as published) and enforces the length limit, then pushes to consumers. */
export function admitRabbit(world: World, q: QueueRt, slot: number): void {
  if (q.ready.size >= q.maxLength && q.overflow !== 'drop-head') {
    q.rejected++;
    if (q.overflow === 'reject-publish-dlx' && q.deadLetterExchange >= 0) forwardDeadLetter(world, q, slot, false);
    queueWorld(world).pool.release(slot);
    return;
  }
  q.ready.pushBack(slot);
  while (q.ready.size > q.maxLength) deadLetter(world, q, q.ready.popFront(), 'maxlen');
  pushToConsumers(world, q);
  armExpiry(world, q);
}

/** Hands ready copies to consumers that have prefetch room, round robin, until one side runs out. */
export function pushToConsumers(world: World, q: QueueRt): void {
  const consumers = q.consumers;
  const n = consumers.length;
  if (n === 0 || q.ready.size === 0) return;
  const workers = queueWorld(world).workers;
  let cursor = q.pushCursor;
  while (q.ready.size > 0) {
    let chosen: WorkerRt | undefined;
    let at = cursor;
    for (let i = 0; i < n; i++) {
      const worker = workers[consumers[at]!]!;
      at = at + 1 === n ? 0 : at + 1;
      if (worker.alive && held(worker) < worker.pool.prefetch) {
        chosen = worker;
        break;
      }
    }
    if (chosen === undefined) break;
    const slot = takeHead(world, q);
    if (slot < 0) break;
    cursor = at;
    deliver(world, chosen, slot);
  }
  q.pushCursor = cursor;
}

/** Deliveries a worker holds unacknowledged (prefetched and in processing). */
export function held(worker: WorkerRt): number {
  return worker.buffer.size + (worker.current >= 0 ? 1 : 0);
}

/** Removes and returns the ready head, expiring heads past their TTL first; -1 when none is left. */
function takeHead(world: World, q: QueueRt): number {
  const pool = queueWorld(world).pool;
  const nowUs = world.scheduler.nowUs;
  while (q.ready.size > 0) {
    const slot = q.ready.popFront();
    if (pool.expiresUs[slot]! > nowUs) return slot;
    deadLetter(world, q, slot, 'expired');
  }
  return -1;
}

/**
 * Arms the head-expiry timer for the head's expiry time when no earlier one is armed. As in
 * RabbitMQ, only the head expires: a message with a long TTL holds back shorter ones behind it.
 */
export function armExpiry(world: World, q: QueueRt): void {
  if (q.ready.size === 0) return;
  const expiresUs = queueWorld(world).pool.expiresUs[q.ready.peek()]!;
  if (expiresUs === Infinity || expiresUs >= q.expiryAtUs) return;
  q.expiryAtUs = expiresUs;
  q.expiryToken++;
  world.scheduler.schedule(Math.max(world.scheduler.nowUs, expiresUs), QueueEventKind.queueExpiry, q.index, q.expiryToken);
}

/** The head-expiry timer: expires every head past its TTL, then re-arms for the new head. */
export function onQueueExpiry(world: World, q: QueueRt, token: number): void {
  if (token !== q.expiryToken) return;
  q.expiryAtUs = Infinity;
  const pool = queueWorld(world).pool;
  const nowUs = world.scheduler.nowUs;
  while (q.ready.size > 0 && pool.expiresUs[q.ready.peek()]! <= nowUs) deadLetter(world, q, q.ready.popFront(), 'expired');
  armExpiry(world, q);
}

/** basic.ack: the copy leaves the queue. */
export function ack(world: World, q: QueueRt, slot: number): void {
  const pool = queueWorld(world).pool;
  q.inFlight--;
  q.acked++;
  pool.release(slot);
}

/**
 * basic.nack / basic.reject of an unacknowledged copy. With requeue it goes back to the head
 * (RabbitMQ puts it back at its old place when it can, else nearer the head), unless a quorum
 * queue's delivery-limit is used up; without, it is dead-lettered (or dropped).
 */
export function nack(world: World, q: QueueRt, slot: number, requeue: boolean): void {
  q.inFlight--;
  if (requeue) returnToQueue(world, q, slot);
  else deadLetter(world, q, slot, 'rejected');
}

/** An unacknowledged copy goes back to the head of its queue (nack with requeue, consumer gone). */
export function returnToQueue(world: World, q: QueueRt, slot: number): void {
  const pool = queueWorld(world).pool;
  const returns = ++pool.returns[slot]!;
  if (returns > q.deliveryLimit) {
    deadLetter(world, q, slot, 'delivery_limit');
    return;
  }
  pool.state[slot] = SlotState.ready;
  q.ready.pushFront(slot);
  if (pool.expiresUs[slot]! < q.expiryAtUs) armExpiry(world, q);
}

/**
 * A copy leaves the queue other than by ack: to the dead-letter exchange if the queue has one,
 * else it is dropped (or counted expired). The copy must already be out of the ready deque and
 * of the in-flight count.
 */
export function deadLetter(world: World, q: QueueRt, slot: number, reason: DeathReason): void {
  const qw = queueWorld(world);
  if (q.deadLetterExchange < 0) {
    if (reason === 'expired') q.expired++;
    else q.dropped++;
    qw.pool.release(slot);
    return;
  }
  const forwarded = forwardDeadLetter(world, q, slot, reason === 'rejected');
  if (forwarded) {
    q.deadLettered++;
    const exchange = qw.exchanges[q.deadLetterExchange]!;
    world.log.add(world.scheduler.nowUs, 'queue.deadLettered', q.name, `Message ${qw.pool.messageId[slot]} left ${q.name} (${reason}) for the dead-letter exchange ${exchange.name === '' ? '(default)' : exchange.name}.`);
  } else q.dropped++;
  qw.pool.release(slot);
}

/**
 * Publishes a dead-lettered copy to the queue's dead-letter exchange, with the dead-letter routing
 * key or its own. Returns false when the copy was dropped as part of a cycle: as RabbitMQ does,
 * a message dead-lettered round a cycle with no rejection on the way is dropped (here: after more
 * automatic dead-letterings in a row than there are queues, so it must have come round).
 */
function forwardDeadLetter(world: World, q: QueueRt, slot: number, rejected: boolean): boolean {
  const qw = queueWorld(world);
  const pool = qw.pool;
  const deaths = rejected ? 0 : pool.automaticDeaths[slot]! + 1;
  if (deaths > qw.queues.length) {
    world.log.add(world.scheduler.nowUs, 'queue.deadLetterCycle', q.name, `A message dead-lettered from ${q.name} went round a cycle of queues and was dropped.`);
    return false;
  }
  const exchange = qw.exchanges[q.deadLetterExchange]!;
  const key = q.deadLetterKey >= 0 ? q.deadLetterKey : pool.key[slot]!;
  const targets = route(qw, exchange, key, pool.headers[slot]!);
  if (targets.length === 0) exchange.unroutable++;
  else exchange.routed++;
  for (let i = 0; i < targets.length; i++) {
    const target = qw.queues[targets[i]!]!;
    const copy = copyOf(qw, target, slot);
    qw.pool.key[copy] = key;
    qw.pool.automaticDeaths[copy] = deaths;
    admit(world, target, copy, false);
  }
  return true;
}
