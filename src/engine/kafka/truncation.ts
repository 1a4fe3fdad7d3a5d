import { assert } from '../kernel/assert';
import { msToUs } from '../kernel/time';
import { EventKind } from './eventKinds';
import { schedulePoll } from './consumer';
import { describePartition } from './cluster/describe';
import { forgetTruncatedEntries } from './delivery/ledger';
import { LossReason, TrailKind, trailAdd } from '../events/recordTrail';
import type { ConsumerRt, GroupRt, World } from './world';

/**
 * What losing records in the cluster does to the consumer groups' ledgers. A record the groups
 * were owed (acknowledged, or visible below the high watermark) and that leaves the log before a
 * group settled it is lost for that group; records a group already processed stay processed.
 *
 * Truncation above the high watermark (a clean election whose leader lacks unreplicated acks=1
 * or acks=0 writes) touches no consumer, since consumers read only below it. Truncation below
 * it (an unclean election) rewinds each group to the new log end, as Kafka's consumers do when
 * they detect it (KIP-320): records a consumer fetched from the removed range are dropped before
 * processing (one being processed is abandoned with its batch and fetched again).
 */

/** acks=0 records that reached no leader: lost for every subscribed group. */
export function loseInFlight(world: World, globalPartition: number, count: number, why: string): void {
  const log = world.partitions[globalPartition]!;
  log.owedInFlight -= count;
  log.owedRemoved += count;
  world.cluster.counters.lostInFlight += count;
  const topic = world.topics[log.topicIndex]!;
  for (const g of topic.subscribers) world.groups[g]!.lost += count;
  world.log.add(world.scheduler.nowUs, 'records.lost', 'cluster', `${why}: ${count} record${count === 1 ? '' : 's'} never reached ${describePartition(world, globalPartition)} and ${count === 1 ? 'is' : 'are'} lost.`);
}

/** The partition's log is cut back to `toOffset` (its new leader's log end). */
export function truncatePartitionLog(world: World, globalPartition: number, toOffset: number, why: string): void {
  const log = world.partitions[globalPartition]!;
  const topic = world.topics[log.topicIndex]!;
  const oldEnd = log.logEndOffset;
  const oldHw = log.highWatermark;
  assert(toOffset < oldEnd, () => `truncating ${describePartition(world, globalPartition)} to ${toOffset} removes nothing`);
  const owedAboveRemoved = log.countOwed(Math.max(toOffset, oldHw), oldEnd);
  const belowHwRemoved = Math.max(0, oldHw - toOffset);
  const lostBy: string[] = [];
  for (const g of topic.subscribers) {
    const group = world.groups[g]!;
    const settled = group.settledUpTo[globalPartition]!;
    const lost = owedAboveRemoved + (toOffset < oldHw ? oldHw - Math.max(toOffset, settled) : 0);
    group.lost += lost;
    if (lost > 0) lostBy.push(`${lost} for group ${group.spec.id}`);
    if (toOffset < oldHw) rewindGroup(world, group, globalPartition, toOffset);
  }
  trailAdd(world.trail, TrailKind.lost, world.scheduler.nowUs, globalPartition, toOffset, oldEnd, LossReason.truncated, -1, 0);
  forgetWrites(world, globalPartition, toOffset);
  world.retainedRecords -= log.truncateTo(toOffset);
  log.owedAboveHighWatermark -= owedAboveRemoved;
  log.owedRemoved += owedAboveRemoved + belowHwRemoved;
  world.cluster.counters.truncatedRecords += oldEnd - toOffset;
  const removed = oldEnd - toOffset;
  const owed = owedAboveRemoved + belowHwRemoved;
  world.log.add(
    world.scheduler.nowUs,
    'partition.truncated',
    'cluster',
    `${describePartition(world, globalPartition)} loses offsets ${toOffset}..${oldEnd - 1} (${removed} record${removed === 1 ? '' : 's'}): ${why}. ` +
      `${owed} of them had been acknowledged or were visible${lostBy.length ? ` (lost: ${lostBy.join(', ')})` : ''}; ` +
      `the rest were never acknowledged, so their producers retry them.` +
      (belowHwRemoved > 0 ? ` The high watermark falls from ${oldHw} to ${toOffset}.` : ''),
  );
}

/**
 * The producers' view of the removed writes: their batches are no longer in the log (a retry is
 * not a duplicate any more), and the leader's idempotence state is rebuilt from the log that
 * remains, as Kafka rebuilds producer state after truncation.
 */
