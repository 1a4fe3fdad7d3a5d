import type { Rng } from '../../kernel/rng';
import type { AcksMode } from '../../scenario';

/**
 * The state of the brokers and of each partition's replicas, and of the batches producers have
 * sealed. Kept in `World.cluster`; the rules that change it live beside this file.
 */

/** One broker process. Lifecycle: up → crashed (down) → restarted (up) …, any number of times. */
export interface BrokerRt {
  readonly id: number;
  up: boolean;
  /** Extra delay on each of its follower fetches while a slow-follower fault lasts, µs. */
  fetchDelayUs: number;
  /** Incremented when a slow-follower fault starts or ends, so a stale end is ignored. */
  slowToken: number;
  /** Incremented when the broker crashes or restarts, so its pending fetch events are ignored. */
  fetchToken: number;
  /** Its fetch request waits at the leaders for new data (long poll, replica.fetch.wait.max.ms). */
  fetchParked: boolean;
  /** Incremented by every crash, so a restart scheduled by an older crash is ignored. */
  crashToken: number;
  /** When its latest fetch request reached the leaders, µs: the next one leaves replicaFetchMs after it at the earliest. */
  lastFetchAtUs: number;
}

/**
 * One copy of a partition on one broker. The leader's copy is the partition's PartitionLog; a
 * follower's copy is a prefix of it (`logEndOffset` long) unless the follower was down while the
 * log was truncated (`divergesAt`).
 */
export interface ReplicaRt {
  readonly broker: number;
  /** Offset of the next record this copy will write (its own log-end offset). */
  logEndOffset: number;
  /** The leader's view of this copy: the offset its last fetch asked for. */
  fetchOffset: number;
  /** Member of the in-sync replica set (ISR). */
  inSync: boolean;
  /** Last time it was caught up with the leader's log end (Kafka's lastCaughtUpTimeMs), µs. */
  lastCaughtUpUs: number;
  /** The leader's log end at its previous fetch, and when that fetch arrived, µs. */
  lastFetchLeaderEndOffset: number;
  lastFetchUs: number;
  /** Offset the fetch response in flight to it brings it to, or -1 (none in flight). */
  fetchingTo: number;
  /** Leader epoch that fetch was answered in: a response from a deposed leader is dropped. */
  fetchEpoch: number;
  /** Its log differs from the partition's from this offset on (it was down during a truncation); Infinity: it agrees. */
  divergesAt: number;
}

/** Replication state of one partition. */
export interface PartitionReplicationRt {
  /** The copies, in assignment order (the first is the preferred leader). */
  readonly replicas: ReplicaRt[];
  /** Index into `replicas` of the leader, or -1: offline (no eligible leader is up). */
  leader: number;
  /** Incremented by every leader election (Kafka's leader epoch). */
  leaderEpoch: number;
  /** The leader's log end when it was elected: a follower rejoins the ISR only past it. */
  leaderEpochStartOffset: number;
  /** acks=all writes appended and waiting for the ISR (Kafka's produce purgatory), in offset order. */
  readonly purgatory: BatchRt[];
  /** Per producer index: the sequence number the leader accepts next (idempotence); -1: unknown, take any. */
  readonly nextSequence: number[];
  /** Per producer index: id of its newest record appended here (detects reordering), -1: none. */
  readonly lastRecordId: number[];
}

/** Where a sealed batch is in its life. */
export type BatchState =
  /** Sealed, waiting in the accumulator: for a leader, an in-flight slot or its back-off. */
  | 'queued'
  /** Its produce request is on its way to the leader. */
  | 'sending'
  /** Appended with acks=all, waiting for the ISR to copy it. */
  | 'purgatory'
  /** An error response is on its way back to the producer. */
  | 'failing'
  /** Acknowledged, failed for good, or (acks=0) sent: back in the pool. */
  | 'done';

/**
 * A batch of records for one partition, from the moment it is sealed until it is acknowledged
 * or fails for good. Pooled per producer, so the hot path allocates nothing.
 */
