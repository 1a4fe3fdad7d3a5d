/**
 * What happened and why, in plain words, for the page's event log and the CLI.
 *
 * Entries are structured (a `type` and fields a view can filter on) and carry a ready sentence
 * (`text`). The log keeps the most recent `capacity` entries; `total` counts every entry ever
 * written, so a view can tell how many it missed.
 */
export interface EngineEvent {
  /** Simulated time, ms. */
  timeMs: number;
  /** What kind of thing happened, e.g. "group.rebalanceStarted", "consumer.crashed". */
  type: string;
  /** A sentence a learner understands. */
  text: string;
  /** Where it happened: a consumer group id, a producer id, "cluster"... */
  source: string;
}

export class EventLog {
  private readonly entries: (EngineEvent | undefined)[];
  private next = 0;
  total = 0;

  constructor(readonly capacity: number) {
    this.entries = new Array<EngineEvent | undefined>(capacity);
  }

  add(timeUs: number, type: string, source: string, text: string): void {
    this.entries[this.next] = { timeMs: timeUs / 1000, type, source, text };
    this.next = (this.next + 1) % this.capacity;
    this.total++;
  }

  /** The most recent `count` entries, oldest first. */
  recent(count: number): EngineEvent[] {
    const n = Math.min(count, this.total, this.capacity);
    const out: EngineEvent[] = [];
    for (let i = n; i > 0; i--) {
      const entry = this.entries[(this.next - i + this.capacity) % this.capacity];
      if (entry) out.push(entry);
    }
    return out;
  }
}
