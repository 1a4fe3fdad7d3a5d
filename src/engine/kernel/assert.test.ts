import { describe, expect, it } from 'vitest';
import { InvariantError, LimitError, assert } from './assert';

describe('assert', () => {
  it('passes truthy conditions and never builds a lazy message for them', () => {
    let built = 0;
    assert(1, () => `never ${++built}`);
    assert('x', 'unused');
    expect(built).toBe(0);
  });

  it('throws InvariantError with the eager or lazy message', () => {
    expect(() => assert(0, 'offset went backwards')).toThrow(new InvariantError('offset went backwards'));
    expect(() => assert(null, () => `lag ${-3} < 0`)).toThrow('lag -3 < 0');
    try {
      assert(false, 'x');
    } catch (e) {
      expect(e).toBeInstanceOf(InvariantError);
      expect((e as Error).name).toBe('InvariantError');
    }
  });

  it('LimitError names its limit and value in its message and fields', () => {
    const error = new LimitError('pendingEventsMax', 4194304, 'cannot schedule another event');
    expect(error.message).toBe('limit pendingEventsMax (4194304) exceeded: cannot schedule another event');
    expect({ name: error.name, limitName: error.limitName, limit: error.limit }).toEqual({ name: 'LimitError', limitName: 'pendingEventsMax', limit: 4194304 });
    expect(error).toBeInstanceOf(Error);
  });
});
