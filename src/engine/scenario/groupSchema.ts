import { bool, int, list, num, object, oneOf, str } from './fields';
import { distributionSchema } from './distribution';
import { entityId, topicName } from './names';

/** How records fail in processing: at random, or always for some keys. */
const failuresSchema = object({
  transientRate: num(0, 1).default(0).describe('Probability (0 to 1) that one processing attempt fails and may succeed on retry.'),
  poisonKeys: list(str(1, 200), 0, 1000).default([]).describe('Keys whose records always fail to process (poison pills).'),
}).describe('Processing failures to simulate.');

/** What happens to a record whose processing failed (Spring Kafka's error handling). */
const retrySchema = object({
  mode: oneOf(['in-place', 'retry-topics'])
    .default('in-place')
    .describe('"in-place": retry in the consumer, blocking the partition; "retry-topics": non-blocking, via <topic>-retry-<delay> topics.'),
  maxAttempts: int(1, 100).default(10).describe('Attempts in all, the first included, before the record is dead-lettered (Spring: 10).'),
  backoffMs: int(0, 3_600_000).default(0).describe('Wait before the first retry, ms.'),
  multiplier: num(1, 10).default(1).describe('Each retry waits this many times longer than the one before.'),
  maxBackoffMs: int(0, null)
    .optional()
    .meta({ default: 30_000, description: 'The longest wait between attempts, ms (at least backoffMs).' }),
  jitter: num(0, 1).default(0).describe('Random spread of each wait, as a fraction (0.2: ±20%).'),
}).describe('How failed records are retried.');

/** A consumer group reading one or more topics. Fields named after Kafka's consumer configs. */
export const groupSchema = object({
  id: entityId().describe('group.id: unique name of this consumer group.'),
  topic: topicName().optional().describe('The topic it subscribes to (or give `topics`).'),
  topics: list(topicName(), 1, 16).optional().describe('The topics it subscribes to (instead of `topic`).'),
  consumers: int(0, 256).default(1).describe('Number of consumer processes in the group at the start.'),
  assignor: oneOf(['range', 'roundrobin', 'sticky', 'cooperative-sticky'])
    .default('range')
    .describe('partition.assignment.strategy: how partitions are shared among the consumers.'),
  processingMs: distributionSchema.prefault({ dist: 'constant', value: 1 }),
  commit: oneOf(['after-process', 'before-process', 'auto'])
    .default('after-process')
    .describe('When offsets are committed: "after-process" (at-least-once), "before-process" (at-most-once), "auto" (every autoCommitIntervalMs).'),
  autoCommitIntervalMs: int(1, 3_600_000).default(5000).describe('auto.commit.interval.ms, ms (with commit "auto").'),
  maxPollRecords: int(1, 100_000).default(500).describe('max.poll.records: most records one poll returns.'),
  sessionTimeoutMs: int(6000, 1_800_000, "the broker's group.min.session.timeout.ms and group.max.session.timeout.ms")
    .default(45_000)
    .describe('session.timeout.ms: a consumer without a heartbeat for this long is removed from the group, ms.'),
  heartbeatIntervalMs: int(1, 1_799_999)
    .default(3000)
    .describe('heartbeat.interval.ms: time between heartbeats, ms (less than sessionTimeoutMs).'),
  maxPollIntervalMs: int(1, 2_147_483_647)
    .default(300_000)
    .describe('max.poll.interval.ms: a consumer that does not poll for this long leaves the group, ms.'),
  autoOffsetReset: oneOf(['earliest', 'latest'])
    .default('latest')
    .describe('auto.offset.reset: where to start without a committed offset: "earliest" or "latest".'),
  initialRebalanceDelayMs: int(0, 300_000)
    .default(3000)
    .describe('group.initial.rebalance.delay.ms: how long a new group waits for more members before its first rebalance, ms.'),
  staticMembership: bool()
    .default(false)
    .describe('Give consumers a group.instance.id "<group>-<i>" (KIP-345): a restart within the session timeout causes no rebalance.'),
  failures: failuresSchema.prefault({}),
  retry: retrySchema.prefault({}),
  deadLetterTopic: topicName()
    .nullable()
    .default(null)
    .describe('Topic that receives records which failed every attempt, or null: failed records are skipped. Created implicitly.'),
  idempotent: bool().default(false).describe('Processing is idempotent: processing a record twice has no second effect.'),
}).describe('A consumer group.');
