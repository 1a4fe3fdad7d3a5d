/**
 * Ports of Kafka's RangeAssignorTest
 * (clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java), same inputs and
 * expected outputs. Kafka compares most lists as sets; where it compares lists exactly, so do we.
 */
import { describe, expect, it } from 'vitest';
import { assign, AssignorInputError, type AssignorMember } from './index';
import { asSets, tp } from './testing';

const topic1 = 'topic1';
const topic2 = 'topic2';
const range = (topics: Record<string, number>, members: AssignorMember[]) => assign('range', { topics, members });
const dynamic = (memberId: string, topics: string[]): AssignorMember => ({ memberId, topics });
const staticMember = (memberId: string, groupInstanceId: string, topics: string[]): AssignorMember => ({ memberId, groupInstanceId, topics });

describe('range assignor (RangeAssignorTest)', () => {
  it('testOneConsumerNoTopic', () => {
    expect(range({}, [dynamic('consumer1', [])])).toEqual({ consumer1: [] });
  });

  it('testOneConsumerNonexistentTopic: our API rejects a subscription to an unknown topic instead', () => {
    expect(() => range({}, [dynamic('consumer1', [topic1])])).toThrow(AssignorInputError);
    expect(() => range({}, [dynamic('consumer1', [topic1])])).toThrow('member "consumer1" subscribes to topic "topic1", which is not in topics');
  });

  it('testOneConsumerOneTopic', () => {
    expect(range({ topic1: 3 }, [dynamic('consumer1', [topic1])])).toEqual({ consumer1: [tp(topic1, 0), tp(topic1, 1), tp(topic1, 2)] });
  });

  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(range({ topic1: 3, other: 3 }, [dynamic('consumer1', [topic1])])).toEqual({ consumer1: [tp(topic1, 0), tp(topic1, 1), tp(topic1, 2)] });
  });

  it('testOneConsumerMultipleTopics', () => {
    expect(range({ topic1: 1, topic2: 2 }, [dynamic('consumer1', [topic1, topic2])])).toEqual({
      consumer1: [tp(topic1, 0), tp(topic2, 0), tp(topic2, 1)],
    });
  });

  it('testTwoConsumersOneTopicOnePartition', () => {
    expect(range({ topic1: 1 }, [dynamic('consumer1', [topic1]), dynamic('consumer2', [topic1])])).toEqual({
      consumer1: [tp(topic1, 0)],
      consumer2: [],
    });
  });

  it('testTwoConsumersOneTopicTwoPartitions', () => {
    expect(range({ topic1: 2 }, [dynamic('consumer1', [topic1]), dynamic('consumer2', [topic1])])).toEqual({
      consumer1: [tp(topic1, 0)],
      consumer2: [tp(topic1, 1)],
    });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const result = range({ topic1: 3, topic2: 2 }, [
      dynamic('consumer1', [topic1]),
      dynamic('consumer2', [topic1, topic2]),
      dynamic('consumer3', [topic1]),
    ]);
    expect(asSets(result)).toEqual({ consumer1: 'topic1-0', consumer2: 'topic1-1, topic2-0, topic2-1', consumer3: 'topic1-2' });
  });

  it('testTwoConsumersTwoTopicsSixPartitions (the javadoc example: C0 gets t0p0, t0p1, t1p0, t1p1)', () => {
    expect(range({ topic1: 3, topic2: 3 }, [dynamic('consumer1', [topic1, topic2]), dynamic('consumer2', [topic1, topic2])])).toEqual({
      consumer1: [tp(topic1, 0), tp(topic1, 1), tp(topic2, 0), tp(topic2, 1)],
      consumer2: [tp(topic1, 2), tp(topic2, 2)],
    });
  });

  it('testTwoStaticConsumersTwoTopicsSixPartitions: static members compare by instance id, not member id', () => {
    const result = range({ topic1: 3, topic2: 3 }, [
      staticMember('consumer-b', 'instance1', [topic1, topic2]),
      staticMember('consumer-a', 'instance2', [topic1, topic2]),
    ]);
    expect(asSets(result)).toEqual({ 'consumer-b': 'topic1-0, topic1-1, topic2-0, topic2-1', 'consumer-a': 'topic1-2, topic2-2' });
  });

  it('testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions: static members sort first', () => {
    const result = range({ topic1: 3, topic2: 3 }, [
      staticMember('consumer-b', 'instance1', [topic1, topic2]),
      dynamic('consumer-a', [topic1, topic2]),
    ]);
    expect(asSets(result)).toEqual({ 'consumer-b': 'topic1-0, topic1-1, topic2-0, topic2-1', 'consumer-a': 'topic1-2, topic2-2' });
  });

  it('testStaticMemberRangeAssignmentPersistent', () => {
    const statics = [staticMember('consumer1', 'instance1', [topic1, topic2]), staticMember('consumer2', 'instance2', [topic1, topic2]), staticMember('consumer3', 'instance3', [topic1, topic2])];
    const expected = {
      consumer1: [tp(topic1, 0), tp(topic1, 1), tp(topic2, 0)],
      consumer2: [tp(topic1, 2), tp(topic2, 1)],
      consumer3: [tp(topic1, 3), tp(topic2, 2)],
    };
    expect(range({ topic1: 5, topic2: 4 }, [...statics, dynamic('consumer4', [topic1, topic2])])).toEqual({
      ...expected,
      consumer4: [tp(topic1, 4), tp(topic2, 3)],
    });
    // Replace dynamic member 4 with a new dynamic member 5: the static members keep their partitions.
    expect(range({ topic1: 5, topic2: 4 }, [...statics, dynamic('consumer5', [topic1, topic2])])).toEqual({
      ...expected,
      consumer5: [tp(topic1, 4), tp(topic2, 3)],
    });
  });

  it('testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges', () => {
    const byInstance = (members: AssignorMember[]) => {
      const result = range({ topic1: 5, topic2: 5 }, members);
      return Object.fromEntries(members.map((m) => [m.groupInstanceId!, result[m.memberId]]));
    };
    const expected = {
      instance1: [tp(topic1, 0), tp(topic1, 1), tp(topic2, 0), tp(topic2, 1)],
      instance2: [tp(topic1, 2), tp(topic1, 3), tp(topic2, 2), tp(topic2, 3)],
      instance3: [tp(topic1, 4), tp(topic2, 4)],
    };
    const topics = [topic1, topic2];
    expect(byInstance([staticMember('consumer1', 'instance1', topics), staticMember('consumer2', 'instance2', topics), staticMember('consumer3', 'instance3', topics)])).toEqual(expected);
    // Member ids change (consumer3 → consumer4, consumer2 → consumer5); instance ids keep the assignment.
    expect(byInstance([staticMember('consumer1', 'instance1', topics), staticMember('consumer4', 'instance3', topics), staticMember('consumer5', 'instance2', topics)])).toEqual(expected);
  });
});

describe('range assignor (beyond Kafka\'s tests)', () => {
  it('member ids order as Java Strings (UTF-16 code units), so "consumer10" sorts before "consumer2"', () => {
    expect(range({ t: 3 }, [dynamic('consumer2', ['t']), dynamic('consumer10', ['t']), dynamic('consumer1', ['t'])])).toEqual({
      consumer2: [tp('t', 2)],
      consumer10: [tp('t', 1)],
      consumer1: [tp('t', 0)],
    });
  });

  it('first members collect every topic\'s extra partition (the imbalance range is known for)', () => {
    const members = ['a', 'b', 'c'].map((id) => dynamic(id, ['x', 'y', 'z']));
    const counts = Object.fromEntries(Object.entries(range({ x: 4, y: 4, z: 4 }, members)).map(([m, l]) => [m, l.length]));
    expect(counts).toEqual({ a: 6, b: 3, c: 3 });
  });
});
