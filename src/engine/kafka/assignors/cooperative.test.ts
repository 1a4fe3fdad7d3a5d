/**
 * Cooperative-sticky and the sticky/cooperative differences, ported from Kafka's
 * AbstractStickyAssignorTest.testRackAwareAssignmentWith{Uniform,NonEqual}Subscription (the variants that run
 * without rack awareness: brokers without racks, or every partition on every rack with preferRackAwareLogic
 * off), which call AbstractPartitionAssignorTest.verifyRackAssignment with `new HashMap<>(3)` subscriptions,
 * and from CooperativeStickyAssignorTest's verifyCooperativeValidity / rebalance-until-stable check
 * (clients/src/test/java/org/apache/kafka/clients/consumer/CooperativeStickyAssignorTest.java).
 */
import { describe, expect, it } from 'vitest';
import { cooperativeAssign } from './cooperative';
import { assign, type AssignorMember, type TopicPartition } from './index';
import { javaHashOrder } from './javaHashMap';
import { stickyAssign } from './sticky';
import { parsePartitions, toSortedString, tp, validityAndBalanceViolation } from './testing';

const topicCounts: [string, number][] = [['t1', 6], ['t2', 7], ['t3', 2]];
const all = ['t1', 't2', 't3'];
const consumers = ['consumer0', 'consumer1', 'consumer2'];
/** verifyRackAssignment's subscriptions map: new HashMap<>(consumers.size()). */
const memberOrder = javaHashOrder(consumers, 3);

function members(topicsPer: string[][], owned?: string[]): AssignorMember[] {
  return consumers.map((memberId, i) => ({ memberId, topics: topicsPer[i]!, ...(owned ? { owned: parsePartitions(owned[i]!) } : {}) }));
}
const sortedLists = (m: ReadonlyMap<string, { topic: string; partition: number }[]>) =>
  consumers.map((c) => toSortedString(m.get(c)!.map((x): TopicPartition => [x.topic, x.partition])));
const target = (ms: AssignorMember[], flavor: 'sticky' | 'cooperative-sticky') => sortedLists(stickyAssign(topicCounts, ms, flavor, memberOrder).assignment);
const cooperative = (ms: AssignorMember[]) => sortedLists(cooperativeAssign(topicCounts, ms, memberOrder).assignment);

describe('testRackAwareAssignmentWithUniformSubscription (no-rack variants)', () => {
  const expected = ['t1-0, t1-3, t2-0, t2-3, t2-6', 't1-1, t1-4, t2-1, t2-4, t3-0', 't1-2, t1-5, t2-2, t2-5, t3-1'];
  it.each(['sticky', 'cooperative-sticky'] as const)('%s: from scratch, and again when already owned', (flavor) => {
    expect(target(members([all, all, all]), flavor)).toEqual(expected);
    expect(target(members([all, all, all], expected), flavor)).toEqual(expected);
  });
});

describe('testRackAwareAssignmentWithNonEqualSubscription (no-rack variants, general builder)', () => {
  const topicsPer = [all, all, ['t1', 't3']];
  const expected = ['t1-5, t2-0, t2-2, t2-4, t2-6', 't1-3, t2-1, t2-3, t2-5, t3-0', 't1-0, t1-1, t1-2, t1-4, t3-1'];
  const owned = ['t1-0, t1-1, t1-2, t1-3, t1-4', 't1-5, t2-0, t2-1, t2-2, t2-3', 't2-4, t2-5, t2-6, t3-0, t3-1'];

  it.each(['sticky', 'cooperative-sticky'] as const)('%s: from scratch, and again when already owned', (flavor) => {
    expect(target(members(topicsPer), flavor)).toEqual(expected);
    expect(target(members(topicsPer, expected), flavor)).toEqual(expected);
  });

  // StickyAssignor reads ownership only from userData, which the Java test leaves null, so its "owned" variant
  // is the from-scratch case above; CooperativeStickyAssignor reads ownedPartitions:
  it('cooperative-sticky: from misaligned ownership it first hands out only what needs no revocation, then converges', () => {
    const intermediate = ['t1-2, t1-3, t1-4', 't2-0, t2-1, t2-2, t2-3', 't3-0, t3-1'];
    expect(cooperative(members(topicsPer, owned))).toEqual(intermediate);
    expect(cooperative(members(topicsPer, intermediate))).toEqual(['t1-2, t1-3, t1-4, t2-4, t2-5', 't2-0, t2-1, t2-2, t2-3, t2-6', 't1-0, t1-1, t1-5, t3-0, t3-1']);
  });
});

