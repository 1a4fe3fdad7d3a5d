import { AssignorInputError, type AssignInput } from './types';

/**
 * Rejects input Kafka's group leader could never see, naming what is wrong. Owned partitions of topics that
 * are not in `topics` are allowed (Kafka drops them: the topic was deleted or unsubscribed), but an owned
 * partition number the topic does not have is not (partitions are never removed from a Kafka topic).
 */
export function validateAssignInput(input: AssignInput): void {
  for (const [topic, count] of Object.entries(input.topics)) {
    if (!Number.isInteger(count) || count <= 0) {
      throw new AssignorInputError(`topic "${topic}" has ${String(count)} partitions; a partition count must be a positive integer`);
    }
  }
  const seen = new Set<string>();
  for (const member of input.members) {
    const who = `member "${member.memberId}"`;
    if (seen.has(member.memberId)) throw new AssignorInputError(`${who} appears twice; member ids must be unique`);
    seen.add(member.memberId);
    const subscribed = new Set<string>();
    for (const topic of member.topics) {
      if (subscribed.has(topic)) throw new AssignorInputError(`${who} subscribes to topic "${topic}" twice`);
      subscribed.add(topic);
      if (!Object.hasOwn(input.topics, topic)) {
        throw new AssignorInputError(`${who} subscribes to topic "${topic}", which is not in topics`);
      }
    }
    for (const [topic, partition] of member.owned ?? []) {
      const count = Object.hasOwn(input.topics, topic) ? input.topics[topic] : undefined;
      if (count !== undefined && !(Number.isInteger(partition) && partition >= 0 && partition < count)) {
        throw new AssignorInputError(`${who} owns partition ${partition} of topic "${topic}", which has ${count} partitions`);
      }
    }
    if (member.generation !== undefined && !Number.isInteger(member.generation)) {
      throw new AssignorInputError(`${who} has generation ${member.generation}; a generation must be an integer`);
    }
  }
}

/**
 * The partitionsPerTopic map Kafka's leader passes to its assignor: only topics some member subscribes to
 * (ConsumerCoordinator builds it from the union of subscriptions), in `topics` order.
 */
export function subscribedTopicCounts(input: AssignInput): [topic: string, partitions: number][] {
  const subscribed = new Set(input.members.flatMap((m) => m.topics));
  return Object.entries(input.topics).filter(([topic]) => subscribed.has(topic));
}
