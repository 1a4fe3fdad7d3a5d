import { msToUs } from '../../kernel/time';
import { LimitError } from '../../kernel/assert';
import { EventKind } from '../eventKinds';
import { attemptOutcome, keyName } from './failures';
import { jitteredDelayMs } from './backoff';
import { recover } from './deadLetter';
import { completeFromRetry, finishRetryWithoutEffect, settleWithoutEffect, skipFromRetry } from './ledger';
import { RETRY_RECORDS_MAX } from './limits';
import { RetryQueue, causeMessage, type FailureCause } from './retryQueue';
import type { GroupRt, World } from '../world';
import { TrailKind, retryListenerWorker, trailAdd } from '../../events/recordTrail';

/**
 * Non-blocking retries (Spring's @RetryableTopic): a record whose processing fails is published
 * to the retry topic of its next attempt, `<topic>-retry-<delayMs>`, and the source partition
 * moves on at once, so the other keys of that partition are not delayed. Each retry topic's
 * listener takes records in order, waits until the head is due (failure time + its back-off),
 * and processes it; after the last attempt the record goes to the dead-letter topic.
 *
 * Simplification: Spring runs the retry topics in their own listener containers; here each
 * retry-topic partition has its own always-running listener, with the group's processing time.
 */

/** The main listener's attempt (the first) failed: retry via a retry topic, or dead-letter if that was the last. */
export function onMainAttemptFailed(world: World, group: GroupRt, globalPartition: number, offset: number, cause: FailureCause): void {
  const log = world.partitions[globalPartition]!;
  const recordId = log.recordIdAt(offset);
  const keyIndex = log.keyIndexAt(offset);
  const createdAtUs = log.createdAtUsAt(offset);
  group.delivery.failedAttempts++;
  if (group.spec.retry.maxAttempts <= 1) {
    const fate = recover(world, group, globalPartition, offset, recordId, keyIndex, createdAtUs, 1, cause);
    settleWithoutEffect(group, globalPartition, offset, fate);
    return;
  }
  const settledBefore = !settleWithoutEffect(group, globalPartition, offset, 'retry');
  publishRetry(world, group, globalPartition, offset, recordId, keyIndex, createdAtUs, 1, cause, settledBefore);
}

/** a = group index, b = retry queue index: the listener of a retry-topic partition looks at its head. */
export function onRetryTopicPoll(world: World, group: GroupRt, queueIndex: number): void {
  const delivery = group.delivery;
  const queue = delivery.retryQueues[queueIndex]!;
  queue.wakePending = false;
  if (queue.busy || queue.size === 0) return;
  const nowUs = world.scheduler.nowUs;
  if (queue.headDueUs() > nowUs) {
    wake(world, group, queue);
    return;
  }
  queue.busy = true;
  group.delivered++;
  group.redelivered++;
  delivery.retried++;
  const durationUs = msToUs(delivery.retryProcessingMs());
  world.scheduler.schedule(nowUs + durationUs, EventKind.retryTopicProcessed, group.index, queueIndex);
}

/** a = group index, b = retry queue index: the retry attempt of the head record completed or failed. */
export function onRetryTopicProcessed(world: World, group: GroupRt, queueIndex: number): void {
  const delivery = group.delivery;
  const queue = delivery.retryQueues[queueIndex]!;
  const globalPartition = queue.sourcePartition;
  const log = world.partitions[globalPartition]!;
  const recordId = queue.headId();
  const keyIndex = queue.headKey();
  const createdAtUs = queue.headCreatedAtUs();
  const offset = queue.headOffset();
  const attempts = queue.headAttempts() + 1;
  const settledBefore = queue.headSettledBefore();
  const detached = queue.headDetached();
  queue.pop();
  queue.busy = false;
  delivery.retryRecords--;
  const nowUs = world.scheduler.nowUs;
  const where = `${world.topics[log.topicIndex]!.name}-${log.partition}@${offset}`;

  if (delivery.dedupe?.has(recordId)) {
    skipFromRetry(group, settledBefore);
    world.log.add(nowUs, 'delivery.duplicateSkipped', group.spec.id, `Record ${where} from ${queue.name} was processed already: the idempotent consumer skips it.`);
  } else {
    const cause = attemptOutcome(world, group, log.topicIndex, keyIndex);
    trailAdd(world.trail, cause === 0 ? TrailKind.processed : TrailKind.failed, nowUs, globalPartition, offset, offset + 1, retryListenerWorker(group.index), attempts, cause === 0 ? group.index : cause);
    if (cause === 0) {
      completeFromRetry(world, group, globalPartition, offset, recordId, createdAtUs, settledBefore, detached);
      world.log.add(nowUs, 'delivery.retrySucceeded', group.spec.id, `Record ${where} processed at attempt ${attempts} from ${queue.name}-${log.partition}.`);
    } else {
      delivery.failedAttempts++;
      if (attempts >= group.spec.retry.maxAttempts) {
        const fate = recover(world, group, globalPartition, offset, recordId, keyIndex, createdAtUs, attempts, cause);
        if (!settledBefore) finishRetryWithoutEffect(group, fate);
      } else {
        publishRetry(world, group, globalPartition, offset, recordId, keyIndex, createdAtUs, attempts, cause, settledBefore);
      }
    }
  }
  if (queue.size > 0) wake(world, group, queue);
}

