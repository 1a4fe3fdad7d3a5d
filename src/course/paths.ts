/**
 * Dot paths into plain data ("groups.billing.lag.max", "consumerGroups.0.consumers"): how goals
 * name a metric and knobs name a scenario field, so that both stay data, never code.
 */

/** Longest path a goal or knob may name, in segments. */
const SEGMENTS_MAX = 8;

function segments(path: string): string[] {
  const parts = path.split('.');
  if (parts.length > SEGMENTS_MAX || parts.some((p) => p === '')) throw new RangeError(`"${path}" is not a dot path of at most ${SEGMENTS_MAX} names`);
  return parts;
}

/** The value at `path` in `data`, or undefined when any step is missing. */
export function readPath(data: unknown, path: string): unknown {
  let at: unknown = data;
  for (const key of segments(path)) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** The number at `path` in `data`, or undefined when it is missing or not a finite number. */
export function readNumber(data: unknown, path: string): number | undefined {
  const value = readPath(data, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * A deep copy of `data` (plain JSON) with `value` at `path`. Every step but the last must exist:
 * a knob changes a field, it never invents a topology. Returns an error message instead when it does not.
 */
export function writePath(data: unknown, path: string, value: unknown): { ok: true; data: unknown } | { ok: false; error: string } {
  const keys = segments(path);
  const copy = structuredClone(data);
  let at: unknown = copy;
  for (const key of keys.slice(0, -1)) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return { ok: false, error: `the scenario has no "${path}"` };
    at = (at as Record<string, unknown>)[key];
  }
  if (at === null || typeof at !== 'object') return { ok: false, error: `the scenario has no "${path}"` };
  if (Array.isArray(at) && !/^\d+$/.test(keys.at(-1)!)) return { ok: false, error: `"${path}" indexes a list with a name` };
  (at as Record<string, unknown>)[keys.at(-1)!] = value;
  return { ok: true, data: copy };
}
