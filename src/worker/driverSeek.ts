/**
 * The driver's timeline: starting a run, restoring one from a checkpoint, seeking towards a
 * target through the nearest checkpoint, taking checkpoints on the way, and forking when the
 * learner changes the past. Split from driver.ts (playback and reports) so each stays one concept;
 * the driver owns the state and hands it over through a TimelineContext.
 */
import type { createSimulation, RecordedAction, Simulation } from '../engine';
import type { DriverHost, DriverOptions, EngineApi } from './driver';
import { createInsightRecorder, sampleIntervalMsFor, type InsightRecorder } from './insightRecorder';
import { TimelineCheckpoints, type TimelineCheckpoint } from './driverCheckpoints';

/** One run of the loaded scenario and what the driver tracks about it. */
export interface Run {
  sim: Simulation;
  /** Kept so that seeking backwards can re-run from time 0. */
  scenario: Parameters<typeof createSimulation>[0];
  seed: number | undefined;
  /** The action log this run replays (from a shared run, or from before a backward seek). */
  replay: readonly RecordedAction[];
  /** Simulated time the run has been advanced to, ms. */
  cursorMs: number;
  /** Event log entries already sent to the page in frames. */
  eventsSent: number;
  /** Whether no frame of this run has been posted yet. */
  fresh: boolean;
  /** Samples for the charts, taken at fixed simulated instants as the run advances. */
  recorder: InsightRecorder;
  /** The furthest simulated time this timeline has reached, ms (a seek backwards keeps it; a fork resets it). */
  furthestMs: number;
  /** This timeline's checkpoints (null when turned off): kept across seeks, cut back by a fork. */
  checkpoints: TimelineCheckpoints | null;
}

/** What the timeline needs from the driver that owns it. */
export interface TimelineContext {
  readonly engine: EngineApi;
  readonly limits: DriverOptions;
  readonly host: DriverHost;
  /** Runs an engine call; false (after reporting the failure) when it threw. */
  guard(action: () => void): boolean;
  /** The current run; null when there is none or while one replaces another. */
  run: Run | null;
  /** Told when a new run replaced the old one: its first frame is due. */
  startedRun(): void;
}

/**
 * Replaces the run with a fresh simulation at time 0; false (and no run) if the engine refused.
 * `actions` are live changes of an earlier run of the same scenario, replayed at the same
 * points, so a re-run to seek backwards keeps what the learner changed.
 */
export function startRun(
  ctx: TimelineContext,
  scenario: Run['scenario'],
  seed: number | undefined,
  actions: readonly RecordedAction[] = [],
  furthestMs = 0,
  checkpoints: Run['checkpoints'] = newCheckpoints(ctx.limits),
): boolean {
  ctx.run = null;
  let sim: Simulation | undefined;
  const options = { ...(seed === undefined ? {} : { seed }), ...(actions.length > 0 ? { actions } : {}) };
  if (!ctx.guard(() => (sim = ctx.engine.createSimulation(scenario, Object.keys(options).length > 0 ? options : undefined))) || !sim) return false;
  const recorder = createInsightRecorder(sampleIntervalMsFor(sim.durationMs));
  const created = sim;
  if (!ctx.guard(() => recorder.advance(created, created.now))) return false;
  ctx.run = { sim, scenario, seed, replay: actions, cursorMs: sim.now, eventsSent: 0, fresh: true, recorder, furthestMs, checkpoints };
  ctx.startedRun();
  return true;
}

/** A new, empty checkpoint store for a timeline, or null when checkpoints are turned off. */
export function newCheckpoints(limits: DriverOptions): TimelineCheckpoints | null {
  if (limits.checkpointIntervalMs <= 0) return null;
  return new TimelineCheckpoints({
    intervalMs: limits.checkpointIntervalMs,
    countMax: limits.checkpointsMax,
    bytesMax: checkpointBytesMaxFor(limits),
    recentMs: limits.checkpointRecentMs,
  });
}

/** Share of the device's memory the checkpoints of one timeline may hold: the tab needs the rest. */
export const CHECKPOINT_DEVICE_MEMORY_SHARE = 1 / 16;

/**
 * The checkpoint memory budget, bytes: checkpointBytesMax, lowered to a share of the device's
 * memory when the host said how much it has (deviceMemoryGb).
 */
export function checkpointBytesMaxFor(limits: Pick<DriverOptions, 'checkpointBytesMax' | 'deviceMemoryGb'>): number {
  const { checkpointBytesMax, deviceMemoryGb } = limits;
  if (deviceMemoryGb === null || !(deviceMemoryGb > 0)) return checkpointBytesMax;
  return Math.min(checkpointBytesMax, Math.floor(deviceMemoryGb * 1024 ** 3 * CHECKPOINT_DEVICE_MEMORY_SHARE));
}

/**
 * Replaces the run with one restored from `checkpoint` of the same timeline, following
 * `actions` (the timeline's whole action log, from the run being replaced); false (and no run)
 * if the engine refused.
 */
