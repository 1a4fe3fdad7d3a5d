import type { ScenarioError, Snapshot } from '../../engine';

/** What the lab is doing, as the page shows it. */
export type LabStatus =
  /** Nothing asked for yet. */
  | 'idle'
  /** A scenario was sent to the worker; waiting for `sim.ready`. */
  | 'loading'
  | 'paused'
  | 'playing'
  /** Running as fast as possible to a target time. */
  | 'seeking'
  /** The run reached its duration. */
  | 'finished'
  /** The scenario was refused or the simulation stopped; see `error`. */
  | 'failed';

/** The scenario being shown, as the worker reported it. */
export interface LoadedScenario {
  /** Built-in id it was loaded from. */
  id: string;
  title: string;
  description: string;
  /** Simulated length, ms. */
  durationMs: number;
  seed: number;
}

/** A problem to show the learner in place of the lab. */
export interface LabError {
  message: string;
  /** When the scenario did not parse: each problem with its JSON path. */
  scenarioErrors: ScenarioError[];
}

/** What the simulation last reported. */
export interface SimSlice {
  scenario: LoadedScenario | null;
  /** The latest frame's snapshot; null until the first frame. */
  snapshot: Snapshot | null;
  /** The final trace hash once the run finished, else null. */
  finishedTraceHash: string | null;
  error: LabError | null;
}

/** The player: its status and what the learner asked it to do. */
export interface PlayerSlice {
  status: LabStatus;
  /** Simulated time per real time while playing (1 = real time). */
  speed: number;
  /** Id of the scenario requested last, even before the worker confirms it. */
  requestedScenarioId: string | null;
}

/** Everything the learner can do; each becomes a worker command. */
export interface LabActions {
  /** Loads a built-in scenario by id, with an optional seed override. */
  loadBuiltin(id: string, seed?: number): void;
  play(): void;
  pause(): void;
  /** Pause if running, play if paused. */
  togglePlay(): void;
  /** Process the next simulation event. */
  step(): void;
  /** Seek to a simulated time, ms. */
  runTo(timeMs: number): void;
  setSpeed(speed: number): void;
}

export type AppState = SimSlice & PlayerSlice & LabActions;
