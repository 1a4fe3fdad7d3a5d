import { createRng, type Rng } from '../../kernel/rng';
import { makeSampler } from '../../kernel/distributions';
import { DeadLetterStore } from './deadLetterStore';
import { DedupeWindow } from './dedupeWindow';
import { defaultDeadLetterTopic, planRetryTopics, type RetryTopicPlan } from './backoff';
import { DEAD_LETTER_RECORDS_MAX, DEDUPE_WINDOW_IDS } from './limits';
import type { RetryQueue } from './retryQueue';
import type { ConsumerGroupSpec } from '../../scenario';

/** Spring's FailedRecordTracker entry: the offset failing on a partition and attempts so far. */
export interface FailedRecord {
  offset: number;
  attempts: number;
}

/**
 * What one consumer group does when processing fails (Spring Kafka's error handling) and the
 * fate ledger's extra counters. Lives in `GroupRt.delivery`; created with the group.
 */
export interface GroupDeliveryRt {
  /** Whether an attempt can fail at all (transientRate > 0 or a poison key): the hot path skips the checks otherwise. */
  failuresPossible: boolean;
  /** Probability that one attempt fails transiently, 0..1. */
  readonly transientRate: number;
  /** Record keys whose every attempt fails (scenario poisonKeys and poison-key faults). */
  readonly poisonKeys: Set<string>;
  /** Per source topic index: key index → poison, resolved lazily; cleared when poisonKeys changes. */
  readonly poisonCache: Map<number, Map<number, boolean>>;
  /** Stream "group:<id>:failures": transient failures. */
  readonly failureRng: Rng;
  /** Stream "group:<id>:backoff": back-off jitter. */
  readonly backoffRng: Rng;
  /** Processing time of retry-topic listeners (stream "group:<id>:retry-topics"), ms. */
  readonly retryProcessingMs: () => number;

  /** In-place mode: the failing record of each partition, by global partition (reset when ownership changes). */
  readonly failing: Map<number, FailedRecord>;
  /** In-place mode: when each sleeping consumer's back-off ends, µs, by global consumer index (absent: not sleeping). */
  readonly backoffUntilUs: Map<number, number>;

  /** Retry-topics mode: the retry topics of each source topic, by topic index. */
  readonly retryPlans: Map<number, { topics: RetryTopicPlan[]; topicOfRetry: number[] }>;
  /** Every retry-topic partition created so far (the `b` of their events indexes it). */
  readonly retryQueues: RetryQueue[];
  /** Queue index by `retryTopic * 2^21 + globalPartition`. */
  readonly retryQueueIndex: Map<number, number>;
  /** Records in retry topics right now. */
  retryRecords: number;
  /** Of those, records whose log entry has no fate yet (they count as pending). */
  retryPending: number;

  /** Dead-letter topic of each source topic, by topic index, or null: failed records are skipped. */
  readonly deadLetterTopics: Map<number, string | null>;
  readonly deadLetters: DeadLetterStore;
  /** The idempotent consumer's store, or null when processing is not idempotent. */
  readonly dedupe: DedupeWindow | null;
  /** Ledger exceptions per global partition: offsets processed two or more times, with the count. */
  readonly duplicated: Map<number, Map<number, number>>;
  /** Ledger exceptions per global partition: offsets settled without their processing completing. */
  readonly noEffect: Map<number, Set<number>>;

  /** Processing attempts that failed. */
  failedAttempts: number;
  /** Attempts after a failure: in-place re-deliveries and retry-topic deliveries. */
  retried: number;
  /** Deliveries the idempotent consumer recognised and skipped. */
  skippedDuplicates: number;
  /** Log entries whose processing completed two or more times. */
  processedMoreThanOnce: number;
  /** Records given up after their last attempt with no dead-letter topic (counted in lost). */
  skipped: number;
  /** Dead-lettered records re-published by dlq-replay. */
  replayed: number;
}

export function createGroupDelivery(seed: number, spec: ConsumerGroupSpec, topicNames: readonly { index: number; name: string }[]): GroupDeliveryRt {
  const stream = `group:${spec.id}`;
  const retryPlans = new Map<number, { topics: RetryTopicPlan[]; topicOfRetry: number[] }>();
  const deadLetterTopics = new Map<number, string | null>();
  for (const topic of topicNames) {
    if (spec.retry.mode === 'retry-topics') {
      retryPlans.set(topic.index, planRetryTopics(topic.name, spec.retry));
      // @RetryableTopic always ends in a DLT (ALWAYS_RETRY_ON_ERROR): <topic>-dlt unless named.
      deadLetterTopics.set(topic.index, spec.deadLetterTopic ?? defaultDeadLetterTopic(topic.name));
    } else {
      // DefaultErrorHandler's default recoverer only logs and skips; a DLT must be configured.
      deadLetterTopics.set(topic.index, spec.deadLetterTopic);
    }
  }
  const poisonKeys = new Set(spec.failures.poisonKeys);
  return {
    failuresPossible: spec.failures.transientRate > 0 || poisonKeys.size > 0,
    transientRate: spec.failures.transientRate,
    poisonKeys,
    poisonCache: new Map(),
    failureRng: createRng(seed, `${stream}:failures`),
    backoffRng: createRng(seed, `${stream}:backoff`),
    retryProcessingMs: makeSampler(spec.processingMs, createRng(seed, `${stream}:retry-topics`)),
    failing: new Map(),
    backoffUntilUs: new Map(),
    retryPlans,
    retryQueues: [],
    retryQueueIndex: new Map(),
    retryRecords: 0,
    retryPending: 0,
    deadLetterTopics,
    deadLetters: new DeadLetterStore(DEAD_LETTER_RECORDS_MAX, `the dead-letter topics of group ${spec.id}`),
    dedupe: spec.idempotent ? new DedupeWindow(DEDUPE_WINDOW_IDS) : null,
    duplicated: new Map(),
    noEffect: new Map(),
    failedAttempts: 0,
    retried: 0,
    skippedDuplicates: 0,
    processedMoreThanOnce: 0,
    skipped: 0,
    replayed: 0,
  };
}
