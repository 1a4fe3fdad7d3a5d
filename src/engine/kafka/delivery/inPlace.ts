import { msToUs } from '../../kernel/time';
import { jitteredDelayMs } from './backoff';
import { keyName } from './failures';
import { recover } from './deadLetter';
import { settleWithoutEffect } from './ledger';
import { causeMessage, type FailureCause } from './retryQueue';
import { resumeAfterFailure } from '../consumer';
import { TrailKind, trailAdd } from '../../events/recordTrail';
import type { ConsumerRt, GroupRt, World } from '../world';

/**
 * Blocking retries, as Spring Kafka's DefaultErrorHandler does them: when a record fails, the
 * consumer seeks every partition of the rest of its poll back to its first unprocessed record
 * (the failed one included), sleeps for the back-off, and polls again, so the failed record is
 * delivered again and nothing behind it on its partition moves meanwhile. Its FailedRecordTracker
 * counts attempts per partition (reset when the partition changes owner, as the tracker lives
 * in the consumer's thread); after maxAttempts the recoverer dead-letters or skips the record
 * and the partition resumes after it.
 *
 * The back-off sleeps the consumer's thread (Spring's default back-off handler), so it blocks
 * every partition of that consumer and counts towards max.poll.interval.ms.
 */
export function onInPlaceAttemptFailed(world: World, group: GroupRt, consumer: ConsumerRt, globalPartition: number, offset: number, cause: FailureCause): void {
  const delivery = group.delivery;
  delivery.failedAttempts++;
  if (group.owner[globalPartition] !== consumer.index) {
    // A zombie (removed from the group, still finishing its poll): its seeks and commits no
    // longer count and the new owner starts its own attempt count.
    resumeAfterFailure(world, group, consumer, 0);
    return;
  }
  let tracked = delivery.failing.get(globalPartition);
  if (tracked === undefined || tracked.offset !== offset) {
    tracked = { offset, attempts: 0 };
    delivery.failing.set(globalPartition, tracked);
  }
  const attempts = ++tracked.attempts;
  const log = world.partitions[globalPartition]!;
  const where = `${world.topics[log.topicIndex]!.name}-${log.partition}@${offset}`;
  const nowUs = world.scheduler.nowUs;

  if (attempts < group.spec.retry.maxAttempts) {
    const delayMs = jitteredDelayMs(group.spec.retry, attempts, delivery.backoffRng);
    seekRemaining(group, consumer, globalPartition, offset);
    trailAdd(world.trail, TrailKind.retried, nowUs, globalPartition, offset, offset + 1, consumer.index, attempts, msToUs(delayMs));
    world.log.add(nowUs, 'delivery.retryInPlace', group.spec.id, `Record ${where} (key ${keyName(world, log.topicIndex, log.keyIndexAt(offset))}) failed attempt ${attempts} of ${group.spec.retry.maxAttempts} (${causeMessage(cause)}): ${consumer.name} seeks back to offset ${offset} and backs off ${Math.round(delayMs * 1000) / 1000} ms, blocking its partitions.`);
    resumeAfterFailure(world, group, consumer, msToUs(delayMs));
    return;
  }
  delivery.failing.delete(globalPartition);
  const fate = recover(world, group, globalPartition, offset, log.recordIdAt(offset), log.keyIndexAt(offset), log.createdAtUsAt(offset), attempts, cause);
  settleWithoutEffect(group, globalPartition, offset, fate);
  seekRemaining(group, consumer, globalPartition, offset + 1);
  resumeAfterFailure(world, group, consumer, 0);
}

/** Whether the record about to be delivered is the failing one of its partition (a retry). */
export function isRetryDelivery(group: GroupRt, globalPartition: number, offset: number): boolean {
  return group.delivery.failing.get(globalPartition)?.offset === offset;
}

/**
 * SeekUtils.doSeeks: each partition among the records not yet processed goes back to its first
 * such record; the failed record's partition goes to `resumeAt` (the failed record to retry it,
 * the next one after recovering it). Partitions the consumer no longer owns are left alone.
 */
function seekRemaining(group: GroupRt, consumer: ConsumerRt, failedPartition: number, resumeAt: number): void {
  for (let i = consumer.batchLength - 1; i > consumer.batchPosition; i--) {
    const p = consumer.batchPartitions[i]!;
    if (group.owner[p] === consumer.index) group.position[p] = consumer.batchOffsets[i]!;
  }
  if (group.owner[failedPartition] === consumer.index) group.position[failedPartition] = resumeAt;
}
