import { assert } from '../../kernel/assert';

/**
 * The idempotent consumer's dedupe store: the ids of the most recent `capacity` records it
 * processed. When full, remembering one more forgets the oldest (an evicting window, like a
 * dedupe table whose rows expire), so memory stays flat; a record redelivered after its id was
 * forgotten is processed again. The ring starts small and doubles up to `capacity`, so a short
 * run does not pay for the whole window.
 */
export class DedupeWindow {
  private ring: Float64Array;
  private readonly ids = new Set<number>();
  /** Ids forgotten to make room (while 0, no record can have been processed twice). */
  evicted = 0;
  /** The slot the next id goes to: the oldest id's once the window is full. */
  private next = 0;

  constructor(readonly capacity: number) {
    assert(capacity >= 1, 'a dedupe window holds at least one id');
    this.ring = new Float64Array(Math.min(16, capacity));
  }

  get size(): number {
    return this.ids.size;
  }

  has(recordId: number): boolean {
    return this.ids.has(recordId);
  }

  /** Remembers a processed record's id (no-op if remembered already). */
  add(recordId: number): void {
    if (this.ids.has(recordId)) return;
    if (this.ids.size === this.ring.length && this.ring.length < this.capacity) {
      // Not full yet: the ring holds ids in order from slot 0, so growing keeps that order.
      const grown = new Float64Array(Math.min(this.capacity, this.ring.length * 2));
      grown.set(this.ring);
      this.next = this.ring.length; // it had wrapped to 0
      this.ring = grown;
    }
    if (this.ids.size === this.capacity) {
      this.ids.delete(this.ring[this.next]!);
      this.evicted++;
    }
    this.ring[this.next] = recordId;
    this.next = (this.next + 1) % this.ring.length;
    this.ids.add(recordId);
  }
}
