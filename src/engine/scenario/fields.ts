import { z } from 'zod';
import { describeValue } from './errors';
import { closestName } from './suggest';

/**
 * Field builders whose errors are already in a learner's words. Each message is computed from
 * the offending value itself, not from zod's issue code, so that one field always explains
 * itself the same way ("must be between 1 and 1024, got 0") whichever check tripped.
 */

interface NumberRule {
  /** Whole numbers only. */
  int: boolean;
  min: number;
  /** The value must be strictly greater than min. */
  minExclusive?: boolean;
  /** null: no upper bound beyond the number's own range. */
  max: number | null;
  /** Also accepts null (for "never" / "not set"). */
  nullable?: boolean;
  /** Why the bounds are what they are, appended to a range error (e.g. Kafka's own limit). */
  why?: string;
}

function rangeText(rule: NumberRule): string {
  const or = rule.nullable ? ' (or null)' : '';
  if (rule.minExclusive) return rule.max === null ? `greater than ${rule.min}${or}` : `greater than ${rule.min} and at most ${rule.max}${or}`;
  return rule.max === null ? `at least ${rule.min}${or}` : `between ${rule.min} and ${rule.max}${or}`;
}

function numberMessage(rule: NumberRule, input: unknown): string {
  if (input === undefined) return 'required';
  const kind = rule.int ? 'a whole number' : 'a number';
  const orNull = rule.nullable ? ' or null' : '';
  if (typeof input === 'string' && input.trim() !== '' && Number.isFinite(Number(input))) {
    return `must be ${kind}${orNull}, got the text ${describeValue(input)} (write numbers without quotes)`;
  }
  if (typeof input !== 'number') return `must be ${kind}${orNull}, got ${describeValue(input)}`;
  if (!Number.isFinite(input)) return `must be a finite number, got ${describeValue(input)}`;
  if (rule.int && !Number.isInteger(input)) return `must be a whole number, got ${describeValue(input)}`;
  return `must be ${rangeText(rule)}, got ${describeValue(input)}${rule.why ? ` (${rule.why})` : ''}`;
}

function numberSchema(rule: NumberRule) {
  const error = (issue: { input?: unknown }): string => numberMessage(rule, issue.input);
  let schema = rule.int ? z.int({ error }) : z.number({ error });
  schema = rule.minExclusive ? schema.gt(rule.min, { error }) : schema.min(rule.min, { error });
  if (rule.max !== null) schema = schema.max(rule.max, { error });
  return schema;
}

/** A whole number in [min, max] (max null: no upper bound). */
export function int(min: number, max: number | null, why?: string) {
  return numberSchema({ int: true, min, max, why });
}

/** Any finite number in [min, max]. */
export function num(min: number, max: number | null, why?: string) {
  return numberSchema({ int: false, min, max, why });
}

/** A finite number strictly greater than min and at most max. */
export function numAbove(min: number, max: number | null) {
  return numberSchema({ int: false, min, max, minExclusive: true });
}

/** A whole number in [min, max], or null. */
export function intOrNull(min: number, max: number | null) {
  const rule: NumberRule = { int: true, min, max, nullable: true };
  const error = (issue: { input?: unknown }): string => numberMessage(rule, issue.input);
  let schema = z.int({ error }).min(min, { error });
  if (max !== null) schema = schema.max(max, { error });
  return schema.nullable();
}

interface StringRule {
  min: number;
  max: number;
  pattern?: RegExp;
  /** What the pattern allows, in words, e.g. "letters, digits, '.', '_' and '-'". */
  patternText?: string;
}

function stringMessage(rule: StringRule, input: unknown): string {
  if (input === undefined) return 'required';
  if (typeof input !== 'string') return `must be a string (text in quotes), got ${describeValue(input)}`;
  if (input.length < rule.min || input.length > rule.max) {
    const got = `got ${input.length} character${input.length === 1 ? '' : 's'}`;
    if (rule.min === 0) return `must be at most ${rule.max} characters long, ${got}`;
    return `must be ${rule.min} to ${rule.max} characters long, ${got}`;
  }
  return `may contain only ${rule.patternText ?? 'certain characters'}, got ${describeValue(input)}`;
}