export function restoreRun(ctx: TimelineContext, from: Run, checkpoint: TimelineCheckpoint, actions: readonly RecordedAction[]): boolean {
  ctx.run = null;
  let sim: Simulation | undefined;
  if (!ctx.guard(() => (sim = checkpoint.sim.restore({ actions }))) || !sim) return false;
  const recorder = createInsightRecorder(from.recorder.intervalMs, checkpoint.insight);
  ctx.run = { ...from, sim, replay: actions, cursorMs: checkpoint.timeMs, eventsSent: 0, fresh: true, recorder };
  ctx.startedRun();
  return true;
}

/**
 * Moves the run to a checkpoint before `targetMs` when that saves work: always when going
 * backwards (else a re-run from 0), and forwards when one lies past the cursor. False when the
 * run could not be replaced (already reported).
 */
export function jumpTowards(ctx: TimelineContext, targetMs: number): boolean {
  const current = ctx.run;
  if (!current) return false;
  const checkpoint = current.checkpoints?.latestAtOrBefore(targetMs);
  const backwards = targetMs < current.cursorMs;
  if (!backwards && (checkpoint === undefined || checkpoint.timeMs <= current.cursorMs)) return true;
  const actions = withPendingReplay(current.sim.actions(), current.replay);
  const furthestMs = Math.max(current.furthestMs, current.cursorMs);
  if (checkpoint !== undefined) return restoreRun(ctx, { ...current, furthestMs }, checkpoint, actions);
  // Runs are deterministic, so going back means running again from 0, live changes included.
  return startRun(ctx, current.scenario, current.seed, actions, furthestMs, current.checkpoints);
}

/**
 * Advances `current` to `toMs` (past its cursor, within its duration), stopping at each
 * checkpoint boundary on the way to take one, so checkpoints sit at the same instants however the
 * run was sliced. False when the engine failed (already reported).
 */
export function advanceTimeline(ctx: TimelineContext, current: Run, toMs: number): boolean {
  const { sim, checkpoints } = current;
  while (current.cursorMs < toMs) {
    const boundaryMs = checkpoints ? checkpoints.nextBoundaryMs(current.cursorMs) : Number.POSITIVE_INFINITY;
    const stopMs = Math.min(toMs, boundaryMs);
    if (!ctx.guard(() => current.recorder.advance(sim, stopMs))) return false;
    current.cursorMs = stopMs;
    if (checkpoints && stopMs === boundaryMs && !checkpoints.has(stopMs) && !ctx.guard(() => checkpoints.add({ timeMs: stopMs, sim: sim.checkpoint(), insight: current.recorder.save() }))) return false;
  }
  return true;
}

/**
 * Before a change at a time earlier than the timeline has reached, or while a shared run still
 * has recorded changes to replay: discards the rest of the timeline. Later changes it would
 * replay are dropped by re-running to here without them (the engine is deterministic, so the
 * state here is the same); then `sim.forked` says what was lost. False when the re-run failed
 * (already reported).
 */
export function forkIfInPast(ctx: TimelineContext): boolean {
  const current = ctx.run;
  if (!current) return true;
  const applied = current.sim.actions();
  const discardedActions = withPendingReplay(applied, current.replay).length - applied.length;
  if (current.furthestMs <= current.cursorMs && discardedActions === 0) return true;
  const atMs = current.cursorMs;
  const discardedUntilMs = current.furthestMs;
  // Checkpoints at atMs itself were taken before this change: they belong to the old timeline too.
  current.checkpoints?.discardFrom(atMs);
  if (discardedActions > 0) {
    // The shared run's later changes are dropped by re-running to here from the latest checkpoint (or 0) without them.
    const checkpoint = current.checkpoints?.latestAtOrBefore(atMs);
    if (checkpoint ? !restoreRun(ctx, current, checkpoint, applied) : !startRun(ctx, current.scenario, current.seed, applied, atMs, current.checkpoints)) return false;
    const restarted = ctx.run as Run | null;
    if (!restarted) return false;
    if (!ctx.guard(() => restarted.recorder.advance(restarted.sim, atMs))) return false;
    restarted.cursorMs = atMs;
  }
  ctx.run!.furthestMs = atMs;
  ctx.host.post({ type: 'sim.forked', atMs, discardedUntilMs, discardedActions });
  return true;
}

/**
 * The log to re-run with when seeking backwards: what the run applied so far (live and replayed
 * changes), then the replayed changes it has not reached yet, so a shared run keeps its future.
 * Replayed changes are applied in order, so those applied are found in order among `applied`.
 */
export function withPendingReplay(applied: readonly RecordedAction[], replay: readonly RecordedAction[]): RecordedAction[] {
  let next = 0;
  for (const action of applied) {
    const due = replay[next];
    if (due && due.events === action.events && due.timeMs === action.timeMs && JSON.stringify(due.change) === JSON.stringify(action.change)) next++;
  }
  return [...applied, ...replay.slice(next)];
}
