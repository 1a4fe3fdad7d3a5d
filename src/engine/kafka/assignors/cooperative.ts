import type { AssignorMember } from './types';
import { stickyAssign, type StickyRun, type Tp } from './sticky';

/** A cooperative-sticky run: the sticky target, what is withheld this round, and what is handed out. */
export interface CooperativeRun extends StickyRun {
  /** Partition → the member that gets it in a later round, once its current owner has revoked it. */
  withheld: Map<Tp, string>;
}

/**
 * CooperativeStickyAssignor.assign: the sticky target minus every partition that is changing owner, because
 * under the cooperative protocol a partition may be handed out only after its old owner revoked it; the old
 * owner sees it gone from its assignment, revokes it and rejoins, and the next rebalance assigns it.
 * With equal subscriptions the constrained builder says which partitions transfer; otherwise Kafka
 * recomputes them from the raw `owned` lists: a partition added to a member that someone else owned
 * (computePartitionsTransferringOwnership).
 */
export function cooperativeAssign(
  topicCounts: readonly [string, number][],
  members: readonly AssignorMember[],
  memberOrder?: readonly string[],
): CooperativeRun {
  const run = stickyAssign(topicCounts, members, 'cooperative-sticky', memberOrder);
  const withheld = run.partitionsTransferringOwnership ?? computePartitionsTransferringOwnership(members, run.assignment);
  const assignment = new Map([...run.assignment].map(([c, list]) => [c, [...list]]));
  for (const [tp, consumer] of withheld) {
    const list = assignment.get(consumer)!;
    const i = list.indexOf(tp);
    if (i >= 0) list.splice(i, 1);
  }
  return { ...run, assignment, withheld };
}

function computePartitionsTransferringOwnership(members: readonly AssignorMember[], assignment: ReadonlyMap<string, Tp[]>): Map<Tp, string> {
  const ownedKeys = new Map(members.map((m) => [m.memberId, new Set((m.owned ?? []).map(([t, p]) => `${p}:${t}`))]));
  const key = (tp: Tp): string => `${tp.partition}:${tp.topic}`;
  const added = new Map<Tp, string>();
  const revoked = new Set<string>();
  for (const [consumer, list] of assignment) {
    const owned = ownedKeys.get(consumer)!;
    for (const tp of list) if (!owned.has(key(tp))) added.set(tp, consumer);
    const assignedKeys = new Set(list.map(key));
    for (const k of owned) if (!assignedKeys.has(k)) revoked.add(k);
  }
  return new Map([...added].filter(([tp]) => revoked.has(key(tp))));
}
