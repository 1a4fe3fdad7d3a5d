import { msToUs } from '../kernel/time';
import { assert } from '../kernel/assert';
import { EventKind } from './eventKinds';
import { CommitWindow } from '../metrics/lagStatus';
import { applyPendingAssignment, enforcePollInterval, isCooperative, joinGroup } from './group/member';
import { attemptOutcome } from './delivery/failures';
import { completeFromLog, skipFromLog } from './delivery/ledger';
import { isRetryDelivery, onInPlaceAttemptFailed } from './delivery/inPlace';
import { onMainAttemptFailed } from './delivery/retryTopics';
import { FailureCause } from './delivery/retryQueue';
import { CommitReason, TrailKind, trailAdd, trailNextPoll } from '../events/recordTrail';
import type { ConsumerRt, GroupRt, World } from './world';

/**
 * The consumer's rules: poll (up to max.poll.records from the owned partitions, below the high
 * watermark), process the returned records one after another, and commit.
 *
 * A consumer is `idle` (waiting in a long poll for data), `processing` one record of its last
 * poll, or `dead`. Kafka's fetcher prefetches in the background, so a poll that finds data
 * already below the high watermark returns at once; an idle consumer is woken one network
 * latency after new data becomes visible (the broker answers the waiting fetch).
 */

/** New records became visible on a partition: wake each subscribed group's idle owner. */
export function onHighWatermarkAdvanced(world: World, globalPartition: number): void {
  const topic = world.topics[world.partitions[globalPartition]!.topicIndex]!;
  for (const groupIndex of topic.subscribers) {
    const ownerIndex = world.groups[groupIndex]!.owner[globalPartition]!;
    if (ownerIndex < 0) continue;
    const consumer = world.consumers[ownerIndex]!;
    if (consumer.state === 'idle' && !consumer.pollScheduled) {
      schedulePoll(world, consumer, world.scheduler.nowUs + world.networkLatencyUs);
    }
  }
}

export function schedulePoll(world: World, consumer: ConsumerRt, atUs: number): void {
  consumer.pollScheduled = true;
  world.scheduler.schedule(atUs, EventKind.consumerPoll, consumer.index, consumer.epoch);
}

/** The consumer calls poll(). */
export function onConsumerPoll(world: World, consumer: ConsumerRt, epoch: number): void {
  if (epoch !== consumer.epoch || consumer.state !== 'idle') return;
  consumer.pollScheduled = false;
  const group = world.groups[consumer.groupIndex]!;
  const nowUs = world.scheduler.nowUs;
  consumer.lastPollUs = nowUs;

  // The group protocol runs inside poll(): apply a received assignment, rejoin if asked.
  if (consumer.pendingAssignment) applyPendingAssignment(world, group, consumer);
  if (consumer.rejoinNeeded || consumer.membership === 'unjoined') joinGroup(world, group, consumer);
  // Eager members block in poll() until their new assignment arrives; cooperative ones keep
  // processing what they own meanwhile.
  if (consumer.membership !== 'stable' && !isCooperative(group)) return;

  if (group.spec.commit === 'auto' && nowUs >= consumer.nextAutoCommitUs) {
    // Auto-commit runs inside poll(): it commits the positions of everything returned so far.
    commitPositions(world, group, consumer, CommitReason.auto);
    consumer.nextAutoCommitUs = nowUs + msToUs(group.spec.autoCommitIntervalMs);
  }

  fetchInto(world, group, consumer);
  if (consumer.batchLength === 0) return; // stays idle until the high watermark moves

  if (group.spec.commit === 'before-process') {
    // At-most-once: positions are committed before any record is processed.
    commitPositions(world, group, consumer, CommitReason.beforeProcess);
  }
  startNextRecord(world, group, consumer);
}

/** Fills the consumer's batch with up to max.poll.records, visiting owned partitions in turn. */
function fetchInto(world: World, group: GroupRt, consumer: ConsumerRt): void {
  const limit = group.spec.maxPollRecords;
  const assigned = consumer.assigned;
  const nowUs = world.scheduler.nowUs;
  let pollNumber = 0;
  let length = 0;
  for (let visited = 0; visited < assigned.length && length < limit; visited++) {
    const globalPartition = assigned[(consumer.fetchCursor + visited) % assigned.length]!;
    const log = world.partitions[globalPartition]!;
    let offset = group.position[globalPartition]!;
    const fromOffset = offset;
    while (offset < log.highWatermark && length < limit) {
      consumer.batchPartitions[length] = globalPartition;
      consumer.batchOffsets[length] = offset;
      length++;
      offset++;
    }
    group.position[globalPartition] = offset;
    if (offset > fromOffset) {
      if (pollNumber === 0) pollNumber = trailNextPoll(world.trail, consumer.index);
      trailAdd(world.trail, TrailKind.fetched, nowUs, globalPartition, fromOffset, offset, consumer.index, pollNumber, group.index);
    }
  }
  if (assigned.length > 0) consumer.fetchCursor = (consumer.fetchCursor + 1) % assigned.length;
  consumer.batchLength = length;
  consumer.batchPosition = 0;
}

