import { describeValue } from './errors';
import type { PathSegment } from './errors';

/** Deepest nesting read; a scenario needs about 5 levels. */
export const NESTING_DEPTH_MAX = 32;
/** Longest list read (the longest any field allows is 1000 faults). */
export const LIST_ITEMS_MAX = 10_000;
/** Most fields read from one object. */
export const OBJECT_FIELDS_MAX = 1000;
/** Most values (of any kind, at any depth) read from one document. */
export const DOCUMENT_VALUES_MAX = 200_000;

/** Stands where a value could not be read as JSON data; every schema rejects it. */
export const UNREADABLE: unique symbol = Symbol('unreadable');

export interface Problem {
  path: PathSegment[];
  message: string;
}

export interface Sanitized {
  /** A copy of the input made only of JSON-like data (plus UNREADABLE where it could not be read). */
  value: unknown;
  /** Why values were replaced by UNREADABLE, at their paths. */
  problems: Problem[];
  /** The document holds more than DOCUMENT_VALUES_MAX values: nothing else is worth reporting. */
  tooLarge: boolean;
}

class TooLarge extends Error {}

/**
 * Copies input into plain data that zod can walk safely. Scenarios also arrive from code (tests,
 * the embed API) as live objects, and zod reads fields with ordinary property access, so a
 * getter or Proxy trap that throws, a cycle, or a million-item list would otherwise escape as an
 * exception or hang the page. Never throws. Keys are defined, not assigned, so "__proto__" in
 * the input stays an ordinary (and then unknown) field instead of replacing a prototype.
 */
export function sanitize(input: unknown): Sanitized {
  const problems: Problem[] = [];
  const ancestors = new Set<object>();
  let values = 0;

  const unreadable = (path: PathSegment[], message: string): typeof UNREADABLE => {
    problems.push({ path, message });
    return UNREADABLE;
  };

  const copy = (value: unknown, path: PathSegment[]): unknown => {
    if (++values > DOCUMENT_VALUES_MAX) throw new TooLarge();
    if (typeof value !== 'object' || value === null) return value;
    if (path.length >= NESTING_DEPTH_MAX) return unreadable(path, `is nested more than ${NESTING_DEPTH_MAX} levels deep (the limit for a scenario)`);
    if (ancestors.has(value)) return unreadable(path, 'contains itself (a cycle): a scenario must be plain JSON data');
    ancestors.add(value);
    try {
      return Array.isArray(value) ? copyArray(value, path) : copyObject(value, path);
    } catch (error) {
      if (error instanceof TooLarge) throw error;
      return unreadable(path, `could not be read (${errorText(error)}): a scenario must be plain JSON data`);
    } finally {
      ancestors.delete(value);
    }
  };

  const copyArray = (array: unknown[], path: PathSegment[]): unknown => {
    const length = array.length;
    if (length > LIST_ITEMS_MAX) return unreadable(path, `has ${length} items; no list in a scenario may have more than 1000`);
    const out = new Array<unknown>(length);
    for (let i = 0; i < length; i++) out[i] = readField(array, i, [...path, i]);
    return out;
  };

  const copyObject = (object: object, path: PathSegment[]): unknown => {
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      return unreadable(path, `must be plain JSON data, got ${kindOf(object)}`);
    }
    const keys = Object.keys(object);
    if (keys.length > OBJECT_FIELDS_MAX) {
      return unreadable(path, `has ${keys.length} fields; no object in a scenario may have more than ${OBJECT_FIELDS_MAX}`);
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      Object.defineProperty(out, key, {
        value: readField(object, key, [...path, key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };

  const readField = (container: object, key: string | number, path: PathSegment[]): unknown => {
    let value: unknown;
    try {
      value = (container as Record<PropertyKey, unknown>)[key];
    } catch (error) {
      return unreadable(path, `could not be read (${errorText(error)}): a scenario must be plain JSON data`);
    }
    return copy(value, path);
  };

  try {
    return { value: copy(input, []), problems, tooLarge: false };
  } catch (error) {
    if (error instanceof TooLarge) return { value: UNREADABLE, problems: [], tooLarge: true };
    return { value: UNREADABLE, problems: [{ path: [], message: `could not be read (${errorText(error)})` }], tooLarge: false };
  }
}

/** "a Date", "a Map": what kind of non-plain object was given. */
function kindOf(object: object): string {
  try {
    const tag = Object.prototype.toString.call(object).slice(8, -1);
    return tag === 'Object' ? 'an object made by a class or constructor' : `a ${tag}`;
  } catch {
    return 'an object that is not plain data';
  }
}

/** The message of anything thrown, safely and briefly. */
export function errorText(error: unknown): string {
  try {
    const text = error instanceof Error ? error.message : typeof error === 'string' ? error : describeValue(error);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return 'an unknown error';
  }
}
