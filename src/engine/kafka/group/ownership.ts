import type { ConsumerRt, GroupRt, World } from '../world';

/**
 * Who processes which partition. A partition of a group has at most one owner; between two
 * owners it is paused, and that pause is what a rebalance costs (`rebalances.totalPauseMs`).
 */

/** The consumer stops owning a partition (revoked, crashed, left or kicked out). */
export function releasePartition(world: World, group: GroupRt, consumer: ConsumerRt, globalPartition: number): void {
  const i = consumer.assigned.indexOf(globalPartition);
  if (i >= 0) consumer.assigned.splice(i, 1);
  if (group.owner[globalPartition] === consumer.index) {
    // Spring's FailedRecordTracker lives in the consumer's thread: its attempt counts go with it.
    group.delivery.failing.delete(globalPartition);
    group.owner[globalPartition] = -1;
    group.pausedSinceUs[globalPartition] = world.scheduler.nowUs;
    group.releasedBy[globalPartition] = consumer.index;
  }
}

export function releaseAll(world: World, group: GroupRt, consumer: ConsumerRt): number[] {
  const released = [...consumer.assigned];
  for (const p of released) releasePartition(world, group, consumer, p);
  return released;
}

/**
 * The consumer starts owning a partition. Fetching resumes from the committed offset (or from
 * auto.offset.reset when the group has none), so work done but not committed is redelivered,
 * and records committed but never processed can no longer be processed: they are lost.
 */
export function takePartition(world: World, group: GroupRt, consumer: ConsumerRt, globalPartition: number): void {
  const previousOwner = group.owner[globalPartition]!;
  if (previousOwner >= 0 && previousOwner !== consumer.index) {
    // The previous owner was removed by the coordinator but does not know yet (a zombie).
    releasePartition(world, group, world.consumers[previousOwner]!, globalPartition);
  }
  group.owner[globalPartition] = consumer.index;
  group.delivery.failing.delete(globalPartition);
  if (!consumer.assigned.includes(globalPartition)) consumer.assigned.push(globalPartition);
  const pausedSince = group.pausedSinceUs[globalPartition]!;
  if (pausedSince >= 0) {
    group.pauseUs += world.scheduler.nowUs - pausedSince;
    group.pausedSinceUs[globalPartition] = -1;
    group.pauses++;
    if (group.releasedBy[globalPartition] === consumer.index) group.unmovedPauses++;
    group.releasedBy[globalPartition] = -1;
  }

  const log = world.partitions[globalPartition]!;
  let start = group.committed[globalPartition]!;
  const reset = start < 0;
  if (start < 0) {
    start = group.spec.autoOffsetReset === 'earliest' ? log.logStartOffset : log.highWatermark;
    // The starting offset is recorded as committed so that lag reads from it (Kafka shows no
    // lag until the first commit; a learner expects the unread records to count).
    group.committed[globalPartition] = start;
  }
  group.position[globalPartition] = start;
  const settled = group.settledUpTo[globalPartition]!;
  const where = `${world.topics[log.topicIndex]!.name}-${log.partition}`;
  if (start > settled) {
    group.lost += start - settled;
    group.settledUpTo[globalPartition] = start;
    const count = start - settled;
    const why = reset ? 'skipped by auto.offset.reset=latest' : 'committed but never processed';
    world.log.add(world.scheduler.nowUs, 'delivery.lost', group.spec.id, `${consumer.name} starts ${where} at offset ${start}: ${count} record${count === 1 ? ' was' : 's were'} ${why} (offsets ${settled}..${start - 1}), so group ${group.spec.id} has lost ${count === 1 ? 'it' : 'them'}.`);
  } else if (start < settled) {
    world.log.add(world.scheduler.nowUs, 'delivery.redelivering', group.spec.id, `${consumer.name} starts ${where} at the committed offset ${start}: offsets ${start}..${settled - 1} were handled but not committed, so they are delivered again${group.spec.idempotent ? ' (the idempotent consumer will skip what it has processed)' : ' and processed twice'}.`);
  }
}

/** Partitions paused right now count towards the pause total up to the present. */
export function pauseUsSoFar(world: World, group: GroupRt): number {
  let total = group.pauseUs;
  for (const since of group.pausedSinceUs) if (since >= 0) total += world.scheduler.nowUs - since;
  return total;
}
