/**
 * The messages between the page and the simulation worker. Both directions are plain data
 * (structured-clone safe) and every message type is prefixed by its source: `page.*` is sent by
 * the page, `sim.*` by the worker.
 *
 * Flow control: the worker posts at most one `sim.frame` that the page has not yet acknowledged
 * with `page.ack`; everything else is posted as soon as it happens. A frame's numbers travel as a
 * transferred buffer (see frameCodec.ts), so a frame costs the page no deep clone.
 */
import type { Change, EngineEvent, Metrics, RecordedAction, Scenario, ScenarioError } from '../engine';
import type { FrameLayout } from './frameCodec';
import type { SeriesDelta } from './insightRecorder';
import type { RecordInspection, RecordQuery } from './inspect';

/** A command from the page to the worker. */
export type Command =
  /** Parse a scenario and start a fresh simulation of it, paused at time 0. */
  | {
      type: 'page.load';
      /** The scenario document as the author wrote it; the worker validates it. */
      scenarioJson: unknown;
      /** Overrides the scenario's own seed; omitted means use the scenario's. */
      seed?: number;
      /**
       * Live changes of an earlier run of this scenario and seed (a shared run), replayed at the
       * points they were recorded; omitted means none. One that does not fit stops the run with `sim.error`.
       */
      actions?: RecordedAction[];
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
  /** A live knob change or fault, applied at the current simulated time; answered by `sim.applied`. */
  | {
      type: 'page.apply';
      /** Echoed in `sim.applied`, so the page can match the answer to the control that asked. */
      requestId: number;
      /** What to change, exactly as `sim.apply` takes it. */
      change: Change;
    }
  /** Asks what describes the current run exactly (for a share link); answered by `sim.run`. */
  | {
      type: 'page.describeRun';
      /** Echoed in `sim.run`. */
      requestId: number;
    }
  /** Starts (or stops) `sim.series` reports: only a page that draws charts pays for them. */
  | {
      type: 'page.watchSeries';
      enabled: boolean;
    }
  /** Asks for one record's life (by partition and offset) or a key's records; answered by `sim.inspect`. */
  | {
      type: 'page.inspect';
      /** Echoed in `sim.inspect`. */
      requestId: number;
      query: RecordQuery;
    }
  /** Asks for every event log entry the run still holds (for an export); answered by `sim.events`. */
  | {
      type: 'page.exportEvents';
      /** Echoed in `sim.events`. */
      requestId: number;
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
      /** The parsed scenario, every default filled in: the knobs start from its values. */
      scenario: Scenario;
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
      /** The summary metrics. */
      metrics: Metrics;
      /** The snapshot's slowly changing part, when it changed since the previous frame; else null. */
      layout: FrameLayout | null;
      /** The snapshot's per-frame numbers; decode with `decodeFrame(layout, numbers, metrics)`. */
      numbers: Float64Array;
      /** True on the first frame of a run (a load, or a re-run to seek backwards): forget older events. */
      fresh: boolean;
      /** Event log entries written since the previous frame of this run, oldest first (at most FRAME_EVENTS_MAX). */
      events: EngineEvent[];
      /** Entries ever written to the run's event log: a gap to the page's count means some were skipped. */
      eventsTotal: number;
    }
  /** The answer to `page.apply`. */
  | {
      type: 'sim.applied';
      /** The `requestId` of the `page.apply` answered. */
      requestId: number;
      /** Whether the engine took the change. */
      ok: boolean;
      /** Why the engine refused it, in the engine's words; absent when ok. */
      error?: string;
    }
  /** The answer to `page.describeRun`. */
  | {
      type: 'sim.run';
      /** The `requestId` of the `page.describeRun` answered. */
      requestId: number;
      /** Seed, action log, time and trace hash of the run now; null when no run is loaded. */
      run: {
        seed: number;
        /** Every live change so far, replayed ones included (`sim.actions()`). */
        actions: RecordedAction[];
        /** Simulated time the run has reached, ms. */
        timeMs: number;
        traceHash: string;
      } | null;
    }
  /**
   * New chart samples and timeline markers, at most every SERIES_INTERVAL_MS of real time while
   * running and right away when paused; `delta.data` is a transferred buffer.
   */
  | {
      type: 'sim.series';
      delta: SeriesDelta;
    }
  /** The answer to `page.inspect`. */
  | {
      type: 'sim.inspect';
      /** The `requestId` of the `page.inspect` answered. */
      requestId: number;
      result: RecordInspection;
    }
  /** The answer to `page.exportEvents`. */
  | {
      type: 'sim.events';
      /** The `requestId` of the `page.exportEvents` answered. */
      requestId: number;
      /** The entries the run's bounded log still holds, oldest first. */
      events: EngineEvent[];
      /** Entries ever written: more than `events.length` means the oldest were evicted. */
      eventsTotal: number;
    }
  /**
   * A live change was applied at a time before the furthest the run had reached: the timeline
   * after it is discarded (and with it any later changes of the old timeline, which are not
   * replayed); the run goes on from here.
   */
  | {
      type: 'sim.forked';
      /** Simulated time of the change, ms: the new timeline starts here. */
      atMs: number;
      /** The furthest simulated time the discarded timeline had reached, ms. */
      discardedUntilMs: number;
      /** Later changes of the old timeline that were discarded. */
      discardedActions: number;
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
      /** True when the worker itself died (posted by the client): only a new worker can go on. */
      fatal?: boolean;
    };

/** Slowest playback speed accepted by `page.play`. */
export const SPEED_MIN = 0.1;
/** Fastest playback speed accepted by `page.play`. */
export const SPEED_MAX = 1000;
/** Most event log entries one frame carries. */
export const FRAME_EVENTS_MAX = 100;
/** Least real time between two `sim.series` reports while running, ms (≤ 4 per second). */
export const SERIES_INTERVAL_MS = 250;
/** Most events one `page.step` may process. */
export const STEP_EVENTS_MAX = 10_000;

export type CommandType = Command['type'];
export type ReportType = Report['type'];
