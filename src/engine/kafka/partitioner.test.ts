import { describe, expect, it } from 'vitest';
import { InvariantError } from '../kernel/assert';
import type { Rng } from '../kernel/rng';
import { createRng } from '../kernel/rng';
import { StickyPartitioner, murmur2, partitionForKey, toPositive, utf8 } from './partitioner';

// Scripted Rng: nextInt returns the queued draws (each must be < n) and records every n asked.
function scriptedRng(draws: number[]): Rng & { bounds: number[] } {
  const bounds: number[] = [];
  return {
    bounds,
    nextUint32: () => {
      throw new Error('not used');
    },
    nextFloat: () => {
      throw new Error('not used');
    },
    nextInt(n: number) {
      bounds.push(n);
      const draw = draws.shift();
      if (draw === undefined || draw >= n) throw new Error(`script has no draw < ${n}`);
      return draw;
    },
  };
}

describe('murmur2', () => {
  it("reproduces Kafka's UtilsTest.testMurmur2", () => {
    // apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java
    const cases: [Uint8Array, number][] = [
      [utf8('21'), -973932308],
      [utf8('foobar'), -790332482],
      [utf8('a-little-bit-long-string'), -985981536],
      [utf8('a-little-bit-longer-string'), -1486304829],
      [utf8('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'), -58897971],
      [new Uint8Array([0x61, 0x62, 0x63]), 479470107],
    ];
    expect(cases.map(([bytes]) => murmur2(bytes))).toEqual(cases.map(([, hash]) => hash));
  });

  it('covers every tail length and bytes >= 0x80 (hashed unsigned, as Java masks with 0xff)', () => {
    // Expected values from an independent Python port checked against the Kafka cases above.
    expect(['', 'k-0', 'k-13', 'order-42', 'é', '日本', '🙂'].map((s) => murmur2(utf8(s)))).toEqual([
      275646681, 43242055, -1485070492, 501153024, 186971271, -700811021, 925250799,
    ]);
  });
});

describe('toPositive', () => {
  it('clears the sign bit instead of negating', () => {
    expect([0, 5, -1, -973932308, -(2 ** 31), 2 ** 31 - 1].map(toPositive)).toEqual([0, 5, 2147483647, 1173551340, 0, 2147483647]);
  });
});

describe('partitionForKey', () => {
  it('sends key "21" to partition 0 of 3, where Math.abs would give 2', () => {
    expect(partitionForKey('21', 3)).toBe(0);
    expect(Math.abs(murmur2(utf8('21'))) % 3).toBe(2);
  });

  it('matches Kafka for a table of keys and partition counts', () => {
    const counts = [1, 3, 6, 12, 50];
    const table: Record<string, number[]> = {
      'k-0': [0, 1, 1, 7, 5],
      'k-1': [0, 2, 2, 2, 48],
      'k-2': [0, 2, 2, 8, 42],
      'k-13': [0, 1, 4, 4, 6],
      'order-42': [0, 0, 0, 0, 24],
      '21': [0, 0, 0, 0, 40],
      '': [0, 0, 3, 9, 31],
      é: [0, 0, 3, 3, 21],
      日本: [0, 0, 3, 3, 27],
      '🙂': [0, 0, 3, 3, 49],
    };
    for (const [key, expected] of Object.entries(table)) {
      expect(counts.map((n) => partitionForKey(key, n)), key).toEqual(expected);
      expect(counts.map((n) => partitionForKey(utf8(key), n)), key).toEqual(expected);
    }
  });

  it('rejects partition counts that are not positive integers', () => {
    for (const n of [0, -3, 1.5, Number.NaN, Infinity, 2 ** 31]) {
      expect(() => partitionForKey('k', n)).toThrow(RangeError);
    }
    expect(() => partitionForKey('k', 0)).toThrow('numPartitions must be an integer from 1 to 2147483647, got 0');
  });
});

