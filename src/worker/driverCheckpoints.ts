/**
 * The checkpoints of one timeline, so that a seek restores the nearest one and re-simulates only
 * the rest (the engine is deterministic, so the result is exact).
 *
 * Lifecycle: created empty with a run → `add` at every `intervalMs` boundary the run passes →
 * thinned when over `countMax` or `bytesMax` (the last `recentMs` kept dense, older ones made
 * sparser) → `discardFrom` when a change forks the timeline → dropped with the run on a load.
 */
import type { SimulationCheckpoint } from '../engine';
import type { InsightRecorderState } from './insightRecorder';

/** One instant of the timeline: the whole simulation and the charts' table at it. */
export interface TimelineCheckpoint {
  /** Simulated time, ms (a multiple of intervalMs). */
  readonly timeMs: number;
  readonly sim: SimulationCheckpoint;
  readonly insight: InsightRecorderState;
  /** Approximate memory both hold, bytes. */
  readonly bytes: number;
}

export interface CheckpointLimits {
  /** Simulated ms between two checkpoints: the most a seek re-simulates inside the dense window. */
  intervalMs: number;
  /** Most checkpoints kept. */
  countMax: number;
  /** Most memory all checkpoints together may hold, bytes (the engine's approxBytes). */
  bytesMax: number;
  /** Simulated ms before the newest checkpoint that are kept at every interval; older ones get thinned first. */
  recentMs: number;
}

export class TimelineCheckpoints {
  /** Oldest first. */
  private readonly kept: TimelineCheckpoint[] = [];
  private bytes = 0;

  constructor(readonly limits: CheckpointLimits) {
    if (!(limits.intervalMs > 0) || !(limits.countMax >= 1) || !(limits.bytesMax > 0)) {
      throw new Error(`checkpoint limits must be positive, got ${JSON.stringify(limits)}`);
    }
  }

  get count(): number {
    return this.kept.length;
  }

  /** Approximate memory held by every checkpoint kept, bytes. */
  get totalBytes(): number {
    return this.bytes;
  }

  /** Times of the checkpoints kept, ms, oldest first. */
  times(): number[] {
    return this.kept.map((c) => c.timeMs);
  }

  /** The first checkpoint boundary after `timeMs` (boundaries are the positive multiples of intervalMs). */
  nextBoundaryMs(timeMs: number): number {
    return (Math.floor(timeMs / this.limits.intervalMs) + 1) * this.limits.intervalMs;
  }

  has(timeMs: number): boolean {
    return this.kept.some((c) => c.timeMs === timeMs);
  }

  /** Keeps `checkpoint` in time order, then thins the others until within countMax and bytesMax. */
  add(checkpoint: Omit<TimelineCheckpoint, 'bytes'>): void {
    // The insight table shares its rows, so it costs one reference per row.
    const entry = { ...checkpoint, bytes: checkpoint.sim.approxBytes + checkpoint.insight.rows.length * 8 };
    let at = this.kept.length;
    while (at > 0 && this.kept[at - 1]!.timeMs > entry.timeMs) at--;
    if (this.kept[at - 1]?.timeMs === entry.timeMs) throw new Error(`a checkpoint at ${entry.timeMs} ms is already kept`);
    this.kept.splice(at, 0, entry);
    this.bytes += entry.bytes;
    while (this.kept.length > 1 && (this.kept.length > this.limits.countMax || this.bytes > this.limits.bytesMax)) this.dropOne();
  }

  /** The latest checkpoint at or before `timeMs`, or undefined. */
  latestAtOrBefore(timeMs: number): TimelineCheckpoint | undefined {
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const checkpoint = this.kept[i]!;
      if (checkpoint.timeMs <= timeMs) return checkpoint;
    }
    return undefined;
  }

  /** Drops every checkpoint at or after `timeMs` (they describe a timeline that no longer exists); returns how many. */
  discardFrom(timeMs: number): number {
    let keep = this.kept.length;
    while (keep > 0 && this.kept[keep - 1]!.timeMs >= timeMs) keep--;
    const dropped = this.kept.splice(keep);
    for (const c of dropped) this.bytes -= c.bytes;
    return dropped.length;
  }

  /**
   * Drops the checkpoint whose loss widens the gaps least: the one closest to its older
   * neighbour among those older than the recent window (the oldest such on ties), so old history
   * thins out gradually; only when every checkpoint is recent, the oldest.
   */
  private dropOne(): void {
    const newestMs = this.kept[this.kept.length - 1]!.timeMs;
    let victim = 0;
    let victimGapMs = Number.POSITIVE_INFINITY;
    for (let i = 1; i < this.kept.length - 1; i++) {
      const c = this.kept[i]!;
      if (c.timeMs >= newestMs - this.limits.recentMs) break;
      const gapMs = this.kept[i + 1]!.timeMs - this.kept[i - 1]!.timeMs;
      if (gapMs < victimGapMs) {
        victim = i;
        victimGapMs = gapMs;
      }
    }
    const [dropped] = this.kept.splice(victim, 1);
    this.bytes -= dropped!.bytes;
  }
}
