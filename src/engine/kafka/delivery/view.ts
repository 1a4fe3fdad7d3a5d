import { recentDeadLetters, type DeadLetterView } from './deadLetter';
import { retryTopicSizes } from './retryTopics';
import type { GroupRt, World } from '../world';

/** A retry topic of a group, as the page draws it. */
export interface RetryTopicView {
  /** Spring's name, e.g. "orders-retry-1000" ("orders-retry" for a fixed back-off). */
  name: string;
  /** Nominal delay of its records, ms. */
  delayMs: number;
  /** Records waiting in it (all partitions). */
  records: number;
}

/** What a group does with records whose processing fails, and what is in its retry and dead-letter topics. */
export interface DeliveryView {
  /** "in-place" (blocking, DefaultErrorHandler) or "retry-topics" (non-blocking, @RetryableTopic). */
  retryMode: 'in-place' | 'retry-topics';
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The retry topics (empty in in-place mode), in the order records pass through them. */
  retryTopics: RetryTopicView[];
  /** Dead-letter topics and how many records each received; empty when failed records are skipped. */
  deadLetterTopics: { name: string; records: number }[];
  /** The newest dead-lettered records with their headers, oldest first (at most 20). */
  recentDeadLetters: DeadLetterView[];
  /** Dead-lettered records dlq-replay has not re-published yet. */
  replayable: number;
  /** Keys whose every attempt fails. */
  poisonKeys: string[];
  /** Whether the group dedupes by record id, and how many ids its store remembers now. */
  idempotent: boolean;
  dedupeIds: number;
}

export function deliveryView(world: World, group: GroupRt): DeliveryView {
  const delivery = group.delivery;
  const sizes = retryTopicSizes(group);
  const retryTopics: RetryTopicView[] = [];
  for (const plan of delivery.retryPlans.values()) {
    for (const topic of plan.topics) retryTopics.push({ name: topic.name, delayMs: topic.delayMs, records: sizes.get(topic.name) ?? 0 });
  }
  const store = delivery.deadLetters;
  const deadLetterTopics: { name: string; records: number }[] = [];
  for (const name of new Set(delivery.deadLetterTopics.values())) {
    if (name === null) continue;
    const index = store.topicNames.indexOf(name);
    deadLetterTopics.push({ name, records: index < 0 ? 0 : store.perTopic[index]! });
  }
  return {
    retryMode: group.spec.retry.mode,
    maxAttempts: group.spec.retry.maxAttempts,
    retryTopics,
    deadLetterTopics,
    recentDeadLetters: recentDeadLetters(world, group),
    replayable: store.count - store.replayedUpTo,
    poisonKeys: [...delivery.poisonKeys],
    idempotent: delivery.dedupe !== null,
    dedupeIds: delivery.dedupe?.size ?? 0,
  };
}
