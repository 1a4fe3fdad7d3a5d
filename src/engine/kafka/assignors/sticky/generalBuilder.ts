import { InvariantError } from '../../../kernel/assert';
import { compareJavaStrings } from '../javaHashMap';
import type { AssignorMember } from '../types';
import { DEFAULT_GENERATION, type MemberData } from './ownership';
import { PartitionMovements } from './partitionMovements';
import { removeFirst, type Tp, type TpInterner } from './topicPartitions';

/** Where a partition was before, per the member with the highest generation below the current one. */
interface ConsumerGenerationPair {
  consumer: string;
  generation: number;
}

/** The general builder's answer plus whether it kept every move sticky (Kafka's tests assert isSticky()). */
export interface GeneralResult {
  assignment: Map<string, Tp[]>;
  isSticky: boolean;
}

/**
 * AbstractStickyAssignor.GeneralAssignmentBuilder (no racks), used when subscriptions differ. It keeps every
 * still-valid owned partition, hands each unassigned partition to the least-loaded subscriber (ties by
 * member id), then moves partitions from fuller to emptier subscribers until no move can improve balance,
 * preferring to return a partition to its previous owner, and reverts the moves if they did not make the
 * assignment more balanced. A faithful port: same data, same iteration orders, same tie-breaks.
 *
 * @param topicCounts partitionsPerTopic
 * @param members in the subscriptions HashMap's iteration order
 * @param currentAssignment each member's still-valid owned partitions (from resolveOwnership); mutated
 * @param data memberData of each member (raw previous ownership, for prevAssignment)
 * @param maxGeneration the highest generation reported by any member
 */
