import { describe, expect, it } from 'vitest';
import { PartitionLog } from './partitionLog';
import { RecordQueue } from './recordQueue';
import { InvariantError, LimitError } from '../kernel/assert';

describe('PartitionLog', () => {
  it('assigns consecutive offsets and reads records back across growth and trimming', () => {
    const log = new PartitionLog(0, 0, 0, 4);
    const offsets: number[] = [];
    for (let i = 0; i < 10; i++) offsets.push(log.append(100 + i, i % 3, i * 1000));
    expect(offsets).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(log.logEndOffset).toBe(10);
    expect(log.trimMemoryTo(6)).toBe(6);
    for (let i = 10; i < 20; i++) log.append(100 + i, i % 3, i * 1000);
    const seen = [];
    for (let o = 6; o < 20; o++) seen.push([log.recordIdAt(o), log.keyIndexAt(o), log.createdAtUsAt(o)]);
    expect(seen).toEqual(Array.from({ length: 14 }, (_, k) => [106 + k, (6 + k) % 3, (6 + k) * 1000]));
    expect(log.retainedCount).toBe(14);
    expect(log.logStartOffset).toBe(0);
  });

  it('refuses to read a trimmed or future offset', () => {
    const log = new PartitionLog(0, 0, 0, 4);
    log.append(1, 0, 0);
    log.append(2, 0, 0);
    log.trimMemoryTo(1);
    expect(() => log.recordIdAt(0)).toThrow(InvariantError);
    expect(() => log.recordIdAt(2)).toThrow(InvariantError);
    expect(log.trimMemoryTo(0)).toBe(0);
    expect(log.trimMemoryTo(99)).toBe(1);
  });
});

describe('RecordQueue', () => {
  it('is a FIFO that grows and names its limit when full', () => {
    const q = new RecordQueue(20, 'producer p accumulator for t-0');
    for (let i = 0; i < 20; i++) q.push(i, i, i);
    expect(q.isFull).toBe(true);
    expect(() => q.push(99, 0, 0)).toThrow(LimitError);
    expect(() => q.push(99, 0, 0)).toThrow(/recordQueueMax \(20\).*producer p accumulator/);
    q.drop(15);
    expect([q.idAt(0), q.keyAt(4), q.size]).toEqual([15, 19, 5]);
  });
});
