import { JavaHashMap, javaStringHash } from '../javaHashMap';
import type { AssignorMember } from '../types';
import { removeFirst, type Tp, type TpInterner } from './topicPartitions';

/** Which sticky assignor: they differ in where previous ownership comes from and in what they return. */
export type StickyFlavor = 'sticky' | 'cooperative-sticky';

/** AbstractStickyAssignor.DEFAULT_GENERATION: what a member without a generation counts as (the lowest). */
export const DEFAULT_GENERATION = -1;

/** AbstractStickyAssignor.MemberData: a member's previously owned partitions and their generation. */
export interface MemberData {
  partitions: Tp[];
  /** Absent = Optional.empty() in Kafka, which counts as DEFAULT_GENERATION. */
  generation: number | undefined;
}

/**
 * memberData(subscription) of each assignor. CooperativeStickyAssignor reads the subscription's
 * ownedPartitions as sent. StickyAssignor reads its userData, which it serialized with
 * CollectionUtils.groupPartitionsByTopic: partitions grouped per topic, topics in HashMap order. A member
 * that never had an assignment sends no userData: no partitions and no generation.
 */
export function memberData(member: AssignorMember, flavor: StickyFlavor, tps: TpInterner): MemberData {
  const owned = member.owned;
  if (flavor === 'cooperative-sticky') {
    return { partitions: (owned ?? []).map(([t, p]) => tps.get(t, p)), generation: member.generation };
  }
  if (owned === undefined) return { partitions: [], generation: undefined };
  const byTopic = new JavaHashMap<string, number[]>(javaStringHash);
  for (const [topic, partition] of owned) {
    const list = byTopic.get(topic);
    if (list) list.push(partition);
    else byTopic.set(topic, [partition]);
  }
  const partitions = byTopic.entries().flatMap(([topic, list]) => list.map((p) => tps.get(topic, p)));
  return { partitions, generation: member.generation };
}

/** What allSubscriptionsEqual learns besides its answer. */
export interface Ownership {
  /** Whether every member's subscription is the same set of topics (Kafka's test, quirks included). */
  allSubscriptionsEqual: boolean;
  /** Each member's still-valid owned partitions after resolving conflicting claims, in member HashMap order. */
  consumerToOwnedPartitions: Map<string, Tp[]>;
  /** Partitions claimed by two members of the same generation: both claims were dropped. */
  partitionsWithMultiplePreviousOwners: Set<Tp>;
  /** The highest generation any member reported (DEFAULT_GENERATION if none). */
  maxGeneration: number;
}

/**
 * AbstractStickyAssignor.allSubscriptionsEqual. Visits members in the subscriptions HashMap's order, which
 * decides conflicts between three or more claimants. Quirk kept from Kafka: the topic set is taken from the
 * first member with a non-empty subscription, so members with no topics before it do not make it "unequal".
 *
 * @param allTopics partitionsPerTopic's topics; owned partitions of other topics are ignored
 * @param members in the subscriptions HashMap's iteration order
 * @param data memberData of each member
 */
export function resolveOwnership(
  allTopics: ReadonlySet<string>,
  members: readonly AssignorMember[],
  data: ReadonlyMap<string, MemberData>,
): Ownership {
  let allSubscriptionsEqual = true;
  const subscribedTopics = new Set<string>();
  const previousOwner = new Map<Tp, string>();
  const consumerToOwnedPartitions = new Map<string, Tp[]>();
  const partitionsWithMultiplePreviousOwners = new Set<Tp>();
  const generationOf = new Map(members.map((m) => [m.memberId, data.get(m.memberId)!.generation ?? DEFAULT_GENERATION]));
  let maxGeneration = DEFAULT_GENERATION;

  for (const member of members) {
    const consumer = member.memberId;
    if (subscribedTopics.size === 0) {
      for (const t of member.topics) subscribedTopics.add(t);
    } else if (
      allSubscriptionsEqual &&
      !(member.topics.length === subscribedTopics.size && member.topics.every((t) => subscribedTopics.has(t)))
    ) {
      allSubscriptionsEqual = false;
    }

    const memberGeneration = generationOf.get(consumer)!;
    maxGeneration = Math.max(maxGeneration, memberGeneration);
    const owned: Tp[] = [];
    consumerToOwnedPartitions.set(consumer, owned);

    for (const tp of data.get(consumer)!.partitions) {
      if (!allTopics.has(tp.topic)) continue;
      const other = previousOwner.get(tp);
      if (other === undefined) {
        owned.push(tp);
        previousOwner.set(tp, consumer);
        continue;
      }
      const otherGeneration = generationOf.get(other)!;
      if (memberGeneration === otherGeneration) {
        partitionsWithMultiplePreviousOwners.add(tp);
        removeFirst(consumerToOwnedPartitions.get(other)!, tp);
        previousOwner.set(tp, consumer);
      } else if (memberGeneration > otherGeneration) {
        owned.push(tp);
        removeFirst(consumerToOwnedPartitions.get(other)!, tp);
        previousOwner.set(tp, consumer);
      }
      // else: the other member's claim is newer and stands.
    }
  }
  return { allSubscriptionsEqual, consumerToOwnedPartitions, partitionsWithMultiplePreviousOwners, maxGeneration };
}
