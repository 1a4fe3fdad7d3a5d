import { compareJavaStrings } from './javaHashMap';
import { sortMembers } from './memberOrder';
import type { Assignment, AssignorMember } from './types';

/**
 * RoundRobinAssignor.assign: every subscribed topic's partitions, topics sorted by name, dealt by a circular
 * iterator over the members in member order that skips members not subscribed to the partition's topic.
 * Balanced (counts differ by at most one) only when all subscriptions are equal.
 */
export function roundRobinAssign(topicCounts: [string, number][], members: readonly AssignorMember[]): Assignment {
  const assignment: Assignment = {};
  for (const m of members) assignment[m.memberId] = [];
  const sorted = sortMembers(members);
  const counts = new Map(topicCounts);
  const topics = [...new Set(members.flatMap((m) => m.topics))].sort(compareJavaStrings);
  let cursor = 0;
  for (const topic of topics) {
    const count = counts.get(topic) ?? 0;
    for (let p = 0; p < count; p++) {
      // Terminates: the topic is in the union of subscriptions, so some member takes it.
      while (!sorted[cursor % sorted.length]!.topics.includes(topic)) cursor++;
      assignment[sorted[cursor % sorted.length]!.memberId]!.push([topic, p]);
      cursor++;
    }
  }
  return assignment;
}
