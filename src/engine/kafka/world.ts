import type { CommitWindow } from '../metrics/lagStatus';
import type { Scheduler } from '../kernel/scheduler';
import type { Rng } from '../kernel/rng';
import type { EventLog } from '../events/eventLog';
import type { RecordTrail } from '../events/recordTrail';
import type { Histogram } from '../metrics/histogram';
import type { TraceHash } from '../metrics/traceHash';
import type { PartitionLog } from './partitionLog';
import type { RecordQueue } from './recordQueue';
import type { KeySampler } from './keys';
import type { StickyPartitioner } from './partitioner';
import type { ConsumerGroupSpec, ProducerSpec, Scenario, TopicSpec } from '../scenario';
import type { CoordinatorRt } from './group/coordinator';
import type { GroupDeliveryRt } from './delivery/state';
import type { AccumulatorDeliveryRt, ClusterRt, ProducerDeliveryRt } from './cluster/types';
import type { QueueWorld } from '../queues/types';

/**
 * The whole simulated system at one instant. The simulation owns it; the modules in kafka/ are
 * the rules that change it, one event at a time.
 */
export interface World {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly scheduler: Scheduler;
  readonly trace: TraceHash;
  readonly log: EventLog;
  /** Every step of the most recent records' lives, with exact times (the message inspector's source). */
  readonly trail: RecordTrail;
  readonly latency: Histogram;
  readonly topics: TopicRt[];
  /** Every partition of every topic, indexed by global partition index. */
  readonly partitions: PartitionLog[];
  readonly producers: ProducerRt[];
  readonly groups: GroupRt[];
  /** Every consumer of every group, indexed by global consumer index. */
  readonly consumers: ConsumerRt[];
  /** One-way network delay between any two nodes, µs. */
  readonly networkLatencyUs: number;
  /** Most records held in memory across all logs before the run stops with a limit error. */
  readonly retainedRecordsMax: number;
  retainedRecords: number;
  nextRecordId: number;
  /** Records the producers' applications tried to send. */
  produced: number;
  /** Records the cluster acknowledged (counted when the broker decides to acknowledge). */
  acknowledged: number;
  /** Sends that failed for good (e.g. the accumulator was full). */
  failedSends: number;
  /** Brokers, replicas, ISR and leaders (cluster/). */
  readonly cluster: ClusterRt;
  /** The queue-style brokers (queues/), when the scenario has any: RabbitMQ, SQS, SNS. */
  queues?: QueueWorld;
}

export interface TopicRt {
  readonly index: number;
  readonly name: string;
  readonly spec: TopicSpec;
  /** Global partition indexes of this topic's partitions, by partition number. */
  readonly partitions: number[];
  /** Indexes of the consumer groups subscribed to this topic. */
  readonly subscribers: number[];
  /** Records the cluster acknowledged on this topic: what each subscribed group owes a fate. */
  acknowledged: number;
}

/** Records waiting in one producer's accumulator for one partition, and its batches in flight. */
export interface AccumulatorRt {
  /** Records of the open (not yet sealed) batch, oldest first; sealed batches live in `delivery`. */
  readonly records: RecordQueue;
  /** Records in the open batch (= records.size). */
  openCount: number;
  openBytes: number;
  /** Unused since batches became objects (cluster/types.ts BatchRt); always empty. */
  readonly inFlight: number[];
  /** Distinguishes this batch's linger timer from timers of batches already sent. */
  lingerToken: number;
  /** Batches, retries and in-flight requests (cluster/producerDelivery.ts); set for every partition by the time a record arrives. */
  delivery?: AccumulatorDeliveryRt;
}

export interface ProducerRt {
  readonly index: number;
  readonly spec: ProducerSpec;
  readonly topicIndex: number;
  ratePerSec: number;
  /** Exact (fractional µs) time of the next arrival, so constant rates do not drift by rounding. */
  nextArrivalExactUs: number;
  /** Incremented when the rate changes, so the arrival already scheduled is ignored. */
  arrivalToken: number;
  readonly arrivalRng: Rng;
  readonly keys: KeySampler;
  readonly sticky: StickyPartitioner;
  /** By partition number of the producer's topic. */
  readonly accumulators: AccumulatorRt[];
  readonly lingerUs: number;
  readonly recordSizeBytes: number;
  /** Retries, failures and the batch pool (cluster/producerDelivery.ts). */
  readonly delivery: ProducerDeliveryRt;
}

export type ConsumerState = 'idle' | 'processing' | 'dead';

/**
 * Where a consumer is in the group protocol: not a member, waiting for its JoinGroup response,
 * waiting for its SyncGroup response, or a member with an assignment.
 */
