import { JavaHashMap, javaStringHash } from './javaHashMap';
import { sortMembers } from './memberOrder';
import type { Assignment, AssignorMember } from './types';

/**
 * RangeAssignor.assignPartitions without racks (our model has none; with racks Kafka first matches
 * partitions to consumers on the same rack, up to the same per-consumer quotas). Works topic by topic over
 * the topic's subscribers in member order: the first `P % C` get `P / C + 1` contiguous partitions, the rest
 * `P / C`. Topics are independent, so the first members collect every topic's extras.
 *
 * @param topicCounts partitionsPerTopic, in insertion order (its HashMap order is the order topics are dealt)
 */
export function rangeAssign(topicCounts: [string, number][], members: readonly AssignorMember[]): Assignment {
  const assignment: Assignment = {};
  for (const m of members) assignment[m.memberId] = [];
  const topicsInHashOrder = new JavaHashMap<string, number>(javaStringHash);
  for (const [topic, count] of topicCounts) topicsInHashOrder.set(topic, count);
  for (const [topic, count] of topicsInHashOrder.entries()) {
    const consumers = sortMembers(members.filter((m) => m.topics.includes(topic)));
    if (consumers.length === 0) continue;
    const perConsumer = Math.floor(count / consumers.length);
    const withExtra = count % consumers.length;
    let next = 0;
    consumers.forEach((consumer, i) => {
      const length = perConsumer + (i < withExtra ? 1 : 0);
      const list = assignment[consumer.memberId]!;
      for (let p = next; p < next + length; p++) list.push([topic, p]);
      next += length;
    });
  }
  return assignment;
}