describe('StickyPartitioner', () => {
  it('sticks until batch.size bytes went out and the batch is full', () => {
    const rng = scriptedRng([2, 0, 1]);
    const sticky = new StickyPartitioner(3, 100, rng);
    const trace: number[] = [];
    const append = (bytes: number, batchFull: boolean) => {
      trace.push(sticky.partition());
      sticky.onAppend(bytes, batchFull);
    };
    append(60, false); // 60 on 2
    append(60, false); // 120 >= 100 but batch not full: stay
    append(10, true); // 130 and full: switch to 0
    append(100, true); // 100 and full: switch to 1
    append(10, false);
    expect(trace).toEqual([2, 2, 2, 0, 1]);
    expect(rng.bounds).toEqual([3, 3, 3]);
  });

  it('switches unconditionally at twice batch.size', () => {
    const rng = scriptedRng([1, 1, 0]);
    const sticky = new StickyPartitioner(2, 100, rng);
    const trace: number[] = [];
    for (const bytes of [99, 100, 150, 50, 1]) {
      trace.push(sticky.partition());
      sticky.onAppend(bytes, false);
    }
    // 99, 199 stay; 349 → pick 1 again (Kafka may re-pick the same partition); 50, 51 stay.
    expect(trace).toEqual([1, 1, 1, 1, 1]);
    sticky.onAppend(149, false);
    expect(sticky.partition()).toBe(0);
    expect(rng.bounds).toEqual([2, 2, 2]);
  });

  it("weights picks by (maxQueueSize+1) - queueSize: Kafka's 0 3 1 → weights 4 1 3 → table 4 5 8", () => {
    const draws = [0, 1, 2, 3, 4, 5, 6, 7];
    const rng = scriptedRng([...draws]);
    const sticky = new StickyPartitioner(3, 1, rng);
    sticky.setQueueSizes([0, 3, 1]);
    const picks = draws.map((_, i) => {
      const partition = sticky.partition();
      // Every append of a full batch picks again, so the last pick is not followed by one.
      if (i < draws.length - 1) sticky.onAppend(1, true);
      return partition;
    });
    // The first pick happens at the first partition(); each append then picks the next.
    expect(picks).toEqual([0, 0, 0, 0, 1, 2, 2, 2]);
    expect(rng.bounds).toEqual([8, 8, 8, 8, 8, 8, 8, 8]);
  });

  it('uses a uniform pick when queue sizes are all equal, absent, or cleared', () => {
    const rng = scriptedRng([3, 3, 3]);
    const sticky = new StickyPartitioner(4, 1, rng);
    sticky.setQueueSizes([2, 2, 2, 2]);
    sticky.partition();
    sticky.setQueueSizes([0, 9, 0, 0]);
    sticky.setQueueSizes(null);
    sticky.onAppend(1, true);
    sticky.onAppend(1, true);
    expect(rng.bounds).toEqual([4, 4, 4]);
  });

  it('spreads a real stream over partitions in proportion to the weights', () => {
    const sticky = new StickyPartitioner(3, 1, createRng(5, 'producer:p:partitioner'));
    sticky.setQueueSizes([0, 3, 1]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 80000; i++) {
      counts[sticky.partition()]!++;
      sticky.onAppend(1, true);
    }
    expect(counts.map((c) => Math.round((c / 80000) * 80) / 10)).toEqual([4, 1, 3]);
  });

  it('resize drops load stats and re-picks a partition that no longer exists', () => {
    const rng = scriptedRng([4, 1, 0]);
    const sticky = new StickyPartitioner(5, 100, rng);
    expect(sticky.partition()).toBe(4);
    sticky.onAppend(50, false);
    sticky.resize(8);
    expect(sticky.partition()).toBe(4);
    sticky.resize(3);
    expect(sticky.partition()).toBe(1);
    // The produced-bytes count restarted with the new partition: 99 more bytes do not switch.
    sticky.onAppend(99, true);
    expect(sticky.partition()).toBe(1);
    sticky.onAppend(1, true);
    expect(sticky.partition()).toBe(0);
    expect(rng.bounds).toEqual([5, 3, 3]);
  });

  it('rejects bad arguments', () => {
    const rng = createRng(1, 'x');
    expect(() => new StickyPartitioner(0, 100, rng)).toThrow(RangeError);
    expect(() => new StickyPartitioner(3, 0, rng)).toThrow(RangeError);
    const sticky = new StickyPartitioner(3, 100, rng);
    expect(() => sticky.onAppend(10, true)).toThrow(InvariantError);
    expect(() => sticky.setQueueSizes([1, 2])).toThrow('setQueueSizes: expected 3 queue sizes, got 2');
    expect(() => sticky.setQueueSizes([1, -2, 0])).toThrow(InvariantError);
    expect(() => sticky.resize(0)).toThrow(RangeError);
  });
});
