/**
 * Compacted copies (kernel/copyHooks compactOnCopy): the growable typed arrays of the scheduler,
 * the partition logs and the record queues are copied cut to their used part, and the copy then
 * behaves exactly as the original would, growing again on demand.
 */
import { describe, expect, it } from 'vitest';
import { deepCopy } from './deepCopy';
import { compactOnCopy } from '../kernel/copyHooks';
import { InvariantError, LimitError } from '../kernel/assert';
import { Scheduler } from '../kernel/scheduler';
import { PartitionLog } from '../kafka/partitionLog';
import { RecordQueue } from '../kafka/recordQueue';

/** Pops everything due, as "timeUs/kind/a/b" lines. */
function drain(scheduler: Scheduler): string[] {
  const out: string[] = [];
  while (scheduler.pop()) out.push(`${scheduler.eventTimeUs}/${scheduler.eventKind}/${scheduler.eventA}/${scheduler.eventB}`);
  return out;
}

describe('compacted copies', () => {
  it('copies a drained scheduler as its pending events only, and the copy pops and grows exactly as the original', () => {
    const original = new Scheduler({ initialCapacity: 4 });
    for (let i = 0; i < 5_000; i++) original.schedule(1_000 + ((i * 7919) % 5_000), i % 3, i, -i);
    for (let i = 0; i < 4_990; i++) original.pop();
    const { value: copy, bytes } = deepCopy(original);
    // The original's heap grew to 8,192 slots of 36 bytes; 10 events are pending now.
    const slots = (s: Scheduler) => (s as unknown as { heapTimeUs: Float64Array }).heapTimeUs.length;
    expect([slots(original), slots(copy)]).toEqual([8_192, 10]);
    expect(bytes).toBeLessThan(1_000);
    expect(copy.size).toBe(10);
    for (const s of [original, copy]) for (let i = 0; i < 100; i++) s.schedule(7_000 + (i % 9), 9, i, 0);
    expect(drain(copy)).toEqual(drain(original));
    expect(copy.poppedCount).toBe(original.poppedCount);
  });

  it('keeps the pending limit of a compacted scheduler', () => {
    const original = new Scheduler({ initialCapacity: 1, pendingMax: 3 });
    original.schedule(1, 1, 0, 0);
    const { value: copy } = deepCopy(original);
    copy.schedule(2, 1, 0, 0);
    copy.schedule(3, 1, 0, 0);
    expect(() => copy.schedule(4, 1, 0, 0)).toThrow(LimitError);
    expect(() => copy.schedule(4, 1, 0, 0)).toThrow(/pendingEventsMax/);
  });

  it('copies a wrapped partition log as its held records, oldest first, and appends exactly as the original', () => {
    const original = new PartitionLog(2, 0, 2, 4);
    for (let i = 0; i < 3_000; i++) original.append(100 + i, i % 7, i * 10, i % 2, i, i % 3 === 0);
    original.trimMemoryTo(2_995); // 5 held, in a ring of 4,096 whose head is not at 0
    original.highWatermark = 2_998;
    const { value: copy, bytes } = deepCopy(original);
    expect(bytes).toBeLessThan(1_000);
    const read = (log: PartitionLog) =>
      Array.from({ length: log.retainedCount }, (_, i) => {
        const offset = log.memoryStartOffset + i;
        return [log.recordIdAt(offset), log.keyIndexAt(offset), log.createdAtUsAt(offset), log.producerAt(offset), log.sequenceAt(offset), log.isOwedAt(offset)];
      });
    expect(read(copy)).toEqual(read(original));
    expect(read(copy)[0]).toEqual([3_095, 2_995 % 7, 29_950, 1, 2_995, false]);
    for (const log of [original, copy]) for (let i = 0; i < 20; i++) log.append(9_000 + i, 1, 1, -1, -1, true);
    expect(read(copy)).toEqual(read(original));
    expect([copy.logEndOffset, copy.highWatermark, copy.memoryStartOffset]).toEqual([3_020, 2_998, 2_995]);
    expect(copy.countOwed(2_995, 3_020)).toBe(original.countOwed(2_995, 3_020));
  });

  it('copies a record queue as its queued records, and the copy keeps its limit', () => {
    const original = new RecordQueue(40, 'test accumulator');
    for (let i = 0; i < 40; i++) original.push(i, i + 1, i * 2);
    original.drop(37);
    const { value: copy, bytes } = deepCopy(original);
    expect(bytes).toBeLessThan(16 * 20 + 600);
    const read = (q: RecordQueue) => Array.from({ length: q.size }, (_, i) => [q.idAt(i), q.keyAt(i), q.createdAt(i)]);
    expect(read(copy)).toEqual([[37, 38, 74], [38, 39, 76], [39, 40, 78]]);
    for (let i = 0; i < 37; i++) copy.push(100 + i, 0, 0);
    expect(() => copy.push(1, 1, 1)).toThrow(/recordQueueMax/);
    expect(read(copy).slice(0, 4)).toEqual([[37, 38, 74], [38, 39, 76], [39, 40, 78], [100, 0, 0]]);
  });

  it('refuses a compaction that names a field the instance lacks, or hands back the original array', () => {
    class Misnamed {
      items = new Float64Array(8);
    }
    compactOnCopy(Misnamed.prototype, () => ({ itemz: new Float64Array(1) }));
    expect(() => deepCopy({ misnamed: new Misnamed() })).toThrow(InvariantError);
    expect(() => deepCopy({ misnamed: new Misnamed() })).toThrow('a compacted copy of Misnamed names "itemz", which it does not have');

    class Sharing {
      items = new Float64Array(8);
    }
    compactOnCopy(Sharing.prototype, (s: Sharing) => ({ items: s.items }));
    expect(() => deepCopy(new Sharing())).toThrow('a compacted copy of Sharing must give a new "items", not share it');
  });

  it('still copies the fields a compaction leaves alone, sharing and cycles included', () => {
    class Holder {
      used = 2;
      items = new Int32Array([1, 2, 3, 4]);
      tags = ['a'];
      parent: unknown = null;
    }
    compactOnCopy(Holder.prototype, (h: Holder) => ({ items: h.items.slice(0, h.used) }));
    const root = { holder: new Holder(), tags: null as unknown };
    root.holder.parent = root;
    root.tags = root.holder.tags;
    const { value: copy } = deepCopy(root);
    expect(copy.holder).toBeInstanceOf(Holder);
    expect([...copy.holder.items]).toEqual([1, 2]);
    expect(copy.holder.tags).toEqual(['a']);
    expect(copy.holder.tags).not.toBe(root.holder.tags);
    expect(copy.tags).toBe(copy.holder.tags);
    expect(copy.holder.parent).toBe(copy);
  });
});
