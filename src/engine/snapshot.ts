import { partitionLag, summarize, type Metrics } from './metrics/summary';
import type { EngineEvent } from './events/eventLog';
import { coordinatorState } from './kafka/group/coordinator';
import type { CoordinatorStateName } from './kafka/group/machine';
import type { ConsumerState, MembershipState, World } from './kafka/world';
import { deliveryView, type DeliveryView } from './kafka/delivery/view';
import { brokerViews, partitionReplicationView, type BrokerView, type PartitionReplicationView } from './kafka/cluster/views';
import { queueSnapshot, type ExchangeView, type QueueView, type SnsTopicView } from './queues/views';

/** Entries of the event log a snapshot carries. */
const SNAPSHOT_EVENTS = 100;

/** A partition: its log's offsets and (PartitionReplicationView) its leader, replicas and ISR. */
export interface PartitionView extends PartitionReplicationView {
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
}

export interface ConsumerView {
  /** "c-0", "c-1"... within its group. */
  id: string;
  state: ConsumerState;
  /** Its place in the group protocol. */
  membership: MembershipState;
  /** The member.id the coordinator knows it by, or null. */
  memberId: string | null;
  /** group.instance.id when static. */
  groupInstanceId: string | null;
  /** Partitions it owns, as [topic, partition]. */
  assigned: [string, number][];
  /** Share of simulated time spent processing, 0..1. */
  utilisation: number;
}

export interface GroupView {
  id: string;
  topics: string[];
  assignor: string;
  commit: string;
  /** The coordinator's state (Kafka's classic group states). */
  state: CoordinatorStateName;
  generation: number;
  /** Name of the leader consumer, or null. */
  leader: string | null;
  /** Rebalances completed so far. */
  rebalances: number;
  consumers: ConsumerView[];
  /** Committed offset by topic, then partition. */
  committed: Record<string, number[]>;
  /** High watermark − committed offset, by topic, then partition. */
  lag: Record<string, number[]>;
  /** Failure handling: retry mode and topics, dead-letter topics with their newest records, poison keys, dedupe. */
  delivery: DeliveryView;
}

/**
 * Everything the page draws, as plain data: cheap to build at display rate and to post from
 * the worker. It holds no references into the engine.
 */
export interface Snapshot {
  timeMs: number;
  durationMs: number;
  finished: boolean;
  metrics: Metrics;
  topics: { name: string; partitions: PartitionView[] }[];
  producers: { id: string; topic: string; ratePerSec: number }[];
  /** The brokers, by id. */
  brokers: BrokerView[];
  groups: GroupView[];
  /** The most recent entries of the event log, oldest first. */
  events: EngineEvent[];
  /** Entries ever written to the event log. */
  eventsTotal: number;
  /** Queue-style brokers only: RabbitMQ exchanges with their bindings ("" is the default exchange). */
  exchanges?: ExchangeView[];
  /** Queue-style brokers only: RabbitMQ, reply and SQS queues with their workers. */
  queues?: QueueView[];
  /** Queue-style brokers only: SNS topics and their subscribed queues. */
  snsTopics?: SnsTopicView[];
}

export function buildSnapshot(world: World): Snapshot {
  const nowUs = world.scheduler.nowUs;
  return {
    timeMs: nowUs / 1000,
    durationMs: world.scenario.durationMs,
    finished: nowUs >= world.scenario.durationMs * 1000,
    metrics: summarize(world),
    topics: world.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((p) => {
        const log = world.partitions[p]!;
        return {
          partition: log.partition,
          logStartOffset: log.logStartOffset,
          logEndOffset: log.logEndOffset,
          highWatermark: log.highWatermark,
          ...partitionReplicationView(world, p),
        };
      }),
    })),
    producers: world.producers.map((p) => ({ id: p.spec.id, topic: p.spec.topic, ratePerSec: p.ratePerSec })),
    brokers: brokerViews(world),
    groups: world.groups.map((group) => {
      const committed: Record<string, number[]> = {};
      const lag: Record<string, number[]> = {};
      for (const t of group.topicIndexes) {
        const topic = world.topics[t]!;
        committed[topic.name] = topic.partitions.map((p) => group.committed[p]!);
        lag[topic.name] = topic.partitions.map((p) => partitionLag(world, group, p));
      }
      return {
        id: group.spec.id,
        topics: group.spec.topics,
        assignor: group.spec.assignor,
        commit: group.spec.commit,
        state: coordinatorState(group),
        generation: group.coordinator.generation,
        leader: leaderName(world, group),
        rebalances: group.rebalances,
        consumers: group.members.map((c) => {
          const consumer = world.consumers[c]!;
          const busyUs = consumer.busyUs + (consumer.state === 'processing' ? nowUs - consumer.busySinceUs : 0);
          return {
            id: consumer.name,
            state: consumer.state,
            membership: consumer.membership,
            memberId: consumer.memberId,
            groupInstanceId: consumer.groupInstanceId,
            assigned: consumer.assigned.map((p): [string, number] => {
              const log = world.partitions[p]!;
              return [world.topics[log.topicIndex]!.name, log.partition];
            }),
            utilisation: nowUs > 0 ? busyUs / nowUs : 0,
          };
        }),
        committed,
        lag,
        delivery: deliveryView(world, group),
      };
    }),
    events: world.log.recent(SNAPSHOT_EVENTS),
    eventsTotal: world.log.total,
    ...queueSnapshot(world),
  };
}

function leaderName(world: World, group: World['groups'][number]): string | null {
  const leader = group.coordinator.members.find((m) => m.memberId === group.coordinator.leaderId);
  return leader ? world.consumers[leader.consumerIndex]!.name : null;
}
