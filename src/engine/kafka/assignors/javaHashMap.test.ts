import { describe, expect, it } from 'vitest';
import { JavaHashMap, JavaHashSet, javaHashOrder, javaStringHash, tableSizeFor, topicPartitionHash } from './javaHashMap';

describe('java.lang.String.hashCode', () => {
  it('matches values Java prints', () => {
    // "hello".hashCode() == 99162322 and "polygenelubricants".hashCode() == Integer.MIN_VALUE are classic Java facts.
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648);
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('consumer1')).toBe(-421004549);
  });

  it('hashes UTF-16 code units, so an astral character counts as two', () => {
    expect(javaStringHash('😀')).toBe(0xd83d * 31 + 0xde00);
  });
});

describe('TopicPartition.hashCode', () => {
  it('is 31 * (31 + partition) + topic.hashCode()', () => {
    expect(topicPartitionHash('topic', 0)).toBe(961 + javaStringHash('topic'));
    expect(topicPartitionHash('topic', 5)).toBe(31 * 36 + javaStringHash('topic'));
  });
});

describe('HashMap iteration order', () => {
  it('orders consumer1..4 as 4, 3, 2, 1 (KAFKA.md §2: the order the sticky assignor visits members)', () => {
    expect(javaHashOrder(['consumer1', 'consumer2', 'consumer3', 'consumer4'])).toEqual(['consumer4', 'consumer3', 'consumer2', 'consumer1']);
  });

  it('keeps insertion order within a bucket and puts a re-inserted key last in its bucket', () => {
    // "Aa" and "BB" share String.hashCode 2112, so they always share a bucket.
    expect(javaStringHash('Aa')).toBe(javaStringHash('BB'));
    const map = new JavaHashMap<string, number>(javaStringHash);
    map.set('Aa', 1).set('BB', 2);
    expect(map.keys()).toEqual(['Aa', 'BB']);
    map.set('Aa', 3);
    expect(map.entries()).toEqual([['Aa', 3], ['BB', 2]]);
    map.delete('Aa');
    map.set('Aa', 4);
    expect(map.keys()).toEqual(['BB', 'Aa']);
  });

  it('depends on the table size: a small initial capacity orders keys by fewer hash bits', () => {
    // spread(h) & 15 for c0..c3 is 13, 14, 15, 0; with a table of 4 it is 1, 2, 3, 0.
    expect(javaHashOrder(['c0', 'c1', 'c2', 'c3'])).toEqual(['c3', 'c0', 'c1', 'c2']);
    expect(javaHashOrder(['c0', 'c1', 'c2', 'c3'], 4)).toEqual(['c3', 'c0', 'c1', 'c2']);
    expect(javaHashOrder(['consumer0', 'consumer1', 'consumer2'], 3)).toEqual(['consumer1', 'consumer0', 'consumer2']);
    expect(javaHashOrder(['consumer0', 'consumer1', 'consumer2'])).toEqual(['consumer2', 'consumer1', 'consumer0']);
  });

  it('resizes past 0.75 × capacity (13 keys in a table of 16), which can reorder keys', () => {
    // 'Q' (81) and 'A' (65) share bucket 1 of 16 but not of 32 (bucket 17 vs 1); 'B'…'L' fill buckets 2–12.
    const fillers = 'BCDEFGHIJKL'.split('');
    expect(javaHashOrder(['Q', 'A', ...fillers.slice(0, 10)])).toEqual(['Q', 'A', ...fillers.slice(0, 10)]);
    expect(javaHashOrder(['Q', 'A', ...fillers])).toEqual(['A', ...fillers, 'Q']);
  });

  it('resizes a small table instead of treeifying when one bucket reaches 9 keys', () => {
    // Hashes 0, 64, 128, …: same bucket at capacity 16, 32 and 64.
    const keys = Array.from({ length: 9 }, (_, i) => String.fromCharCode(i * 64));
    const map = new JavaHashMap<string, true>(javaStringHash);
    for (const k of keys) map.set(k, true);
    expect(map.keys()).toEqual(keys);
    expect(map.treeified).toBe(false);
  });

  it('tableSizeFor rounds up to a power of two', () => {
    expect([0, 1, 2, 3, 5, 16, 17].map(tableSizeFor)).toEqual([1, 1, 2, 4, 8, 16, 32]);
  });

  it('HashSet iterates like a HashMap of its elements', () => {
    const set = new JavaHashSet<string>(javaStringHash);
    for (const k of ['consumer1', 'consumer2', 'consumer3']) set.add(k);
    expect(set.values()).toEqual(['consumer3', 'consumer2', 'consumer1']);
  });
});
