import { describe, expect, it } from 'vitest';
import { FailureCause, RetryQueue } from './retryQueue';

describe('a retry-topic partition', () => {
  it('keeps records in order through growth and detaches those whose source entry was truncated', () => {
    const queue = new RetryQueue(0, 'orders-retry-100', 3);
    // 20 records (the ring starts at 8 and doubles twice), source offsets 100..119.
    for (let i = 0; i < 20; i++) queue.push(1000 + i, i % 4, i * 10, 100 + i, 1, 5000 + i, FailureCause.transient, i % 2 === 1);
    queue.pop(); // 100 leaves before the truncation
    queue.detachFrom(115);
    const seen: [number, number, boolean, boolean][] = [];
    while (queue.size > 0) {
      seen.push([queue.headId(), queue.headOffset(), queue.headSettledBefore(), queue.headDetached()]);
      queue.pop();
    }
    expect(seen.map(([id]) => id)).toEqual(Array.from({ length: 19 }, (_, i) => 1001 + i));
    expect(seen.filter(([, , , detached]) => detached).map(([, offset]) => offset)).toEqual([115, 116, 117, 118, 119]);
    expect(seen.filter(([, , settledBefore]) => settledBefore).length).toBe(10);
  });

  it('refuses to pop an empty partition', () => {
    expect(() => new RetryQueue(0, 'orders-retry', 0).pop()).toThrow(/pop from an empty partition/);
  });
});