function forgetWrites(world: World, globalPartition: number, toOffset: number): void {
  const log = world.partitions[globalPartition]!;
  const repl = world.cluster.partitions[globalPartition]!;
  const from = Math.max(toOffset, log.memoryStartOffset);
  for (let offset = log.logEndOffset - 1; offset >= from; offset--) {
    const producer = log.producerAt(offset);
    if (producer < 0) continue;
    const sequence = log.sequenceAt(offset);
    if (sequence >= 0) repl.nextSequence[producer] = sequence; // the lowest removed one wins: the scan runs downwards
    repl.lastRecordId[producer] = -1;
  }
  if (toOffset < log.memoryStartOffset) {
    // The removed records are no longer held: the leader cannot tell, so it accepts the next sequence it sees.
    for (let p = 0; p < world.producers.length; p++) repl.nextSequence[p] = -1;
  }
  for (const producer of world.producers) {
    if (producer.topicIndex !== log.topicIndex) continue;
    const delivery = producer.accumulators[log.partition]?.delivery;
    if (delivery === undefined) continue;
    for (const batch of [...delivery.queued, ...delivery.sending]) forgetBatch(batch, toOffset);
  }
  for (const batch of world.cluster.batchesBySerial.values()) {
    const producer = world.producers[batch.producer]!;
    if (producer.topicIndex === log.topicIndex && batch.partition === log.partition) forgetBatch(batch, toOffset);
  }
}

function forgetBatch(batch: { writtenEnd: number; count: number }, toOffset: number): void {
  if (batch.writtenEnd <= toOffset) return;
  // Followers copy whole batches, so a new leader's log never ends inside one.
  assert(batch.writtenEnd - batch.count >= toOffset, () => `truncation to ${toOffset} splits a batch ending at ${batch.writtenEnd}`);
  batch.writtenEnd = -1;
}

/** Kafka's consumer detects the truncation (KIP-320) and resets its position to the new log end. */
function rewindGroup(world: World, group: GroupRt, globalPartition: number, toOffset: number): void {
  group.position[globalPartition] = Math.min(group.position[globalPartition]!, toOffset);
  if (group.committed[globalPartition]! > toOffset) group.committed[globalPartition] = toOffset;
  group.settledUpTo[globalPartition] = Math.min(group.settledUpTo[globalPartition]!, toOffset);
  group.deliveredUpTo[globalPartition] = Math.min(group.deliveredUpTo[globalPartition]!, toOffset);
  const failing = group.delivery.failing.get(globalPartition);
  if (failing !== undefined && failing.offset >= toOffset) group.delivery.failing.delete(globalPartition);
  // Offsets from toOffset on will be reused by new records: the fate ledger must not count
  // their completions as second completions of the truncated ones.
  forgetTruncatedEntries(group, globalPartition, toOffset);
  const ownerIndex = group.owner[globalPartition]!;
  if (ownerIndex < 0) return;
  const consumer = world.consumers[ownerIndex]!;
  if (consumer.batchLength === 0) return;
  const current = consumer.batchPosition;
  const removed = (i: number) => consumer.batchPartitions[i] === globalPartition && consumer.batchOffsets[i]! >= toOffset;
  if (consumer.state === 'processing' && current < consumer.batchLength && removed(current)) {
    abandonBatch(world, group, consumer);
    return;
  }
  let kept = current + 1;
  for (let i = current + 1; i < consumer.batchLength; i++) {
    if (removed(i)) continue;
    consumer.batchPartitions[kept] = consumer.batchPartitions[i]!;
    consumer.batchOffsets[kept] = consumer.batchOffsets[i]!;
    kept++;
  }
  consumer.batchLength = Math.min(consumer.batchLength, kept);
}

/** The consumer drops the rest of its batch and polls again from each partition's first unprocessed offset. */
function abandonBatch(world: World, group: GroupRt, consumer: ConsumerRt): void {
  const nowUs = world.scheduler.nowUs;
  for (let i = consumer.batchPosition; i < consumer.batchLength; i++) {
    const p = consumer.batchPartitions[i]!;
    if (group.owner[p] === consumer.index) group.position[p] = Math.min(group.position[p]!, consumer.batchOffsets[i]!);
  }
  consumer.busyUs += nowUs - consumer.busySinceUs;
  consumer.state = 'idle';
  consumer.epoch++; // its pending processing completion is void
  consumer.batchLength = 0;
  consumer.batchPosition = 0;
  consumer.pollScheduled = false;
  // The epoch also guards the heartbeat thread: start it again.
  world.scheduler.schedule(nowUs + msToUs(group.spec.heartbeatIntervalMs), EventKind.heartbeat, consumer.index, consumer.epoch);
  schedulePoll(world, consumer, nowUs);
}
