import type { World } from '../world';

/** One copy of a partition, as the page draws it. */
export interface ReplicaView {
  broker: number;
  /** Records this copy holds (its log-end offset). */
  logEndOffset: number;
  /** Member of the in-sync replica set. */
  inSync: boolean;
}

/** A partition's replication, merged into the snapshot's PartitionView. */
export interface PartitionReplicationView {
  /** Broker id of the leader, or null: offline (no eligible replica is up). */
  leader: number | null;
  /** Incremented by every leader election. */
  leaderEpoch: number;
  /** The copies in assignment order (the first is the preferred leader). */
  replicas: ReplicaView[];
  /** Broker ids of the in-sync replicas, in assignment order. */
  isr: number[];
}

/** A broker, as the page draws it. */
export interface BrokerView {
  id: number;
  up: boolean;
  /** Extra delay on its fetches while a slow-follower fault lasts, ms (0: none). */
  fetchDelayMs: number;
}

export function partitionReplicationView(world: World, globalPartition: number): PartitionReplicationView {
  const repl = world.cluster.partitions[globalPartition]!;
  return {
    leader: repl.leader < 0 ? null : repl.replicas[repl.leader]!.broker,
    leaderEpoch: repl.leaderEpoch,
    replicas: repl.replicas.map((r) => ({ broker: r.broker, logEndOffset: r.logEndOffset, inSync: r.inSync })),
    isr: repl.replicas.filter((r) => r.inSync).map((r) => r.broker),
  };
}

export function brokerViews(world: World): BrokerView[] {
  return world.cluster.brokers.map((b) => ({ id: b.id, up: b.up, fetchDelayMs: b.fetchDelayUs / 1000 }));
}
