/**
 * Reading a scenario document that may be wrong anywhere, for the cross-reference checks
 * (references.ts, queueReferences.ts): every field has been checked on its own already, so
 * these readers never throw and stand a value that failed its own check for INVALID, letting
 * a check skip what was already reported instead of reporting it twice.
 */

/** Stands for a value that is missing its section or failed its own field check (already reported). */
export const INVALID = Symbol('invalid');
export type Checked<T> = T | typeof INVALID;

/** The field's parsed value (its default when absent), or INVALID when the field is wrong on its own. */
export function valid<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): Checked<T> {
  const result = schema.safeParse(value);
  return result.success ? result.data : INVALID;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own field of value, if value is an object (never a field inherited from Object.prototype). */
export function at(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

export function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
