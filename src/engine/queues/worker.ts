import { msToUs } from '../kernel/time';
import { SlotState } from './messagePool';
import { QueueEventKind } from './eventKinds';
import { queueWorld } from './enqueue';
import { ack, nack, pushToConsumers, returnToQueue } from './rabbitQueue';
import { abandonGroup, deleteMessage, receive, stopWaiting } from './sqsQueue';
import { sendReply } from './requestReply';
import type { QueueRt, WorkerRt } from './types';
import type { World } from '../kafka/world';

/**
 * A worker process: it holds deliveries (RabbitMQ pushes up to prefetchCount of them; an SQS
 * receive returns up to maxMessages) and processes them one at a time, in the order received.
 * A success acknowledges (RabbitMQ) or deletes (SQS) the message, and answers a request; a
 * failure nacks or rejects it (RabbitMQ) or leaves it to its visibility timeout (SQS).
 *
 * Lifecycle: alive from the start → crashed (its epoch moves on, so its pending events are
 * ignored) → alive again after restartAfterMs, or never.
 */

/** Starts a worker: an SQS worker sends its first receive; a RabbitMQ consumer waits for pushes. */
export function startWorker(world: World, worker: WorkerRt): void {
  const q = queueWorld(world).queues[worker.queue]!;
  if (q.broker === 'sqs') receive(world, worker);
  else pushToConsumers(world, q);
}

/**
 * A delivery of a copy to the worker (a RabbitMQ push or one message of an SQS receive): counts
 * it, gives it a new receipt serial (returned), and starts processing if the worker is idle.
 */
export function deliver(world: World, worker: WorkerRt, slot: number): number {
  const qw = queueWorld(world);
  const pool = qw.pool;
  const q = qw.queues[worker.queue]!;
  const deliveries = ++pool.deliveries[slot]!;
  q.delivered++;
  if (deliveries > 1) q.redelivered++;
  pool.holders[slot]!++;
  const receipt = qw.nextReceipt++;
  pool.receipt[slot] = receipt;
  if (worker.pool.spec.autoAck && q.broker === 'rabbitmq') {
    q.acked++;
    pool.state[slot] = SlotState.gone;
  } else {
    pool.state[slot] = SlotState.inFlight;
    q.inFlight++;
  }
  worker.buffer.pushBack(slot, receipt);
  if (worker.current < 0) startNext(world, worker);
  return receipt;
}

/** An idle worker takes its next delivery; with none, an SQS worker receives again. */
export function startNext(world: World, worker: WorkerRt): void {
  if (!worker.alive || worker.current >= 0) return;
  if (worker.buffer.size === 0) {
    if (queueWorld(world).queues[worker.queue]!.broker === 'sqs' && !worker.waiting) receive(world, worker);
    return;
  }
  const nowUs = world.scheduler.nowUs;
  worker.currentReceipt = worker.buffer.peekTag();
  worker.current = worker.buffer.popFront();
  worker.busySinceUs = nowUs;
  world.scheduler.schedule(nowUs + msToUs(worker.processingMs()), QueueEventKind.workerDone, worker.index, worker.epoch);
}

/** Processing of the current delivery ends: success or failure, then the next one. */
export function onWorkerDone(world: World, worker: WorkerRt, epoch: number): void {
  if (epoch !== worker.epoch || worker.current < 0) return;
  const qw = queueWorld(world);
  const pool = qw.pool;
  const nowUs = world.scheduler.nowUs;
  const slot = worker.current;
  const receipt = worker.currentReceipt;
  worker.current = -1;
  worker.busyUs += nowUs - worker.busySinceUs;
  const q = qw.queues[worker.queue]!;
  if (fails(world, worker, slot)) onFailure(world, worker, q, slot, receipt);
  else onSuccess(world, worker, q, slot, receipt);
  pool.unhold(slot);
  if (q.broker === 'rabbitmq') pushToConsumers(world, q);
  startNext(world, worker);
}

