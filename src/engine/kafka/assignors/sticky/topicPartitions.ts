import { compareJavaStrings, topicPartitionHash } from '../javaHashMap';

/** A TopicPartition interned per assignment run, so that identity means Java's equals(). */
export interface Tp {
  readonly topic: string;
  readonly partition: number;
  /** TopicPartition.hashCode(), for HashMap/HashSet iteration order. */
  readonly hash: number;
}

/** Hands out one Tp object per (topic, partition). Lifecycle: one per assign() call. */
export class TpInterner {
  private readonly byKey = new Map<string, Tp>();

  get(topic: string, partition: number): Tp {
    const key = `${partition}:${topic}`;
    let tp = this.byKey.get(key);
    if (!tp) {
      tp = { topic, partition, hash: topicPartitionHash(topic, partition) };
      this.byKey.set(key, tp);
    }
    return tp;
  }
}

export const tpHash = (tp: Tp): number => tp.hash;

/** Comparator.comparing(topic).thenComparing(partition). */
export function byTopicThenPartition(a: Tp, b: Tp): number {
  return compareJavaStrings(a.topic, b.topic) || a.partition - b.partition;
}

/** Comparator.comparing(partition).thenComparing(topic). */
export function byPartitionThenTopic(a: Tp, b: Tp): number {
  return a.partition - b.partition || compareJavaStrings(a.topic, b.topic);
}

/** List.remove(Object): removes the first occurrence, if any. */
export function removeFirst<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}
