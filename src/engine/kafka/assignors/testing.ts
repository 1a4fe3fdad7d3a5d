/**
 * Helpers shared by the assignor tests: ports of the checks Kafka's AbstractStickyAssignorTest uses
 * (isFullyBalanced, verifyValidityAndBalance) and small builders. Test-only; nothing in the engine imports it.
 */
import { JavaHashMap, javaStringHash } from './javaHashMap';
import { stickyAssign, type StickyFlavor } from './sticky';
import type { Assignment, AssignorMember, TopicPartition } from './types';
import { subscribedTopicCounts } from './validate';

export const tp = (topic: string, partition: number): TopicPartition => [topic, partition];

/** "t1-0, t1-3" → [['t1', 0], ['t1', 3]] (Kafka's AbstractPartitionAssignorTest.ownedPartitions format). */
export function parsePartitions(list: string): TopicPartition[] {
  if (list === '') return [];
  return list.split(', ').map((s) => [s.slice(0, s.lastIndexOf('-')), Number(s.slice(s.lastIndexOf('-') + 1))]);
}

/** A member's list as Kafka's toSortedString: "topic-partition" strings sorted as Java Strings, comma-joined. */
export function toSortedString(list: readonly TopicPartition[]): string {
  return list.map(([t, p]) => `${t}-${p}`).sort().join(', ');
}

/** Order-insensitive view of an assignment (Kafka's tests that compare as HashSets). */
export function asSets(assignment: Assignment): Record<string, string> {
  return Object.fromEntries(Object.entries(assignment).map(([m, list]) => [m, toSortedString(list)]));
}

/** AbstractStickyAssignorTest.isFullyBalanced: member counts differ by at most one. */
export function isFullyBalanced(assignment: Assignment): boolean {
  const sizes = Object.values(assignment).map((l) => l.length);
  return sizes.length === 0 || Math.max(...sizes) - Math.min(...sizes) <= 1;
}

/**
 * AbstractStickyAssignorTest.verifyValidityAndBalance: every member is assigned only partitions of topics it
 * subscribes to, no partition twice, and two members whose counts differ by 2+ share no topic (else a
 * partition could have moved). Returns the first violation in words, or null.
 */
export function validityAndBalanceViolation(members: readonly AssignorMember[], assignment: Assignment): string | null {
  const ids = members.map((m) => m.memberId).sort();
  if (Object.keys(assignment).length !== members.length) return 'assignment does not list every member exactly once';
  const owner = new Map<string, string>();
  for (const id of ids) {
    const member = members.find((m) => m.memberId === id)!;
    for (const [t, p] of assignment[id] ?? []) {
      if (!member.topics.includes(t)) return `${t}-${p} is assigned to ${id}, which does not subscribe to ${t}`;
      const key = `${t}-${p}`;
      if (owner.has(key)) return `${key} is assigned to both ${owner.get(key)} and ${id}`;
      owner.set(key, id);
    }
  }
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = assignment[ids[i]!]!;
      const b = assignment[ids[j]!]!;
      if (Math.abs(a.length - b.length) <= 1) continue;
      const topicsA = new Set(a.map(([t]) => t));
      const shared = b.find(([t]) => topicsA.has(t));
      if (shared) return `${ids[i]} (${a.length}) and ${ids[j]} (${b.length}) both hold ${shared[0]}: a partition could move for balance`;
    }
  }
  return null;
}

/**
 * The `Map<String, Subscription> subscriptions` of Kafka's sticky tests: a java.util.HashMap whose iteration
 * order (hash buckets, then insertion) the sticky assignors depend on, so puts and removes replay exactly.
 */
export class KafkaSubscriptions {
  private readonly map: JavaHashMap<string, AssignorMember>;

  /** @param initialCapacity as `new HashMap<>(initialCapacity)` in the Java test; omitted = default */
  constructor(initialCapacity?: number) {
    this.map = new JavaHashMap(javaStringHash, initialCapacity);
  }

  /** Kafka's `subscription(topics, i)`: no owned partitions, DEFAULT_GENERATION. */
  put(memberId: string, topics: string[]): this {
    this.map.set(memberId, { memberId, topics });
    return this;
  }

  /** Kafka's `buildSubscriptionV2Above(topics, owned, generation, i)`. */
  putOwned(memberId: string, topics: string[], owned: TopicPartition[], generation: number): this {
    this.map.set(memberId, { memberId, topics, owned, generation });
    return this;
  }

  remove(memberId: string): this {
    this.map.delete(memberId);
    return this;
  }

  get(memberId: string): AssignorMember {
    return this.map.get(memberId)!;
  }

  /** The members in the HashMap's iteration order (what the assignor sees). */
  members(): AssignorMember[] {
    return this.map.values();
  }

  memberOrder(): string[] {
    return this.map.keys();
  }
}

/** A sticky run as Kafka's tests see it: assignPartitions' result and partitionsTransferringOwnership. */
export interface StickyOutcome {
  assignment: Assignment;
  /** "topic-partition" → new owner, or null when the general builder ran (Kafka sets the field to null). */
  transferring: Record<string, string> | null;
  isSticky: boolean;
}

/** AbstractStickyAssignor.assignPartitions for `flavor` over Kafka-test subscriptions. */
export function runSticky(flavor: StickyFlavor, topics: Record<string, number>, subs: KafkaSubscriptions): StickyOutcome {
  const members = subs.members();
  const counts = subscribedTopicCounts({ topics, members });
  const run = stickyAssign(counts, members, flavor, subs.memberOrder());
  return {
    assignment: Object.fromEntries([...run.assignment].map(([m, l]) => [m, l.map((x): TopicPartition => [x.topic, x.partition])])),
    transferring: run.partitionsTransferringOwnership && Object.fromEntries([...run.partitionsTransferringOwnership].map(([x, m]) => [`${x.topic}-${x.partition}`, m])),
    isSticky: run.isSticky,
  };
}
