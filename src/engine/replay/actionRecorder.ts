import { msToUs } from '../kernel/time';
import { InvariantError } from '../kernel/assert';
import { ACTIONS_MAX, type RecordedAction } from './actionLog';
import type { Scheduler } from '../kernel/scheduler';
import type { ApplyResult, Change } from '../changes';

/**
 * Records the changes a run applies, and replays a recorded log at exactly the points where its
 * changes were applied: after the same number of events, at the same simulated time.
 */
export class ActionRecorder {
  private readonly recorded: RecordedAction[] = [];
  private next = 0;
  /**
   * Events processed when the next replayed action is due (Infinity when none is left): a plain
   * field, because the run loop compares it with the event count after every event.
   */
  nextDueEvents: number;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly applyNow: (change: Change) => ApplyResult,
    private replaying: readonly RecordedAction[] = [],
  ) {
    this.nextDueEvents = replaying[0]?.events ?? Infinity;
  }

  /** Applies a live change now and records it if it applied. */
  apply(change: Change): ApplyResult {
    if (this.recorded.length >= ACTIONS_MAX) {
      return { ok: false, error: `the action log is full (${ACTIONS_MAX} changes): start a new run to change more` };
    }
    const at = { timeMs: this.scheduler.nowUs / 1000, events: this.scheduler.poppedCount };
    const result = this.applyNow(change);
    if (result.ok) this.recorded.push({ ...at, change: structuredClone(change) });
    return result;
  }

  /**
   * Applies every replayed action due now: recorded after exactly as many events as have been
   * processed, at a time no later than `limitUs` (the end of the current run) and no later than
   * the next pending event. Throws when the log does not fit this run (another scenario, seed
   * or engine version), naming the action.
   */
  applyDue(limitUs: number): void {
    for (;;) {
      const action = this.replaying[this.next];
      if (action === undefined || action.events !== this.scheduler.poppedCount) return;
      const atUs = msToUs(action.timeMs);
      if (atUs > limitUs) return;
      if (atUs < this.scheduler.nowUs || atUs > this.scheduler.peekTimeUs()) {
        throw new InvariantError(
          `actions[${this.next}] (${action.change.type} at ${action.timeMs} ms after ${action.events} events) does not fit this run: ` +
            `the simulation is at ${this.scheduler.nowUs / 1000} ms, next event at ${this.scheduler.peekTimeUs() / 1000} ms. ` +
            'Was it recorded with another scenario, seed or engine version?',
        );
      }
      this.scheduler.advanceTo(atUs);
      const result = this.apply(action.change);
      if (!result.ok) throw new InvariantError(`actions[${this.next}] (${action.change.type} at ${action.timeMs} ms) was refused: ${result.error}`);
      this.next++;
      this.nextDueEvents = this.replaying[this.next]?.events ?? Infinity;
    }
  }

  /**
   * Replaces the log still to replay with the rest of `actions`: a whole run's log whose first
   * entries are exactly the changes recorded so far (a checkpoint restored to continue another
   * timeline of the same run). Throws InvariantError naming the first entry that does not fit.
   */
  replayFrom(actions: readonly RecordedAction[]): void {
    this.recorded.forEach((done, i) => {
      const given = actions[i];
      if (given === undefined || given.events !== done.events || given.timeMs !== done.timeMs || JSON.stringify(given.change) !== JSON.stringify(done.change)) {
        throw new InvariantError(`actions[${i}] is not the ${done.change.type} this run applied at ${done.timeMs} ms after ${done.events} events`);
      }
    });
    const due = actions[this.recorded.length];
    if (due !== undefined && due.events < this.scheduler.poppedCount) {
      throw new InvariantError(
        `actions[${this.recorded.length}] (${due.change.type} after ${due.events} events) is already past: the run has processed ${this.scheduler.poppedCount} events`,
      );
    }
    this.replaying = actions;
    this.next = this.recorded.length;
    this.nextDueEvents = due?.events ?? Infinity;
  }

  /** Every change applied so far, replayed ones included, oldest first. */
  actions(): RecordedAction[] {
    return structuredClone(this.recorded);
  }
}
