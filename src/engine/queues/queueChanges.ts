import { addWorker } from './build';
import { crashWorker, restartWorker, startWorker } from './worker';
import { pushToConsumers } from './rabbitQueue';
import { setPublisherRate } from './publisher';
import type { World } from '../kafka/world';
import type { WorkerPoolRt } from './types';

/** Most workers one pool may have (the scenario format's limit on `count`). */
const WORKERS_PER_POOL_MAX = 256;

/** Live changes to the queue brokers: the shapes of queueFaults (without atMs) and knob changes. */
export type QueueChange =
  /** A worker process dies; restartAfterMs (ms, or null: never) brings it back. */
  | { type: 'worker-crash'; worker: string; instance: number; restartAfterMs?: number | null }
  /** A crashed worker starts again now. */
  | { type: 'worker-restart'; worker: string; instance: number }
  /** `count` more workers join the pool. */
  | { type: 'worker-add'; worker: string; count: number }
  /** basic.qos on every worker of the pool: most unacknowledged deliveries each, 0: unlimited. */
  | { type: 'set-prefetch'; worker: string; prefetchCount: number }
  /** A publisher's rate, messages per second. */
  | { type: 'set-publish-rate'; publisher: string; ratePerSec: number };

export type QueueChangeResult = { ok: true } | { ok: false; error: string };

/** The change types this file handles. */
export const QUEUE_CHANGE_TYPES: readonly string[] = ['worker-crash', 'worker-restart', 'worker-add', 'set-prefetch', 'set-publish-rate'];

/** Applies a queue-broker change at the current simulated time; an invalid one is refused with a reason. */
export function applyQueueChange(world: World, change: QueueChange): QueueChangeResult {
  const qw = world.queues;
  if (qw === undefined) return refuse('this scenario has no queue brokers');
  if (change.type === 'set-publish-rate') {
    const publisher = qw.publishers.find((p) => p.spec.id === change.publisher);
    if (!publisher) return refuse(`no publisher "${change.publisher}"`);
    if (!(change.ratePerSec >= 0 && change.ratePerSec <= 1_000_000)) return refuse(`ratePerSec must be between 0 and 1000000, got ${change.ratePerSec}`);
    setPublisherRate(world, publisher, change.ratePerSec);
    world.log.add(world.scheduler.nowUs, 'publisher.rateChanged', publisher.spec.id, `Publisher ${publisher.spec.id} now sends ${change.ratePerSec} messages/s.`);
    return { ok: true };
  }
  const workerPool = qw.pools.find((p) => p.spec.id === change.worker);
  if (!workerPool) return refuse(`no worker pool "${change.worker}"`);
  switch (change.type) {
    case 'worker-crash':
    case 'worker-restart': {
      const index = workerPool.workers[change.instance];
      if (index === undefined) return refuse(`worker pool ${change.worker} has no worker ${change.instance} (it has ${workerPool.workers.length})`);
      const worker = qw.workers[index]!;
      if (change.type === 'worker-crash') {
        if (!worker.alive) return refuse(`${worker.name} is not running`);
        crashWorker(world, worker, change.restartAfterMs ?? null);
      } else {
        if (worker.alive) return refuse(`${worker.name} is running already`);
        worker.epoch++; // a restart scheduled by the crash is superseded
        restartWorker(world, worker);
      }
      return { ok: true };
    }
    case 'worker-add': {
      if (!(Number.isInteger(change.count) && change.count >= 1)) return refuse(`count must be a whole number, at least 1, got ${change.count}`);
      if (workerPool.workers.length + change.count > WORKERS_PER_POOL_MAX) return refuse(`a worker pool may have at most ${WORKERS_PER_POOL_MAX} workers`);
      for (let i = 0; i < change.count; i++) startWorker(world, addWorker(world.seed, qw.workers, qw.queues, workerPool, qw.limits));
      world.log.add(world.scheduler.nowUs, 'worker.added', workerPool.spec.id, `${change.count} worker${change.count === 1 ? '' : 's'} joined pool ${workerPool.spec.id}.`);
      return { ok: true };
    }
    case 'set-prefetch':
      return setPrefetch(world, workerPool, change.prefetchCount);
  }
}

function setPrefetch(world: World, workerPool: WorkerPoolRt, prefetchCount: number): QueueChangeResult {
  const qw = world.queues!;
  if (qw.queues[workerPool.queue]!.broker !== 'rabbitmq') return refuse('prefetchCount applies to RabbitMQ workers only');
  if (!(Number.isInteger(prefetchCount) && prefetchCount >= 0 && prefetchCount <= 65_535)) return refuse(`prefetchCount must be a whole number from 0 to 65535, got ${prefetchCount}`);
  if (workerPool.spec.autoAck) return refuse('autoAck workers are not limited by prefetch');
  // A lower prefetch keeps what was delivered already: it only holds back further pushes.
  workerPool.prefetch = prefetchCount === 0 ? Infinity : prefetchCount;
  world.log.add(world.scheduler.nowUs, 'worker.prefetchChanged', workerPool.spec.id, `Workers of ${workerPool.spec.id} now take up to ${prefetchCount === 0 ? 'unlimited' : prefetchCount} unacknowledged messages each.`);
  pushToConsumers(world, qw.queues[workerPool.queue]!);
  return { ok: true };
}

function refuse(error: string): QueueChangeResult {
  return { ok: false, error };
}
