import { FailureCause } from './retryQueue';
import type { GroupRt, World } from '../world';

/**
 * Whether one processing attempt of a record fails, and why. Poison keys always fail; any other
 * attempt fails with probability transientRate, drawn from the group's own "failures" stream (no
 * draw when the rate is 0, so scenarios without failures consume no randomness).
 */
export function attemptOutcome(world: World, group: GroupRt, topicIndex: number, keyIndex: number): FailureCause {
  const delivery = group.delivery;
  if (!delivery.failuresPossible) return FailureCause.none;
  if (delivery.poisonKeys.size > 0 && isPoison(world, group, topicIndex, keyIndex)) return FailureCause.poison;
  if (delivery.transientRate > 0 && delivery.failureRng.nextFloat() < delivery.transientRate) return FailureCause.transient;
  return FailureCause.none;
}

/** From now on every attempt of a record with this key fails (the poison-key fault). */
export function addPoisonKey(world: World, group: GroupRt, key: string): void {
  const delivery = group.delivery;
  delivery.poisonKeys.add(key);
  delivery.poisonCache.clear();
  delivery.failuresPossible = true;
  world.log.add(world.scheduler.nowUs, 'delivery.poisonKey', group.spec.id, `Key ${key} is now poison for group ${group.spec.id}: every attempt to process a record with it fails.`);
}

function isPoison(world: World, group: GroupRt, topicIndex: number, keyIndex: number): boolean {
  if (keyIndex < 0) return false; // null keys cannot be poison
  const cache = group.delivery.poisonCache;
  let byKey = cache.get(topicIndex);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(topicIndex, byKey);
  }
  let poison = byKey.get(keyIndex);
  if (poison === undefined) {
    poison = group.delivery.poisonKeys.has(keyName(world, topicIndex, keyIndex));
    byKey.set(keyIndex, poison);
  }
  return poison;
}

/**
 * A record's key as the producers name it. The log stores the producer's key index: "k-<i>",
 * or a hot key's own name for the index just past `count`. When several producers write one
 * topic, the first one whose keys include the index names it.
 */
export function keyName(world: World, topicIndex: number, keyIndex: number): string {
  if (keyIndex < 0) return 'null';
  for (const producer of world.producers) {
    if (producer.topicIndex === topicIndex && keyIndex < producer.keys.keyCount) return producer.keys.keyName(keyIndex);
  }
  return `k-${keyIndex}`;
}
