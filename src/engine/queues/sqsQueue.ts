import { msToUs } from '../kernel/time';
import { SlotState } from './messagePool';
import { QueueEventKind } from './eventKinds';
import { admit, copyOf, queueWorld } from './enqueue';
import { deliver } from './worker';
import type { QueueRt, WorkerRt } from './types';
import type { World } from '../kafka/world';

/**
 * An SQS queue's rules: receive (short or long polling), the visibility timeout, delete with a
 * receipt handle, and redrive to a dead-letter queue after maxReceiveCount receives. A standard
 * queue returns messages oldest first (SQS only promises best effort: this model is the tidy
 * case); a FIFO queue returns them in order per message group with one batch in flight per group.
 */

/** Appends a copy (already counted as published) and serves workers waiting in a long poll. */
export function admitSqs(world: World, q: QueueRt, slot: number): void {
  const pool = queueWorld(world).pool;
  if (q.fifo !== null) q.fifo.add(pool.group[slot]!, slot);
  else q.ready.pushBack(slot);
  serveWaiters(world, q);
}

/** Whether a receive would get a message now. */
function receivable(q: QueueRt): boolean {
  return q.fifo === null ? q.ready.size > 0 : q.fifo.activeCount > 0;
}

/**
 * ReceiveMessage: up to maxMessages visible messages for the worker. With none, a long poll
 * waits for one (up to its wait time), a short poll comes back empty and the worker tries again
 * after pollIntervalMs.
 */
export function receive(world: World, worker: WorkerRt): void {
  const q = queueWorld(world).queues[worker.queue]!;
  if (takeVisible(world, q, worker) > 0) return;
  const spec = worker.pool.spec;
  const waitUs = spec.waitTimeMs === null ? q.receiveWaitUs : msToUs(spec.waitTimeMs);
  worker.pollToken++;
  if (waitUs > 0) {
    worker.waiting = true;
    q.waiters.push(worker.index);
    world.scheduler.schedule(world.scheduler.nowUs + waitUs, QueueEventKind.workerPoll, worker.index, worker.pollToken);
  } else {
    q.emptyReceives++;
    world.scheduler.schedule(world.scheduler.nowUs + msToUs(spec.pollIntervalMs), QueueEventKind.workerPoll, worker.index, worker.pollToken);
  }
}

/** A long poll ran out empty, or the wait after an empty short poll is over: receive again. */
export function onWorkerPoll(world: World, worker: WorkerRt, token: number): void {
  if (token !== worker.pollToken || !worker.alive) return;
  if (worker.waiting) {
    stopWaiting(world, worker);
    queueWorld(world).queues[worker.queue]!.emptyReceives++;
  }
  receive(world, worker);
}

/** Takes the worker out of its queue's long-poll waiters. */
export function stopWaiting(world: World, worker: WorkerRt): void {
  if (!worker.waiting) return;
  const waiters = queueWorld(world).queues[worker.queue]!.waiters;
  const at = waiters.indexOf(worker.index);
  if (at >= 0) waiters.splice(at, 1);
  worker.waiting = false;
}

/** Answers waiting long polls, first come first served, while messages are receivable. */
function serveWaiters(world: World, q: QueueRt): void {
  const workers = queueWorld(world).workers;
  while (q.waiters.length > 0 && receivable(q)) {
    const worker = workers[q.waiters[0]!]!;
    stopWaiting(world, worker);
    receive(world, worker);
  }
}

/** Delivers up to maxMessages receivable copies to the worker, redriving over-received ones. Returns how many it got. */
function takeVisible(world: World, q: QueueRt, worker: WorkerRt): number {
  const pool = queueWorld(world).pool;
  const max = worker.pool.spec.maxMessages;
  let got = 0;
  if (q.fifo === null) {
    while (got < max && q.ready.size > 0) {
      const slot = q.ready.popFront();
      if (pool.deliveries[slot]! >= q.maxReceiveCount) redrive(world, q, slot);
      else {
        receiveOne(world, q, worker, slot);
        got++;
      }
    }
    return got;
  }
  const fifo = q.fifo;
  while (got < max) {
    const g = fifo.nextGroup();
    if (g < 0) break;
    while (got < max && fifo.backlogSize(g) > 0) {
      const slot = fifo.takeHead(g);
      if (pool.deliveries[slot]! >= q.maxReceiveCount) redrive(world, q, slot);
      else {
        fifo.lock(g);
        receiveOne(world, q, worker, slot);
        got++;
      }
    }
    fifo.settle(g);
  }
  return got;
}

