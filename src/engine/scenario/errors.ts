import type { Scenario } from './types';

/** One problem found in a scenario, where it is and what is wrong, in words a learner understands. */
export interface ScenarioError {
  /** JSON path like "topics[0].partitions", or "" for the whole document. */
  path: string;
  /** Plain words that say what to fix, e.g. "must be between 1 and 1024, got 0". */
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** One segment of a path: a field name or an array index. */
export type PathSegment = string | number;

/** "topics[0].partitions: must be between 1 and 1024, got 0" (just the message at the root). */
export function formatScenarioError(e: ScenarioError): string {
  return e.path === '' ? e.message : `${e.path}: ${e.message}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Dots and [i]; a field name that is not an identifier (a space, a dash, an empty name) is written
 * ["like this"] so that the path still reads back unambiguously.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

const SHOWN_CHARS_MAX = 40;

/**
 * A short, safe rendering of any value for an error message ("got …"). Never throws, whatever
 * the value: symbols and BigInts break template literals and JSON.stringify, and a huge string
 * must not become a huge message.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return value.length > SHOWN_CHARS_MAX
        ? `${JSON.stringify(value.slice(0, SHOWN_CHARS_MAX))}… (${value.length} characters)`
        : JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '0' : String(value);
    case 'boolean':
      return String(value);
    case 'bigint':
      return 'a BigInt';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
      return 'an object';
  }
}
