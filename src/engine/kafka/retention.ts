import type { World } from './world';

/**
 * Forgets records that every subscribed group has both committed and processed, so memory holds
 * only what some group may still read. (Kafka keeps them until retention; the model does not
 * need their contents again, and `logStartOffset` is unaffected.) Records still in a consumer's
 * fetched batch are kept too: a consumer holds copies of what it fetched, and processing reads
 * their id and key (dedupe, poison keys) even when another member has settled them meanwhile
 * (a zombie finishing its poll after its partitions moved).
 */
export function trimConsumedRecords(world: World): void {
  const heldFrom = lowestHeldOffsets(world);
  for (const topic of world.topics) {
    for (const globalPartition of topic.partitions) {
      const log = world.partitions[globalPartition]!;
      let frontier = Math.min(log.highWatermark, heldFrom[globalPartition]!);
      for (const groupIndex of topic.subscribers) {
        const group = world.groups[groupIndex]!;
        frontier = Math.min(frontier, group.committed[globalPartition]!, group.settledUpTo[globalPartition]!);
      }
      world.retainedRecords -= log.trimMemoryTo(frontier);
    }
  }
}

/** Per global partition, the lowest offset a consumer has fetched but not finished with (Infinity if none). */
function lowestHeldOffsets(world: World): Float64Array {
  const heldFrom = new Float64Array(world.partitions.length).fill(Infinity);
  for (const consumer of world.consumers) {
    for (let i = consumer.batchPosition; i < consumer.batchLength; i++) {
      const p = consumer.batchPartitions[i]!;
      const offset = consumer.batchOffsets[i]!;
      if (offset < heldFrom[p]!) heldFrom[p] = offset;
    }
  }
  return heldFrom;
}
