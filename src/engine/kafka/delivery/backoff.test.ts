import { describe, expect, it } from 'vitest';
import { createRng } from '../../kernel/rng';
import { defaultDeadLetterTopic, jitteredDelayMs, nominalDelayMs, planRetryTopics } from './backoff';
import type { RetrySpec } from '../../scenario';

const retry = (over: Partial<RetrySpec>): RetrySpec => ({ mode: 'retry-topics', maxAttempts: 4, backoffMs: 1000, multiplier: 2, maxBackoffMs: 30_000, jitter: 0, ...over });

describe('back-off between attempts (Spring ExponentialBackOff)', () => {
  it('doubles from backoffMs and stops at maxBackoffMs', () => {
    const spec = retry({ backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, maxAttempts: 8 });
    expect([1, 2, 3, 4, 5, 6].map((n) => nominalDelayMs(spec, n))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('is fixed with multiplier 1', () => {
    expect([1, 2, 3].map((n) => nominalDelayMs(retry({ backoffMs: 250, multiplier: 1 }), n))).toEqual([250, 250, 250]);
  });

  it('spreads each wait uniformly within ±jitter, and draws nothing without jitter', () => {
    const spec = retry({ backoffMs: 100, jitter: 0.2 });
    const rng = createRng(1, 'test');
    const waits = Array.from({ length: 2000 }, () => jitteredDelayMs(spec, 1, rng));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...waits)).toBeLessThanOrEqual(120);
    expect(Math.min(...waits)).toBeLessThan(81);
    expect(Math.max(...waits)).toBeGreaterThan(119);
    const untouched = createRng(1, 'test');
    const before = untouched.nextUint32();
    const again = createRng(1, 'test');
    expect(jitteredDelayMs(retry({ jitter: 0 }), 1, again)).toBe(1000);
    expect(again.nextUint32()).toBe(before);
  });
});

describe("retry topic names (Spring's @RetryableTopic)", () => {
  it('exponential 1000×2 with 4 attempts: one topic per delay', () => {
    const plan = planRetryTopics('orders', retry({}));
    expect(plan.topics).toEqual([
      { name: 'orders-retry-1000', delayMs: 1000 },
      { name: 'orders-retry-2000', delayMs: 2000 },
      { name: 'orders-retry-4000', delayMs: 4000 },
    ]);
    expect(plan.topicOfRetry).toEqual([0, 1, 2]);
    expect(defaultDeadLetterTopic('orders')).toBe('orders-dlt');
  });

  it('delays repeated at the tail (capped) share one topic', () => {
    const plan = planRetryTopics('orders', retry({ maxAttempts: 6, maxBackoffMs: 3000 }));
    expect(plan.topics.map((t) => t.name)).toEqual(['orders-retry-1000', 'orders-retry-2000', 'orders-retry-3000']);
    expect(plan.topicOfRetry).toEqual([0, 1, 2, 2, 2]);
  });

  it('a fixed back-off uses the single topic <topic>-retry; one attempt needs no retry topic', () => {
    expect(planRetryTopics('orders', retry({ multiplier: 1, maxAttempts: 3 }))).toEqual({
      topics: [{ name: 'orders-retry', delayMs: 1000 }],
      topicOfRetry: [0, 0],
    });
    expect(planRetryTopics('orders', retry({ maxAttempts: 1 }))).toEqual({ topics: [], topicOfRetry: [] });
  });
});
