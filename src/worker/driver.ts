/**
 * The player behind the worker: owns one simulation, advances it in bounded slices and turns the
 * results into reports. Pure apart from its host (post, wall clock, timer), so the same code runs
 * in the Web Worker, in Node tests and in any other host.
 *
 * Lifecycle: empty → (load) paused ⇄ playing / seeking → finished; any engine failure or bad
 * scenario → failed. A successful `load` starts over from any state.
 */
import type { Change, createSimulation, formatScenarioError, parseScenario, RecordedAction, ScenarioError, Simulation } from '../engine';
import { createFrameEncoder } from './frameCodec';
import { advanceTimeline, forkIfInPast, jumpTowards, startRun, type Run, type TimelineContext } from './driverSeek';
import { inspectRecord, type RecordQuery } from './inspect';
import type { PlayerStatus, Report } from './protocol';
import { FRAME_EVENTS_MAX, SERIES_INTERVAL_MS, SPEED_MAX, SPEED_MIN, STEP_EVENTS_MAX } from './protocol';

/** The engine functions the driver needs; the worker passes the real engine, tests may pass fakes. */
export interface EngineApi {
  parseScenario: typeof parseScenario;
  createSimulation: typeof createSimulation;
  formatScenarioError: typeof formatScenarioError;
}

/** What the driver needs from the place it runs in. */
export interface DriverHost {
  /** Deliver a report to the page, handing over (not copying) the buffers in `transfer`. */
  post(report: Report, transfer?: ArrayBuffer[]): void;
  /** A monotonic wall clock, ms; used only to pace playback, never inside the simulation. */
  nowMs(): number;
  /** Call `callback` once after about `delayMs` real ms. */
  schedule(delayMs: number, callback: () => void): void;
}

export interface DriverOptions {
  /** Most simulated time one playing tick may advance, ms: bounds the work per tick so the worker keeps answering commands. */
  simSliceMsMax: number;
  /** Most simulated time one seeking tick (`runTo`) may advance, ms; the page sees progress between slices. */
  seekSliceMsMax: number;
  /** Longest real gap one playing tick accounts for, ms: after a stall the run resumes rather than jumps. */
  wallGapMsMax: number;
  /** Shortest real time between two playing ticks, ms (one display frame at 60 Hz). */
  tickIntervalMs: number;
  /**
   * Simulated ms between two checkpoints of the timeline: a seek restores the latest one before
   * its target and re-simulates at most this much. 0 turns checkpoints off (seeks re-run from 0).
   */
  checkpointIntervalMs: number;
  /** Most checkpoints kept per timeline; beyond, older ones are thinned. */
  checkpointsMax: number;
  /** Most memory the checkpoints of a timeline may hold together, bytes (approximate). */
  checkpointBytesMax: number;
  /** Simulated ms before the newest checkpoint kept at every interval while thinning older ones. */
  checkpointRecentMs: number;
  /**
   * The device's memory, GB, as the host knows it (a browser's `navigator.deviceMemory`), or null
   * when unknown: checkpoints then hold at most 1/16 of it (and never more than checkpointBytesMax).
   */
  deviceMemoryGb: number | null;
}

export const DEFAULT_DRIVER_OPTIONS: DriverOptions = {
  simSliceMsMax: 1_000,
  // As long as the checkpoint spacing: a seek re-runs less than one interval from a checkpoint,
  // so it finishes in one slice instead of waiting for the page to ack a frame half way.
  seekSliceMsMax: 10_000,
  wallGapMsMax: 250,
  tickIntervalMs: 16,
  // Restoring costs ~10 ms; re-running is the rest. The 12-partition, 6-consumer churn at 10,000
  // msg/s costs 40–65 ms of work per simulated second on an idle machine, so its worst seek (just
  // under one interval after a checkpoint) takes ~0.5 s; 200 ms would need ~3 s spacing, three
  // times the memory (~6.7 MB a checkpoint there). Most scenarios cost a tenth of that.
  checkpointIntervalMs: 10_000,
  // 10 simulated minutes at every interval, and some thinned history before.
  checkpointsMax: 72,
  // A churn checkpoint weighs ~6.7 MB (compacted; 2.9 MB of it the record trail's ring, 2.1 MB
  // the scheduler's pending request timeouts): its 60 in 10 minutes need ~410 MB.
  checkpointBytesMax: 448 * 1024 * 1024,
  checkpointRecentMs: 600_000,
  deviceMemoryGb: null,
};

