/**
 * The player behind the worker: owns one simulation, advances it in bounded slices and turns the
 * results into reports. Pure apart from its host (post, wall clock, timer), so the same code runs
 * in the Web Worker, in Node tests and in any other host.
 *
 * Lifecycle: empty → (load) paused ⇄ playing / seeking → finished; any engine failure or bad
 * scenario → failed. A successful `load` starts over from any state.
 */
import type { createSimulation, formatScenarioError, parseScenario, ScenarioError, Simulation } from '../engine';
import type { PlayerStatus, Report } from './protocol';
import { SPEED_MAX, SPEED_MIN, STEP_EVENTS_MAX } from './protocol';

/** The engine functions the driver needs; the worker passes the real engine, tests may pass fakes. */
export interface EngineApi {
  parseScenario: typeof parseScenario;
  createSimulation: typeof createSimulation;
  formatScenarioError: typeof formatScenarioError;
}

/** What the driver needs from the place it runs in. */
export interface DriverHost {
  /** Deliver a report to the page. */
  post(report: Report): void;
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
}

export const DEFAULT_DRIVER_OPTIONS: DriverOptions = {
  simSliceMsMax: 1_000,
  seekSliceMsMax: 5_000,
  wallGapMsMax: 250,
  tickIntervalMs: 16,
};

export type DriverMode = 'empty' | PlayerStatus | 'finished' | 'failed';

export interface Driver {
  load(scenarioJson: unknown, seed?: number): void;
  play(speed: number): void;
  pause(): void;
  step(events?: number): void;
  runTo(timeMs: number): void;
  ack(seq: number): void;
  /** Report a command the driver does not understand. */
  reject(message: string): void;
  /** Current mode, for tests and diagnostics. */
  readonly mode: DriverMode;
}

interface Run {
  sim: Simulation;
  /** Kept so that seeking backwards can re-run from time 0. */
  scenario: Parameters<typeof createSimulation>[0];
  seed: number | undefined;
  /** Simulated time the run has been advanced to, ms. */
  cursorMs: number;
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

  /** Replaces the run with a fresh simulation at time 0; false (and no run) if the engine refused. */
  function start(scenario: Run['scenario'], seed: number | undefined): boolean {
    run = null;
    let sim: Simulation | undefined;
    if (!guard(() => (sim = engine.createSimulation(scenario, seed === undefined ? undefined : { seed }))) || !sim) return false;
    run = { sim, scenario, seed, cursorMs: sim.now };
    finishAnnounced = false;
    frameDue = true;
    return true;
  }

  function flush(): boolean {
    if (!frameDue || unackedSeq !== null || !run) return false;
    const { sim } = run;
    let report: Report | undefined;
    if (!guard(() => {
      const snapshot = sim.snapshot();
      report = { type: 'sim.frame', seq: seq + 1, timeMs: snapshot.timeMs, metrics: snapshot.metrics, snapshot };
    })) return false;
    if (!report) return false;
    seq += 1;
    unackedSeq = seq;
    frameDue = false;
    host.post(report);
    if (mode === 'finished' && !finishAnnounced) {
      finishAnnounced = true;
      host.post({ type: 'sim.finished', timeMs: sim.now, traceHash: sim.traceHash() });
    }
    return true;
  }

  function advanceTo(targetMs: number): void {
    if (!run) return;
    const { sim } = run;
    const clampedMs = Math.min(targetMs, sim.durationMs);
    if (clampedMs <= run.cursorMs) return;
    if (!guard(() => sim.runUntil(clampedMs))) return;
    run.cursorMs = clampedMs;
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

    load(scenarioJson, seed) {
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
      if (!start(scenario, seed) || !run) return;
      host.post({
        type: 'sim.ready',
        title: scenario.title || 'Untitled scenario',
        description: scenario.description ?? '',
        durationMs: run.sim.durationMs,
        seed: seed ?? scenario.seed,
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
      current.cursorMs = current.sim.now;
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
      if (targetMs < run.cursorMs) {
        // Runs are deterministic, so going back means running again from 0.
        if (!start(run.scenario, run.seed) || !run) return;
      }
      seekTargetMs = targetMs;
      if (run.cursorMs >= targetMs) {
        setStatus('paused');
        flush();
        return;
      }
      setStatus('seeking');
      scheduleTick(0);
    },

    ack(ackedSeq) {
      if (ackedSeq !== unackedSeq) return; // a duplicate or stale ack changes nothing
      unackedSeq = null;
      if (!flush()) continueRunning();
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
