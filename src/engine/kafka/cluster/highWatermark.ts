import { onHighWatermarkAdvanced } from '../consumer';
import { acknowledgeBatch, rejectBatch } from './producerDelivery';
import type { World } from '../world';
import type { PartitionReplicationRt } from './types';
import { TrailKind, trailAdd } from '../../events/recordTrail';

/**
 * The high watermark: the offset below which every in-sync replica has the records. It only
 * moves forward here (only truncation moves it back). Records it passes become visible to
 * consumers and owed to every subscribed group, and the acks=all writes it covers are answered.
 */

/** Broker id of the partition's leader, or -1 when it is offline. */
export function leaderBroker(world: World, globalPartition: number): number {
  const repl = world.cluster.partitions[globalPartition]!;
  return repl.leader < 0 ? -1 : repl.replicas[repl.leader]!.broker;
}

export function inSyncCount(repl: PartitionReplicationRt): number {
  let n = 0;
  for (const r of repl.replicas) if (r.inSync) n++;
  return n;
}

/** Recomputes the high watermark as the smallest log end the leader knows of in the ISR. */
export function updateHighWatermark(world: World, globalPartition: number): void {
  const repl = world.cluster.partitions[globalPartition]!;
  if (repl.leader < 0) return;
  const log = world.partitions[globalPartition]!;
  let hw = log.logEndOffset;
  const replicas = repl.replicas;
  for (let i = 0; i < replicas.length; i++) {
    const r = replicas[i]!;
    if (i !== repl.leader && r.inSync && r.fetchOffset < hw) hw = r.fetchOffset;
  }
  if (hw > log.highWatermark) raiseHighWatermark(world, globalPartition, hw);
}

function raiseHighWatermark(world: World, globalPartition: number, hw: number): void {
  const log = world.partitions[globalPartition]!;
  const from = log.highWatermark;
  const newlyOwed = log.markOwed(from, hw);
  log.owedAboveHighWatermark -= hw - from - newlyOwed;
  world.topics[log.topicIndex]!.acknowledged += newlyOwed;
  log.highWatermark = hw;
  const repl = world.cluster.partitions[globalPartition]!;
  let isrMask = 0;
  for (const r of repl.replicas) if (r.inSync) isrMask += 2 ** r.broker;
  trailAdd(world.trail, TrailKind.replicated, world.scheduler.nowUs, globalPartition, from, hw, repl.replicas[repl.leader]!.broker, inSyncCount(repl), isrMask);
  completePurgatory(world, globalPartition);
  onHighWatermarkAdvanced(world, globalPartition);
}

/**
 * Answers the acks=all writes the high watermark now covers. If the ISR shrank below
 * min.insync.replicas since the append, Kafka answers NOT_ENOUGH_REPLICAS_AFTER_APPEND: the
 * records are written (and will be read) but the producer retries.
 */
function completePurgatory(world: World, globalPartition: number): void {
  const repl = world.cluster.partitions[globalPartition]!;
  const purgatory = repl.purgatory;
  const log = world.partitions[globalPartition]!;
  const minIsr = world.topics[log.topicIndex]!.spec.minInsyncReplicas;
  while (purgatory.length > 0 && purgatory[0]!.writtenEnd <= log.highWatermark) {
    const batch = purgatory.shift()!;
    const producer = world.producers[batch.producer]!;
    world.cluster.batchesBySerial.delete(batch.serial);
    if (inSyncCount(repl) < minIsr) rejectBatch(world, producer, batch, 'NOT_ENOUGH_REPLICAS_AFTER_APPEND');
    else acknowledgeBatch(world, producer, batch);
  }
}
