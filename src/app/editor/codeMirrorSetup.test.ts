import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnosticsOf, minimalChange } from './codeMirrorSetup';

describe('minimalChange', () => {
  it('replaces only what differs', () => {
    expect(minimalChange('"partitions": 6,', '"partitions": 12,')).toEqual({ from: 14, to: 15, insert: '12' });
    expect(minimalChange('abc', 'abc')).toBeNull();
    expect(minimalChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
    expect(minimalChange('abc', '')).toEqual({ from: 0, to: 3, insert: '' });
  });

  it('turns any text into any other', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const change = minimalChange(before, after);
        const result = change ? before.slice(0, change.from) + change.insert + before.slice(change.to) : before;
        expect(result).toBe(after);
      }),
    );
  });
});

describe('diagnosticsOf', () => {
  it('says where and what, and clamps to the document', () => {
    const problems = [
      { from: 3, to: 4, where: 'topics[0].partitions', message: 'must be between 1 and 1024, got 0', kind: 'scenario' as const },
      { from: 50, to: 60, where: 'line 9, column 1', message: 'a value was expected here', kind: 'syntax' as const },
    ];
    expect(diagnosticsOf(problems, 20)).toEqual([
      { from: 3, to: 4, severity: 'error', message: 'topics[0].partitions: must be between 1 and 1024, got 0', source: 'scenario' },
      { from: 20, to: 20, severity: 'error', message: 'line 9, column 1: a value was expected here', source: 'JSON' },
    ]);
  });
});
