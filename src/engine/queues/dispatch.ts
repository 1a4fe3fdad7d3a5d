import { InvariantError } from '../kernel/assert';
import { QueueEventKind } from './eventKinds';
import { onPublish } from './publisher';
import { onWorkerDone, onWorkerRestart } from './worker';
import { onVisibilityTimeout, onWorkerPoll } from './sqsQueue';
import { onQueueExpiry } from './rabbitQueue';
import { onRequestTimeout } from './requestReply';
import { applyQueueChange } from './queueChanges';
import type { World } from '../kafka/world';

/** Runs one queue-broker event (codes 70–99); the simulation's dispatch hands these over. */
export function dispatchQueueEvent(world: World, kind: number, a: number, b: number): void {
  const qw = world.queues;
  if (qw === undefined) throw new InvariantError(`queue event kind ${kind} in a world without queue brokers`);
  switch (kind) {
    case QueueEventKind.publish:
      onPublish(world, qw.publishers[a]!, b);
      break;
    case QueueEventKind.workerDone:
      onWorkerDone(world, qw.workers[a]!, b);
      break;
    case QueueEventKind.workerPoll:
      onWorkerPoll(world, qw.workers[a]!, b);
      break;
    case QueueEventKind.visibilityTimeout:
      onVisibilityTimeout(world, a, b);
      break;
    case QueueEventKind.queueExpiry:
      onQueueExpiry(world, qw.queues[a]!, b);
      break;
    case QueueEventKind.requestTimeout:
      onRequestTimeout(world, qw.publishers[a]!, b);
      break;
    case QueueEventKind.workerRestart:
      onWorkerRestart(world, qw.workers[a]!, b);
      break;
    case QueueEventKind.queueFault: {
      const { atMs: _atMs, ...change } = world.scenario.queueFaults![a]!;
      applyQueueChange(world, change);
      break;
    }
    default:
      throw new InvariantError(`unknown queue event kind ${kind}`);
  }
}
