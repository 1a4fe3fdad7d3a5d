import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './suggest';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect([
      editDistance('partitions', 'partitions'),
      editDistance('partitons', 'partitions'),
      editDistance('partitionss', 'partitions'),
      editDistance('partitiona', 'partitions'),
      editDistance('patritions', 'partitions'),
      editDistance('', 'abc'),
    ]).toEqual([0, 1, 1, 1, 1, 3]);
  });
});

describe('closestName', () => {
  const fields = ['partitions', 'replicationFactor', 'minInsyncReplicas', 'name'];
  it('suggests the nearest name for a typo, ignoring case', () => {
    expect(closestName('partitons', fields)).toBe('partitions');
    expect(closestName('replicationfactor', fields)).toBe('replicationFactor');
    expect(closestName('nmae', fields)).toBe('name');
  });
  it('suggests nothing for a word that is not close to any name', () => {
    expect(closestName('colour', fields)).toBeNull();
    expect(closestName('x'.repeat(100), fields)).toBeNull();
  });
});
