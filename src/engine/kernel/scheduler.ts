import { InvariantError, LimitError } from './assert';
import { compactOnCopy } from './copyHooks';

const PENDING_MAX_DEFAULT = 1 << 22;
const INITIAL_CAPACITY_DEFAULT = 1024;

/** Options for a Scheduler. */
export interface SchedulerOptions {
  /** Most events that may be pending at once (default 1<<22); one more is a LimitError named pendingEventsMax. */
  pendingMax?: number;
  /** Initial slots (default 1024); storage doubles on demand up to pendingMax. */
  initialCapacity?: number;
}

/**
 * The event queue: a binary min-heap ordered by (timeUs, seq), where seq counts schedule() calls,
 * so events due at the same microsecond pop in the order they were scheduled.
 *
 * An event is (kind, a, b): an integer kind and two numeric payloads. It is pending from
 * schedule() until pop() returns it; it is then the current event, exposed in eventKind, eventA,
 * eventB, eventTimeUs and eventSeq until the next successful pop(). There is no cancellation:
 * callers put a generation token in a or b and ignore events that have gone stale.
 *
 * Events live in parallel typed arrays rather than objects so that a run of millions of events
 * allocates nothing per event and the garbage collector never pauses the simulation.
 */
export class Scheduler {
  /** Kind of the current event (valid after pop() returned true). */
  eventKind = 0;
  /** First payload of the current event. */
  eventA = 0;
  /** Second payload of the current event. */
  eventB = 0;
  /** Time of the current event, µs. */
  eventTimeUs = 0;
  /** Sequence number of the current event (its schedule() return value); -1 before the first pop. */
  eventSeq = -1;

  private heapTimeUs: Float64Array;
  private heapSeq: Float64Array;
  private heapA: Float64Array;
  private heapB: Float64Array;
  private heapKind: Int32Array;
  private count = 0;
  private capacity: number;
  private readonly pendingMax: number;
  private seqNext = 0;
  private clockUs = 0;
  private popped = 0;

  static {
    // A checkpoint keeps the pending events only, not the slots the heap once grew to: after a
    // burst the capacity stays at its peak while `count` falls back. The copy grows again on demand.
    compactOnCopy(Scheduler.prototype, (scheduler: Scheduler) => {
      const slots = Math.max(1, scheduler.count);
      return {
        capacity: slots,
        heapTimeUs: scheduler.heapTimeUs.slice(0, slots),
        heapSeq: scheduler.heapSeq.slice(0, slots),
        heapA: scheduler.heapA.slice(0, slots),
        heapB: scheduler.heapB.slice(0, slots),
        heapKind: scheduler.heapKind.slice(0, slots),
      };
    });
  }

  constructor(options: SchedulerOptions = {}) {
    const pendingMax = options.pendingMax ?? PENDING_MAX_DEFAULT;
    const initialCapacity = options.initialCapacity ?? INITIAL_CAPACITY_DEFAULT;
    if (!Number.isInteger(pendingMax) || pendingMax < 1) {
      throw new InvariantError(`Scheduler pendingMax must be a positive integer, got ${pendingMax}`);
    }
    if (!Number.isInteger(initialCapacity) || initialCapacity < 1) {
      throw new InvariantError(`Scheduler initialCapacity must be a positive integer, got ${initialCapacity}`);
    }
    this.pendingMax = pendingMax;
    this.capacity = Math.min(initialCapacity, pendingMax);
    this.heapTimeUs = new Float64Array(this.capacity);
    this.heapSeq = new Float64Array(this.capacity);
    this.heapA = new Float64Array(this.capacity);
    this.heapB = new Float64Array(this.capacity);
    this.heapKind = new Int32Array(this.capacity);
  }

  /** Current simulated time, µs: the time of the last popped event, or of the last advanceTo. */
  get nowUs(): number {
    return this.clockUs;
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** Number of events popped since construction. */
  get poppedCount(): number {
    return this.popped;
  }

  /**
   * Schedules event (kind, a, b) at atUs. atUs must be an integer >= nowUs and kind an int32
   * (InvariantError otherwise). Returns the event's seq. Throws LimitError('pendingEventsMax', …)
   * when pendingMax events are already pending.
   */
  schedule(atUs: number, kind: number, a: number, b: number): number {
    if (!(atUs >= this.clockUs && atUs <= Number.MAX_SAFE_INTEGER && Math.floor(atUs) === atUs && (kind | 0) === kind)) {
      this.failSchedule(atUs, kind);
    }
    if (this.count === this.capacity) this.grow();
    const seq = this.seqNext++;
    const times = this.heapTimeUs;
    const seqs = this.heapSeq;
    const kinds = this.heapKind;
    const as = this.heapA;
    const bs = this.heapB;
    // Sift the hole up. The new event has the largest seq so far, so a parent due at the same
    // time is always earlier and the comparison needs no seq.
    let hole = this.count++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTimeUs = times[parent]!;
      if (parentTimeUs <= atUs) break;
      times[hole] = parentTimeUs;
      seqs[hole] = seqs[parent]!;
      kinds[hole] = kinds[parent]!;
      as[hole] = as[parent]!;
      bs[hole] = bs[parent]!;
      hole = parent;
    }
    times[hole] = atUs;
    seqs[hole] = seq;
    kinds[hole] = kind;
    as[hole] = a;
    bs[hole] = b;
    return seq;
  }

