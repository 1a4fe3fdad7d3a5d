/**
 * What the page draws: the engine's Snapshot as it arrives through the frame codec, minus the
 * event log (which travels as a delta, see protocol.ts). Broker and replica fields are optional:
 * they are present exactly when the engine models brokers, and every view must cope without them.
 */
import type { GroupView, Metrics } from '../engine';
import type { ExchangeView, QueueView, SnsTopicView } from './queueFrameCodec';

/** One copy of a partition on one broker. */
export interface ReplicaView {
  /** The broker holding this copy. */
  broker: number;
  /** The next offset this copy will write. */
  logEndOffset: number;
  /** Whether the copy is in the partition's in-sync replica set. */
  inSync: boolean;
}

/** One partition's log, as offsets. */
export interface LabPartition {
  partition: number;
  /** Oldest offset still in the log (retention moves it up). */
  logStartOffset: number;
  /** The offset the next record will get. */
  logEndOffset: number;
  /** The last offset every in-sync replica has, + 1: consumers read below it. */
  highWatermark: number;
  /** Broker leading this partition, null while it has no leader; absent when the engine has no brokers. */
  leader?: number | null;
  /** Its copies, leader included; absent when the engine has no brokers. */
  replicas?: ReplicaView[];
  /** Brokers in the in-sync replica set; absent when the engine has no brokers. */
  isr?: number[];
}

export interface LabTopic {
  name: string;
  partitions: LabPartition[];
}

export interface LabProducer {
  id: string;
  topic: string;
  /** Records per second it tries to send. */
  ratePerSec: number;
}

export interface LabBroker {
  id: number;
  /** False while crashed. */
  up: boolean;
  /** Extra delay on its replica fetches while a slow-follower fault lasts, ms; absent when the engine does not report it. */
  fetchDelayMs?: number;
}

export interface LabSnapshot {
  /** Simulated time, ms. */
  timeMs: number;
  /** Scenario length, ms. */
  durationMs: number;
  finished: boolean;
  metrics: Metrics;
  topics: LabTopic[];
  producers: LabProducer[];
  groups: GroupView[];
  /** The cluster's brokers; absent when the engine does not model them. */
  brokers?: LabBroker[];
  /** Entries ever written to the engine's event log. */
  eventsTotal: number;
  /** RabbitMQ exchanges with their bindings ("" is the default exchange); absent when the scenario has no queue brokers. */
  exchanges?: ExchangeView[];
  /** RabbitMQ, reply and SQS queues with their workers; absent when the scenario has no queue brokers. */
  queues?: QueueView[];
  /** SNS topics with their subscribed SQS queues; absent when the scenario has no queue brokers. */
  snsTopics?: SnsTopicView[];
}
