import { assert } from '../../../kernel/assert';
import { javaHashOrder } from '../javaHashMap';
import type { AssignorMember } from '../types';
import { buildConstrained, type StickyResult } from './constrainedBuilder';
import { buildGeneral } from './generalBuilder';
import { memberData, resolveOwnership, type StickyFlavor } from './ownership';
import { TpInterner } from './topicPartitions';

export type { StickyFlavor } from './ownership';
export type { StickyResult } from './constrainedBuilder';
export type { Tp } from './topicPartitions';

/** A sticky run's outcome, with what Kafka's tests inspect besides the assignment. */
export interface StickyRun extends StickyResult {
  /** Which builder ran: 'constrained' when all subscriptions are equal. */
  builder: 'constrained' | 'general';
  /** PartitionMovements.isSticky() of the general builder (always true for the constrained one). */
  isSticky: boolean;
}

/**
 * AbstractStickyAssignor.assignPartitions without racks: the target assignment both sticky assignors share.
 *
 * @param topicCounts partitionsPerTopic (topics some member subscribes to)
 * @param members the group, in the order the leader received them
 * @param memberOrder the order Kafka iterates the subscriptions map in; by default that of the HashMap
 *   Kafka's leader fills in `members` order. Tests pass others to mirror how a Kafka test built its map.
 */
export function stickyAssign(
  topicCounts: readonly [string, number][],
  members: readonly AssignorMember[],
  flavor: StickyFlavor,
  memberOrder: readonly string[] = javaHashOrder(members.map((m) => m.memberId)),
): StickyRun {
  const tps = new TpInterner();
  const byId = new Map(members.map((m) => [m.memberId, m]));
  assert(memberOrder.length === members.length && memberOrder.every((id) => byId.has(id)), 'memberOrder lists each member once');
  const ordered = memberOrder.map((id) => byId.get(id)!);
  const data = new Map(ordered.map((m) => [m.memberId, memberData(m, flavor, tps)]));
  const allTopics = new Set(topicCounts.map(([t]) => t));
  const ownership = resolveOwnership(allTopics, ordered, data);
  if (ownership.allSubscriptionsEqual) {
    const result = buildConstrained(topicCounts, ownership.consumerToOwnedPartitions, ownership.partitionsWithMultiplePreviousOwners, tps);
    return { ...result, builder: 'constrained', isSticky: true };
  }
  const general = buildGeneral(topicCounts, ordered, ownership.consumerToOwnedPartitions, data, ownership.maxGeneration, tps);
  return { assignment: general.assignment, partitionsTransferringOwnership: null, builder: 'general', isSticky: general.isSticky };
}
