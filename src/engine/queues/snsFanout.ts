import { admit, newCopy, queueWorld } from './enqueue';
import type { SnsTopicRt } from './types';
import type { World } from '../kafka/world';

/**
 * SNS → SQS fan-out: a message published to a topic is copied into every subscribed queue, where
 * each copy lives on its own (its own workers, visibility timeouts and redrive).
 */
export function publishToTopic(world: World, topic: SnsTopicRt, messageId: number, key: number, headers: number, group: number): void {
  const qw = queueWorld(world);
  const nowUs = world.scheduler.nowUs;
  topic.published++;
  const subscriptions = topic.subscriptions;
  for (let i = 0; i < subscriptions.length; i++) {
    const q = qw.queues[subscriptions[i]!]!;
    admit(world, q, newCopy(qw, q, messageId, nowUs, key, headers, group, Infinity, -1, -1));
  }
}
