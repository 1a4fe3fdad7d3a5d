import { LimitError, assert } from '../../kernel/assert';
import { acknowledgeBatch, deliveryOf, enterPurgatory, rejectBatch } from './producerDelivery';
import { releaseBatch } from './batches';
import { inSyncCount, updateHighWatermark } from './highWatermark';
import { wakeFollowers } from './fetcher';
import { loseInFlight } from '../truncation';
import { LossReason, TrailKind, trailAdd } from '../../events/recordTrail';
import type { BatchRt } from './types';
import type { ProducerRt, World } from '../world';

/**
 * The leader's side of a produce request, in Kafka's order of checks: is this broker up and the
 * partition's leader (else NOT_LEADER_OR_FOLLOWER), does the ISR meet min.insync.replicas for
 * acks=all (else NOT_ENOUGH_REPLICAS, nothing written), is the idempotent sequence the next one
 * (a duplicate is answered as written, a gap refused with OUT_OF_ORDER_SEQUENCE_NUMBER); then
 * append, and answer: acks=1 at once, acks=all when the high watermark passes the batch.
 */
export function onBatchAppend(world: World, producer: ProducerRt, globalPartition: number): void {
  const log = world.partitions[globalPartition]!;
  const delivery = deliveryOf(producer, log.partition);
  const batch = delivery.sending.shift()!;
  const repl = world.cluster.partitions[globalPartition]!;
  const spec = producer.spec;
  const leader = repl.leader < 0 ? -1 : repl.replicas[repl.leader]!.broker;

  let error: string | null = null;
  if (!world.cluster.brokers[batch.sentTo]!.up) error = `broker ${batch.sentTo} is down (connection refused)`;
  else if (leader !== batch.sentTo) error = `NOT_LEADER_OR_FOLLOWER (broker ${batch.sentTo} no longer leads it)`;
  else if (batch.acks === 'all' && inSyncCount(repl) < world.topics[log.topicIndex]!.spec.minInsyncReplicas) {
    error = `NOT_ENOUGH_REPLICAS (ISR has ${inSyncCount(repl)}, min.insync.replicas is ${world.topics[log.topicIndex]!.spec.minInsyncReplicas})`;
  }
  if (error === null && spec.enableIdempotence) {
    const expected = repl.nextSequence[producer.index] ?? 0;
    if (expected >= 0 && batch.baseSequence < expected) {
      // A retry of a batch the leader already has: answered with the original's offsets.
      assert(batch.writtenEnd >= 0, () => `${spec.id}: batch with sequence ${batch.baseSequence} below ${expected} was never written`);
      answer(world, producer, batch, globalPartition);
      return;
    }
    if (expected >= 0 && batch.baseSequence > expected) error = `OUT_OF_ORDER_SEQUENCE_NUMBER (expected ${expected}, got ${batch.baseSequence})`;
  }
  if (error !== null) {
    if (batch.acks === '0') {
      // Nobody listens for the answer: the records are simply gone.
      for (let i = 0; i < batch.count; i++) trailAdd(world.trail, TrailKind.lost, world.scheduler.nowUs, -1, batch.ids[i]!, 0, LossReason.acksZero, -1, 0);
      loseInFlight(world, globalPartition, batch.count, `${spec.id} sent ${batch.count} record${batch.count === 1 ? '' : 's'} with acks=0 but ${error}`);
      releaseBatch(producer, batch);
    } else {
      rejectBatch(world, producer, batch, error);
    }
    return;
  }
  append(world, producer, batch, globalPartition);
  answer(world, producer, batch, globalPartition);
}

function append(world: World, producer: ProducerRt, batch: BatchRt, globalPartition: number): void {
  const log = world.partitions[globalPartition]!;
  const repl = world.cluster.partitions[globalPartition]!;
  const spec = producer.spec;
  const count = batch.count;
  if (world.retainedRecords + count > world.retainedRecordsMax) {
    throw new LimitError(
      'retainedRecordsMax',
      world.retainedRecordsMax,
      'the logs hold more unconsumed records than the simulator keeps in memory; ' +
        'lower the produce rate, add consumers or shorten the run',
    );
  }
  const idempotent = spec.enableIdempotence;
  const owed = batch.acks !== 'all';
  const lastId = repl.lastRecordId[producer.index] ?? -1;
  if (batch.writtenEnd >= 0) {
    assert(!idempotent, () => `idempotent producer ${spec.id} wrote a batch twice`);
    producer.delivery.duplicatesWritten += count;
  }
  if (lastId > batch.ids[0]!) {
    assert(!idempotent, () => `idempotent producer ${spec.id} reordered records on ${spec.topic}-${log.partition}`);
    producer.delivery.reordered += count;
  }
  const leaderBrokerId = repl.replicas[repl.leader]!.broker;
  for (let i = 0; i < count; i++) {
    const offset = log.logEndOffset;
    log.append(batch.ids[i]!, batch.keys[i]!, batch.createdUs[i]!, producer.index, idempotent ? batch.baseSequence + i : -1, owed);
    // One entry per record: it ties the record's id (its produced and batched steps) to its offset.
    trailAdd(world.trail, TrailKind.appended, world.scheduler.nowUs, globalPartition, offset, offset + 1, leaderBrokerId, batch.attempts, batch.ids[i]!);
  }
  world.retainedRecords += count;
  repl.lastRecordId[producer.index] = Math.max(lastId, batch.ids[count - 1]!);
  if (idempotent) repl.nextSequence[producer.index] = batch.baseSequence + count;
  batch.writtenEnd = log.logEndOffset;
  const leaderReplica = repl.replicas[repl.leader]!;
  leaderReplica.logEndOffset = log.logEndOffset;
  leaderReplica.fetchOffset = log.logEndOffset;
  if (batch.acks === '0') {
    log.owedInFlight -= count;
    log.owedAboveHighWatermark += count;
  } else if (batch.acks === '1') {
    log.owedAboveHighWatermark += count;
    world.topics[log.topicIndex]!.acknowledged += count;
  }
  updateHighWatermark(world, globalPartition);
  wakeFollowers(world, globalPartition);
}

/** The leader answers a written batch: acks=0 expects nothing, acks=1 now, acks=all once replicated. */
function answer(world: World, producer: ProducerRt, batch: BatchRt, globalPartition: number): void {
  const acks = batch.acks;
  if (acks === '0') releaseBatch(producer, batch);
  else if (acks === '1' || world.partitions[globalPartition]!.highWatermark >= batch.writtenEnd) acknowledgeBatch(world, producer, batch);
  else enterPurgatory(world, producer, batch, globalPartition);
}
