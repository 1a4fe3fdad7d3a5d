import { createRng } from '../../kernel/rng';
import { newPartitionReplication } from './placement';
import type { AccumulatorDeliveryRt, ProducerDeliveryRt } from './types';
import type { World } from '../world';

/** A producer's delivery counters and its back-off jitter stream ("producer:<id>:retries"). */
export function createProducerDelivery(seed: number, producerId: string): ProducerDeliveryRt {
  return {
    jitterRng: createRng(seed, `producer:${producerId}:retries`),
    pool: [],
    acknowledged: 0,
    failed: 0,
    retried: 0,
    duplicatesWritten: 0,
    reordered: 0,
    errors: 0,
  };
}

export function createAccumulatorDelivery(heldRecordsMax: number): AccumulatorDeliveryRt {
  return { queued: [], sending: [], inFlight: 0, heldRecords: 0, heldRecordsMax, nextSequence: 0, wakeAtUs: -1 };
}

/**
 * Gives partitions added since the world was built (set-partitions) their replicas and each
 * producer's accumulator for them its delivery state. Kafka places added partitions with the
 * topic's assignment pattern continued; so does this.
 */
export function syncClusterWithTopics(world: World): void {
  const cluster = world.cluster;
  for (let p = cluster.partitions.length; p < world.partitions.length; p++) {
    const log = world.partitions[p]!;
    const topic = world.topics[log.topicIndex]!;
    cluster.partitions.push(newPartitionReplication(cluster, log.topicIndex, log.partition, topic.spec.replicationFactor));
  }
  for (const producer of world.producers) {
    for (const accumulator of producer.accumulators) {
      accumulator.delivery ??= createAccumulatorDelivery(accumulator.records.capacityMax);
    }
  }
}
