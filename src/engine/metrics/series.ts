/**
 * A fixed-capacity ring of samples taken at a regular simulated interval. When full, the oldest
 * sample is overwritten, so memory is bounded however long a run lasts.
 */
export class SeriesRing {
  private readonly values: Float64Array;
  private start = 0;
  private length = 0;
  /** Index (since the run began) of the oldest sample held. */
  firstIndex = 0;

  constructor(readonly capacity: number) {
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(value: number): void {
    if (this.length < this.capacity) {
      this.values[(this.start + this.length) % this.capacity] = value;
      this.length++;
    } else {
      this.values[this.start] = value;
      this.start = (this.start + 1) % this.capacity;
      this.firstIndex++;
    }
  }

  /** The i-th oldest sample held (0 = oldest). */
  at(i: number): number {
    return this.values[(this.start + i) % this.capacity]!;
  }

  latest(): number {
    return this.length === 0 ? 0 : this.at(this.length - 1);
  }

  toArray(): number[] {
    const out = new Array<number>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }
}
