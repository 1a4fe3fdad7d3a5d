import { appendAcknowledged } from '../cluster/internalAppend';
import { describePartitions } from '../group/describe';
import { causeMessage, type FailureCause } from './retryQueue';
import { keyName } from './failures';
import { SNAPSHOT_DEAD_LETTERS } from './limits';
import type { GroupRt, World } from '../world';
import { LossReason, TrailKind, trailAdd } from '../../events/recordTrail';

/**
 * The recoverer that runs after a record's last failed attempt: Spring's
 * DeadLetterPublishingRecoverer when the group has a dead-letter topic (same partition number as
 * the source, headers naming where the record came from and why it failed), otherwise the
 * default recoverer, which logs and skips the record. Returns what happened to it.
 */
export function recover(world: World, group: GroupRt, sourcePartition: number, sourceOffset: number, recordId: number, keyIndex: number, createdAtUs: number, attempts: number, cause: FailureCause): 'dead-lettered' | 'skipped' {
  const log = world.partitions[sourcePartition]!;
  const topic = world.topics[log.topicIndex]!;
  const dlt = group.delivery.deadLetterTopics.get(log.topicIndex) ?? null;
  const nowUs = world.scheduler.nowUs;
  const where = `${topic.name}-${log.partition}@${sourceOffset}`;
  const key = keyName(world, log.topicIndex, keyIndex);
  if (dlt === null) {
    trailAdd(world.trail, TrailKind.lost, nowUs, sourcePartition, sourceOffset, sourceOffset + 1, LossReason.skipped, group.index, attempts);
    world.log.add(nowUs, 'delivery.skipped', group.spec.id, `Record ${where} (key ${key}) failed all ${attempts} attempts (${causeMessage(cause)}); group ${group.spec.id} has no dead-letter topic, so it is logged and skipped: lost.`);
    return 'skipped';
  }
  const store = group.delivery.deadLetters;
  store.publish(store.topicIndex(dlt), recordId, keyIndex, createdAtUs, sourcePartition, sourceOffset, attempts, cause, nowUs);
  trailAdd(world.trail, TrailKind.deadLettered, nowUs, sourcePartition, sourceOffset, sourceOffset + 1, group.index, attempts, store.count - 1);
  world.log.add(nowUs, 'delivery.deadLettered', group.spec.id, `Record ${where} (key ${key}) dead-lettered to ${dlt}-${log.partition} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${causeMessage(cause)}.`);
  return 'dead-lettered';
}

/** A dead-lettered record with the headers Spring's recoverer writes. */
export interface DeadLetterView {
  /** The dead-letter topic and partition, e.g. "orders-dlt". */
  topic: string;
  partition: number;
  key: string | null;
  /** The record's id, stable across retries and replays. */
  recordId: number;
  /** When it was dead-lettered, ms. */
  timeMs: number;
  /** Whether dlq-replay has re-published it. */
  replayed: boolean;
  /**
   * `kafka_dlt-original-topic`, `kafka_dlt-original-partition`, `kafka_dlt-original-offset`,
   * `kafka_dlt-original-consumer-group`, `kafka_dlt-exception-message` (Spring's KafkaHeaders)
   * and `retry_topic-attempts`: attempts made in all, the first included.
   */
  headers: Record<string, string>;
}

/** The newest dead-lettered records of a group, oldest first. */
export function recentDeadLetters(world: World, group: GroupRt, count = SNAPSHOT_DEAD_LETTERS): DeadLetterView[] {
  const store = group.delivery.deadLetters;
  const out: DeadLetterView[] = [];
  for (let i = Math.max(0, store.count - count); i < store.count; i++) out.push(deadLetterView(world, group, i));
  return out;
}

/** The group's dead-lettered record number `index` (0 = its first), with its headers. */
export function deadLetterView(world: World, group: GroupRt, index: number): DeadLetterView {
  const record = group.delivery.deadLetters.at(index);
  const log = world.partitions[record.sourcePartition]!;
  return {
    topic: record.topic,
    partition: log.partition,
    key: record.keyIndex < 0 ? null : keyName(world, log.topicIndex, record.keyIndex),
    recordId: record.recordId,
    timeMs: record.timeUs / 1000,
    replayed: record.replayed,
    headers: {
      'kafka_dlt-original-topic': world.topics[log.topicIndex]!.name,
      'kafka_dlt-original-partition': String(log.partition),
      'kafka_dlt-original-offset': String(record.sourceOffset),
      'kafka_dlt-original-consumer-group': group.spec.id,
      'kafka_dlt-exception-message': causeMessage(record.cause),
      'retry_topic-attempts': String(record.attempts),
    },
  };
}

/**
 * DLQ replay: re-publishes the oldest `limit` dead-lettered records of the group that were not
 * replayed yet to their source topic and partition, as new records with the same id (a replay
 * tool copies key, value and id). Every group reading the topic sees them; a record whose key is
 * still poison fails again. Stops at a partition with no leader. Returns how many were re-published.
 */
export function replayDeadLetters(world: World, group: GroupRt, limit: number): number {
  const store = group.delivery.deadLetters;
  const end = Math.min(store.count, store.replayedUpTo + limit);
  const nowUs = world.scheduler.nowUs;
  let replayed = 0;
  let offline: number | null = null;
  for (let i = store.replayedUpTo; i < end; i++) {
    const record = store.at(i);
    // The replay tool's send: written at the partition leader, acknowledged there and then
    // replicated; counted as produced and acknowledged like any send.
    if (!appendAcknowledged(world, record.sourcePartition, record.recordId, record.keyIndex, nowUs)) {
      offline = record.sourcePartition; // replay stops here, in order, so it can be resumed
      break;
    }
    world.produced++;
    world.acknowledged++;
    replayed++;
  }
  store.replayedUpTo += replayed;
  group.delivery.replayed += replayed;
  const left = store.count - store.replayedUpTo;
  world.log.add(
    nowUs,
    'delivery.replayed',
    group.spec.id,
    `Replayed ${replayed} dead-lettered record${replayed === 1 ? '' : 's'} of group ${group.spec.id} to their source topics (${left} left to replay)` +
      (offline === null ? '.' : `; stopped at ${describePartitions(world, [offline])}, which has no leader.`),
  );
  return replayed;
}
