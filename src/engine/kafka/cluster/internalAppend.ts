import { LimitError } from '../../kernel/assert';
import { updateHighWatermark } from './highWatermark';
import { wakeFollowers } from './fetcher';
import type { World } from '../world';

/**
 * A write by a client inside the simulation (the DLQ replay tool, for one) rather than a
 * scenario producer: appended at the partition's current leader and acknowledged there (as
 * acks=1), then replicated like any record. It counts in the topic's `acknowledged` (what the
 * groups are owed); the caller counts it in `world.produced` / `world.acknowledged` if it is a
 * send. Returns false, writing nothing, when the partition is offline.
 */
export function appendAcknowledged(world: World, globalPartition: number, recordId: number, keyIndex: number, createdAtUs: number): boolean {
  const repl = world.cluster.partitions[globalPartition]!;
  if (repl.leader < 0) return false;
  if (world.retainedRecords + 1 > world.retainedRecordsMax) {
    throw new LimitError('retainedRecordsMax', world.retainedRecordsMax, 'the logs hold more unconsumed records than the simulator keeps in memory');
  }
  const log = world.partitions[globalPartition]!;
  log.append(recordId, keyIndex, createdAtUs, -1, -1, true);
  world.retainedRecords++;
  log.owedAboveHighWatermark++;
  world.topics[log.topicIndex]!.acknowledged++;
  const leader = repl.replicas[repl.leader]!;
  leader.logEndOffset = log.logEndOffset;
  leader.fetchOffset = log.logEndOffset;
  updateHighWatermark(world, globalPartition);
  wakeFollowers(world, globalPartition);
  return true;
}