export function buildGeneral(
  topicCounts: readonly [string, number][],
  members: readonly AssignorMember[],
  currentAssignment: Map<string, Tp[]>,
  data: ReadonlyMap<string, MemberData>,
  maxGeneration: number,
  tps: TpInterner,
): GeneralResult {
  const partitionCount = new Map(topicCounts);
  const totalPartitionsCount = topicCounts.reduce((sum, [, n]) => sum + n, 0);
  const subscriptions = new Map(members.map((m) => [m.memberId, m]));
  const topic2AllPotentialConsumers = new Map<string, string[]>(topicCounts.map(([t]) => [t, []]));
  const consumer2AllPotentialTopics = new Map<string, string[]>();
  for (const m of members) {
    const subscribed = m.topics.filter((t) => partitionCount.has(t));
    consumer2AllPotentialTopics.set(m.memberId, subscribed);
    for (const t of subscribed) topic2AllPotentialConsumers.get(t)!.push(m.memberId);
    if (!currentAssignment.has(m.memberId)) currentAssignment.set(m.memberId, []);
  }
  const currentPartitionConsumer = new Map<Tp, string>();
  for (const [consumer, list] of currentAssignment) for (const tp of list) currentPartitionConsumer.set(tp, consumer);

  // TopicComparator: topics with fewer potential consumers first, then by name.
  const potential = (t: string): number => topic2AllPotentialConsumers.get(t)!.length;
  const sortedAllTopics = [...topic2AllPotentialConsumers.keys()].sort((a, b) => potential(a) - potential(b) || compareJavaStrings(a, b));
  const sortedAllPartitions: Tp[] = sortedAllTopics.flatMap((t) => Array.from({ length: partitionCount.get(t)! }, (_, p) => tps.get(t, p)));

  const sizeOf = (consumer: string): number => {
    const list = currentAssignment.get(consumer);
    // Where Kafka would dereference a missing entry (a NullPointerException), so do we, loudly.
    if (!list) throw new InvariantError(`GeneralAssignmentBuilder: no current assignment for ${consumer}`);
    return list.length;
  };
  // The TreeSet<String> sortedCurrentSubscriptions with SubscriptionComparator (size, then id). Kafka always
  // removes a member before changing its size and re-adds it after, so sorting on read is equivalent.
  const inSorted = new Set<string>();
  const sortedCurrentSubscriptions = (): string[] =>
    [...inSorted].sort((a, b) => sizeOf(a) - sizeOf(b) || compareJavaStrings(a, b));

  // prepopulateCurrentAssignments: where each partition was in the newest generation before the current one.
  const prevAssignment = new Map<Tp, ConsumerGenerationPair>();
  const updatePrevAssignment = (partitions: readonly Tp[], consumer: string, generation: number): void => {
    for (const tp of partitions) {
      const prev = prevAssignment.get(tp);
      if (!prev || generation > prev.generation) prevAssignment.set(tp, { consumer, generation });
    }
  };
  for (const m of members) {
    const md = data.get(m.memberId)!;
    if (md.generation !== undefined && md.generation < maxGeneration) {
      updatePrevAssignment(md.partitions, m.memberId, md.generation);
    } else if (md.generation === undefined && maxGeneration > DEFAULT_GENERATION) {
      updatePrevAssignment(md.partitions, m.memberId, DEFAULT_GENERATION);
    }
  }

  // assignOwnedPartitions: keep owned partitions of topics the member still subscribes to.
  let revocationRequired = false;
  const assignedPartitions = new Set<Tp>();
  for (const [consumer, list] of currentAssignment) {
    const subscription = subscriptions.get(consumer)!;
    for (const tp of [...list]) {
      if (!topic2AllPotentialConsumers.has(tp.topic)) {
        removeFirst(list, tp);
        currentPartitionConsumer.delete(tp);
      } else if (!subscription.topics.includes(tp.topic)) {
        removeFirst(list, tp);
        revocationRequired = true;
      } else {
        assignedPartitions.add(tp);
      }
    }
  }
  // getUnassignedPartitions returns sortedAllPartitions itself when nothing is assigned; Kafka relies on
  // that aliasing below (removing fixed partitions from one list removes them from "both").
  const unassignedPartitions = assignedPartitions.size === 0 ? sortedAllPartitions : sortedAllPartitions.filter((tp) => !assignedPartitions.has(tp));
  for (const c of currentAssignment.keys()) inSorted.add(c);

  const movements = new PartitionMovements();
  const moves = { movements, currentAssignment, currentPartitionConsumer, inSorted };
  balance();
  return { assignment: currentAssignment, isSticky: movements.isSticky() };

  function getMaxAssignmentSize(topics: readonly string[]): number {
    if (topics.length === partitionCount.size) return totalPartitionsCount;
    return topics.reduce((sum, t) => sum + partitionCount.get(t)!, 0);
  }

  function isBalanced(): boolean {
    const sorted = sortedCurrentSubscriptions();
    const min = sizeOf(sorted[0]!);
    const max = sizeOf(sorted[sorted.length - 1]!);
    if (min >= max - 1) return true;
    const allPartitions = new Map<Tp, string>();
    for (const [consumer, list] of currentAssignment) for (const tp of list) allPartitions.set(tp, consumer);
    for (const consumer of sorted) {
      const consumerPartitionCount = sizeOf(consumer);
      const topics = consumer2AllPotentialTopics.get(consumer)!;
      if (consumerPartitionCount === getMaxAssignmentSize(topics)) continue;
      const own = new Set(currentAssignment.get(consumer)!);
      for (const topic of topics) {
        for (let p = 0; p < partitionCount.get(topic)!; p++) {
          const tp = tps.get(topic, p);
          if (own.has(tp)) continue;
          const other = allPartitions.get(tp);
          if (other === undefined) throw new InvariantError(`GeneralAssignmentBuilder: ${topic}-${p} has no owner`);
          if (consumerPartitionCount + 1 < sizeOf(other)) return false;
        }
      }
    }
    return true;
  }

  function getBalanceScore(assignment: ReadonlyMap<string, Tp[]>): number {
    const sizes = [...assignment.values()].map((l) => l.length);
    let score = 0;
    for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
    return score;
  }

  function maybeAssign(partitions: readonly Tp[]): void {
    for (const tp of partitions) {
      if (topic2AllPotentialConsumers.get(tp.topic)!.length === 0) continue;
      const consumer = sortedCurrentSubscriptions().find((c) => consumer2AllPotentialTopics.get(c)!.includes(tp.topic));
      if (consumer === undefined) continue;
      currentAssignment.get(consumer)!.push(tp);
      currentPartitionConsumer.set(tp, consumer);
    }
  }

  function canTopicParticipateInReassignment(topic: string): boolean {
    return topic2AllPotentialConsumers.get(topic)!.length >= 2;
  }

  function canConsumerParticipateInReassignment(consumer: string): boolean {
    const current = currentAssignment.get(consumer)!;
    if (current.length < getMaxAssignmentSize(consumer2AllPotentialTopics.get(consumer)!)) return true;
    return current.some((tp) => canTopicParticipateInReassignment(tp.topic));
  }

  function balance(): void {
    const sorted = sortedCurrentSubscriptions();
    const initializing = sizeOf(sorted[sorted.length - 1]!) === 0;
    maybeAssign(unassignedPartitions);

    const fixedTopics = new Set([...topic2AllPotentialConsumers.keys()].filter((t) => !canTopicParticipateInReassignment(t)));
    removeWhere(sortedAllPartitions, (tp) => fixedTopics.has(tp.topic));
    removeWhere(unassignedPartitions, (tp) => fixedTopics.has(tp.topic));

    const fixedAssignments = new Map<string, Tp[]>();
    for (const consumer of consumer2AllPotentialTopics.keys()) {
      if (!canConsumerParticipateInReassignment(consumer)) {
        inSorted.delete(consumer);
        fixedAssignments.set(consumer, currentAssignment.get(consumer)!);
        currentAssignment.delete(consumer);
      }
    }

    const preBalanceAssignment = new Map([...currentAssignment].map(([c, l]) => [c, [...l]]));
    const preBalancePartitionConsumers = new Map(currentPartitionConsumer);
    // Without revocations from subscription changes, first try moving only the newly assigned partitions.
    if (!revocationRequired) performReassignments(unassignedPartitions);
    const reassignmentPerformed = performReassignments(sortedAllPartitions);

    if (!initializing && reassignmentPerformed && getBalanceScore(currentAssignment) >= getBalanceScore(preBalanceAssignment)) {
      currentAssignment.clear();
      for (const [c, l] of preBalanceAssignment) currentAssignment.set(c, [...l]);
      currentPartitionConsumer.clear();
      for (const [tp, c] of preBalancePartitionConsumers) currentPartitionConsumer.set(tp, c);
    }
    for (const [consumer, list] of fixedAssignments) {
      currentAssignment.set(consumer, list);
      inSorted.add(consumer);
    }
  }

  function performReassignments(reassignablePartitions: readonly Tp[]): boolean {
    let reassignmentPerformed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of reassignablePartitions) {
        if (isBalanced()) break;
        const consumer = currentPartitionConsumer.get(tp);
        if (consumer === undefined) throw new InvariantError(`GeneralAssignmentBuilder: ${tp.topic}-${tp.partition} unassigned`);
        const prev = prevAssignment.get(tp);
        if (prev && sizeOf(consumer) > sizeOf(prev.consumer) + 1) {
          reassignPartition(moves, tp, prev.consumer);
          reassignmentPerformed = modified = true;
          continue;
        }
        for (const other of topic2AllPotentialConsumers.get(tp.topic)!) {
          if (sizeOf(consumer) > sizeOf(other) + 1) {
            const newConsumer = sortedCurrentSubscriptions().find((c) => consumer2AllPotentialTopics.get(c)!.includes(tp.topic))!;
            reassignPartition(moves, tp, newConsumer);
            reassignmentPerformed = modified = true;
            break;
          }
        }
      }
    } while (modified);
    return reassignmentPerformed;
  }
}

interface MoveState {
  movements: PartitionMovements;
  currentAssignment: Map<string, Tp[]>;
  currentPartitionConsumer: Map<Tp, string>;
  inSorted: Set<string>;
}

/** reassignPartition + processPartitionMovement: may move a different partition that undoes an earlier move. */
function reassignPartition(s: MoveState, tp: Tp, newConsumer: string): void {
  const consumer = s.currentPartitionConsumer.get(tp)!;
  const toMove = s.movements.getTheActualPartitionToBeMoved(tp, consumer, newConsumer);
  const oldConsumer = s.currentPartitionConsumer.get(toMove)!;
  s.movements.movePartition(toMove, oldConsumer, newConsumer);
  removeFirst(s.currentAssignment.get(oldConsumer)!, toMove);
  s.currentAssignment.get(newConsumer)!.push(toMove);
  s.currentPartitionConsumer.set(toMove, newConsumer);
}

/** ArrayList.removeAll, in place (so aliases see it). */
function removeWhere<T>(list: T[], pred: (item: T) => boolean): void {
  let w = 0;
  for (const item of list) if (!pred(item)) list[w++] = item;
  list.length = w;
}