  /** Earliest pending time, µs, or Infinity when nothing is pending. */
  peekTimeUs(): number {
    return this.count === 0 ? Infinity : this.heapTimeUs[0]!;
  }

  /**
   * Pops the earliest event if it is due at or before untilUs (default Infinity): advances nowUs
   * to its time, exposes it in eventKind/eventA/eventB/eventTimeUs/eventSeq and returns true.
   * Otherwise returns false and changes nothing.
   */
  pop(untilUs: number = Infinity): boolean {
    const count = this.count;
    if (count === 0) return false;
    const times = this.heapTimeUs;
    const timeUs = times[0]!;
    // Written as !(<=) so that a NaN bound pops nothing instead of everything.
    if (!(timeUs <= untilUs)) return false;
    const seqs = this.heapSeq;
    const kinds = this.heapKind;
    const as = this.heapA;
    const bs = this.heapB;
    this.eventTimeUs = timeUs;
    this.eventSeq = seqs[0]!;
    this.eventKind = kinds[0]!;
    this.eventA = as[0]!;
    this.eventB = bs[0]!;
    this.clockUs = timeUs;
    this.popped++;
    const last = count - 1;
    this.count = last;
    if (last === 0) return true;
    // Sift the last event down from the root through a hole instead of swapping, which halves the writes.
    const lastTimeUs = times[last]!;
    const lastSeq = seqs[last]!;
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      let childTimeUs = times[child]!;
      let childSeq = seqs[child]!;
      const right = child + 1;
      if (right < last) {
        const rightTimeUs = times[right]!;
        if (rightTimeUs < childTimeUs || (rightTimeUs === childTimeUs && seqs[right]! < childSeq)) {
          child = right;
          childTimeUs = rightTimeUs;
          childSeq = seqs[right]!;
        }
      }
      if (lastTimeUs < childTimeUs || (lastTimeUs === childTimeUs && lastSeq < childSeq)) break;
      times[hole] = childTimeUs;
      seqs[hole] = childSeq;
      kinds[hole] = kinds[child]!;
      as[hole] = as[child]!;
      bs[hole] = bs[child]!;
      hole = child;
    }
    times[hole] = lastTimeUs;
    seqs[hole] = lastSeq;
    kinds[hole] = kinds[last]!;
    as[hole] = as[last]!;
    bs[hole] = bs[last]!;
    return true;
  }

  /**
   * Moves the clock forward to timeUs (an integer >= nowUs) when no pending event is earlier;
   * runUntil uses it to land exactly on its bound after the last due event.
   */
  advanceTo(timeUs: number): void {
    if (!(timeUs >= this.clockUs && timeUs <= Number.MAX_SAFE_INTEGER && Math.floor(timeUs) === timeUs)) {
      throw new InvariantError(`advanceTo(${timeUs}) needs an integer µs >= nowUs (${this.clockUs})`);
    }
    if (this.peekTimeUs() < timeUs) {
      throw new InvariantError(`advanceTo(${timeUs}) would skip the pending event at ${this.peekTimeUs()} µs`);
    }
    this.clockUs = timeUs;
  }

  // Kept out of schedule() so the hot path stays small enough to inline.
  private failSchedule(atUs: number, kind: number): never {
    if ((kind | 0) !== kind) throw new InvariantError(`schedule: kind must be an int32, got ${kind}`);
    if (!Number.isSafeInteger(atUs)) throw new InvariantError(`schedule: atUs must be an integer µs, got ${atUs}`);
    throw new InvariantError(`schedule: atUs ${atUs} is before nowUs ${this.clockUs}; the past cannot be scheduled`);
  }

  private grow(): void {
    if (this.capacity >= this.pendingMax) {
      throw new LimitError('pendingEventsMax', this.pendingMax, `cannot schedule another event at ${this.clockUs} µs with ${this.count} pending`);
    }
    const capacity = Math.min(this.capacity * 2, this.pendingMax);
    this.heapTimeUs = grown(this.heapTimeUs, new Float64Array(capacity));
    this.heapSeq = grown(this.heapSeq, new Float64Array(capacity));
    this.heapA = grown(this.heapA, new Float64Array(capacity));
    this.heapB = grown(this.heapB, new Float64Array(capacity));
    this.heapKind = grown(this.heapKind, new Int32Array(capacity));
    this.capacity = capacity;
  }
}

function grown<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
