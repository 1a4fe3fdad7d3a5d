/**
 * The one path grammar of challenges, wherever they are written (a scenario's `challenge`
 * section, a chapter's challenge.json, predictions): a goal names a metric with it
 * ("groups.billing.lag.max"), a knob or a constraint names a setting ("consumerGroups.0.consumers"),
 * so that both stay data, never code. Pure; the course re-exports it (src/course/paths.ts).
 *
 * A name that itself contains a dot (a queue "orders.dlq", the metric key "ledger.fifo") goes in
 * brackets with quotes, as in JavaScript: `queues["orders.dlq"].depth`; `[0]` indexes a list
 * ("topics[0].partitions" is "topics.0.partitions").
 */

/** Longest path a goal or knob may name, in segments. */
export const PATH_SEGMENTS_MAX = 8;

const NAME = String.raw`[^.\[\]]+`;
const BRACKET = String.raw`\[(?:\d+|"(?:[^"\\]|\\["\\])+"|'(?:[^'\\]|\\['\\])+')\]`;

/**
 * Exactly the paths pathSegments accepts, as a regular expression: the JSON Schema carries it so
 * that editors flag a malformed path as it is typed (parse.ts names the reason).
 */
export const PATH_PATTERN = new RegExp(`^(?:${NAME}|${BRACKET})(?:\\.${NAME}|${BRACKET}){0,${PATH_SEGMENTS_MAX - 1}}$`);

/**
 * The names a path is made of: dot-separated names, `[n]` indexes and `["name"]` (or
 * `['name']`) bracketed names, in which `\"`, `\'` and `\\` escape a quote and a backslash.
 * Throws a RangeError that says what is wrong and where.
 */
export function pathSegments(path: string): string[] {
  const read = readSegments(path);
  if (typeof read === 'string') {
    throw new RangeError(`"${path}" is not a path of at most ${PATH_SEGMENTS_MAX} names (names joined by ".", or in brackets like ["orders.dlq"]): ${read}`);
  }
  return read;
}

/** Why `path` is malformed ("a name is missing at 2"), or null when pathSegments reads it. */
export function pathProblem(path: string): string | null {
  const read = readSegments(path);
  return typeof read === 'string' ? read : null;
}

/** The segments, or why there are none. */
function readSegments(path: string): string[] | string {
  const parts: string[] = [];
  let i = 0;
  while (i < path.length) {
    if (parts.length > 0) {
      if (path[i] === '.') {
        i++;
        if (path[i] === '[' || i === path.length) return `a name is missing after the "." at ${i - 1}`;
      } else if (path[i] !== '[') return `"." or "[" expected at ${i}`;
    }
    if (path[i] === '[') {
      const read = readBracket(path, i);
      if (typeof read === 'string') return read;
      parts.push(read.name);
      i = read.end;
    } else {
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[' && path[end] !== ']') end++;
      if (end === i) return `a name is missing at ${i}`;
      if (path[end] === ']') return `"]" without "[" at ${end}`;
      parts.push(path.slice(i, end));
      i = end;
    }
    if (parts.length > PATH_SEGMENTS_MAX) return `more than ${PATH_SEGMENTS_MAX} names`;
  }
  return parts.length === 0 ? 'it is empty' : parts;
}

/** `[0]` or `["a.b"]` starting at `at`: the name and the index just past "]", or why it is malformed. */
function readBracket(path: string, at: number): { name: string; end: number } | string {
  const quote = path[at + 1];
  if (quote !== '"' && quote !== "'") {
    const close = path.indexOf(']', at);
    const index = close < 0 ? '' : path.slice(at + 1, close);
    if (!/^\d+$/.test(index)) return `brackets at ${at} hold a list index like [0] or a quoted name like ["orders.dlq"]`;
    return { name: index, end: close + 1 };
  }
  let name = '';
  for (let i = at + 2; i < path.length; i++) {
    const c = path[i]!;
    if (c === '\\') {
      const next = path[i + 1];
      if (next !== quote && next !== '\\') return `only \\${quote} and \\\\ may be escaped (at ${i})`;
      name += next;
      i++;
    } else if (c === quote) {
      if (path[i + 1] !== ']') return `"]" expected after the closing quote at ${i}`;
      if (name === '') return `the name in brackets at ${at} is empty`;
      return { name, end: i + 2 };
    } else {
      name += c;
    }
  }
  return `the quote opened at ${at + 1} is never closed`;
}

/** The path naming `parts`: dotted where a name allows it, bracketed (double quotes) where it does not. */
export function joinPath(parts: readonly string[]): string {
  return parts
    .map((part, i) => {
      if (/^[^.[\]"'\\]+$/.test(part)) return i === 0 ? part : `.${part}`;
      return `["${part.replace(/[\\"]/g, (c) => `\\${c}`)}"]`;
    })
    .join('');
}

/** The value at `path` in `data`, or undefined when any step is missing. */
export function readPath(data: unknown, path: string): unknown {
  let at: unknown = data;
  for (const key of pathSegments(path)) {
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
  const keys = pathSegments(path);
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
