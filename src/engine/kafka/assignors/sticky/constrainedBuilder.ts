import { assert } from '../../../kernel/assert';
import { compareJavaStrings } from '../javaHashMap';
import { byPartitionThenTopic, type Tp, type TpInterner } from './topicPartitions';

/** What a sticky builder returns: the target assignment and, when known, the partitions changing owner. */
export interface StickyResult {
  /** member.id → its partitions, every member present. */
  assignment: Map<string, Tp[]>;
  /**
   * Partition → its new owner, for partitions another member must revoke first (what the cooperative
   * assignor withholds); null when the builder does not track it (the general builder).
   */
  partitionsTransferringOwnership: Map<Tp, string> | null;
}

/**
 * AbstractStickyAssignor.ConstrainedAssignmentBuilder (no racks), used when all subscriptions are equal.
 * Every member ends with minQuota = ⌊P/C⌋ or maxQuota = ⌈P/C⌉ partitions, exactly P % C of them with maxQuota.
 * 1. Members, in HashMap order, keep their owned partitions sorted by (partition, topic): all of them if
 *    fewer than minQuota ("under"), maxQuota while fewer than P % C members have more than minQuota,
 *    otherwise minQuota (and then may still take one more: "exactly min").
 * 2. The unassigned partitions, by (topic, partition), go round-robin to the "under" members sorted by id
 *    until they reach minQuota, then one each to the "exactly min" members in id order.
 *
 * @param topicCounts partitionsPerTopic
 * @param currentAssignment each member's still-valid owned partitions, in member HashMap order
 */
export function buildConstrained(
  topicCounts: readonly [string, number][],
  currentAssignment: ReadonlyMap<string, Tp[]>,
  partitionsWithMultiplePreviousOwners: ReadonlySet<Tp>,
  tps: TpInterner,
): StickyResult {
  const totalPartitionsCount = topicCounts.reduce((sum, [, n]) => sum + n, 0);
  const numberOfConsumers = currentAssignment.size;
  const minQuota = Math.floor(totalPartitionsCount / numberOfConsumers);
  const maxQuota = Math.ceil(totalPartitionsCount / numberOfConsumers);
  const expectedNumMembersWithOverMinQuota = totalPartitionsCount % numberOfConsumers;
  let currentNumMembersWithOverMinQuota = 0;

  const assignment = new Map<string, Tp[]>([...currentAssignment.keys()].map((c) => [c, []]));
  const transferring = new Map<Tp, string>();
  const allRevokedPartitions = new Set<Tp>();
  const assignedPartitions: Tp[] = [];
  const underMinQuota: string[] = [];
  let exactlyMinQuota: string[] = [];

  // Step 1: reassign previously owned partitions, up to the quota this member may have.
  for (const [consumer, ownedList] of currentAssignment) {
    const owned = [...ownedList].sort(byPartitionThenTopic).filter((tp) => !partitionsWithMultiplePreviousOwners.has(tp));
    const consumerAssignment = assignment.get(consumer)!;
    if (owned.length < minQuota) {
      consumerAssignment.push(...owned);
      assignedPartitions.push(...owned);
      underMinQuota.push(consumer);
    } else if (owned.length >= maxQuota && currentNumMembersWithOverMinQuota < expectedNumMembersWithOverMinQuota) {
      currentNumMembersWithOverMinQuota++;
      if (currentNumMembersWithOverMinQuota === expectedNumMembersWithOverMinQuota) exactlyMinQuota = [];
      consumerAssignment.push(...owned.slice(0, maxQuota));
      assignedPartitions.push(...owned.slice(0, maxQuota));
      for (const tp of owned.slice(maxQuota)) allRevokedPartitions.add(tp);
    } else {
      consumerAssignment.push(...owned.slice(0, minQuota));
      assignedPartitions.push(...owned.slice(0, minQuota));
      for (const tp of owned.slice(minQuota)) allRevokedPartitions.add(tp);
      if (currentNumMembersWithOverMinQuota < expectedNumMembersWithOverMinQuota) exactlyMinQuota.push(consumer);
    }
  }

  const assigned = new Set(assignedPartitions);
  const unassignedPartitions: Tp[] = [];
  for (const [topic, count] of [...topicCounts].sort(([a], [b]) => compareJavaStrings(a, b))) {
    for (let p = 0; p < count; p++) {
      const tp = tps.get(topic, p);
      if (!assigned.has(tp)) unassignedPartitions.push(tp);
    }
  }
  underMinQuota.sort(compareJavaStrings);
  exactlyMinQuota.sort(compareJavaStrings);

  const assignNewPartition = (tp: Tp, consumer: string): number => {
    const list = assignment.get(consumer)!;
    list.push(tp);
    // Everything a member owned and may keep is already placed, so tp is new to this member.
    if (allRevokedPartitions.has(tp) || partitionsWithMultiplePreviousOwners.has(tp)) transferring.set(tp, consumer);
    return list.length;
  };

  // Step 2 (assignRoundRobin): a Java iterator over underMinQuota, restarted when it runs out.
  let cursor = 0;
  for (const tp of unassignedPartitions) {
    let consumer: string;
    let fromIterator = false;
    if (cursor < underMinQuota.length) {
      consumer = underMinQuota[cursor++]!;
      fromIterator = true;
    } else if (underMinQuota.length === 0 && exactlyMinQuota.length === 0) {
      throw new Error('ConstrainedAssignmentBuilder: no more unfilled consumers to be assigned (a bug in the port)');
    } else if (underMinQuota.length === 0) {
      consumer = exactlyMinQuota.shift()!;
    } else {
      cursor = 0;
      consumer = underMinQuota[cursor++]!;
      fromIterator = true;
    }
    const count = assignNewPartition(tp, consumer);
    if (count === minQuota) {
      assert(fromIterator, 'only members below minQuota can reach it');
      underMinQuota.splice(--cursor, 1);
      exactlyMinQuota.push(consumer);
    } else if (count === maxQuota) {
      currentNumMembersWithOverMinQuota++;
    }
  }

  // verifyUnfilledMembers: anyone left below minQuota is Kafka's IllegalStateException.
  if (underMinQuota.length > 0) {
    assert(currentNumMembersWithOverMinQuota === expectedNumMembersWithOverMinQuota, 'members left below minQuota');
    for (const m of underMinQuota) assert(assignment.get(m)!.length === minQuota, () => `${m} did not reach minQuota`);
  }
  return { assignment, partitionsTransferringOwnership: transferring };
}