describe('cooperative-sticky withholds partitions that change owner', () => {
  it('testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers, cooperatively: consumer3 waits for topic2-0', () => {
    const both = ['topic1', 'topic2'];
    const ms: AssignorMember[] = [
      { memberId: 'consumer1', topics: both, owned: [tp('topic1', 0), tp('topic2', 0)], generation: 1 },
      { memberId: 'consumer2', topics: both, owned: [tp('topic1', 1), tp('topic2', 1)], generation: 1 },
      { memberId: 'consumer3', topics: both, owned: [], generation: 1 },
    ];
    const input = { topics: { topic1: 2, topic2: 2 }, members: ms };
    expect(assign('sticky', input)).toEqual({ consumer1: [tp('topic1', 0)], consumer2: [tp('topic1', 1), tp('topic2', 1)], consumer3: [tp('topic2', 0)] });
    expect(assign('cooperative-sticky', input)).toEqual({ consumer1: [tp('topic1', 0)], consumer2: [tp('topic1', 1), tp('topic2', 1)], consumer3: [] });
  });

  it('a partition claimed twice in one generation is withheld from everyone for a round', () => {
    const ms: AssignorMember[] = [
      { memberId: 'consumer1', topics: ['topic'], owned: [tp('topic', 0), tp('topic', 1)], generation: 1 },
      { memberId: 'consumer2', topics: ['topic'], owned: [tp('topic', 0), tp('topic', 2)], generation: 1 },
      { memberId: 'consumer3', topics: ['topic'], owned: [], generation: 1 },
    ];
    expect(assign('cooperative-sticky', { topics: { topic: 3 }, members: ms })).toEqual({ consumer1: [tp('topic', 1)], consumer2: [tp('topic', 2)], consumer3: [] });
  });
});

describe('member HashMap order decides three-way claims (why javaHashMap.ts exists)', () => {
  // consumer1 (generation 6) and consumer2, consumer3 (generation 5) all claim t-0. Kafka visits them in
  // HashMap order consumer3, consumer2, consumer1: the two generation-5 claims cancel (t-0 joins
  // partitionsWithMultiplePreviousOwners), then consumer1's newer claim wins, but a doubly claimed partition
  // is never kept as owned, so it is reassigned as "transferring" and withheld for a round. Visiting in
  // array order would have let consumer1 simply keep it.
  const ms: AssignorMember[] = [
    { memberId: 'consumer1', topics: ['t'], owned: [tp('t', 0)], generation: 6 },
    { memberId: 'consumer2', topics: ['t'], owned: [tp('t', 0), tp('t', 1)], generation: 5 },
    { memberId: 'consumer3', topics: ['t'], owned: [tp('t', 0), tp('t', 2)], generation: 5 },
  ];
  it('sticky target is unaffected, cooperative withholds t-0 from consumer1', () => {
    expect(assign('sticky', { topics: { t: 3 }, members: ms })).toEqual({ consumer1: [tp('t', 0)], consumer2: [tp('t', 1)], consumer3: [tp('t', 2)] });
    expect(assign('cooperative-sticky', { topics: { t: 3 }, members: ms })).toEqual({ consumer1: [], consumer2: [tp('t', 1)], consumer3: [tp('t', 2)] });
    const inArrayOrder = cooperativeAssign([['t', 3]], ms, ['consumer1', 'consumer2', 'consumer3']);
    expect(inArrayOrder.assignment.get('consumer1')!.map((x) => x.partition)).toEqual([0]);
  });
});

/** CooperativeStickyAssignorTest.verifyCooperativeValidity: no partition is added in the round it is revoked. */
function revokesWhileAdding(ms: readonly AssignorMember[], assignment: Record<string, TopicPartition[]>): { revoking: boolean; clash: string[] } {
  const key = ([t, p]: TopicPartition) => `${t}-${p}`;
  const added = new Set<string>();
  const revoked = new Set<string>();
  for (const m of ms) {
    const owned = new Set((m.owned ?? []).map(key));
    const got = new Set(assignment[m.memberId]!.map(key));
    for (const k of got) if (!owned.has(k)) added.add(k);
    for (const k of owned) if (!got.has(k)) revoked.add(k);
  }
  return { revoking: revoked.size > 0, clash: [...added].filter((k) => revoked.has(k)) };
}

describe('cooperative rebalances converge (CooperativeStickyAssignorTest.verifyValidityAndBalance override)', () => {
  it.each([
    ['equal subscriptions', { a: 7, b: 5 }, [['a', 'b'], ['a', 'b'], ['a', 'b'], ['a', 'b']]],
    ['unequal subscriptions', { a: 7, b: 5, c: 3 }, [['a', 'b', 'c'], ['a'], ['b', 'c'], ['a', 'c']]],
  ])('%s: adding members stabilises within 4 rebalances, never adding a partition while it is revoked', (_n, topics, subsList) => {
    let ms: AssignorMember[] = subsList.slice(0, 2).map((t, i) => ({ memberId: `c${i}`, topics: t, generation: 1 }));
    let assignment = assign('cooperative-sticky', { topics, members: ms });
    ms = subsList.map((t, i) => ({ memberId: `c${i}`, topics: t, owned: assignment[`c${i}`] ?? [], generation: 1 }));
    let rebalances = 0;
    for (;;) {
      assignment = assign('cooperative-sticky', { topics, members: ms });
      rebalances++;
      const { revoking, clash } = revokesWhileAdding(ms, assignment);
      expect(clash).toEqual([]);
      if (!revoking) break;
      expect(rebalances).toBeLessThanOrEqual(4);
      ms = ms.map((m) => ({ ...m, owned: assignment[m.memberId]!, generation: m.generation! + 1 }));
    }
    expect(validityAndBalanceViolation(ms, assignment)).toBeNull();
    expect(Object.values(assignment).flat()).toHaveLength(Object.values(topics).reduce((s, n) => s + n, 0));
  });
});