/** Records waiting in each retry topic of the group, by name (summed over partitions). */
export function retryTopicSizes(group: GroupRt): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const plan of group.delivery.retryPlans.values()) for (const topic of plan.topics) sizes.set(topic.name, 0);
  for (const queue of group.delivery.retryQueues) sizes.set(queue.name, (sizes.get(queue.name) ?? 0) + queue.size);
  return sizes;
}

function publishRetry(world: World, group: GroupRt, globalPartition: number, offset: number, recordId: number, keyIndex: number, createdAtUs: number, attemptsMade: number, cause: FailureCause, settledBefore: boolean): void {
  const delivery = group.delivery;
  const log = world.partitions[globalPartition]!;
  const plan = delivery.retryPlans.get(log.topicIndex)!;
  const topicSlot = plan.topicOfRetry[attemptsMade - 1]!;
  const retryTopic = plan.topics[topicSlot]!;
  if (delivery.retryRecords >= RETRY_RECORDS_MAX) {
    throw new LimitError('retryRecordsMax', RETRY_RECORDS_MAX, `the retry topics of group ${group.spec.id} are full; lower transientRate or maxAttempts`);
  }
  const queue = queueFor(group, topicSlot, globalPartition, retryTopic.name);
  const nowUs = world.scheduler.nowUs;
  const delayMs = jitteredDelayMs(group.spec.retry, attemptsMade, delivery.backoffRng);
  queue.push(recordId, keyIndex, createdAtUs, offset, attemptsMade, nowUs + msToUs(delayMs), cause, settledBefore);
  trailAdd(world.trail, TrailKind.retried, nowUs, globalPartition, offset, offset + 1, retryListenerWorker(group.index), attemptsMade, msToUs(delayMs));
  delivery.retryRecords++;
  const key = keyName(world, log.topicIndex, keyIndex);
  world.log.add(nowUs, 'delivery.retryScheduled', group.spec.id, `Record ${world.topics[log.topicIndex]!.name}-${log.partition}@${offset} (key ${key}) failed attempt ${attemptsMade} (${causeMessage(cause)}): published to ${retryTopic.name}-${log.partition}, retried in ${round(delayMs)} ms.`);
  wake(world, group, queue);
}

function queueFor(group: GroupRt, topicSlot: number, globalPartition: number, name: string): RetryQueue {
  const delivery = group.delivery;
  const key = topicSlot * 2 ** 21 + globalPartition;
  let index = delivery.retryQueueIndex.get(key);
  if (index === undefined) {
    index = delivery.retryQueues.length;
    delivery.retryQueues.push(new RetryQueue(index, name, globalPartition));
    delivery.retryQueueIndex.set(key, index);
  }
  return delivery.retryQueues[index]!;
}

function wake(world: World, group: GroupRt, queue: RetryQueue): void {
  if (queue.busy || queue.wakePending || queue.size === 0) return;
  queue.wakePending = true;
  const atUs = Math.max(world.scheduler.nowUs, queue.headDueUs());
  world.scheduler.schedule(atUs, EventKind.retryTopicPoll, group.index, queue.index);
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
