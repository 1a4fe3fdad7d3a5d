/**
 * The run a share link or run file carries, and the checks it must pass before the lab loads
 * it: the scenario through the engine's own parser, the action log through the engine's own
 * checks, and every other field against the limits the player applies.
 */
import { ACTIONS_MAX, ENGINE_VERSION, formatScenarioError, parseActionLog, parseScenario, type RecordedAction, type Scenario } from '../engine';
import { SPEED_MAX, SPEED_MIN } from '../worker/protocol';
import { shareError, sourceName, type RunSource, type ShareError, type ShareProblem } from './shareError';

/** The run document's format version; a later Queuelab that changes the shape bumps it. */
export const SHARE_FORMAT = 1;
/** Largest seed, as the scenario format allows. */
export const SEED_MAX = 4_294_967_295;

/** A run: enough to reproduce exactly what its author saw. Plain JSON. */
export interface SharePayload {
  /** Format version of this document: SHARE_FORMAT. */
  format: 1;
  /** ENGINE_VERSION of the engine that recorded the run: another version may replay it differently. */
  engineVersion: string;
  /** The scenario document exactly as loaded (not the parsed one, so defaults stay the author's). */
  scenario: unknown;
  /** Seed of the run, overriding the scenario's own; absent means the scenario's. */
  seed?: number;
  /** The live changes of the run, in order (`sim.actions()`); absent or empty means none. */
  actions?: RecordedAction[];
  /** Simulated time to open the run at, ms; absent means 0. */
  startMs?: number;
  /** Playback speed the author used, SPEED_MIN..SPEED_MAX; absent means 1. */
  speed?: number;
  /** Trace hash of the run at `startMs` when it was shared: the lab checks its replay against it. */
  traceHash?: string;
}

/** A run that passed every check. */
export interface DecodedRun {
  payload: SharePayload;
  /** The payload's scenario, parsed: every default filled in. */
  scenario: Scenario;
  /**
   * Set when the run was recorded by another engine version: the lab says so and asks before
   * replaying it with this one, which may not reproduce it exactly.
   */
  engineMismatch: { recordedWith: string; current: string } | null;
}

export type DecodeResult = { ok: true; run: DecodedRun } | { ok: false; error: ShareError };

const FIELDS = ['format', 'engineVersion', 'scenario', 'seed', 'actions', 'startMs', 'speed', 'traceHash'] as const;
const TRACE_HASH = /^[0-9a-f]{1,64}$/;
const ENGINE_VERSION_CHARS_MAX = 50;

/** A payload for the current engine, with its fields in a fixed order so that equal runs give equal links. */
export function createSharePayload(run: Omit<SharePayload, 'format' | 'engineVersion'>): SharePayload {
  const payload: SharePayload = { format: SHARE_FORMAT, engineVersion: ENGINE_VERSION, scenario: run.scenario };
  if (run.seed !== undefined) payload.seed = run.seed;
  if (run.actions !== undefined && run.actions.length > 0) payload.actions = run.actions;
  if (run.startMs !== undefined && run.startMs > 0) payload.startMs = run.startMs;
  if (run.speed !== undefined && run.speed !== 1) payload.speed = run.speed;
  if (run.traceHash !== undefined) payload.traceHash = run.traceHash;
  return payload;
}

/** Parses the JSON text of a run and checks it. Never throws. */
export function decodePayloadText(text: string, source: RunSource): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(shareError('not-json', `${sourceName(source)} does not hold JSON (${detail}).`));
  }
  return validatePayload(value, source);
}

