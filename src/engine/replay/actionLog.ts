import { z } from 'zod';
import type { Change } from '../changes';

/**
 * The action log: every live change a learner made, with exactly when it happened, so that
 * scenario + seed + engine version + action log describe a run completely and replaying it
 * gives the same trace hash.
 */

/** Most actions one run records. A learner clicks far fewer; a runaway script is refused. */
export const ACTIONS_MAX = 10_000;

/** One change that applied, and the instant it applied at. */
export interface RecordedAction {
  /** Simulated time of the change, ms (the simulation's `now` when it was applied). */
  timeMs: number;
  /**
   * Events processed before it. Several events can share one instant; this says which of
   * them came before the change, so that the replay applies it at exactly the same point.
   */
  events: number;
  change: Change;
}

/** A recorded run, as the CLI reads it and share links will carry it. */
export interface ActionLog {
  /** Format version of this document: 1. */
  version: 1;
  /** ENGINE_VERSION of the engine that recorded it: another version may replay differently. */
  engineVersion: string;
  /** The seed of the recorded run (overrides the scenario's). */
  seed: number;
  actions: RecordedAction[];
}

const actionSchema = z.strictObject({
  timeMs: z.number().finite().min(0),
  events: z.number().int().min(0),
  // The change's own fields are checked by sim.apply when it is replayed, with the same words
  // a live change gets; here only its shape as an object with a type.
  change: z.looseObject({ type: z.string().min(1) }),
});

const actionLogSchema = z.strictObject({
  version: z.literal(1),
  engineVersion: z.string().min(1).max(50),
  seed: z.number().int().min(0).max(4_294_967_295),
  actions: z.array(actionSchema).max(ACTIONS_MAX),
});

export type ActionLogResult = { ok: true; log: ActionLog } | { ok: false; errors: { path: string; message: string }[] };

/** Checks an action log document. Never throws. */
export function parseActionLog(input: unknown): ActionLogResult {
  const result = actionLogSchema.safeParse(input);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const actions = result.data.actions as RecordedAction[];
  for (let i = 1; i < actions.length; i++) {
    const [before, after] = [actions[i - 1]!, actions[i]!];
    if (after.events < before.events || after.timeMs < before.timeMs) {
      return {
        ok: false,
        errors: [{ path: `actions[${i}]`, message: `comes before actions[${i - 1}] (${after.timeMs} ms after ${after.events} events vs ${before.timeMs} ms after ${before.events} events): actions must be in the order they happened` }],
      };
    }
  }
  return { ok: true, log: { ...result.data, actions } };
}

function formatPath(path: PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
