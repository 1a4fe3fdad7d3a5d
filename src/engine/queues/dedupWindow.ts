import { LimitError } from '../kernel/assert';

/**
 * The deduplication ids an SQS FIFO queue has accepted in the last `windowUs` (5 minutes): a
 * send that repeats one is accepted but not enqueued again. Ids expire in the order they were
 * added, so a ring in arrival order and a set are enough.
 */
export class DedupWindow {
  private ids: Float64Array;
  private expiresUs: Float64Array;
  private head = 0;
  private count = 0;
  private readonly seen = new Set<number>();

  constructor(
    private readonly windowUs: number,
    private readonly idsMax: number,
    private readonly queueName: string,
  ) {
    this.ids = new Float64Array(Math.min(1024, idsMax));
    this.expiresUs = new Float64Array(Math.min(1024, idsMax));
  }

  /** Ids remembered right now. */
  get size(): number {
    return this.count;
  }

  /** Whether id was accepted within the window; if not, remembers it from nowUs. */
  isDuplicate(id: number, nowUs: number): boolean {
    this.forgetExpired(nowUs);
    if (this.seen.has(id)) return true;
    if (this.count === this.ids.length) this.grow();
    const at = (this.head + this.count) % this.ids.length;
    this.ids[at] = id;
    this.expiresUs[at] = nowUs + this.windowUs;
    this.count++;
    this.seen.add(id);
    return false;
  }

  private forgetExpired(nowUs: number): void {
    while (this.count > 0 && this.expiresUs[this.head]! <= nowUs) {
      this.seen.delete(this.ids[this.head]!);
      this.head = (this.head + 1) % this.ids.length;
      this.count--;
    }
  }

  private grow(): void {
    const capacity = this.ids.length;
    if (capacity >= this.idsMax) {
      throw new LimitError('dedupIdsMax', this.idsMax, `FIFO queue ${this.queueName} received more distinct deduplication ids within 5 minutes than it can remember`);
    }
    const next = Math.min(capacity * 2, this.idsMax);
    const ids = new Float64Array(next);
    const expiresUs = new Float64Array(next);
    for (let i = 0; i < this.count; i++) {
      ids[i] = this.ids[(this.head + i) % capacity]!;
      expiresUs[i] = this.expiresUs[(this.head + i) % capacity]!;
    }
    this.ids = ids;
    this.expiresUs = expiresUs;
    this.head = 0;
  }
}