/** Checks a run document, field by field, stopping at the first field that is wrong. Never throws. */
export function validatePayload(value: unknown, source: RunSource): DecodeResult {
  const what = sourceName(source);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(shareError('not-a-run', `${what} does not hold a Queuelab run: expected a JSON object, got ${describeKind(value)}.`));
  }
  const doc = value as Record<string, unknown>;
  if (!Object.hasOwn(doc, 'format')) {
    const hint = Object.hasOwn(doc, 'version') && Object.hasOwn(doc, 'topics') ? ' It looks like a scenario file: open it with "Open scenario file" instead.' : '';
    return fail(shareError('not-a-run', `${what} does not hold a Queuelab run: it has no "format" field.${hint}`, [{ path: 'format', message: 'is missing' }]));
  }
  if (doc.format !== SHARE_FORMAT) {
    const newer = typeof doc.format === 'number' && Number.isInteger(doc.format) && doc.format > SHARE_FORMAT;
    return fail(
      shareError(
        'unknown-format',
        newer
          ? `${what} was made by a newer Queuelab (run format ${String(doc.format)}); this one reads format ${SHARE_FORMAT}. Open it with the newer version.`
          : `${what} has run format ${describeKind(doc.format)}, which no Queuelab writes; this one reads format ${SHARE_FORMAT}.`,
        [{ path: 'format', message: `must be ${SHARE_FORMAT}` }],
      ),
    );
  }
  const unknown = Object.keys(doc).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    return fail(
      shareError(
        'not-a-run',
        `${what} has ${unknown.length === 1 ? 'a field' : 'fields'} a run does not have: ${unknown.slice(0, 5).map((k) => JSON.stringify(k)).join(', ')}${unknown.length > 5 ? '…' : ''}.`,
        unknown.map((key) => ({ path: key, message: 'is not a field of a run' })),
      ),
    );
  }
  const engineVersion = doc.engineVersion;
  if (typeof engineVersion !== 'string' || engineVersion.length === 0 || engineVersion.length > ENGINE_VERSION_CHARS_MAX) {
    return fail(shareError('not-a-run', `${what} does not say which engine version recorded it ("engineVersion" must be a short text).`, [{ path: 'engineVersion', message: 'must be a text of 1 to 50 characters' }]));
  }
  if (!Object.hasOwn(doc, 'scenario')) {
    return fail(shareError('not-a-run', `${what} has no scenario.`, [{ path: 'scenario', message: 'is missing' }]));
  }
  const parsed = parseScenario(doc.scenario);
  if (!parsed.ok) {
    const count = parsed.errors.length;
    return fail(
      shareError(
        'scenario',
        `The scenario in ${what.toLowerCase()} has ${count} problem${count === 1 ? '' : 's'}: ${parsed.errors.slice(0, 3).map(formatScenarioError).join('; ')}${count > 3 ? '; …' : ''}`,
        parsed.errors.map((e) => ({ path: scenarioPath(e.path), message: e.message })),
      ),
    );
  }
  const scenario = parsed.scenario;
  const payload: SharePayload = { format: SHARE_FORMAT, engineVersion, scenario: doc.scenario };

  if (doc.seed !== undefined) {
    if (typeof doc.seed !== 'number' || !Number.isInteger(doc.seed) || doc.seed < 0 || doc.seed > SEED_MAX) {
      return fail(shareError('seed', `${what} has seed ${describeKind(doc.seed)}: a seed is a whole number from 0 to ${SEED_MAX}.`, [{ path: 'seed', message: `must be a whole number from 0 to ${SEED_MAX}` }]));
    }
    payload.seed = doc.seed;
  }

  if (doc.actions !== undefined) {
    const actionsResult = checkActions(doc.actions, engineVersion, payload.seed ?? scenario.seed, scenario.durationMs, what);
    if (!actionsResult.ok) return actionsResult;
    if (actionsResult.actions.length > 0) payload.actions = actionsResult.actions;
  }

  if (doc.startMs !== undefined) {
    const startMs = doc.startMs;
    if (typeof startMs !== 'number' || !Number.isFinite(startMs) || startMs < 0 || startMs > scenario.durationMs) {
      return fail(shareError('start', `${what} starts at ${describeKind(startMs)} ms, outside the scenario's 0 to ${scenario.durationMs} ms.`, [{ path: 'startMs', message: `must be a number of ms from 0 to ${scenario.durationMs}` }]));
    }
    if (startMs > 0) payload.startMs = startMs;
  }

  if (doc.speed !== undefined) {
    const speed = doc.speed;
    if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < SPEED_MIN || speed > SPEED_MAX) {
      return fail(shareError('speed', `${what} plays at speed ${describeKind(speed)}; the player runs from ${SPEED_MIN}× to ${SPEED_MAX}×.`, [{ path: 'speed', message: `must be between ${SPEED_MIN} and ${SPEED_MAX}` }]));
    }
    if (speed !== 1) payload.speed = speed;
  }

  if (doc.traceHash !== undefined) {
    if (typeof doc.traceHash !== 'string' || !TRACE_HASH.test(doc.traceHash)) {
      return fail(shareError('not-a-run', `${what} has a trace hash that is not one: ${describeKind(doc.traceHash)}.`, [{ path: 'traceHash', message: 'must be up to 64 lowercase hex digits' }]));
    }
    payload.traceHash = doc.traceHash;
  }

  const engineMismatch = engineVersion === ENGINE_VERSION ? null : { recordedWith: engineVersion, current: ENGINE_VERSION };
  return { ok: true, run: { payload, scenario, engineMismatch } };
}

type ActionsCheck = { ok: true; actions: RecordedAction[] } | { ok: false; error: ShareError };

function checkActions(actions: unknown, engineVersion: string, seed: number, durationMs: number, what: string): ActionsCheck {
  // Checked before the engine's parser so that a giant array is refused without a giant error list.
  if (Array.isArray(actions) && actions.length > ACTIONS_MAX) {
    return fail(shareError('actions', `${what} has ${actions.length} recorded changes; a run holds at most ${ACTIONS_MAX}.`, [{ path: 'actions', message: `must hold at most ${ACTIONS_MAX} changes` }]));
  }
  const log = parseActionLog({ version: 1, engineVersion, seed, actions });
  if (!log.ok) {
    const problems: ShareProblem[] = log.errors.map((e) => ({ path: e.path === '' ? 'actions' : e.path, message: e.message }));
    const first = problems[0]!;
    return fail(shareError('actions', `${what} has a recorded change that cannot be replayed: ${first.path} ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`, problems));
  }
  const late = log.log.actions.findIndex((a) => a.timeMs > durationMs);
  if (late >= 0) {
    const action = log.log.actions[late]!;
    return fail(shareError('actions', `${what} has a change at ${action.timeMs} ms, after the scenario ends at ${durationMs} ms.`, [{ path: `actions[${late}].timeMs`, message: `must be at most ${durationMs}` }]));
  }
  return { ok: true, actions: log.log.actions };
}

/** A scenario error's path, as a path inside the run document. */
function scenarioPath(path: string): string {
  if (path === '') return 'scenario';
  return path.startsWith('[') ? `scenario${path}` : `scenario.${path}`;
}

function fail(error: ShareError): { ok: false; error: ShareError } {
  return { ok: false, error };
}

/** A short, safe rendering of any JSON value for a sentence. */
function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'string':
      return value.length > 30 ? `${JSON.stringify(value.slice(0, 30))}…` : JSON.stringify(value);
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
