import type { z } from 'zod';
import type { Distribution } from '../kernel/distributions';
import type { clusterSchema, scenarioSchema, topicSchema } from './schema';
import type { producerSchema } from './producerSchema';
import type { groupSchema } from './groupSchema';
import type { faultSchema } from './faultSchema';
import type { keySpecSchema } from './distribution';
import type { QueueSections } from './queueTypes';

/**
 * The parsed scenario: every default filled in. These types are zod's outputs, with the fields
 * whose defaults depend on other fields (filled in by defaults.ts) made required. Field meanings
 * and units are documented on the schema (schema.ts and its neighbours), which the JSON Schema
 * for editors is generated from.
 */

export type { Distribution };

/** The Kafka cluster: brokers and replication timing. */
export type ClusterSpec = z.output<typeof clusterSchema>;

/** A topic; replicationFactor is always set (default min(3, brokers)). */
export type TopicSpec = Omit<z.output<typeof topicSchema>, 'replicationFactor'> & {
  /** Copies of each partition, 1 to cluster.brokers. */
  replicationFactor: number;
};

/** How a producer picks record keys. */
export type KeySpec = z.output<typeof keySpecSchema>;

/** acks, normalised: "0" (none), "1" (the leader) or "all" (every in-sync replica). */
export type AcksMode = ProducerSpec['acks'];

/** A producer; enableIdempotence and retryBackoffMaxMs are resolved. */
export type ProducerSpec = Omit<z.output<typeof producerSchema>, 'enableIdempotence' | 'retryBackoffMaxMs'> & {
  /** Whether idempotence is on: false when it was defaulted but acks, retries or in-flight conflict with it. */
  enableIdempotence: boolean;
  /** retry.backoff.max.ms, ms, >= retryBackoffMs. */
  retryBackoffMaxMs: number;
};

type GroupOutput = z.output<typeof groupSchema>;

/** When a group commits offsets: after processing, before it, or periodically. */
export type CommitMode = GroupOutput['commit'];

/** The partition assignment strategy of a consumer group. */
export type AssignorName = GroupOutput['assignor'];

/** Processing failures a group simulates. */
export type FailureSpec = GroupOutput['failures'];

/** How a group retries failed records; maxBackoffMs is resolved. */
export type RetrySpec = Omit<GroupOutput['retry'], 'maxBackoffMs'> & {
  /** The longest wait between attempts, ms, >= backoffMs. */
  maxBackoffMs: number;
};

/** A consumer group; `topic` or `topics` in the input becomes `topics`. */
export type ConsumerGroupSpec = Omit<GroupOutput, 'topic' | 'topics' | 'retry' | 'processingMs'> & {
  /** The topics the group subscribes to (1 to 16, distinct, each a topic of the scenario). */
  topics: string[];
  retry: RetrySpec;
  /** Processing time per record, ms. */
  processingMs: Distribution;
};

/** A fault scheduled at atMs; `type` says which. */
export type FaultSpec = z.output<typeof faultSchema>;

/** The fault types, e.g. "broker-crash". */
export type FaultType = FaultSpec['type'];

type ScenarioOutput = z.output<typeof scenarioSchema>;

/**
 * A whole scenario, every default filled in; faults sorted by atMs (stable). The queue-style
 * sections are always filled in by the parser but optional here, so that code (and tests) that
 * build a Kafka-only scenario by hand need not spell them out.
 */
export type Scenario = Omit<ScenarioOutput, 'topics' | 'producers' | 'consumerGroups' | keyof QueueSections> & {
  topics: TopicSpec[];
  producers: ProducerSpec[];
  consumerGroups: ConsumerGroupSpec[];
} & Partial<QueueSections>;

/** A scenario's graded challenge (the optional `challenge` section); constraints and sampleEveryMs are filled in. */
export type ChallengeSpec = NonNullable<ScenarioOutput['challenge']>;
/** A condition on the run's metrics that a challenge needs to hold. */
export type ChallengeGoalSpec = ChallengeSpec['goals'][number];
/** A setting the learner may change in a challenge, with its allowed values. */
export type ChallengeKnobSpec = ChallengeSpec['knobs'][number];
