import type { World } from '../world';

/** "orders-0, orders-1, payments-3": partitions as Kafka's tools print them. */
export function describePartitions(world: World, globalPartitions: readonly number[]): string {
  return globalPartitions
    .map((p) => {
      const log = world.partitions[p]!;
      return `${world.topics[log.topicIndex]!.name}-${log.partition}`;
    })
    .join(', ');
}
