import { deepCopy } from './deepCopy';

/**
 * The whole state of a run at one instant, frozen: restoring it gives a new, independent run that
 * continues exactly as the original did from there. Lifecycle: taken by `sim.checkpoint()` →
 * restored any number of times → dropped by its holder. Neither the original nor any restored
 * run can change it.
 */
export interface Checkpoint<Restored, RestoreOptions> {
  /** Simulated time of the checkpoint, ms. */
  readonly timeMs: number;
  /** Events the run had processed by then. */
  readonly events: number;
  /** Approximate memory the checkpoint holds, bytes: what its holder weighs against a budget. */
  readonly approxBytes: number;
  /** A new run from this instant; each call copies again, so restored runs never share state. */
  restore(options?: RestoreOptions): Restored;
}

/**
 * Freezes a copy of `state` (a run's whole state, reached from one root) and returns the
 * checkpoint; `bind` turns a private copy of it back into a run.
 */
export function takeCheckpoint<State, Restored, RestoreOptions>(
  state: State,
  at: { timeMs: number; events: number },
  bind: (copy: State, options: RestoreOptions | undefined) => Restored,
): Checkpoint<Restored, RestoreOptions> {
  const frozen = deepCopy(state);
  return Object.freeze({
    timeMs: at.timeMs,
    events: at.events,
    approxBytes: frozen.bytes,
    restore(options?: RestoreOptions): Restored {
      return bind(deepCopy(frozen.value).value, options);
    },
  });
}
