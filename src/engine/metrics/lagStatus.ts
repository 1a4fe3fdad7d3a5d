/**
 * Consumer lag status the way operators read it: Burrow's evaluation rules (linkedin/Burrow,
 * core/internal/evaluator/caching.go), applied to a sliding window of each partition's
 * committed offsets. A number of records behind says little on its own; whether the group is
 * keeping up, falling behind, stuck or gone is what an alert should say.
 *
 * Per partition, over the window of stored commits (oldest first), with `currentLag` now:
 *  1. if the lag is 0 now or at any stored commit: OK;
 *  2. else if a committed offset ever went backwards: REWIND;
 *  3. else if the time since the last commit exceeds the window's span: STOPPED;
 *  4. else if the committed offset never moved: STALLED;
 *  5. else if the lag never decreased from one commit to the next: WARNING;
 *  6. else OK.
 * A group's status is its worst partition's.
 *
 * One deviation: with fewer than two stored commits the status is OK. Burrow would apply rule 3
 * to a one-commit window (span 0) and call every partition STOPPED between its first and second
 * commit, which would teach the wrong thing at the start of every run.
 */

export type LagStatus = 'OK' | 'WARNING' | 'STOPPED' | 'STALLED' | 'REWIND';

/** Worst last, as Burrow orders its status constants. */
const SEVERITY: Record<LagStatus, number> = { OK: 0, WARNING: 1, STOPPED: 2, STALLED: 3, REWIND: 4 };

/** Burrow's defaults: 10 stored commits per partition, commits closer than 1 s replace the last. */
export const LAG_WINDOW_INTERVALS = 10;
export const LAG_WINDOW_MIN_DISTANCE_MS = 1000;

/**
 * The last `intervals` commits of one partition: a fixed ring, so memory is bounded however
 * long the run. A commit within `minDistanceMs` of the newest stored one replaces its offset and
 * lag but keeps its time (Burrow's min-distance), so a consumer committing after every record
 * does not shrink the window to a few milliseconds.
 */
export class CommitWindow {
  private readonly timeMs: Float64Array;
  private readonly offset: Float64Array;
  private readonly lag: Float64Array;
  private start = 0;
  private count = 0;

  constructor(
    readonly intervals = LAG_WINDOW_INTERVALS,
    readonly minDistanceMs = LAG_WINDOW_MIN_DISTANCE_MS,
  ) {
    if (!Number.isInteger(intervals) || intervals < 2) throw new RangeError(`intervals must be an integer ≥ 2, got ${intervals}`);
    this.timeMs = new Float64Array(intervals);
    this.offset = new Float64Array(intervals);
    this.lag = new Float64Array(intervals);
  }

  get size(): number {
    return this.count;
  }

  /** Records a commit of `offset` at `timeMs`, when the partition was `lag` records behind. */
  record(timeMs: number, offset: number, lag: number): void {
    if (this.count > 0) {
      const newest = (this.start + this.count - 1) % this.intervals;
      if (timeMs < this.timeMs[newest]!) throw new RangeError(`commit at ${timeMs} ms is older than the newest stored one`);
      if (timeMs - this.timeMs[newest]! < this.minDistanceMs) {
        // Keep the stored time, as Burrow does: moving it forward would let a consumer that
        // commits more often than minDistanceMs hold the window on one sliding slot for ever.
        this.offset[newest] = offset;
        this.lag[newest] = lag;
        return;
      }
    }
    let slot: number;
    if (this.count < this.intervals) {
      slot = (this.start + this.count) % this.intervals;
      this.count++;
    } else {
      slot = this.start;
      this.start = (this.start + 1) % this.intervals;
    }
    this.timeMs[slot] = timeMs;
    this.offset[slot] = offset;
    this.lag[slot] = lag;
  }

  /** Forgets every commit: the partition changed owner or the group restarted from scratch. */
  clear(): void {
    this.start = 0;
    this.count = 0;
  }

  /** Burrow's rules over the stored commits; `currentLag` is the lag now, at `nowMs`. */
  evaluate(currentLag: number, nowMs: number): LagStatus {
    if (currentLag <= 0 || this.count < 2) return 'OK';
    const at = (i: number) => (this.start + i) % this.intervals;
    for (let i = 0; i < this.count; i++) if (this.lag[at(i)] === 0) return 'OK';
    for (let i = 1; i < this.count; i++) if (this.offset[at(i)]! < this.offset[at(i - 1)]!) return 'REWIND';
    const firstMs = this.timeMs[at(0)]!;
    const lastMs = this.timeMs[at(this.count - 1)]!;
    if (nowMs - lastMs > lastMs - firstMs) return 'STOPPED';
    let moved = false;
    for (let i = 1; i < this.count; i++) if (this.offset[at(i)] !== this.offset[at(i - 1)]) moved = true;
    if (!moved) return 'STALLED';
    for (let i = 1; i < this.count; i++) if (this.lag[at(i)]! < this.lag[at(i - 1)]!) return 'OK';
    return 'WARNING';
  }

  /** Lag at the newest stored commit minus lag at the oldest: > 0 falling behind, < 0 catching up. */
  lagTrend(): number {
    if (this.count < 2) return 0;
    return this.lag[(this.start + this.count - 1) % this.intervals]! - this.lag[this.start]!;
  }
}

/** The worst of some partition statuses (OK when there are none). */
export function worstStatus(statuses: Iterable<LagStatus>): LagStatus {
  let worst: LagStatus = 'OK';
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}
