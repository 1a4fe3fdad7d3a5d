import type { z } from 'zod';
import { UNKNOWN_FIELDS_SEPARATOR } from './fields';
import type { PathSegment } from './errors';
import type { Problem } from './sanitize';

/**
 * Turns zod's issues into problems. The messages were already written by the field builders
 * (fields.ts); this splits an object's unknown fields into one problem each, at the field's own
 * path, and keeps one problem per path (an integer far out of range, for one, trips two checks).
 */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (path: PathSegment[], message: string): void => {
    const key = JSON.stringify(path);
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ path, message });
  };
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const messages = issue.message.split(UNKNOWN_FIELDS_SEPARATOR);
      issue.keys.forEach((key, i) => add([...path, key], messages[i] ?? `unknown field ${JSON.stringify(key)}`));
    } else {
      add(path, issue.message);
    }
  }
  return problems;
}