function receiveOne(world: World, q: QueueRt, worker: WorkerRt, slot: number): void {
  const receipt = deliver(world, worker, slot);
  world.scheduler.schedule(world.scheduler.nowUs + q.visibilityTimeoutUs, QueueEventKind.visibilityTimeout, slot, receipt);
}

/**
 * Moves a copy whose receive count reached maxReceiveCount to the dead-letter queue, as SQS does
 * when a receive would exceed it: the message was received exactly maxReceiveCount times.
 */
function redrive(world: World, q: QueueRt, slot: number): void {
  const qw = queueWorld(world);
  const dlq = qw.queues[q.deadLetterQueue]!;
  q.deadLettered++;
  world.log.add(world.scheduler.nowUs, 'queue.redriven', q.name, `Message ${qw.pool.messageId[slot]} moved from ${q.name} to ${dlq.name} after ${qw.pool.deliveries[slot]} receives.`);
  admit(world, dlq, copyOf(qw, dlq, slot), false);
  qw.pool.release(slot);
}

/** DeleteMessage with a receipt handle: only the latest receipt deletes; a stale one leaves the message. */
export function deleteMessage(world: World, q: QueueRt, slot: number, receipt: number): void {
  const pool = queueWorld(world).pool;
  if (pool.state[slot] !== SlotState.inFlight || pool.receipt[slot] !== receipt) {
    q.staleDeletes++;
    return;
  }
  q.inFlight--;
  q.acked++;
  const g = pool.group[slot]!;
  pool.release(slot);
  if (q.fifo !== null) {
    q.fifo.release(g);
    serveWaiters(world, q);
  }
}

/** The visibility timeout of a receive ended: if that receive is still the latest and undeleted, the message is visible again. */
export function onVisibilityTimeout(world: World, slot: number, receipt: number): void {
  const pool = queueWorld(world).pool;
  if (pool.state[slot] !== SlotState.inFlight || pool.receipt[slot] !== receipt) return;
  makeVisible(world, queueWorld(world).queues[pool.queue[slot]!]!, slot);
}

/** An in-flight copy becomes visible again, at the front (a FIFO one at its place in its group). */
export function makeVisible(world: World, q: QueueRt, slot: number): void {
  const pool = queueWorld(world).pool;
  q.inFlight--;
  pool.state[slot] = SlotState.ready;
  if (q.fifo !== null) {
    const g = pool.group[slot]!;
    q.fifo.putBack(g, slot, (s) => pool.seq[s]!);
    q.fifo.release(g);
  } else {
    q.ready.pushFront(slot);
  }
  serveWaiters(world, q);
}

/**
 * After a failure in a FIFO queue, the worker gives back the later messages of the same group it
 * holds (ChangeMessageVisibility to 0) instead of processing them out of order; they wait until
 * the failed one is visible again, ahead of them.
 */
export function abandonGroup(world: World, worker: WorkerRt, group: number): void {
  const q = queueWorld(world).queues[worker.queue]!;
  const pool = queueWorld(world).pool;
  const buffer = worker.buffer;
  const n = buffer.size;
  for (let i = 0; i < n; i++) {
    const receipt = buffer.peekTag();
    const slot = buffer.popFront();
    if (pool.group[slot] !== group) {
      buffer.pushBack(slot, receipt);
      continue;
    }
    if (pool.state[slot] === SlotState.inFlight && pool.receipt[slot] === receipt) makeVisible(world, q, slot);
    pool.unhold(slot);
  }
}
