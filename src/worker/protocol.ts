/**
 * The messages between the page and the simulation worker. Both directions are plain data
 * (structured-clone safe) and every message type is prefixed by its source: `page.*` is sent by
 * the page, `sim.*` by the worker.
 *
 * Flow control: the worker posts at most one `sim.frame` that the page has not yet acknowledged
 * with `page.ack`; everything else is posted as soon as it happens.
 */
import type { Metrics, ScenarioError, Snapshot } from '../engine';

/** A command from the page to the worker. */
export type Command =
  /** Parse a scenario and start a fresh simulation of it, paused at time 0. */
  | {
      type: 'page.load';
      /** The scenario document as the author wrote it; the worker validates it. */
      scenarioJson: unknown;
      /** Overrides the scenario's own seed; omitted means use the scenario's. */
      seed?: number;
    }
  /** Run in real time, scaled: simulated ms per real ms is `speed`. */
  | {
      type: 'page.play';
      /** Simulated time per real time, between SPEED_MIN and SPEED_MAX (1 = real time). */
      speed: number;
    }
  /** Stop advancing; the current frame stays. */
  | { type: 'page.pause' }
  /** Pause, then process the next few simulation events. */
  | {
      type: 'page.step';
      /** How many simulation events to process, 1..STEP_EVENTS_MAX; default 1. */
      events?: number;
    }
  /**
   * Advance as fast as the worker can to a simulated time, then pause there. A time earlier
   * than now re-runs from 0: runs are deterministic, so the result is exact.
   */
  | {
      type: 'page.runTo';
      /** Target simulated time, ms; clamped to the scenario's duration. */
      timeMs: number;
    }
  /** The page has taken `sim.frame` number `seq`; the worker may post the next one. */
  | {
      type: 'page.ack';
      /** The `seq` of the frame being acknowledged. */
      seq: number;
    };

/** What the simulation is doing between `sim.ready` and `sim.finished`. */
export type PlayerStatus =
  /** Not advancing. */
  | 'paused'
  /** Advancing with real time, scaled by the speed. */
  | 'playing'
  /** Advancing as fast as possible towards a `page.runTo` target. */
  | 'seeking';

/** A report from the worker to the page. */
export type Report =
  /** A scenario was loaded; the simulation is paused at time 0 and a first frame follows. */
  | {
      type: 'sim.ready';
      /** The scenario's title, for headings. */
      title: string;
      /** What the scenario shows, in a sentence or two; empty when the author wrote none. */
      description: string;
      /** The scenario's length in simulated time, ms. */
      durationMs: number;
      /** The seed actually used (the scenario's own unless `page.load` overrode it). */
      seed: number;
    }
  /** The player changed between paused, playing and seeking. */
  | {
      type: 'sim.status';
      /** The new status. */
      status: PlayerStatus;
    }
  /** The state of the simulation after a tick, a step or a seek; acknowledge with `page.ack`. */
  | {
      type: 'sim.frame';
      /** Frame number, increasing by 1 per frame over the worker's lifetime. */
      seq: number;
      /** Simulated time of this frame, ms (same as `snapshot.timeMs`). */
      timeMs: number;
      /** The summary metrics (same object as `snapshot.metrics`, cloned once). */
      metrics: Metrics;
      /** Everything the page draws. */
      snapshot: Snapshot;
    }
  /** The simulation reached its duration; posted right after the final frame. */
  | {
      type: 'sim.finished';
      /** Simulated time at the end, ms. */
      timeMs: number;
      /** Hex digest of the whole run's canonical event trace. */
      traceHash: string;
    }
  /** Something went wrong; the simulation stops until the next `page.load`. */
  | {
      type: 'sim.error';
      /** What went wrong, in words a learner understands (never a stack trace). */
      message: string;
      /** When a scenario failed to parse: every problem, with its JSON path. */
      scenarioErrors?: ScenarioError[];
    };

/** Slowest playback speed accepted by `page.play`. */
export const SPEED_MIN = 0.1;
/** Fastest playback speed accepted by `page.play`. */
export const SPEED_MAX = 1000;
/** Most events one `page.step` may process. */
export const STEP_EVENTS_MAX = 10_000;

export type CommandType = Command['type'];
export type ReportType = Report['type'];
