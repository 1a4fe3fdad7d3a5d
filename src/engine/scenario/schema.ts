import { z } from 'zod';
import { describeValue } from './errors';
import { bool, int, list, num, object, str } from './fields';
import { topicName } from './names';
import { producerSchema } from './producerSchema';
import { groupSchema } from './groupSchema';
import { faultSchema } from './faultSchema';
import { queueShape } from './queueSchema';
import { challengeSchema } from './challengeSchema';

/** The scenario format version this engine reads. */
export const SCENARIO_VERSION = 1;

export const clusterSchema = object({
  brokers: int(1, 32).default(3).describe('Number of brokers, numbered 0 to brokers - 1.'),
  networkLatencyMs: num(0, 10_000).default(1).describe('One-way network delay between any two nodes, ms.'),
  replicaFetchMs: num(0, 60_000).default(5).describe('How often a follower fetches from its leader, ms.'),
  replicaLagTimeMaxMs: int(1, 3_600_000)
    .default(30_000)
    .describe('replica.lag.time.max.ms: a follower not caught up for this long leaves the ISR, ms.'),
  uncleanLeaderElection: bool()
    .default(false)
    .describe('unclean.leader.election.enable: may a replica outside the ISR become leader (and lose committed records)?'),
}).describe('The Kafka cluster.');

export const topicSchema = object({
  name: topicName().describe('Unique topic name.'),
  partitions: int(1, 1024).describe('Number of partitions.'),
  replicationFactor: int(1, 32)
    .optional()
    .meta({ description: 'Copies of each partition, on different brokers: at most cluster.brokers. Default: min(3, cluster.brokers).' }),
  minInsyncReplicas: int(1, 32)
    .default(1)
    .describe('min.insync.replicas: in-sync copies needed to accept a write with acks "all" (at most replicationFactor).'),
  retentionMs: int(1, null).default(604_800_000).describe('retention.ms: how long records are kept, ms (default 7 days).'),
}).describe('A topic.');

const versionSchema = z
  .literal(SCENARIO_VERSION, {
    error: (issue) =>
      issue.input === undefined
        ? 'required: add "version": 1 (this engine reads scenario format v1)'
        : `must be 1 (this engine reads scenario format v1), got ${describeValue(issue.input)}`,
  })
  .describe('Scenario format version: 1.');

/**
 * The document's top-level fields. A format section is one more entry here plus its own file
 * (the queue-style brokers: queueSchema.ts); the parser and the JSON Schema follow the shape.
 */
export const rootShape = {
  $schema: str(1, 2000)
    .optional()
    .describe('Address of this JSON Schema, so that editors complete and check the file; the engine ignores it.'),
  version: versionSchema,
  title: str(1, 200).default('Untitled scenario').describe('Short title shown to learners.'),
  description: str(0, 4000).default('').describe('What the scenario shows, in a sentence or two.'),
  seed: int(0, 4_294_967_295).default(1).describe('Seed of the random streams: the same seed gives the same run.'),
  durationMs: int(1, 86_400_000).default(60_000).describe('How long the run lasts in simulated time, ms (at most 24 h).'),
  cluster: clusterSchema.prefault({}),
  // At least one topic unless the scenario has queue-style sections (queueReferences.ts checks it).
  topics: list(topicSchema, 0, 64).default([]).describe('The Kafka topics (at least one unless the scenario has queue-style sections).'),
  producers: list(producerSchema, 0, 64).default([]).describe('The producer applications.'),
  consumerGroups: list(groupSchema, 0, 32).default([]).describe('The consumer groups.'),
  faults: list(faultSchema, 0, 1000).default([]).describe('Faults scheduled during the run, in any order.'),
  ...queueShape,
  challenge: challengeSchema.optional(),
};

/** A scenario as written, before the defaults that depend on other fields are filled in. */
export const scenarioSchema = object(rootShape, {
  sqs: 'SQS queues are declared in "sqsQueues"',
  sns: 'SNS topics are declared in "snsTopics"',
})
  .meta({ title: 'Queuelab scenario v1' })
  .describe('A Queuelab scenario: a Kafka cluster, its topics, producers, consumer groups and faults; and queue-style brokers (RabbitMQ, SQS, SNS) with publishers and workers.');
