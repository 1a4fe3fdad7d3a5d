import { describe, expect, it } from 'vitest';
import { assign, AssignorInputError, type AssignorName } from './index';

const strategies: AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

describe('assign input validation', () => {
  it.each(strategies)('%s names the member and topic of a subscription to an unknown topic', (s) => {
    expect(() => assign(s, { topics: { a: 1 }, members: [{ memberId: 'm1', topics: ['a', 'b'] }] })).toThrow(
      new AssignorInputError('member "m1" subscribes to topic "b", which is not in topics'),
    );
  });

  it.each(strategies)('%s rejects duplicate member ids, bad partition counts and owned partitions that do not exist', (s) => {
    expect(() => assign(s, { topics: { a: 1 }, members: [{ memberId: 'm', topics: ['a'] }, { memberId: 'm', topics: ['a'] }] })).toThrow('member "m" appears twice');
    expect(() => assign(s, { topics: { a: 0 }, members: [] })).toThrow('topic "a" has 0 partitions; a partition count must be a positive integer');
    expect(() => assign(s, { topics: { a: 1.5 }, members: [] })).toThrow(AssignorInputError);
    expect(() => assign(s, { topics: { a: 2 }, members: [{ memberId: 'm', topics: ['a'], owned: [['a', 2]] }] })).toThrow('member "m" owns partition 2 of topic "a", which has 2 partitions');
  });

  it.each(strategies)('%s lists every member, even with nothing to assign, and an empty group gets {}', (s) => {
    expect(assign(s, { topics: { a: 1 }, members: [{ memberId: 'x', topics: ['a'] }, { memberId: 'y', topics: ['a'] }] })).toEqual({ x: [['a', 0]], y: [] });
    expect(assign(s, { topics: { a: 1 }, members: [] })).toEqual({});
  });

  it('owned partitions of topics outside `topics` are ignored, as Kafka drops deleted topics', () => {
    expect(assign('sticky', { topics: { a: 2 }, members: [{ memberId: 'x', topics: ['a'], owned: [['a', 1], ['gone', 7]], generation: 2 }, { memberId: 'y', topics: ['a'] }] })).toEqual({
      x: [['a', 1]],
      y: [['a', 0]],
    });
  });
});
