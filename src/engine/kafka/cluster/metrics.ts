import type { World } from '../world';

/** What happened in the cluster over the run, and its state now. */
export interface ClusterMetrics {
  /** Brokers running now. */
  brokersUp: number;
  /** Partitions with no leader now (no eligible replica is up). */
  offlinePartitions: number;
  /** Partitions whose ISR is smaller than the replication factor now. */
  underReplicatedPartitions: number;
  /** Followers removed from an ISR for lagging (replica.lag.time.max.ms) or crashing. */
  isrShrinks: number;
  /** Followers that caught up and rejoined an ISR. */
  isrExpands: number;
  /** Leader elections after a leader crashed or an offline partition's replica came back. */
  leaderElections: number;
  /** Of those, elections of a replica outside the ISR (uncleanLeaderElection: may lose acknowledged records). */
  uncleanLeaderElections: number;
  /** Times a partition went offline. */
  offlineEvents: number;
  /** Log entries removed by truncation when a leader with a shorter log took over (acknowledged or not). */
  truncatedRecords: number;
  /** acks=0 records that reached no leader (lost). */
  lostInFlight: number;
}

/** What one producer's sends came to. */
export interface ProducerMetrics {
  /** Records acknowledged to the producer (acks=0: sent). */
  acknowledged: number;
  /** Records whose send failed for good: buffer full, retries used up or delivery.timeout.ms passed. */
  failed: number;
  /** Records sent again after an error (one per record per retry). */
  retried: number;
  /** Error answers received (NOT_LEADER_OR_FOLLOWER, NOT_ENOUGH_REPLICAS, timeouts, …). */
  errors: number;
  /** Records a retry wrote a second time: the first attempt was written after all (no idempotence). */
  duplicatesWritten: number;
  /** Records written after a later record of this producer on the same partition (a retry overtaken; no idempotence). */
  reordered: number;
  /** Records held in the producer now (open batches, waiting, in flight). */
  buffered: number;
}

export function clusterMetrics(world: World): ClusterMetrics {
  const cluster = world.cluster;
  let offline = 0;
  let underReplicated = 0;
  for (const repl of cluster.partitions) {
    if (repl.leader < 0) offline++;
    let inSync = 0;
    for (const r of repl.replicas) if (r.inSync && cluster.brokers[r.broker]!.up) inSync++;
    if (inSync < repl.replicas.length) underReplicated++;
  }
  return {
    brokersUp: cluster.brokers.filter((b) => b.up).length,
    offlinePartitions: offline,
    underReplicatedPartitions: underReplicated,
    ...cluster.counters,
  };
}

export function producerMetrics(world: World): Record<string, ProducerMetrics> {
  const out: Record<string, ProducerMetrics> = {};
  for (const producer of world.producers) {
    const d = producer.delivery;
    out[producer.spec.id] = {
      acknowledged: d.acknowledged,
      failed: d.failed,
      retried: d.retried,
      errors: d.errors,
      duplicatesWritten: d.duplicatesWritten,
      reordered: d.reordered,
      buffered: producerBuffered(producer),
    };
  }
  return out;
}

/** Records a producer holds: in open batches and in sealed batches not yet answered. */
export function producerBuffered(producer: World['producers'][number]): number {
  let held = 0;
  for (const acc of producer.accumulators) held += acc.records.size + (acc.delivery?.heldRecords ?? 0);
  return held;
}