function startNextRecord(world: World, group: GroupRt, consumer: ConsumerRt): void {
  const nowUs = world.scheduler.nowUs;
  if (consumer.batchPosition >= consumer.batchLength) {
    finishBatch(world, group, consumer);
    return;
  }
  const globalPartition = consumer.batchPartitions[consumer.batchPosition]!;
  const offset = consumer.batchOffsets[consumer.batchPosition]!;
  group.delivered++;
  if (offset < group.deliveredUpTo[globalPartition]!) {
    group.redelivered++;
    if (group.delivery.failuresPossible && isRetryDelivery(group, globalPartition, offset)) group.delivery.retried++;
  } else {
    group.deliveredUpTo[globalPartition] = offset + 1;
  }

  if (consumer.state !== 'processing') consumer.busySinceUs = nowUs;
  consumer.state = 'processing';
  const durationUs = msToUs(consumer.processingMs());
  world.scheduler.schedule(nowUs + durationUs, EventKind.processDone, consumer.index, consumer.epoch);
}

/** Processing of the current record completed. */
export function onProcessDone(world: World, consumer: ConsumerRt, epoch: number): void {
  if (epoch !== consumer.epoch || consumer.state !== 'processing') return;
  const group = world.groups[consumer.groupIndex]!;
  const globalPartition = consumer.batchPartitions[consumer.batchPosition]!;
  const offset = consumer.batchOffsets[consumer.batchPosition]!;
  assert(offset <= group.settledUpTo[globalPartition]!, () => `group ${group.spec.id} processed offset ${offset} before ${group.settledUpTo[globalPartition]}`);
  const log = world.partitions[globalPartition]!;
  const dedupe = group.delivery.dedupe;
  // The hot path reads the record's id and key only when a feature needs them.
  const recordId = dedupe === null ? -1 : log.recordIdAt(offset);
  if (dedupe !== null && dedupe.has(recordId)) {
    // The idempotent consumer has this record's effect already: it skips the record. The check
    // and the effect are one transaction (an idempotent receiver's unique insert), so it runs at
    // completion: two concurrent deliveries (a zombie and the new owner) cannot both take effect.
    skipFromLog(group, globalPartition, offset);
    world.log.add(world.scheduler.nowUs, 'delivery.duplicateSkipped', group.spec.id, `${consumer.name} skipped ${world.topics[log.topicIndex]!.name}-${log.partition}@${offset}: the idempotent consumer has processed record #${recordId} already.`);
  } else {
    const cause = group.delivery.failuresPossible ? attemptOutcome(world, group, log.topicIndex, log.keyIndexAt(offset)) : FailureCause.none;
    // The in-place error handler's tracker knows how many attempts came before this one.
    const attempt = group.delivery.failuresPossible && isRetryDelivery(group, globalPartition, offset) ? group.delivery.failing.get(globalPartition)!.attempts + 1 : 1;
    const nowUs = world.scheduler.nowUs;
    if (cause !== FailureCause.none) {
      trailAdd(world.trail, TrailKind.failed, nowUs, globalPartition, offset, offset + 1, consumer.index, attempt, cause);
      if (group.spec.retry.mode === 'in-place') {
        onInPlaceAttemptFailed(world, group, consumer, globalPartition, offset, cause);
        return;
      }
      onMainAttemptFailed(world, group, globalPartition, offset, cause);
    } else {
      if (group.delivery.failuresPossible) group.delivery.failing.delete(globalPartition);
      trailAdd(world.trail, TrailKind.processed, nowUs, globalPartition, offset, offset + 1, consumer.index, attempt, group.index);
      completeFromLog(world, group, globalPartition, offset, recordId, log.createdAtUsAt(offset));
    }
  }
  consumer.batchPosition++;
  startNextRecord(world, group, consumer);
}

