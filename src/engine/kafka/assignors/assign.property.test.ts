/**
 * Properties of the four assignors over random groups (fast-check prints the seed and the shrunk group on
 * failure). Which hold where: every assignor assigns each partition of a subscribed topic to exactly one
 * subscriber; with equal subscriptions roundrobin and the sticky assignors balance to within one partition
 * (range only per topic); sticky always passes Kafka's verifyValidityAndBalance; cooperative-sticky hands out
 * the sticky target minus exactly the partitions some other member still owns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cooperativeAssign } from './cooperative';
import { assign, type AssignInput, type AssignorMember, type AssignorName, type TopicPartition } from './index';
import { stickyAssign } from './sticky';
import { validityAndBalanceViolation } from './testing';
import { subscribedTopicCounts } from './validate';

const key = ([t, p]: TopicPartition): string => `${t}-${p}`;

/** A group: 1–4 topics, 1–7 members with non-empty subscriptions, disjoint previous ownership, one generation. */
function groupArb(equalSubscriptions: boolean): fc.Arbitrary<AssignInput> {
  return fc
    .record({
      counts: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
      memberCount: fc.integer({ min: 1, max: 7 }),
      seedBits: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
      generation: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    })
    .map(({ counts, memberCount, seedBits, generation }) => {
      const topicNames = counts.map((_, i) => `t${i}`);
      const topics = Object.fromEntries(topicNames.map((t, i) => [t, counts[i]!]));
      let bit = 0;
      const next = (n: number): number => seedBits[bit++ % seedBits.length]! % n;
      const shared = topicNames.filter(() => next(2) === 0);
      const members: AssignorMember[] = Array.from({ length: memberCount }, (_, i) => {
        let subscribed = equalSubscriptions ? shared : topicNames.filter(() => next(2) === 0);
        if (subscribed.length === 0) subscribed = [topicNames[0]!];
        return { memberId: `m${(i * 7) % 10}${i}`, topics: subscribed, owned: [], ...(generation !== undefined ? { generation } : {}) };
      });
      if (equalSubscriptions) for (const m of members) m.topics = members[0]!.topics;
      for (const t of topicNames) {
        for (let p = 0; p < topics[t]!; p++) {
          const owner = next(memberCount + 1);
          if (owner < memberCount) members[owner]!.owned!.push([t, p]);
        }
      }
      return { topics, members };
    });
}

function exactlyOnceViolation(input: AssignInput, result: Record<string, TopicPartition[]>): string | null {
  const seen = new Map<string, string>();
  for (const m of input.members) {
    for (const tp of result[m.memberId]!) {
      if (!m.topics.includes(tp[0])) return `${key(tp)} given to non-subscriber ${m.memberId}`;
      if (seen.has(key(tp))) return `${key(tp)} given twice`;
      seen.set(key(tp), m.memberId);
    }
  }
  for (const [t, count] of subscribedTopicCounts(input)) for (let p = 0; p < count; p++) if (!seen.has(`${t}-${p}`)) return `${t}-${p} unassigned`;
  return null;
}

const spread = (result: Record<string, TopicPartition[]>): number => {
  const sizes = Object.values(result).map((l) => l.length);
  return Math.max(...sizes) - Math.min(...sizes);
};

describe('assignor properties', () => {
  it.each<AssignorName>(['range', 'roundrobin', 'sticky'])('%s assigns every subscribed partition to exactly one subscriber', (strategy) => {
    fc.assert(
      fc.property(fc.boolean().chain(groupArb), (input) => {
        expect(exactlyOnceViolation(input, assign(strategy, input))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it.each<AssignorName>(['roundrobin', 'sticky', 'cooperative-sticky'])('%s balances equal subscriptions to within one partition', (strategy) => {
    fc.assert(
      fc.property(groupArb(true), (input) => {
        const result = strategy === 'cooperative-sticky' ? assign('sticky', input) : assign(strategy, input);
        expect(spread(result)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('range balances each topic to within one partition', () => {
    fc.assert(
      fc.property(groupArb(false), (input) => {
        const result = assign('range', input);
        for (const t of Object.keys(input.topics)) {
          const subscribers = input.members.filter((m) => m.topics.includes(t)).map((m) => result[m.memberId]!.filter(([x]) => x === t).length);
          if (subscribers.length > 0) expect(Math.max(...subscribers) - Math.min(...subscribers)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sticky passes Kafka\'s verifyValidityAndBalance and never moves partitions both ways between two members', () => {
    fc.assert(
      fc.property(groupArb(false), (input) => {
        expect(validityAndBalanceViolation(input.members, assign('sticky', input))).toBeNull();
        expect(stickyAssign(subscribedTopicCounts(input), input.members, 'cooperative-sticky').isSticky).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('cooperative-sticky = sticky target minus exactly the partitions another member still owns', () => {
    fc.assert(
      fc.property(fc.boolean().chain(groupArb), (input) => {
        const target = stickyAssign(subscribedTopicCounts(input), input.members, 'cooperative-sticky').assignment;
        const run = cooperativeAssign(subscribedTopicCounts(input), input.members);
        const ownedBy = new Map(input.members.flatMap((m) => (m.owned ?? []).map((tp) => [key(tp), m.memberId] as const)));
        for (const m of input.members) {
          const targetKeys = target.get(m.memberId)!.map((x) => `${x.topic}-${x.partition}`);
          const expectedWithheld = targetKeys.filter((k) => ownedBy.has(k) && ownedBy.get(k) !== m.memberId);
          const given = run.assignment.get(m.memberId)!.map((x) => `${x.topic}-${x.partition}`);
          expect(given).toEqual(targetKeys.filter((k) => !expectedWithheld.includes(k)));
        }
        const result = assign('cooperative-sticky', input);
        const all = Object.values(result).flat().map(key);
        expect(new Set(all).size).toBe(all.length);
      }),
      { numRuns: 300 },
    );
  });
});
