import type { z } from 'zod';
import type { scenarioSchema } from './schema';
import type { ConsumerGroupSpec, ProducerSpec, Scenario, TopicSpec } from './types';

/** Kafka's retry.backoff.max.ms default, ms. */
const RETRY_BACKOFF_MAX_MS_DEFAULT = 1000;
/** The consumer-side retry's longest back-off by default, ms. */
const RETRY_MAX_BACKOFF_MS_DEFAULT = 30_000;
/** Kafka's default replication factor when the cluster has enough brokers. */
const REPLICATION_FACTOR_DEFAULT = 3;
/** Idempotence tracks the last 5 batches per producer, so more in flight cannot be deduplicated. */
const IDEMPOTENT_IN_FLIGHT_MAX = 5;

/**
 * Fills in the defaults that depend on other fields, once every field and cross-reference is
 * known to be valid (so nothing here can fail).
 */
export function resolveScenario(parsed: z.output<typeof scenarioSchema>): Scenario {
  const brokers = parsed.cluster.brokers;
  const topics: TopicSpec[] = parsed.topics.map((topic) => ({
    ...topic,
    replicationFactor: topic.replicationFactor ?? Math.min(REPLICATION_FACTOR_DEFAULT, brokers),
  }));

  const producers: ProducerSpec[] = parsed.producers.map((producer) => {
    // As Kafka does: idempotence the user did not ask for is silently dropped when the rest of
    // the config cannot support it (an explicit true that conflicts was already an error).
    const supportsIdempotence =
      producer.acks === 'all' && producer.retries > 0 && producer.maxInFlightRequestsPerConnection <= IDEMPOTENT_IN_FLIGHT_MAX;
    return {
      ...producer,
      enableIdempotence: producer.enableIdempotence ?? supportsIdempotence,
      // A default cap below the first back-off would make the back-off shrink.
      retryBackoffMaxMs: producer.retryBackoffMaxMs ?? Math.max(RETRY_BACKOFF_MAX_MS_DEFAULT, producer.retryBackoffMs),
    };
  });

  const consumerGroups: ConsumerGroupSpec[] = parsed.consumerGroups.map(({ topic, topics: subscribed, ...group }) => ({
    ...group,
    topics: subscribed ?? (topic === undefined ? [] : [topic]),
    retry: { ...group.retry, maxBackoffMs: group.retry.maxBackoffMs ?? Math.max(RETRY_MAX_BACKOFF_MS_DEFAULT, group.retry.backoffMs) },
  }));

  // Array.prototype.sort is stable, so faults at the same time keep the order they were written in.
  const faults = [...parsed.faults].sort((a, b) => a.atMs - b.atMs);
  return { ...parsed, topics, producers, consumerGroups, faults };
}
