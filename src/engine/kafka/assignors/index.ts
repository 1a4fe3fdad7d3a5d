import { cooperativeAssign } from './cooperative';
import { rangeAssign } from './range';
import { roundRobinAssign } from './roundRobin';
import { stickyAssign, type Tp } from './sticky';
import type { AssignInput, Assignment, AssignorName, TopicPartition } from './types';
import { subscribedTopicCounts, validateAssignInput } from './validate';

export type { AssignorName, AssignorMember, AssignInput, Assignment, TopicPartition } from './types';
export { AssignorInputError } from './types';

/**
 * Assigns the group's partitions exactly as Kafka's client-side assignor of that name does (classic
 * protocol, no rack awareness). Pure and deterministic. See types.ts for the order of each member's list.
 *
 * @throws AssignorInputError if a member subscribes to a topic not in `topics`, member ids repeat, a partition
 *   count is not a positive integer, or an owned partition does not exist
 */
export function assign(strategy: AssignorName, input: AssignInput): Assignment {
  validateAssignInput(input);
  if (input.members.length === 0) return {};
  const topicCounts = subscribedTopicCounts(input);
  switch (strategy) {
    case 'range':
      return rangeAssign(topicCounts, input.members);
    case 'roundrobin':
      return roundRobinAssign(topicCounts, input.members);
    case 'sticky':
      return toAssignment(input, stickyAssign(topicCounts, input.members, 'sticky').assignment);
    case 'cooperative-sticky':
      return toAssignment(input, cooperativeAssign(topicCounts, input.members).assignment);
  }
}

function toAssignment(input: AssignInput, byMember: ReadonlyMap<string, Tp[]>): Assignment {
  const out: Assignment = {};
  for (const m of input.members) out[m.memberId] = (byMember.get(m.memberId) ?? []).map((tp): TopicPartition => [tp.topic, tp.partition]);
  return out;
}
