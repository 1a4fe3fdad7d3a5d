import { str } from './fields';

/** Kafka's legal topic names (`Topic.validate`): 1 to 249 of these characters. */
export const TOPIC_NAME_PATTERN = /^[a-zA-Z0-9._-]{1,249}$/;

/** A topic name, under Kafka's rule. */
export const topicName = () =>
  str(1, 249, TOPIC_NAME_PATTERN, 'letters, digits, ".", "_" and "-" (Kafka\'s rule for topic names)');

/** An id of a producer or consumer group: short, and safe to show and to use in a topic name. */
export const entityId = () => str(1, 64, /^[a-zA-Z0-9._-]+$/, 'letters, digits, ".", "_" and "-"');
