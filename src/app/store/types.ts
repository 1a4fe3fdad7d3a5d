import type { Change, EngineEvent, RecordedAction, Scenario, ScenarioError } from '../../engine';
import type { Report } from '../../worker/protocol';
import type { FrameLayout } from '../../worker/frameCodec';
import type { LabSnapshot } from '../../worker/labSnapshot';
import type { FlowRates } from '../viz/rates';
import type { QueueFlowRates } from '../viz/queueRates';
import type { InsightStore } from '../insight/insightStore';

/** What the lab is doing, as the page shows it (and as `data-status` exposes it to tests). */
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

/** Where a scenario document came from. */
export type ScenarioSource =
  /** A built-in scenario, by id. */
  | { kind: 'builtin'; id: string }
  /** A file the learner chose, by its name. */
  | { kind: 'file'; name: string }
  /** A workload bundled for `npm run bench:ui`, by its `?bench=` name. */
  | { kind: 'bench'; name: string }
  /** A shared run (a `#run=` link or a run file), by a name for it. */
  | { kind: 'run'; name: string }
  /** A document from the scenario editor (`#/edit`), by its title. */
  | { kind: 'editor'; name: string };

/** A scenario document on its way to the worker, kept so that "Restart" can send it again. */
export interface ScenarioRequest {
  source: ScenarioSource;
  json: unknown;
  seed?: number;
  /** Live changes of a shared run, replayed at the points they were recorded. */
  actions?: RecordedAction[];
}

/** What describes the current run exactly, as the worker reports it (see `sim.run`). */
export type RunDescription = NonNullable<Extract<Report, { type: 'sim.run' }>['run']>;

/** The scenario being shown, as the worker reported it. */
export interface LoadedScenario {
  /** Built-in id it was loaded from, or '' for a file. */
  id: string;
  source: ScenarioSource;
  title: string;
  description: string;
  /** Simulated length, ms. */
  durationMs: number;
  seed: number;
  /** The parsed scenario, every default filled in: what the knobs start from. */
  spec: Scenario;
}

/** A problem to show the learner above the lab. */
export interface LabError {
  message: string;
  /** When the scenario did not parse: each problem with its JSON path. */
  scenarioErrors: ScenarioError[];
  /** The worker itself died: "Restart" starts a new one. */
  fatal: boolean;
}

/** The scenario: what was asked for and what the worker accepted. */
export interface ScenarioSlice {
  scenario: LoadedScenario | null;
  /** Built-in id requested last (the picker's value), or null for a file. */
  requestedScenarioId: string | null;
  /** The document sent last; "Restart" sends the last accepted one, or this one. */
  pendingRequest: ScenarioRequest | null;
  /** The last document the worker accepted. */
  acceptedRequest: ScenarioRequest | null;
  /** The final trace hash once the run finished, else null. */
  finishedTraceHash: string | null;
  error: LabError | null;
}

/** What the simulation last showed. */
export interface SnapshotSlice {
  /** The latest frame, decoded; null until the first frame. */
  snapshot: LabSnapshot | null;
  /** The layout frames are decoded against (sent only when it changes). */
  layout: FrameLayout | null;
  /** The most recent event log entries, oldest first (at most EVENTS_KEPT). */
  events: EngineEvent[];
  /** Entries of this run the page never received (more per frame than a frame carries). */
  eventsSkipped: number;
  /** Rates measured over recent frames. */
  rates: FlowRates | null;
  /** Queue brokers' rates measured over recent frames; null when the scenario has none. */
  queueRates: QueueFlowRates | null;
}

/** The player, mirrored from its machine. */
export interface PlayerSlice {
  status: LabStatus;
  /** Simulated time per real time while playing (1 = real time). */
  speed: number;
}

/** How the engine answered a control's last change. */
export type KnobFeedback =
  | { state: 'pending' }
  | { state: 'applied' }
  /** The engine refused; `message` is its reason. */
  | { state: 'refused'; message: string };

/** Page-only state. */
export interface UiSlice {
  /** By control id: the answer to the last change it asked for. */
  knobFeedback: Record<string, KnobFeedback>;
  /** The "See why" views' own store (charts, timeline, inspector): one per app store, never replaced. */
  insight: InsightStore;
}

/** Everything the learner can do; each becomes a player event or a worker command. */
export interface LabActions {
  /** Loads a built-in scenario by id, with an optional seed override. */
  loadBuiltin(id: string, seed?: number): void;
  /** Loads a scenario file's text: the page checks it is JSON, the worker validates the rest. */
  loadFile(name: string, text: string, sizeBytes?: number): void;
  /** Loads a bundled benchmark workload. */
  loadBench(name: string, json: unknown): void;
  /** Loads a shared run: its scenario document, seed and recorded live changes (replayed as it runs). */
  loadRun(name: string, json: unknown, seed?: number, actions?: RecordedAction[]): void;
  /** Loads a document from the scenario editor, named by its title; the worker validates it like any other. */
  loadEdited(name: string, json: unknown): void;
  /** Asks the worker for the current run's seed, action log, time and trace hash; null when none is loaded. */
  describeRun(): Promise<RunDescription | null>;
  /** After an error: a new worker if it died, and the last good scenario again. */
  restart(): void;
  play(): void;
  pause(): void;
  /** Pause if running, play if paused. */
  togglePlay(): void;
  /** Process the next simulation event. */
  step(): void;
  /** Advance one simulated second. */
  stepSecond(): void;
  /** Run to the end as fast as possible. */
  fastForward(): void;
  /** Seek to a simulated time, ms. */
  runTo(timeMs: number): void;
  setSpeed(speed: number): void;
  /** Applies a live change for the control `knobId`; the answer lands in `knobFeedback[knobId]`. */
  apply(knobId: string, change: Change): void;
}

export type AppState = ScenarioSlice & SnapshotSlice & PlayerSlice & UiSlice & LabActions;
