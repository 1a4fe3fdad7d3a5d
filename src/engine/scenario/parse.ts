import { scenarioSchema } from './schema';
import { sanitize, errorText, UNREADABLE, DOCUMENT_VALUES_MAX } from './sanitize';
import type { Problem } from './sanitize';
import { problemsFromIssues } from './issues';
import { checkReferences } from './references';
import { checkQueueReferences, withoutEmptyQueueSections } from './queueReferences';
import { resolveScenario } from './defaults';
import { checkChallenge, checkChallengeKnobs } from './challengeReferences';
import { inDocumentOrder } from './order';
import { describeValue, formatPath } from './errors';
import type { ParseResult, ScenarioError } from './errors';

/** Most errors listed; one more says how many were left out. */
export const ERRORS_MAX = 100;
/** Largest scenario text read, bytes (1 MiB). */
export const SCENARIO_TEXT_BYTES_MAX = 1_048_576;

/**
 * Validates a scenario and fills in every default. Never throws, whatever the input: a learner
 * sees a list of errors, each with its JSON path, never a stack trace.
 */
export function parseScenario(input: unknown): ParseResult {
  try {
    return parse(input);
  } catch (error) {
    // Unreachable by design (the fuzz test checks it); kept so that a bug is an error, not a crash.
    return fail([{ path: [], message: `could not be checked (internal error: ${errorText(error)})` }]);
  }
}

function parse(input: unknown): ParseResult {
  const sanitized = sanitize(input);
  if (sanitized.tooLarge) return fail([{ path: [], message: `is too large: more than ${DOCUMENT_VALUES_MAX} values (the limit for a scenario)` }]);
  const data = sanitized.value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const problems = sanitized.problems.length > 0 ? sanitized.problems : [{ path: [], message: `must be a JSON object like { "version": 1, "topics": […] }, got ${describeValue(data === UNREADABLE ? input : data)}` }];
    return fail(problems);
  }
  const result = scenarioSchema.safeParse(data);
  const schemaProblems = result.success ? [] : problemsFromIssues(result.error.issues);
  // Each problem once: a value that could not be read is not also a wrong type, and a wrong
  // value is not also explained from deep inside.
  const unreadable = sanitized.problems.filter((p) => !schemaProblems.some((s) => isInside(p, s, false)));
  const wrong = schemaProblems.filter((s) => !sanitized.problems.some((p) => isInside(s, p, true)));
  const problems = inDocumentOrder([...unreadable, ...wrong, ...checkReferences(data), ...checkQueueReferences(data), ...checkChallenge(data)], data);
  if (problems.length > 0 || !result.success) return fail(problems);
  const scenario = withoutEmptyQueueSections(resolveScenario(result.data));
  const knobProblems = checkChallengeKnobs(scenario, data);
  return knobProblems.length === 0 ? { ok: true, scenario } : fail(knobProblems);
}

/** Whether inner's path lies inside outer's (or at it, when orAt). */
function isInside(inner: Problem, outer: Problem, orAt: boolean): boolean {
  if (inner.path.length < outer.path.length || (!orAt && inner.path.length === outer.path.length)) return false;
  return outer.path.every((segment, i) => inner.path[i] === segment);
}

function fail(problems: readonly Problem[]): ParseResult {
  const errors: ScenarioError[] = problems.slice(0, ERRORS_MAX).map((p) => ({ path: formatPath(p.path), message: p.message }));
  if (problems.length > ERRORS_MAX) {
    const omitted = problems.length - ERRORS_MAX;
    errors.push({ path: '', message: `…and ${omitted} more error${omitted === 1 ? '' : 's'} (only the first ${ERRORS_MAX} are listed)` });
  }
  return { ok: false, errors };
}

/**
 * Parses scenario JSON text, then the scenario. Text that is not JSON, or longer than
 * SCENARIO_TEXT_BYTES_MAX, gives one error at the root.
 */
export function parseScenarioJson(text: string): ParseResult {
  if (typeof text !== 'string') return fail([{ path: [], message: `must be JSON text, got ${describeValue(text)}` }]);
  const bytes = utf8Length(text, SCENARIO_TEXT_BYTES_MAX);
  if (bytes > SCENARIO_TEXT_BYTES_MAX) {
    return fail([{ path: [], message: `is more than ${SCENARIO_TEXT_BYTES_MAX} bytes (1 MiB, the limit for a scenario file)` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail([{ path: [], message: `not valid JSON: ${jsonErrorText(text, error)}` }]);
  }
  return parseScenario(data);
}

/** UTF-8 length of text, counting no further than just past limit. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The JSON engine's message, with the line and column when it names a position. */
function jsonErrorText(text: string, error: unknown): string {
  const message = errorText(error);
  const match = /position (\d+)/.exec(message);
  if (match === null || /line \d+/.test(message)) return message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}
