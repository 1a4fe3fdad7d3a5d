import { describe, expect, it } from 'vitest';
import { readNumber, readPath, writePath } from './paths';

describe('dot paths', () => {
  const doc = { topics: [{ name: 'orders', partitions: 3 }], consumerGroups: [{ id: 'billing' }] };

  it('reads nested fields and list items, and undefined for anything missing', () => {
    expect(readPath(doc, 'topics.0.partitions')).toBe(3);
    expect(readNumber(doc, 'topics.0.name')).toBeUndefined();
    expect(readPath(doc, 'topics.1.partitions')).toBeUndefined();
    expect(readPath(doc, 'topics.0.toString')).toBeUndefined();
  });

  it('writes into a copy, adding a field but never a missing parent', () => {
    const written = writePath(doc, 'consumerGroups.0.staticMembership', true);
    expect(written).toEqual({ ok: true, data: { ...doc, consumerGroups: [{ id: 'billing', staticMembership: true }] } });
    expect(doc.consumerGroups[0]).toEqual({ id: 'billing' });
    expect(writePath(doc, 'producers.0.ratePerSec', 5)).toEqual({ ok: false, error: 'the scenario has no "producers.0.ratePerSec"' });
    expect(writePath(doc, 'topics.first', 5)).toEqual({ ok: false, error: '"topics.first" indexes a list with a name' });
    expect(() => readPath(doc, 'a..b')).toThrow(RangeError);
  });
});