export type MembershipState = 'unjoined' | 'joining' | 'syncing' | 'stable';

export interface ConsumerRt {
  /** Global consumer index. */
  readonly index: number;
  readonly groupIndex: number;
  /** Index within the group ("c-0", "c-1"...). */
  readonly memberIndex: number;
  readonly name: string;
  state: ConsumerState;
  /** Incremented whenever pending events of this consumer must be ignored (crash, revocation). */
  epoch: number;
  /** Whether a poll is already scheduled, so wake-ups are not doubled. */
  pollScheduled: boolean;
  /** Global partition indexes assigned to this consumer. */
  assigned: number[];
  /** Rotates which assigned partition a poll reads first, as Kafka's fetcher does. */
  fetchCursor: number;
  /** The records returned by the last poll: global partition index and offset. */
  readonly batchPartitions: Int32Array;
  readonly batchOffsets: Float64Array;
  batchLength: number;
  batchPosition: number;
  processingMs: () => number;
  nextAutoCommitUs: number;
  /** Simulated µs spent processing (for utilisation). */
  busyUs: number;
  busySinceUs: number;

  // Group membership (the consumer's side of the protocol).
  membership: MembershipState;
  /** The member.id the coordinator gave this consumer, or null when it is not a member. */
  memberId: string | null;
  /** group.instance.id for static members (KIP-345), else null. */
  readonly groupInstanceId: string | null;
  /** JoinGroups sent so far: makes each dynamic member.id unique. */
  joinCount: number;
  /** Generation of the assignment this consumer holds. */
  generation: number;
  /** The coordinator asked for a rejoin (learned at a heartbeat): rejoin at the next poll. */
  rejoinNeeded: boolean;
  /** The assignment carried by a SyncGroup response in flight to this consumer. */
  syncInbox: number[];
  /** The member.id a LeaveGroup in flight names. */
  leavingMemberId: string | null;
  /** An assignment received while processing: applied at the next poll, as Kafka does inside poll(). */
  pendingAssignment: number[] | null;
  /** The last assignment and its generation, sent with a JoinGroup (the sticky assignors' userData). */
  previousAssignment: number[];
  previousGeneration: number;
  /** When poll() was last called (max.poll.interval.ms is measured from it). */
  lastPollUs: number;
  /** Processing-time distribution outside a consumer-slow fault. */
  normalProcessingMs: () => number;
  /** Incremented when a consumer-slow fault starts or ends, so stale ends are ignored. */
  slowToken: number;
  /** Shut down for good (consumer-leave): it is never restarted. */
  permanentlyStopped: boolean;
}

export interface GroupRt {
  readonly index: number;
  readonly spec: ConsumerGroupSpec;
  readonly topicIndexes: number[];
  /** Global consumer indexes of this group's members, in member order. */
  readonly members: number[];
  /** Per global partition index (only this group's topics are meaningful): */
  readonly committed: number[];
  /**
   * Per global partition: the recent commits Burrow's lag rules judge (metrics/lagStatus.ts),
   * created at a partition's first commit.
   */
  readonly commitWindows: (CommitWindow | undefined)[];
  readonly position: number[];
  /** Owner's global consumer index, or -1. */
  readonly owner: number[];
  /**
   * Every offset below this has a final fate for this group: processed at least once, lost or
   * dead-lettered. Records are settled in offset order because a partition has one owner that
   * handles its records one after another.
   */
  readonly settledUpTo: number[];
  /** Every offset below this has been delivered to processing at least once. */
  readonly deliveredUpTo: number[];
  delivered: number;
  redelivered: number;
  processed: number;
  duplicates: number;
  lost: number;
  deadLettered: number;
  readonly coordinator: CoordinatorRt;
  /** Per global partition: when it stopped being processed by an owner (-1 = not paused). */
  readonly pausedSinceUs: number[];
  /** Per global partition: the consumer that gave it up, while it is paused (-1 = none). */
  readonly releasedBy: number[];
  /** Rebalances completed (generations that reached Stable). */
  rebalances: number;
  /** Partition-µs spent revoked between two owners. */
  pauseUs: number;
  /** Pauses that ended: a partition released by one owner was taken by the next. */
  pauses: number;
  /**
   * Pauses that ended with the partition back at the consumer that gave it up: processing
   * stopped for nothing. Eager rebalancing does this to every partition that stays put;
   * cooperative rebalancing never does (unless the owner itself left and came back).
   */
  unmovedPauses: number;
  /** Processing failures, retries, dead-letter topics, the idempotent consumer's store and the fate ledger's extras. */
  readonly delivery: GroupDeliveryRt;
}
