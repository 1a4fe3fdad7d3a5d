import { assert } from '../../kernel/assert';
import { createRng } from '../../kernel/rng';
import { msToUs } from '../../kernel/time';
import type { BrokerRt, ClusterRt, PartitionReplicationRt, ReplicaRt } from './types';
import type { Scenario } from '../../scenario';

/**
 * Where each partition's copies live: Kafka's rack-unaware assignment
 * (`AdminUtils.assignReplicasToBrokersRackUnaware`). With n brokers, partition p's first
 * replica (its preferred leader) is broker `(p + startIndex) % n`; its j-th follower is that
 * broker plus `1 + (shift + j) % (n - 1)`, where the shift grows by one every n partitions, so
 * leaders and followers spread evenly. Kafka draws startIndex and the first shift at random per
 * topic; here they come from the seeded stream `cluster:placement:<topic>`.
 */
export function assignReplicas(partition: number, replicationFactor: number, brokers: number, startIndex: number, replicaShift: number): number[] {
  assert(replicationFactor >= 1 && replicationFactor <= brokers, () => `replication factor ${replicationFactor} needs 1..${brokers} brokers`);
  const first = (partition + startIndex) % brokers;
  const replicas = [first];
  const shift = replicaShift + Math.floor(partition / brokers);
  for (let j = 0; j < replicationFactor - 1; j++) {
    replicas.push((first + 1 + ((shift + j) % (brokers - 1))) % brokers);
  }
  return replicas;
}

function newReplica(broker: number): ReplicaRt {
  return {
    broker,
    logEndOffset: 0,
    fetchOffset: 0,
    inSync: true,
    lastCaughtUpUs: 0,
    lastFetchLeaderEndOffset: 0,
    lastFetchUs: 0,
    fetchingTo: -1,
    fetchEpoch: 0,
    divergesAt: Infinity,
  };
}

/** The replicas of a new partition; live replicas start in sync, the first live one leads. */
export function newPartitionReplication(cluster: ClusterRt, topicIndex: number, partition: number, replicationFactor: number): PartitionReplicationRt {
  const { startIndex, replicaShift } = cluster.placement[topicIndex]!;
  const replicas = assignReplicas(partition, replicationFactor, cluster.brokers.length, startIndex, replicaShift).map(newReplica);
  for (const r of replicas) r.inSync = cluster.brokers[r.broker]!.up;
  const leader = replicas.findIndex((r) => r.inSync);
  if (leader < 0) replicas[0]!.inSync = true; // the ISR is never empty: the first replica waits for its broker
  if (replicationFactor > 1) cluster.replicated = true;
  return { replicas, leader, leaderEpoch: 0, leaderEpochStartOffset: 0, purgatory: [], nextSequence: [], lastRecordId: [] };
}

/** Brokers, placement and the replicas of every partition of the scenario at time zero. */
export function createCluster(scenario: Scenario, seed: number): ClusterRt {
  const n = scenario.cluster.brokers;
  const brokers: BrokerRt[] = Array.from({ length: n }, (_, id) => ({
    id,
    up: true,
    fetchDelayUs: 0,
    slowToken: 0,
    fetchToken: 0,
    fetchParked: false,
    crashToken: 0,
    lastFetchAtUs: 0,
  }));
  const cluster: ClusterRt = {
    brokers,
    partitions: [],
    placement: scenario.topics.map((topic) => {
      const rng = createRng(seed, `cluster:placement:${topic.name}`);
      return { startIndex: rng.nextInt(n), replicaShift: rng.nextInt(n) };
    }),
    replicaFetchUs: msToUs(scenario.cluster.replicaFetchMs),
    replicaLagTimeMaxUs: msToUs(scenario.cluster.replicaLagTimeMaxMs),
    uncleanLeaderElection: scenario.cluster.uncleanLeaderElection,
    batchesBySerial: new Map(),
    nextBatchSerial: 1,
    replicated: false,
    counters: { isrShrinks: 0, isrExpands: 0, leaderElections: 0, uncleanLeaderElections: 0, offlineEvents: 0, truncatedRecords: 0, lostInFlight: 0 },
  };
  scenario.topics.forEach((topic, t) => {
    for (let p = 0; p < topic.partitions; p++) cluster.partitions.push(newPartitionReplication(cluster, t, p, topic.replicationFactor));
  });
  return cluster;
}
