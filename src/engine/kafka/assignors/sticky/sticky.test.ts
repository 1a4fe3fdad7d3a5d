/**
 * Ports of Kafka's AbstractStickyAssignorTest
 * (clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java), the
 * no-rack variant of each parameterised test, same inputs and expected outputs. Those tests check
 * assignPartitions' target assignment and partitionsTransferringOwnership, which both sticky assignors share,
 * so each runs for both. Subscriptions live in an emulated java.util.HashMap exactly as the Java test fills it.
 */
import { describe, expect, it } from 'vitest';
import { assign, AssignorInputError } from '../index';
import { asSets, isFullyBalanced, KafkaSubscriptions, runSticky, tp, validityAndBalanceViolation, type StickyOutcome } from '../testing';
import type { StickyFlavor } from './ownership';

const [topic, topic1, topic2, topic3] = ['topic', 'topic1', 'topic2', 'topic3'];
const [consumer1, consumer2, consumer3, consumer4] = ['consumer1', 'consumer2', 'consumer3', 'consumer4'];
const generationId = 1;
const DEFAULT_GENERATION = -1;
/** AbstractStickyAssignorTest.getTopicName / getConsumerName: "t"/"c" + i zero-padded to maxNum's digits. */
const name = (prefix: string, i: number, maxNum: number): string => prefix + String(i).padStart(String(maxNum).length, '0');