/** A string of min..max characters, optionally matching pattern (the messages say patternText). */
export function str(min: number, max: number, pattern?: RegExp, patternText?: string) {
  const rule: StringRule = { min, max, pattern, patternText };
  const error = (issue: { input?: unknown }): string => stringMessage(rule, issue.input);
  let schema = z.string({ error }).min(min, { error }).max(max, { error });
  if (pattern) schema = schema.regex(pattern, { error });
  return schema;
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ');
}

/** One of a fixed set of strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'required' : `must be one of ${quoteAll(values)}, got ${describeValue(issue.input)}`),
  });
}

/** The message for a value outside a fixed set (also used by hand-written unions). */
export function oneOfMessage(values: readonly unknown[], input: unknown): string {
  return input === undefined ? 'required' : `must be one of ${quoteAll(values)}, got ${describeValue(input)}`;
}

/** true or false. */
export function bool() {
  return z.boolean({ error: (issue) => (issue.input === undefined ? 'required' : `must be true or false, got ${describeValue(issue.input)}`) });
}

/** A JSON array of min..max items. */
export function list<T extends z.ZodType>(item: T, min: number, max: number) {
  const error = (issue: { input?: unknown }): string => {
    const input = issue.input;
    if (input === undefined) return 'required';
    if (!Array.isArray(input)) return `must be a list ([…]), got ${describeValue(input)}`;
    if (input.length < min) return `must have at least ${min} item${min === 1 ? '' : 's'}, got ${input.length}`;
    return `must have at most ${max} items, got ${input.length}`;
  };
  return z.array(item, { error }).min(min, { error }).max(max, { error });
}

/** Separates the per-field messages of one unknown-fields issue (JSON-quoted names cannot contain it). */
export const UNKNOWN_FIELDS_SEPARATOR = '\n';

/**
 * An object that rejects unknown fields, so that a typo is reported instead of silently
 * ignored. zod reports all of an object's unknown fields in one issue; its message holds one
 * line per field, in the issue's order, which issues.ts splits into one error each. hints give
 * a fixed explanation for particular unknown names.
 */
export function object<T extends z.core.$ZodLooseShape>(shape: T, hints: Readonly<Record<string, string>> = {}) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => unknownFieldMessage(key, known, hints)).join(UNKNOWN_FIELDS_SEPARATOR);
      }
      return issue.input === undefined ? 'required' : `must be an object ({…}), got ${describeValue(issue.input)}`;
    },
  });
}

function unknownFieldMessage(key: string, known: readonly string[], hints: Readonly<Record<string, string>>): string {
  const hint = Object.hasOwn(hints, key) ? hints[key] : undefined;
  if (hint !== undefined) return `unknown field ${describeValue(key)} (${hint})`;
  const suggestion = closestName(key, known);
  return suggestion === null
    ? `unknown field ${describeValue(key)} (known fields: ${known.join(', ')})`
    : `unknown field ${describeValue(key)} (did you mean ${JSON.stringify(suggestion)}?)`;
}

/**
 * Errors of a union discriminated by `field`: a missing or unknown tag says which tags exist,
 * and a value that is not an object shows what one looks like.
 */
export function taggedUnionError(field: string, tags: readonly string[], example: string) {
  return (issue: { code?: string; input?: unknown }): string => {
    const input = issue.input;
    if (input === undefined) return 'required';
    if (issue.code === 'invalid_union' && typeof input === 'object' && input !== null && !Array.isArray(input)) {
      const tag = (input as Record<string, unknown>)[field];
      return tag === undefined ? `required: one of ${tags.map((t) => JSON.stringify(t)).join(', ')}` : oneOfMessage(tags, tag);
    }
    return `must be an object like ${example}, got ${describeValue(input)}`;
  };
}
