import type { World } from '../world';

/** "orders-3": a partition as a learner names it. */
export function describePartition(world: World, globalPartition: number): string {
  const log = world.partitions[globalPartition]!;
  return `${world.topics[log.topicIndex]!.name}-${log.partition}`;
}