export interface BatchRt {
  /** Unique in the world while the batch lives (events find it by this). */
  serial: number;
  state: BatchState;
  /** Index of the producer that sent it. */
  producer: number;
  /** Partition number within the producer's topic. */
  partition: number;
  count: number;
  ids: Float64Array;
  keys: Int32Array;
  createdUs: Float64Array;
  /** When the batch was created (its first record's send()), µs: delivery.timeout.ms counts from it. */
  bornUs: number;
  /** Sends so far (the first included). */
  attempts: number;
  /** Broker the current request went to. */
  sentTo: number;
  sentAtUs: number;
  /** Not before this may it be sent again (retry back-off), µs. */
  retryAtUs: number;
  /** Idempotence: sequence number of its first record, or -1. */
  baseSequence: number;
  /** Offset after its last record if an earlier attempt is in the log, else -1 (a retry would duplicate it). */
  writtenEnd: number;
  /** Why the last attempt failed, for the event log. */
  lastError: string;
  /**
   * The acks its current request carries, stamped when it is sent: acks is a field of Kafka's
   * ProduceRequest, so a live acks change (configChanges.ts) never alters a request on the wire.
   */
  acks: AcksMode;
}

/** The producer-side delivery state for one partition's accumulator. */
export interface AccumulatorDeliveryRt {
  /** Sealed batches not in flight, in creation order. */
  readonly queued: BatchRt[];
  /** Requests on their way to the leader, in send order (the network is FIFO). */
  readonly sending: BatchRt[];
  /** Requests sent and not yet answered (acks 1 / all): max.in.flight.requests.per.connection bounds it. */
  inFlight: number;
  /** Records held by the producer for this partition in sealed batches (queued or unanswered); with the open batch bounded by buffer.memory. */
  heldRecords: number;
  readonly heldRecordsMax: number;
  /** Idempotence: the sequence number the next sealed batch starts at. */
  nextSequence: number;
  /** Time of the wake-up scheduled for this accumulator (back-off or delivery timeout), µs, or -1. */
  wakeAtUs: number;
}

/** What one producer did beyond sending, counted over the run. */
export interface ProducerDeliveryRt {
  /** Stream "producer:<id>:retries": the back-off jitter. */
  readonly jitterRng: Rng;
  /** Free batches, reused. */
  readonly pool: BatchRt[];
  /** Records acknowledged to this producer. */
  acknowledged: number;
  /** Records whose send failed for good. */
  failed: number;
  /** Records sent again after an error. */
  retried: number;
  /** Records a retry wrote a second time (an earlier attempt was already in the log). */
  duplicatesWritten: number;
  /** Records appended after a later record of the same producer on the same partition. */
  reordered: number;
  /** Error responses received (each one is a retry or a failure). */
  errors: number;
}

/** Counters of the cluster's life, over the run. */
export interface ClusterCountersRt {
  isrShrinks: number;
  isrExpands: number;
  /** Leader elections, clean or not (the initial leaders do not count). */
  leaderElections: number;
  uncleanLeaderElections: number;
  /** Times a partition went offline (no eligible leader up). */
  offlineEvents: number;
  /** Log entries removed by truncation (owed to the groups or not). */
  truncatedRecords: number;
  /** acks=0 records that reached no leader. */
  lostInFlight: number;
}

export interface ClusterRt {
  readonly brokers: BrokerRt[];
  /** By global partition index (partitions added later are placed when added). */
  readonly partitions: PartitionReplicationRt[];
  /** Placement parameters per topic index (Kafka draws them at random when the topic is created). */
  readonly placement: { startIndex: number; replicaShift: number }[];
  readonly replicaFetchUs: number;
  readonly replicaLagTimeMaxUs: number;
  readonly uncleanLeaderElection: boolean;
  /** Batches with an event pending that names them by serial (error responses, request timeouts). */
  readonly batchesBySerial: Map<number, BatchRt>;
  nextBatchSerial: number;
  /** Whether any partition has followers (else no fetch or ISR-check events run at all). */
  replicated: boolean;
  readonly counters: ClusterCountersRt;
}
