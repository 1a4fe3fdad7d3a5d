import type { Problem } from './sanitize';

/**
 * Sorts problems into the order their locations appear in the document, so a learner reads
 * them top to bottom. A missing field sorts after its object's present fields. Stable: problems
 * at one location keep the order they were found in.
 */
export function inDocumentOrder(problems: readonly Problem[], data: unknown): Problem[] {
  const keyed = problems.map((problem, index) => ({ problem, index, key: positionOf(problem, data) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index);
  return keyed.map((k) => k.problem);
}

function positionOf(problem: Problem, data: unknown): number[] {
  const key: number[] = [];
  let node: unknown = data;
  for (const segment of problem.path) {
    if (Array.isArray(node) && typeof segment === 'number') {
      key.push(segment);
      node = node[segment];
    } else if (typeof node === 'object' && node !== null && typeof segment === 'string') {
      const keys = Object.keys(node);
      const at = keys.indexOf(segment);
      key.push(at < 0 ? keys.length : at);
      node = at < 0 ? undefined : (node as Record<string, unknown>)[segment];
    } else {
      key.push(Number.MAX_SAFE_INTEGER);
      node = undefined;
    }
  }
  return key;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