/**
 * After a failed attempt was handled in place: the rest of the poll is dropped (the consumer
 * sought back), processed records are committed (after-process), and the consumer sleeps
 * `backoffUs` in its error handler before polling again. It stays `processing` while it sleeps:
 * its thread is busy and max.poll.interval.ms keeps running.
 *
 * Spring Kafka's DefaultErrorHandler sleeps on the consumer thread (DefaultBackOffHandler,
 * spring-kafka 2.9+: "The default handler simply suspends the thread until the back off time
 * passes"; the docs offer ContainerPausingBackOffHandler for "delays longer than the
 * max.poll.interval.ms", spring-kafka-docs .../kafka/annotation-error-handling.adoc, "Back Off
 * Handlers"). Kafka's heartbeat thread checks the poll deadline every retry.backoff.ms, so a
 * sleep that outlasts max.poll.interval.ms makes the member leave just past its deadline, not at
 * the next heartbeat tick: the wake-up below lands on the deadline in that case.
 */
export function resumeAfterFailure(world: World, group: GroupRt, consumer: ConsumerRt, backoffUs: number): void {
  consumer.batchLength = 0;
  consumer.batchPosition = 0;
  if (group.spec.commit === 'after-process') commitPositions(world, group, consumer, CommitReason.afterFailure);
  const commitUs = group.spec.commit === 'after-process' ? 2 * world.networkLatencyUs : 0;
  const nowUs = world.scheduler.nowUs;
  const endUs = nowUs + commitUs + backoffUs;
  const deadlineUs = Math.max(nowUs, consumer.lastPollUs + msToUs(group.spec.maxPollIntervalMs));
  group.delivery.backoffUntilUs.set(consumer.index, endUs);
  world.scheduler.schedule(Math.min(endUs, deadlineUs), EventKind.retryBackoffEnd, consumer.index, consumer.epoch);
}

/** a = consumer index, b = epoch: the error handler's back-off is over (poll again), or it passed max.poll.interval.ms mid-sleep. */
export function onRetryBackoffEnd(world: World, consumer: ConsumerRt, epoch: number): void {
  if (epoch !== consumer.epoch || consumer.state !== 'processing' || consumer.batchLength !== 0) return;
  const group = world.groups[consumer.groupIndex]!;
  const untilUs = group.delivery.backoffUntilUs.get(consumer.index) ?? world.scheduler.nowUs;
  if (world.scheduler.nowUs < untilUs) {
    enforcePollInterval(world, group, consumer, epoch);
    world.scheduler.schedule(untilUs, EventKind.retryBackoffEnd, consumer.index, epoch);
    return;
  }
  group.delivery.backoffUntilUs.delete(consumer.index);
  finishBatch(world, group, consumer, false);
}

function finishBatch(world: World, group: GroupRt, consumer: ConsumerRt, commit = true): void {
  const nowUs = world.scheduler.nowUs;
  if (consumer.state === 'processing') consumer.busyUs += nowUs - consumer.busySinceUs;
  consumer.state = 'idle';
  consumer.batchLength = 0;
  consumer.batchPosition = 0;
  if (commit && group.spec.commit === 'after-process') {
    // commitSync(): the commit is recorded now and the consumer waits for the response.
    commitPositions(world, group, consumer);
    schedulePoll(world, consumer, nowUs + 2 * world.networkLatencyUs);
  } else {
    schedulePoll(world, consumer, nowUs);
  }
}

/**
 * Commits the consumer's current position on every partition it owns. A consumer the group has
 * removed owns nothing any more, so its commits have no effect (Kafka: CommitFailedException).
 */
export function commitPositions(world: World, group: GroupRt, consumer: ConsumerRt, reason: number = CommitReason.afterProcess): void {
  const nowMs = world.scheduler.nowUs / 1000;
  for (const globalPartition of consumer.assigned) {
    const offset = group.position[globalPartition]!;
    const before = group.committed[globalPartition]!;
    if (offset > before) trailAdd(world.trail, TrailKind.committed, world.scheduler.nowUs, globalPartition, Math.max(0, before), offset, consumer.index, reason, group.index);
    group.committed[globalPartition] = offset;
    // What a lag monitor reading __consumer_offsets sees: each commit with the lag at that moment.
    const window = (group.commitWindows[globalPartition] ??= new CommitWindow());
    window.record(nowMs, offset, Math.max(0, world.partitions[globalPartition]!.highWatermark - offset));
  }
}