export { withPendingReplay } from './driverSeek';

export type DriverMode = 'empty' | PlayerStatus | 'finished' | 'failed';

export interface Driver {
  /** `actions`: live changes of an earlier run to replay (a shared run). */
  load(scenarioJson: unknown, seed?: number, actions?: readonly RecordedAction[]): void;
  play(speed: number): void;
  pause(): void;
  step(events?: number): void;
  runTo(timeMs: number): void;
  /** Applies a live change at the current simulated time and answers with `sim.applied`. */
  apply(requestId: number, change: Change): void;
  ack(seq: number): void;
  /** Answers with `sim.run`: what describes the current run exactly. */
  describeRun(requestId: number): void;
  /** Starts or stops posting `sim.series` (off by default: only pages that chart ask for it). */
  watchSeries(enabled: boolean): void;
  /** Answers with `sim.inspect`: one record's life, or a key's records. */
  inspect(requestId: number, query: RecordQuery): void;
  /** Answers with `sim.events`: every event log entry the run still holds. */
  exportEvents(requestId: number): void;
  /** Report a command the driver does not understand. */
  reject(message: string): void;
  /** Current mode, for tests and diagnostics. */
  readonly mode: DriverMode;
}

export function createDriver(engine: EngineApi, host: DriverHost, options: Partial<DriverOptions> = {}): Driver {
  const limits: DriverOptions = { ...DEFAULT_DRIVER_OPTIONS, ...options };
  let run: Run | null = null;
  let mode: DriverMode = 'empty';
  let speed = 1;
  let seekTargetMs = 0;
  let lastAdvanceWallMs = 0;
  // Simulated time owed to playback that did not fill a whole ms yet; advancing in whole ms keeps
  // the engine's clock on round values whatever the speed.
  let owedSimMs = 0;
  let seq = 0;
  let unackedSeq: number | null = null;
  let frameDue = false;
  let finishAnnounced = false;
  let tickScheduled = false;
  let watchingSeries = false;
  /** Wall time of the last `sim.series`, ms; -Infinity so the first is never held back. */
  let lastSeriesWallMs = Number.NEGATIVE_INFINITY;
  const encoder = createFrameEncoder();
  const timeline: TimelineContext = {
    engine,
    limits,
    host,
    guard,
    get run() {
      return run;
    },
    set run(next) {
      run = next;
    },
    startedRun() {
      finishAnnounced = false;
      frameDue = true;
    },
  };

  function setStatus(next: PlayerStatus): void {
    if (mode === next) return;
    mode = next;
    host.post({ type: 'sim.status', status: next });
  }

  function fail(message: string, scenarioErrors?: ScenarioError[]): void {
    mode = 'failed';
    frameDue = false;
    host.post(scenarioErrors ? { type: 'sim.error', message, scenarioErrors } : { type: 'sim.error', message });
  }

  /** Runs an engine call; an exception becomes a `sim.error` instead of killing the worker. */
  function guard(action: () => void): boolean {
    try {
      action();
      return true;
    } catch (error) {
      fail(`The simulation stopped: ${describe(error)}`);
      return false;
    }
  }

  function flush(): boolean {
    if (!frameDue || unackedSeq !== null || !run) return false;
    const current = run;
    const { sim } = current;
    let report: Extract<Report, { type: 'sim.frame' }> | undefined;
    if (!guard(() => {
      const snapshot = sim.snapshot();
      if (current.fresh) encoder.reset();
      const { layout, numbers } = encoder.encode(snapshot);
      // Only what the page has not seen: the log is a delta, not the last 100 entries every frame.
      const unsent = Math.min(snapshot.eventsTotal - current.eventsSent, FRAME_EVENTS_MAX, snapshot.events.length);
      report = {
        type: 'sim.frame',
        seq: seq + 1,
        timeMs: snapshot.timeMs,
        metrics: snapshot.metrics,
        layout,
        numbers,
        fresh: current.fresh,
        events: unsent > 0 ? snapshot.events.slice(-unsent) : [],
        eventsTotal: snapshot.eventsTotal,
      };
    })) return false;
    if (!report) return false;
    seq += 1;
    unackedSeq = seq;
    frameDue = false;
    current.fresh = false;
    current.eventsSent = report.eventsTotal;
    host.post(report, [report.numbers.buffer as ArrayBuffer]);
    postSeries(mode !== 'playing' && mode !== 'seeking');
    if (mode === 'finished' && !finishAnnounced) {
      finishAnnounced = true;
      host.post({ type: 'sim.finished', timeMs: sim.now, traceHash: sim.traceHash() });
    }
    return true;
  }

  /**
   * Posts the samples the page has not seen: while running at most every SERIES_INTERVAL_MS of
   * real time (charts redraw a few times a second, not per frame), else (`force`) right away.
   */
  function postSeries(force: boolean): void {
    if (!watchingSeries || !run) return;
    const nowMs = host.nowMs();
    if (!force && nowMs - lastSeriesWallMs < SERIES_INTERVAL_MS) return;
    const delta = run.recorder.takeDelta();
    if (!delta) return;
    lastSeriesWallMs = nowMs;
    host.post({ type: 'sim.series', delta }, [delta.data.buffer as ArrayBuffer]);
  }

  function advanceTo(targetMs: number): void {
    if (!run) return;
    const current = run;
    const { sim } = current;
    const clampedMs = Math.min(targetMs, sim.durationMs);
    if (clampedMs <= current.cursorMs) return;
    if (!advanceTimeline(timeline, current, clampedMs)) return;
    current.furthestMs = Math.max(current.furthestMs, clampedMs);
    frameDue = true;
    if (sim.finished) mode = 'finished';
  }

  function scheduleTick(delayMs: number): void {
    if (tickScheduled) return;
    tickScheduled = true;
    host.schedule(delayMs, tick);
  }

  function tick(): void {
    tickScheduled = false;
    if (!run || unackedSeq !== null) return; // the ack will schedule the next tick
    if (mode === 'playing') {
      const nowMs = host.nowMs();
      owedSimMs += speed * Math.min(nowMs - lastAdvanceWallMs, limits.wallGapMsMax);
      lastAdvanceWallMs = nowMs;
      const wholeMs = Math.min(Math.floor(owedSimMs), limits.simSliceMsMax);
      // Time the cap refused is dropped, not owed: a slow engine slows the run instead of
      // building a backlog it can never pay off.
      owedSimMs = wholeMs === limits.simSliceMsMax ? 0 : owedSimMs - wholeMs;
      advanceTo(run.cursorMs + wholeMs);
    } else if (mode === 'seeking') {
      advanceTo(Math.min(seekTargetMs, run.cursorMs + limits.seekSliceMsMax));
      if (mode === 'seeking' && run.cursorMs >= seekTargetMs) setStatus('paused');
    } else {
      return;
    }
    if (!flush()) continueRunning();
  }

  function continueRunning(): void {
    if (mode === 'playing') {
      const sinceMs = host.nowMs() - lastAdvanceWallMs;
      scheduleTick(Math.max(0, limits.tickIntervalMs - sinceMs));
    } else if (mode === 'seeking') {
      scheduleTick(0);
    }
  }

  const driver: Driver = {
    get mode() {
      return mode;
    },

    load(scenarioJson, seed, actions = []) {
      if (seed !== undefined && !Number.isSafeInteger(seed)) {
        fail(`seed must be a whole number, got ${String(seed)}`);
        return;
      }
      let parsed: ReturnType<typeof parseScenario> | undefined;
      if (!guard(() => (parsed = engine.parseScenario(scenarioJson))) || !parsed) return;
      if (!parsed.ok) {
        run = null;
        const count = parsed.errors.length;
        const lines = parsed.errors.map((error) => engine.formatScenarioError(error));
        fail(`The scenario has ${count} problem${count === 1 ? '' : 's'}:\n${lines.join('\n')}`, parsed.errors);
        return;
      }
      const { scenario } = parsed;
      mode = 'paused';
      if (!startRun(timeline, scenario, seed, actions) || !run) return;
      host.post({
        type: 'sim.ready',
        title: scenario.title || 'Untitled scenario',
        description: scenario.description ?? '',
        durationMs: run.sim.durationMs,
        seed: seed ?? scenario.seed,
        scenario,
      });
      flush();
    },

    play(requestedSpeed) {
      if (!Number.isFinite(requestedSpeed) || requestedSpeed < SPEED_MIN || requestedSpeed > SPEED_MAX) {
        fail(`speed must be between ${SPEED_MIN} and ${SPEED_MAX}, got ${String(requestedSpeed)}`);
        return;
      }
      speed = requestedSpeed;
      if (!run || (mode !== 'paused' && mode !== 'seeking')) return;
      lastAdvanceWallMs = host.nowMs();
      owedSimMs = 0;
      setStatus('playing');
      scheduleTick(limits.tickIntervalMs);
    },

    pause() {
      if (mode === 'playing' || mode === 'seeking') setStatus('paused');
    },

    step(events = 1) {
      if (!Number.isInteger(events) || events < 1 || events > STEP_EVENTS_MAX) {
        fail(`step events must be a whole number between 1 and ${STEP_EVENTS_MAX}, got ${String(events)}`);
        return;
      }
      if (!run || mode === 'finished' || mode === 'failed' || mode === 'empty') return;
      const current = run;
      setStatus('paused');
      if (!guard(() => current.sim.step(events))) return;
      // A step can pass a sampling instant; the sample is taken just after it (the only inexact one).
      if (!guard(() => current.recorder.catchUp(current.sim))) return;
      current.cursorMs = current.sim.now;
      current.furthestMs = Math.max(current.furthestMs, current.cursorMs);
      frameDue = true;
      if (current.sim.finished) mode = 'finished';
      flush();
    },

    runTo(timeMs) {
      if (!Number.isFinite(timeMs) || timeMs < 0) {
        fail(`runTo time must be a number of ms at or after 0, got ${String(timeMs)}`);
        return;
      }
      if (!run || mode === 'failed' || mode === 'empty') return;
      const targetMs = Math.min(timeMs, run.sim.durationMs);
      if (!jumpTowards(timeline, targetMs) || !run) return;
      seekTargetMs = targetMs;
      if (run.cursorMs >= targetMs) {
        setStatus('paused');
        flush();
        return;
      }
      setStatus('seeking');
      scheduleTick(0);
    },

    apply(requestId, change) {
      const refuse = (error: string) => host.post({ type: 'sim.applied', requestId, ok: false, error });
      if (!run || mode === 'failed' || mode === 'empty') return refuse('there is no simulation running');
      if (mode === 'finished') return refuse('the run has finished; rewind to change it');
      if (!forkIfInPast(timeline)) return;
      const { sim } = run;
      let result: ReturnType<Simulation['apply']> | undefined;
      if (!guard(() => (result = sim.apply(change))) || !result) return;
      host.post(result.ok ? { type: 'sim.applied', requestId, ok: true } : { type: 'sim.applied', requestId, ok: false, error: result.error });
      if (!result.ok) return;
      // A checkpoint at this very instant was taken before the change: restoring it would skip it.
      run.checkpoints?.discardFrom(run.cursorMs);
      // Show the change now, even while paused: the page waits for the frame to see its effect.
      frameDue = true;
      flush();
    },

    ack(ackedSeq) {
      if (ackedSeq !== unackedSeq) return; // a duplicate or stale ack changes nothing
      unackedSeq = null;
      if (!flush()) continueRunning();
    },

    describeRun(requestId) {
      const current = run;
      if (!current || mode === 'failed') {
        host.post({ type: 'sim.run', requestId, run: null });
        return;
      }
      const { sim } = current;
      host.post({ type: 'sim.run', requestId, run: { seed: sim.seed, actions: sim.actions(), timeMs: sim.now, traceHash: sim.traceHash() } });
    },

    watchSeries(enabled) {
      watchingSeries = enabled;
      if (enabled) postSeries(true);
    },

    inspect(requestId, query) {
      const current = run;
      if (!current || mode === 'failed' || mode === 'empty') return;
      guard(() => host.post({ type: 'sim.inspect', requestId, result: inspectRecord(current.sim, current.recorder, query) }));
    },

    exportEvents(requestId) {
      const current = run;
      if (!current || mode === 'failed' || mode === 'empty') {
        host.post({ type: 'sim.events', requestId, events: [], eventsTotal: 0 });
        return;
      }
      const events = current.sim.events();
      host.post({ type: 'sim.events', requestId, events, eventsTotal: current.sim.snapshot().eventsTotal });
    },

    reject(message) {
      host.post({ type: 'sim.error', message });
    },
  };
  return driver;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
