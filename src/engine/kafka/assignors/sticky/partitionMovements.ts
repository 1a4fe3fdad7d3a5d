import { assert } from '../../../kernel/assert';
import { JavaHashSet } from '../javaHashMap';
import { tpHash, type Tp } from './topicPartitions';

/** A partition's move from `src` to `dst` during one rebalance (AbstractStickyAssignor.ConsumerPair). */
interface ConsumerPair {
  src: string;
  dst: string;
}

const pairKey = (src: string, dst: string): string => JSON.stringify([src, dst]);

/**
 * AbstractStickyAssignor.PartitionMovements: the moves made so far in one general assignment, so that a
 * partition about to move from A to B can instead be one that earlier moved from B to A (undoing a move
 * rather than adding one). Which such partition is "the" one is the first of a java.util.HashSet, hence
 * the HashSet emulation. Lifecycle: one per GeneralAssignmentBuilder.build().
 */
export class PartitionMovements {
  /** topic → "src→dst" → the partitions of that topic that moved from src to dst. */
  private readonly byTopic = new Map<string, Map<string, JavaHashSet<Tp>>>();
  private readonly movements = new Map<Tp, ConsumerPair>();

  private removeMovementRecordOfPartition(tp: Tp): ConsumerPair {
    const pair = this.movements.get(tp);
    assert(pair, 'a recorded partition movement');
    this.movements.delete(tp);
    const forTopic = this.byTopic.get(tp.topic)!;
    const key = pairKey(pair.src, pair.dst);
    const set = forTopic.get(key)!;
    set.delete(tp);
    if (set.size === 0) forTopic.delete(key);
    if (forTopic.size === 0) this.byTopic.delete(tp.topic);
    return pair;
  }

  private addPartitionMovementRecord(tp: Tp, pair: ConsumerPair): void {
    this.movements.set(tp, pair);
    let forTopic = this.byTopic.get(tp.topic);
    if (!forTopic) this.byTopic.set(tp.topic, (forTopic = new Map()));
    const key = pairKey(pair.src, pair.dst);
    let set = forTopic.get(key);
    if (!set) forTopic.set(key, (set = new JavaHashSet<Tp>(tpHash)));
    set.add(tp);
  }

  movePartition(tp: Tp, oldConsumer: string, newConsumer: string): void {
    const existing = this.movements.has(tp) ? this.removeMovementRecordOfPartition(tp) : undefined;
    if (existing === undefined) {
      this.addPartitionMovementRecord(tp, { src: oldConsumer, dst: newConsumer });
      return;
    }
    assert(existing.dst === oldConsumer, 'a moved partition moves on from where it went');
    // Moving back to where it started cancels the movement altogether.
    if (existing.src !== newConsumer) this.addPartitionMovementRecord(tp, { src: existing.src, dst: newConsumer });
  }

  getTheActualPartitionToBeMoved(tp: Tp, oldConsumer: string, newConsumer: string): Tp {
    const forTopic = this.byTopic.get(tp.topic);
    if (!forTopic) return tp;
    const moved = this.movements.get(tp);
    const from = moved ? moved.src : oldConsumer;
    const reverse = forTopic.get(pairKey(newConsumer, from));
    if (!reverse) return tp;
    return reverse.values()[0]!;
  }

  /**
   * PartitionMovements.isSticky: false if, for some topic, partitions moved both ways between two members
   * (a cycle of length 2), which a sticky assignment never needs. Kafka's tests assert it after each run.
   */
  isSticky(): boolean {
    for (const forTopic of this.byTopic.values()) {
      const pairs = new Set(forTopic.keys());
      for (const key of pairs) {
        const [src, dst] = JSON.parse(key) as [string, string];
        if (pairs.has(pairKey(dst, src))) return false;
      }
    }
    return true;
  }
}