describe.each<StickyFlavor>(['sticky', 'cooperative-sticky'])('%s target assignment (AbstractStickyAssignorTest)', (flavor) => {
  let subs: KafkaSubscriptions;
  const run = (topics: Record<string, number>): StickyOutcome => {
    const outcome = runSticky(flavor, topics, subs);
    expect(validityAndBalanceViolation(subs.members(), outcome.assignment)).toBeNull();
    return outcome;
  };
  const fresh = (): KafkaSubscriptions => (subs = new KafkaSubscriptions());

  it('testOneConsumerNoTopic', () => {
    fresh().put('consumer', []);
    const r = run({});
    expect(r.assignment).toEqual({ consumer: [] });
    expect(r.transferring).toEqual({});
  });

  it('testOneConsumerNonexistentTopic: a topic with no partitions is rejected by our API', () => {
    expect(() => assign(flavor, { topics: { topic: 0 }, members: [{ memberId: 'consumer', topics: [topic] }] })).toThrow(AssignorInputError);
  });

  it('testOneConsumerOneTopic', () => {
    fresh().put('consumer', [topic]);
    const r = run({ topic: 3 });
    expect(r.assignment).toEqual({ consumer: [tp(topic, 0), tp(topic, 1), tp(topic, 2)] });
    expect(r.transferring).toEqual({});
  });

  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    fresh().putOwned('consumer', [topic], [tp(topic, 0), tp(topic, 1), tp('other', 0), tp('other', 1)], generationId);
    const r = run({ topic: 2 });
    expect(r.assignment).toEqual({ consumer: [tp(topic, 0), tp(topic, 1)] });
    expect(r.transferring).toEqual({});
  });

  it('testOneConsumerMultipleTopics', () => {
    fresh().put('consumer', [topic1, topic2]);
    expect(run({ topic1: 1, topic2: 2 }).assignment).toEqual({ consumer: [tp(topic1, 0), tp(topic2, 0), tp(topic2, 1)] });
  });

  it('testTwoConsumersOneTopicOnePartition', () => {
    fresh().put(consumer1, [topic]).put(consumer2, [topic]);
    const r = run({ topic: 1 });
    expect(r.transferring).toEqual({});
    expect(isFullyBalanced(r.assignment)).toBe(true);
  });

  it('testTwoConsumersOneTopicTwoPartitions', () => {
    fresh().put(consumer1, [topic]).put(consumer2, [topic]);
    const r = run({ topic: 2 });
    expect(r.assignment).toEqual({ consumer1: [tp(topic, 0)], consumer2: [tp(topic, 1)] });
    expect(r.transferring).toEqual({});
  });

  it('testMultipleConsumersMixedTopicSubscriptions (general builder)', () => {
    fresh().put(consumer1, [topic1]).put(consumer2, [topic1, topic2]).put(consumer3, [topic1]);
    const r = run({ topic1: 3, topic2: 2 });
    expect(r.assignment).toEqual({
      consumer1: [tp(topic1, 0), tp(topic1, 2)],
      consumer2: [tp(topic2, 0), tp(topic2, 1)],
      consumer3: [tp(topic1, 1)],
    });
    expect(r.transferring).toBeNull();
  });

  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    fresh().put(consumer1, [topic1, topic2]).put(consumer2, [topic1, topic2]);
    const r = run({ topic1: 3, topic2: 3 });
    expect(r.assignment).toEqual({
      consumer1: [tp(topic1, 0), tp(topic1, 2), tp(topic2, 1)],
      consumer2: [tp(topic1, 1), tp(topic2, 0), tp(topic2, 2)],
    });
    expect(r.transferring).toEqual({});
  });

  it('testConsumerOwningMinQuotaExpectedMaxQuota', () => {
    const both = [topic1, topic2];
    fresh().putOwned(consumer1, both, [tp(topic1, 0), tp(topic2, 1)], generationId).putOwned(consumer2, both, [tp(topic1, 1), tp(topic2, 2)], generationId);
    const r = run({ topic1: 2, topic2: 3 });
    expect(r.assignment).toEqual({ consumer1: [tp(topic1, 0), tp(topic2, 1), tp(topic2, 0)], consumer2: [tp(topic1, 1), tp(topic2, 2)] });
    expect(r.transferring).toEqual({});
  });

  it('testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers', () => {
    const both = [topic1, topic2];
    fresh()
      .putOwned(consumer1, both, [tp(topic1, 0), tp(topic2, 0)], generationId)
      .putOwned(consumer2, both, [tp(topic1, 1), tp(topic2, 1)], generationId)
      .putOwned(consumer3, both, [], generationId);
    const r = run({ topic1: 2, topic2: 2 });
    expect(r.transferring).toEqual({ 'topic2-0': consumer3 });
    expect(r.assignment).toEqual({ consumer1: [tp(topic1, 0)], consumer2: [tp(topic1, 1), tp(topic2, 1)], consumer3: [tp(topic2, 0)] });
  });

  it('testAllConsumersAreUnderMinQuota', () => {
    const both = [topic1, topic2];
    fresh()
      .putOwned(consumer1, both, [tp(topic1, 0)], generationId)
      .putOwned(consumer2, both, [tp(topic1, 1)], generationId)
      .putOwned(consumer3, both, [], generationId);
    const r = run({ topic1: 2, topic2: 3 });
    expect(r.transferring).toEqual({});
    expect(r.assignment).toEqual({ consumer1: [tp(topic1, 0), tp(topic2, 1)], consumer2: [tp(topic1, 1), tp(topic2, 2)], consumer3: [tp(topic2, 0)] });
  });

  it('testAddRemoveConsumerOneTopic', () => {
    fresh().put(consumer1, [topic]);
    let r = run({ topic: 3 });
    expect(r.assignment).toEqual({ consumer1: [tp(topic, 0), tp(topic, 1), tp(topic, 2)] });

    subs.putOwned(consumer1, [topic], r.assignment[consumer1]!, generationId).putOwned(consumer2, [topic], [], generationId);
    r = run({ topic: 3 });
    expect(r.transferring).toEqual({ 'topic-2': consumer2 });
    expect(r.assignment).toEqual({ consumer1: [tp(topic, 0), tp(topic, 1)], consumer2: [tp(topic, 2)] });

    subs.remove(consumer1).putOwned(consumer2, [topic], r.assignment[consumer2]!, generationId);
    r = run({ topic: 3 });
    expect(asSets(r.assignment)).toEqual({ consumer2: 'topic-0, topic-1, topic-2' });
    expect(r.transferring).toEqual({});
  });

  it('testTopicBalanceAfterReassignment', () => {
    const all = [topic1, topic2];
    const perTopic = (r: StickyOutcome, t: string) => Object.values(r.assignment).map((l) => l.filter(([x]) => x === t).length);
    fresh().put(consumer1, all);
    let r = run({ topic1: 12, topic2: 12 });
    expect([perTopic(r, topic1), perTopic(r, topic2)]).toEqual([[12], [12]]);

    subs.putOwned(consumer1, all, r.assignment[consumer1]!, generationId).putOwned(consumer2, all, [], generationId);
    r = run({ topic1: 12, topic2: 12 });
    expect([perTopic(r, topic1), perTopic(r, topic2)]).toEqual([[6, 6], [6, 6]]);

    subs.putOwned(consumer1, all, r.assignment[consumer1]!, generationId).putOwned(consumer2, all, r.assignment[consumer2]!, generationId);
    subs.putOwned(consumer3, all, [], generationId).putOwned(consumer4, all, [], generationId);
    r = run({ topic1: 12, topic2: 12 });
    expect([perTopic(r, topic1), perTopic(r, topic2)]).toEqual([[3, 3, 3, 3], [3, 3, 3, 3]]);

    subs.remove(consumer1).remove(consumer2);
    subs.putOwned(consumer3, all, r.assignment[consumer3]!, generationId).putOwned(consumer4, all, r.assignment[consumer4]!, generationId);
    r = run({ topic1: 12, topic2: 12 });
    expect([perTopic(r, topic1), perTopic(r, topic2)]).toEqual([[6, 6], [6, 6]]);
    expect(r.transferring).toEqual({});
  });

  it('testAddRemoveTwoConsumersTwoTopics', () => {
    const all = [topic1, topic2];
    fresh().put(consumer1, all).put(consumer2, all);
    let r = run({ topic1: 3, topic2: 4 });
    expect(r.assignment).toEqual({
      consumer1: [tp(topic1, 0), tp(topic1, 2), tp(topic2, 1), tp(topic2, 3)],
      consumer2: [tp(topic1, 1), tp(topic2, 0), tp(topic2, 2)],
    });

    subs.putOwned(consumer1, all, r.assignment[consumer1]!, generationId).putOwned(consumer2, all, r.assignment[consumer2]!, generationId);
    subs.putOwned(consumer3, all, [], generationId).putOwned(consumer4, all, [], generationId);
    r = run({ topic1: 3, topic2: 4 });
    expect(r.transferring).toEqual({ 'topic1-2': consumer3, 'topic2-3': consumer3, 'topic2-2': consumer4 });
    expect(r.assignment).toEqual({
      consumer1: [tp(topic1, 0), tp(topic2, 1)],
      consumer2: [tp(topic2, 0), tp(topic1, 1)],
      consumer3: [tp(topic1, 2), tp(topic2, 3)],
      consumer4: [tp(topic2, 2)],
    });

    subs.remove(consumer1).remove(consumer2);
    subs.putOwned(consumer3, all, r.assignment[consumer3]!, generationId).putOwned(consumer4, all, r.assignment[consumer4]!, generationId);
    r = run({ topic1: 3, topic2: 4 });
    expect(r.assignment).toEqual({
      consumer3: [tp(topic1, 2), tp(topic2, 3), tp(topic1, 0), tp(topic2, 1)],
      consumer4: [tp(topic2, 2), tp(topic1, 1), tp(topic2, 0)],
    });
    expect(r.transferring).toEqual({});
  });

  it('testPoorRoundRobinAssignmentScenario', () => {
    const topics = Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`topic${i}`, (i % 2) + 1]));
    fresh()
      .put('consumer1', ['topic1', 'topic2', 'topic3', 'topic4', 'topic5'])
      .put('consumer2', ['topic1', 'topic3', 'topic5'])
      .put('consumer3', ['topic1', 'topic3', 'topic5'])
      .put('consumer4', ['topic1', 'topic2', 'topic3', 'topic4', 'topic5']);
    run(topics);
  });

  it('testAddRemoveTopicTwoConsumers', () => {
    fresh().put(consumer1, [topic]).put(consumer2, [topic]);
    let r = run({ topic: 3 });
    const first = r.assignment;
    expect([first[consumer1]!.length, first[consumer2]!.length].sort()).toEqual([1, 2]);

    subs.putOwned(consumer1, [topic, topic2], first[consumer1]!, generationId).putOwned(consumer2, [topic, topic2], first[consumer2]!, generationId);
    r = run({ topic: 3, topic2: 3 });
    expect(r.transferring).toEqual({});
    const second = r.assignment;
    expect([second[consumer1]!.length, second[consumer2]!.length]).toEqual([3, 3]);
    expect(second[consumer1]).toEqual(expect.arrayContaining(first[consumer1]!));
    expect(second[consumer2]).toEqual(expect.arrayContaining(first[consumer2]!));

    subs.putOwned(consumer1, [topic2], second[consumer1]!, generationId).putOwned(consumer2, [topic2], second[consumer2]!, generationId);
    r = run({ topic2: 3 });
    expect(r.transferring).toEqual({});
    expect([r.assignment[consumer1]!.length, r.assignment[consumer2]!.length].sort()).toEqual([1, 2]);
    expect(second[consumer1]).toEqual(expect.arrayContaining(r.assignment[consumer1]!));
    expect(second[consumer2]).toEqual(expect.arrayContaining(r.assignment[consumer2]!));
  });

  it('testReassignmentAfterOneConsumerLeaves', () => {
    const topics = Object.fromEntries(Array.from({ length: 19 }, (_, k) => [name('t', k + 1, 20), k + 1]));
    fresh();
    for (let i = 1; i < 20; i++) subs.put(name('c', i, 20), Array.from({ length: i }, (_, j) => name('t', j + 1, 20)));
    const r = run(topics);
    for (let i = 1; i < 20; i++) {
      const c = name('c', i, 20);
      subs.putOwned(c, subs.get(c).topics, r.assignment[c]!, i);
    }
    subs.remove('c10');
    expect(run(topics).isSticky).toBe(true);
  });

  it('testReassignmentAfterOneConsumerAdded', () => {
    fresh();
    for (let i = 1; i < 10; i++) subs.put(name('c', i, 10), ['topic']);
    expect(run({ topic: 20 }).transferring).toEqual({});
    subs.put(name('c', 10, 10), ['topic']);
    expect(run({ topic: 20 }).transferring).toEqual({});
  });

  it('testSameSubscriptions', () => {
    const topics = Object.fromEntries(Array.from({ length: 14 }, (_, k) => [name('t', k + 1, 15), k + 1]));
    fresh();
    for (let i = 1; i < 9; i++) subs.put(name('c', i, 9), Object.keys(topics));
    const r = run(topics);
    expect(r.transferring).toEqual({});
    for (let i = 1; i < 9; i++) subs.putOwned(name('c', i, 9), Object.keys(topics), r.assignment[name('c', i, 9)]!, i);
    subs.remove(name('c', 5, 9));
    expect(run(topics).transferring).toEqual({});
  });

  it('testSubscriptionNotEqualAndAssignSamePartitionWith3Generation', () => {
    for (const [g1, g2, g3] of [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]] as const) {
      fresh()
        .putOwned(consumer1, [topic], [tp(topic, 0), tp(topic, 2)], g1)
        .putOwned(consumer2, [topic], [tp(topic, 1), tp(topic, 2), tp(topic, 3)], g2)
        .putOwned(consumer3, [topic], [tp(topic, 2), tp(topic, 4), tp(topic, 5)], g3)
        .putOwned(consumer4, [topic1], [tp(topic1, 0)], 2);
      const lists = Object.values(run({ topic: 6, topic1: 1 }).assignment);
      expect(new Set(lists.flat().map(([t, p]) => `${t}-${p}`)).size).toBe(lists.flat().length);
      for (const list of lists) expect(list.length >= 1 && list.length <= 2).toBe(true);
    }
  });

  it('testNewSubscription (c0 starts with no topics, then adds t1)', () => {
    const topics = Object.fromEntries([1, 2, 3, 4].map((i) => [name('t', i, 5), 1]));
    fresh();
    for (let i = 0; i < 3; i++) {
      const list: string[] = [];
      for (let j = i; j <= 3 * i - 2; j++) list.push(name('t', j, 5));
      subs.put(name('c', i, 3), list);
    }
    run(topics);
    subs.put('c0', ['t1']);
    expect(run(topics).isSticky).toBe(true);
  });

  it('testMoveExistingAssignments', () => {
    const topics = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`topic${i}`, 1]));
    fresh()
      .putOwned(consumer1, ['topic1', 'topic2'], [tp('topic1', 0)], generationId)
      .putOwned(consumer2, ['topic1', 'topic2', 'topic3', 'topic4'], [tp('topic2', 0), tp('topic3', 0)], generationId)
      .putOwned(consumer3, ['topic2', 'topic3', 'topic4', 'topic5', 'topic6'], [tp('topic4', 0), tp('topic5', 0), tp('topic6', 0)], generationId);
    expect(run(topics).transferring).toBeNull();
  });

  it('testStickiness', () => {
    fresh().put(consumer1, [topic1]).put(consumer2, [topic1]).put(consumer3, [topic1]).put(consumer4, [topic1]);
    let r = run({ topic1: 3 });
    expect(r.transferring).toEqual({});
    const before = r.assignment;
    for (const list of Object.values(before)) expect(list.length).toBeLessThanOrEqual(1);
    subs.remove(consumer1);
    for (const c of [consumer2, consumer3, consumer4]) subs.putOwned(c, [topic1], before[c]!, generationId);
    r = run({ topic1: 3 });
    expect(r.transferring).toEqual({});
    for (const c of [consumer2, consumer3, consumer4]) {
      expect(r.assignment[c]).toHaveLength(1);
      if (before[c]!.length === 1) expect(r.assignment[c]).toEqual(before[c]);
    }
  });

  it('testAssignmentUpdatedForDeletedTopic / testNoExceptionThrownWhenOnlySubscribedTopicDeleted: our API rejects a subscribed topic missing from topics', () => {
    expect(() => assign(flavor, { topics: { topic1: 1, topic3: 100 }, members: [{ memberId: 'consumer', topics: [topic1, topic2, topic3] }] })).toThrow(
      'member "consumer" subscribes to topic "topic2", which is not in topics',
    );
  });

  it('testAllConsumersReachExpectedQuotaAndAreConsideredFilled', () => {
    fresh()
      .putOwned(consumer1, [topic], [tp(topic, 0), tp(topic, 1)], generationId)
      .putOwned(consumer2, [topic], [tp(topic, 2)], generationId)
      .putOwned(consumer3, [topic], [], generationId);
    const r = run({ topic: 4 });
    expect(r.assignment).toEqual({ consumer1: [tp(topic, 0), tp(topic, 1)], consumer2: [tp(topic, 2)], consumer3: [tp(topic, 3)] });
    expect(r.transferring).toEqual({});
  });

  it.each([
    ['testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration', 9],
    ['testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration', DEFAULT_GENERATION],
  ])('%s', (_name, olderGeneration) => {
    const owned = [tp(topic, 0), tp(topic, 2), tp(topic2, 1)];
    fresh().putOwned(consumer1, [topic, topic2], owned, 10).putOwned(consumer2, [topic, topic2], owned, olderGeneration);
    const r = run({ topic: 3, topic2: 3 });
    expect(asSets(r.assignment)).toEqual({ consumer1: 'topic-0, topic-2, topic2-1', consumer2: 'topic-1, topic2-0, topic2-2' });
    expect(r.transferring).toEqual({});
  });

  it('testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration', () => {
    fresh()
      .putOwned(consumer1, [topic], [tp(topic, 0), tp(topic, 1)], generationId)
      .putOwned(consumer2, [topic], [tp(topic, 0), tp(topic, 2)], generationId)
      .putOwned(consumer3, [topic], [], generationId);
    const r = run({ topic: 3 });
    expect(r.transferring).toEqual({ 'topic-0': consumer3 });
    expect(r.assignment).toEqual({ consumer1: [tp(topic, 1)], consumer2: [tp(topic, 2)], consumer3: [tp(topic, 0)] });
  });

  it('testEnsurePartitionsAssignedToHighestGeneration', () => {
    const all = [topic, topic2, topic3];
    fresh()
      .putOwned(consumer1, all, [tp(topic, 0), tp(topic2, 0), tp(topic3, 0)], 10)
      .putOwned(consumer2, all, [tp(topic, 1), tp(topic2, 1), tp(topic3, 1)], 9)
      .putOwned(consumer3, all, [tp(topic2, 1), tp(topic3, 0), tp(topic3, 2)], 8);
    const r = run({ topic: 3, topic2: 3, topic3: 3 });
    expect(asSets(r.assignment)).toEqual({
      consumer1: 'topic-0, topic2-0, topic3-0',
      consumer2: 'topic-1, topic2-1, topic3-1',
      consumer3: 'topic-2, topic2-2, topic3-2',
    });
    expect(r.transferring).toEqual({});
  });

  it('testNoReassignmentOnCurrentMembers', () => {
    const all = [topic, topic2, topic3, topic1];
    fresh()
      .putOwned(consumer1, all, [], DEFAULT_GENERATION)
      .putOwned(consumer2, all, [tp(topic, 0), tp(topic2, 0), tp(topic1, 0)], 9)
      .putOwned(consumer3, all, [tp(topic3, 2), tp(topic2, 2), tp(topic1, 1)], 8)
      .putOwned(consumer4, all, [tp(topic3, 1), tp(topic, 1), tp(topic, 2)], 7);
    const r = run({ topic: 3, topic1: 3, topic2: 3, topic3: 3 });
    expect(asSets(r.assignment)[consumer1]).toBe('topic1-2, topic2-1, topic3-0');
    expect(r.transferring).toEqual({});
    expect(isFullyBalanced(r.assignment)).toBe(true);
  });

  it('testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration', () => {
    fresh()
      .putOwned(consumer1, [topic, topic2], [tp(topic, 0), tp(topic2, 1), tp(topic, 1)], 10)
      .putOwned(consumer2, [topic, topic2], [tp(topic, 0), tp(topic2, 1), tp(topic2, 2)], 8);
    const r = run({ topic: 3, topic2: 3 });
    expect(asSets(r.assignment)).toEqual({ consumer1: 'topic-0, topic-1, topic2-1', consumer2: 'topic-2, topic2-0, topic2-2' });
    expect(r.transferring).toEqual({});
  });
});