function fails(world: World, worker: WorkerRt, slot: number): boolean {
  const pool = queueWorld(world).pool;
  const workerPool = worker.pool;
  if (workerPool.poisonKeys.size > 0 && workerPool.poisonKeys.has(pool.key[slot]!)) return true;
  if (workerPool.poisonGroups.size > 0 && workerPool.poisonGroups.has(pool.group[slot]!)) return true;
  const rate = workerPool.spec.failures.rate;
  return rate > 0 && worker.failureRng.nextFloat() < rate;
}

function onSuccess(world: World, worker: WorkerRt, q: QueueRt, slot: number, receipt: number): void {
  const pool = queueWorld(world).pool;
  const completions = ++pool.completions[slot]!;
  if (completions === 1) {
    q.processed++;
    const latencyUs = world.scheduler.nowUs - pool.publishedUs[slot]!;
    q.latency.record(latencyUs);
    world.latency.record(latencyUs);
  } else {
    q.duplicates++;
  }
  if (pool.replyTo[slot]! >= 0) sendReply(world, slot);
  if (q.broker === 'sqs') deleteMessage(world, q, slot, receipt);
  else if (!worker.pool.spec.autoAck) ack(world, q, slot);
}

function onFailure(world: World, worker: WorkerRt, q: QueueRt, slot: number, _receipt: number): void {
  q.failedAttempts++;
  if (q.broker === 'sqs') {
    // Not deleted: the message comes back when its visibility timeout ends.
    if (q.fifo !== null) abandonGroup(world, worker, queueWorld(world).pool.group[slot]!);
    return;
  }
  if (worker.pool.spec.autoAck) return; // acknowledged on delivery: the failure loses it
  nack(world, q, slot, worker.pool.spec.onFailure === 'requeue');
}

/**
 * The worker process dies. RabbitMQ requeues its unacknowledged deliveries at the head, in their
 * order (autoAck ones are lost); SQS messages it held stay invisible until their timeouts.
 */
export function crashWorker(world: World, worker: WorkerRt, restartAfterMs: number | null): void {
  const qw = queueWorld(world);
  const pool = qw.pool;
  const q = qw.queues[worker.queue]!;
  const nowUs = world.scheduler.nowUs;
  worker.alive = false;
  worker.epoch++;
  worker.pollToken++;
  stopWaiting(world, worker);
  const held: number[] = [];
  if (worker.current >= 0) {
    held.push(worker.current);
    worker.busyUs += nowUs - worker.busySinceUs;
  }
  worker.current = -1;
  while (worker.buffer.size > 0) held.push(worker.buffer.popFront());
  // Back to the head in reverse, so the oldest delivery ends up first.
  for (let i = held.length - 1; i >= 0; i--) {
    const slot = held[i]!;
    if (q.broker === 'rabbitmq') {
      if (worker.pool.spec.autoAck) q.lost++;
      else if (pool.state[slot] === SlotState.inFlight) {
        q.inFlight--;
        returnToQueue(world, q, slot);
      }
    }
    pool.unhold(slot);
  }
  const returned = q.broker === 'rabbitmq' && !worker.pool.spec.autoAck ? `; ${held.length} unacknowledged message${held.length === 1 ? '' : 's'} requeued` : '';
  world.log.add(nowUs, 'worker.crashed', worker.name, `Worker ${worker.name} crashed${returned}.`);
  if (q.broker === 'rabbitmq') pushToConsumers(world, q);
  if (restartAfterMs !== null) world.scheduler.schedule(nowUs + msToUs(restartAfterMs), QueueEventKind.workerRestart, worker.index, worker.epoch);
}

/** A crashed worker starts again (if no later crash or restart superseded this one). */
export function onWorkerRestart(world: World, worker: WorkerRt, epoch: number): void {
  if (epoch !== worker.epoch || worker.alive) return;
  restartWorker(world, worker);
}

export function restartWorker(world: World, worker: WorkerRt): void {
  worker.alive = true;
  world.log.add(world.scheduler.nowUs, 'worker.restarted', worker.name, `Worker ${worker.name} started again.`);
  startWorker(world, worker);
}
