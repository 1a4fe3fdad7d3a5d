import type { World } from './world';

/**
 * Forgets records that every subscribed group has both committed and processed, so memory holds
 * only what some group may still read. (Kafka keeps them until retention; the model does not
 * need their contents again, and `logStartOffset` is unaffected.)
 */
export function trimConsumedRecords(world: World): void {
  for (const topic of world.topics) {
    for (const globalPartition of topic.partitions) {
      const log = world.partitions[globalPartition]!;
      let frontier = log.highWatermark;
      for (const groupIndex of topic.subscribers) {
        const group = world.groups[groupIndex]!;
        frontier = Math.min(frontier, group.committed[globalPartition]!, group.settledUpTo[globalPartition]!);
      }
      world.retainedRecords -= log.trimMemoryTo(frontier);
    }
  }
}
