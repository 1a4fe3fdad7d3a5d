/**
 * Ports of Kafka's RoundRobinAssignorTest
 * (clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java) and of the examples
 * in RoundRobinAssignor's javadoc, same inputs and expected outputs (Kafka compares these lists exactly).
 */
import { describe, expect, it } from 'vitest';
import { assign, AssignorInputError, type AssignorMember } from './index';
import { tp } from './testing';

const rr = (topics: Record<string, number>, members: AssignorMember[]) => assign('roundrobin', { topics, members });
const dynamic = (memberId: string, topics: string[]): AssignorMember => ({ memberId, topics });

describe('roundrobin assignor (RoundRobinAssignorTest)', () => {
  it('testOneConsumerNoTopic', () => {
    expect(rr({}, [dynamic('consumer', [])])).toEqual({ consumer: [] });
  });

  it('testOneConsumerNonexistentTopic: our API rejects a subscription to an unknown topic instead', () => {
    expect(() => rr({}, [dynamic('consumer', ['topic'])])).toThrow(AssignorInputError);
  });

  it('testOneConsumerOneTopic', () => {
    expect(rr({ topic: 3 }, [dynamic('consumer', ['topic'])])).toEqual({ consumer: [tp('topic', 0), tp('topic', 1), tp('topic', 2)] });
  });

  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(rr({ topic: 3, other: 3 }, [dynamic('consumer', ['topic'])])).toEqual({ consumer: [tp('topic', 0), tp('topic', 1), tp('topic', 2)] });
  });

  it('testOneConsumerMultipleTopics', () => {
    expect(rr({ topic1: 1, topic2: 2 }, [dynamic('consumer', ['topic1', 'topic2'])])).toEqual({
      consumer: [tp('topic1', 0), tp('topic2', 0), tp('topic2', 1)],
    });
  });

  it('testTwoConsumersOneTopicOnePartition', () => {
    expect(rr({ topic: 1 }, [dynamic('consumer1', ['topic']), dynamic('consumer2', ['topic'])])).toEqual({ consumer1: [tp('topic', 0)], consumer2: [] });
  });

  it('testTwoConsumersOneTopicTwoPartitions', () => {
    expect(rr({ topic: 2 }, [dynamic('consumer1', ['topic']), dynamic('consumer2', ['topic'])])).toEqual({
      consumer1: [tp('topic', 0)],
      consumer2: [tp('topic', 1)],
    });
  });

  it('testMultipleConsumersMixedTopics', () => {
    expect(rr({ topic1: 3, topic2: 2 }, [dynamic('consumer1', ['topic1']), dynamic('consumer2', ['topic1', 'topic2']), dynamic('consumer3', ['topic1'])])).toEqual({
      consumer1: [tp('topic1', 0)],
      consumer2: [tp('topic1', 1), tp('topic2', 0), tp('topic2', 1)],
      consumer3: [tp('topic1', 2)],
    });
  });

  it('testTwoConsumersTwoTopicsSixPartitions (javadoc example 1: C0 gets t0p0, t0p2, t1p1)', () => {
    expect(rr({ topic1: 3, topic2: 3 }, [dynamic('consumer1', ['topic1', 'topic2']), dynamic('consumer2', ['topic1', 'topic2'])])).toEqual({
      consumer1: [tp('topic1', 0), tp('topic1', 2), tp('topic2', 1)],
      consumer2: [tp('topic1', 1), tp('topic2', 0), tp('topic2', 2)],
    });
  });
});

describe('roundrobin assignor (javadoc examples)', () => {
  it('unequal subscriptions can be imbalanced: C2 gets four partitions', () => {
    expect(rr({ t0: 1, t1: 2, t2: 3 }, [dynamic('C0', ['t0']), dynamic('C1', ['t0', 't1']), dynamic('C2', ['t0', 't1', 't2'])])).toEqual({
      C0: [tp('t0', 0)],
      C1: [tp('t1', 0)],
      C2: [tp('t1', 1), tp('t2', 0), tp('t2', 1), tp('t2', 2)],
    });
  });

  it('new member ids after a rolling bounce reshuffle dynamic members…', () => {
    const topics = { t0: 3, t1: 3 };
    const before = rr(topics, ['C0', 'C1', 'C2'].map((id) => dynamic(id, ['t0', 't1'])));
    expect(before).toEqual({ C0: [tp('t0', 0), tp('t1', 0)], C1: [tp('t0', 1), tp('t1', 1)], C2: [tp('t0', 2), tp('t1', 2)] });
    const after = rr(topics, ['C5', 'C3', 'C4'].map((id) => dynamic(id, ['t0', 't1'])));
    expect(after).toEqual({ C3: [tp('t0', 0), tp('t1', 0)], C4: [tp('t0', 1), tp('t1', 1)], C5: [tp('t0', 2), tp('t1', 2)] });
  });

  it('…while static members keep theirs, because they sort by group.instance.id', () => {
    const topics = { t0: 3, t1: 3 };
    const members = (ids: string[]): AssignorMember[] => ids.map((memberId, i) => ({ memberId, groupInstanceId: `I${i}`, topics: ['t0', 't1'] }));
    expect(rr(topics, members(['C0', 'C1', 'C2']))).toEqual({ C0: [tp('t0', 0), tp('t1', 0)], C1: [tp('t0', 1), tp('t1', 1)], C2: [tp('t0', 2), tp('t1', 2)] });
    expect(rr(topics, members(['C5', 'C3', 'C4']))).toEqual({ C5: [tp('t0', 0), tp('t1', 0)], C3: [tp('t0', 1), tp('t1', 1)], C4: [tp('t0', 2), tp('t1', 2)] });
  });
});
