import type { Rng } from '../../kernel/rng';
import type { RetrySpec } from '../../scenario';

/**
 * Back-off between processing attempts, as Spring Kafka's ExponentialBackOff computes it:
 * the wait before retry n (n = 1 is the wait between the first and the second attempt) is
 * `min(backoffMs · multiplier^(n-1), maxBackoffMs)`. With multiplier 1 that is a FixedBackOff.
 */
export function nominalDelayMs(retry: RetrySpec, retryNumber: number): number {
  const raw = retry.backoffMs * Math.pow(retry.multiplier, retryNumber - 1);
  return Math.min(raw, retry.maxBackoffMs);
}

/**
 * The nominal delay spread by ±jitter (0.2: anywhere from 80% to 120%), uniformly, drawn from
 * `rng`. No draw is made when jitter is 0, so scenarios without jitter consume no randomness.
 */
export function jitteredDelayMs(retry: RetrySpec, retryNumber: number, rng: Rng): number {
  const nominal = nominalDelayMs(retry, retryNumber);
  if (retry.jitter === 0 || nominal === 0) return nominal;
  return nominal * (1 + retry.jitter * (2 * rng.nextFloat() - 1));
}

/** One retry topic of a source topic (Spring's @RetryableTopic naming). */
export interface RetryTopicPlan {
  /** e.g. "orders-retry-2000", or "orders-retry" for a fixed back-off. */
  readonly name: string;
  /** Nominal delay of the records it holds, ms. */
  readonly delayMs: number;
}

/**
 * The retry topics Spring Kafka creates for `topic` with `maxAttempts` attempts in all, and the
 * topic each retry goes through (`topicOfRetry[n - 1]` for retry n):
 *
 * - a fixed back-off (multiplier 1) reuses one topic, `<topic>-retry` (SINGLE_TOPIC, Spring's
 *   default since 3.2);
 * - an exponential back-off gets one topic per delay, suffixed with the delay in ms
 *   (`SUFFIX_WITH_DELAY_VALUE`): 1000×2 with 4 attempts gives `-retry-1000`, `-retry-2000`,
 *   `-retry-4000`; delays repeated at the tail (capped by maxBackoffMs) share one topic.
 */
export function planRetryTopics(topic: string, retry: RetrySpec): { topics: RetryTopicPlan[]; topicOfRetry: number[] } {
  const retries = retry.maxAttempts - 1;
  const topics: RetryTopicPlan[] = [];
  const topicOfRetry: number[] = [];
  if (retries <= 0) return { topics, topicOfRetry };
  if (retry.multiplier === 1) {
    topics.push({ name: `${topic}-retry`, delayMs: nominalDelayMs(retry, 1) });
    for (let n = 1; n <= retries; n++) topicOfRetry.push(0);
    return { topics, topicOfRetry };
  }
  for (let n = 1; n <= retries; n++) {
    const delayMs = nominalDelayMs(retry, n);
    const last = topics[topics.length - 1];
    if (last !== undefined && last.delayMs === delayMs) {
      topicOfRetry.push(topics.length - 1);
    } else {
      topics.push({ name: `${topic}-retry-${formatDelay(delayMs)}`, delayMs });
      topicOfRetry.push(topics.length - 1);
    }
  }
  return { topics, topicOfRetry };
}

/** The dead-letter topic Spring's DeadLetterPublishingRecoverer publishes to by default (3.3+: `-dlt`). */
export function defaultDeadLetterTopic(topic: string): string {
  return `${topic}-dlt`;
}

// Spring prints the delay as a long; a fractional multiplier can make fractional ms.
function formatDelay(delayMs: number): string {
  return String(Math.round(delayMs));
}
