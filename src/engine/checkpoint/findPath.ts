import { isSharedOnCopy } from '../kernel/copyHooks';

/** Paths searched before giving up: a bound, because this only runs to explain a failure. */
const VISITS_MAX = 10_000_000;

/**
 * The shortest path from root to target, like `world.consumers[3].processingMs` or
 * `world.groups[0].delivery.failing.get(7)`, or null. Breadth-first, so the path printed is the
 * one a reader finds first. Only used to name what a copy could not copy, so speed is secondary.
 */
export function findPath(root: unknown, target: unknown): string | null {
  if (root === target) return 'state';
  const seen = new Set<unknown>([root]);
  let level: { value: unknown; path: string }[] = [{ value: root, path: 'state' }];
  let visits = 0;
  while (level.length > 0) {
    const next: { value: unknown; path: string }[] = [];
    for (const { value, path } of level) {
      for (const [step, child] of children(value)) {
        if (++visits > VISITS_MAX) return null;
        const childPath = path + step;
        if (child === target) return childPath;
        if (((typeof child === 'object' && child !== null) || typeof child === 'function') && !seen.has(child)) {
          seen.add(child);
          next.push({ value: child, path: childPath });
        }
      }
    }
    level = next;
  }
  return null;
}

function* children(value: unknown): Generator<[string, unknown]> {
  if (typeof value !== 'object' || value === null || isSharedOnCopy(value) || ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield [`[${i}]`, value[i]];
  } else if (value instanceof Map) {
    for (const [key, item] of value) {
      yield [`.keys()<${describeKey(key)}>`, key];
      yield [`.get(${describeKey(key)})`, item];
    }
  } else if (value instanceof Set) {
    let i = 0;
    for (const item of value) yield [`.values()[${i++}]`, item];
  } else {
    for (const key of Object.keys(value)) yield [`.${key}`, (value as Record<string, unknown>)[key]];
  }
}

function describeKey(key: unknown): string {
  if (typeof key === 'string') return JSON.stringify(key);
  if (typeof key === 'number' || typeof key === 'boolean' || key === null || key === undefined) return String(key);
  return typeof key;
}
