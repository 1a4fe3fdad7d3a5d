/**
 * The rules of the `challenge` section that relate it to the rest of the scenario: goals name
 * metrics the run has, knobs name settings the document has, ids are distinct, and the run is
 * graded no later than it ends. Like references.ts, each rule reads only fields that are valid on
 * their own, so no problem is reported twice.
 */
import { challengeGoalSchema, challengeKnobSchema, challengeSchema } from './challengeSchema';
import { metricPathProblem } from './challengeMetrics';
import type { PathSegment } from './errors';
import { at, isRecord, items, valid, INVALID } from './lenientRead';
import { joinPath, pathProblem, pathSegments, readPath } from './metricPath';
import type { Problem } from './sanitize';
import { rootShape } from './schema';
import { closestName } from './suggest';

export { CHALLENGE_METRIC_ROOTS } from './challengeMetrics';

/** Scenario fields a knob must not change: they are not settings of the system being run. */
const FIELDS_NOT_KNOBS = new Set(['$schema', 'version', 'title', 'description', 'challenge']);

type Report = (path: PathSegment[], message: string) => void;

export function checkChallenge(data: unknown): Problem[] {
  const problems: Problem[] = [];
  if (!isRecord(data) || !isRecord(data.challenge)) return problems;
  const report: Report = (path, message) => void problems.push({ path: ['challenge', ...path], message });
  const challenge = data.challenge;

  const ids = new Map<string, string>();
  const claimId = (id: unknown, section: 'goals' | 'constraints', index: number): void => {
    if (typeof id !== 'string') return;
    const first = ids.get(id);
    if (first !== undefined) report([section, index, 'id'], `${JSON.stringify(id)} is already the id of ${first}; goal and constraint ids must be distinct`);
    else ids.set(id, `${section}[${index}]`);
  };

  items(challenge.goals).forEach((raw, i) => {
    const goal = valid(challengeGoalSchema, raw);
    if (goal === INVALID) return;
    claimId(goal.id, 'goals', i);
    const metricProblem = metricPathProblem(goal.metric, data);
    if (metricProblem) report(['goals', i, 'metric'], metricProblem);
    const divideProblem = goal.divideBy === undefined ? null : metricPathProblem(goal.divideBy, data);
    if (divideProblem) report(['goals', i, 'divideBy'], divideProblem);
  });
  items(challenge.constraints).forEach((raw, i) => claimId(at(raw, 'id'), 'constraints', i));

  const knobPaths = new Set<string>();
  // "topics[0].partitions" and "topics.0.partitions" are one setting: compare paths by their names.
  const knobSettings = new Map<string, string>();
  items(challenge.knobs).forEach((raw, i) => {
    const knob = valid(challengeKnobSchema, raw);
    if (knob === INVALID) return;
    const setting = joinPath(pathSegments(knob.path));
    const first = knobSettings.get(setting);
    if (first !== undefined) report(['knobs', i, 'path'], `${JSON.stringify(knob.path)} is already a knob${first === knob.path ? '' : ` (written ${JSON.stringify(first)})`}; each setting has one knob`);
    else knobSettings.set(setting, knob.path);
    knobPaths.add(knob.path);
    const knobProblem = knobPathProblem(knob.path, data);
    if (knobProblem) report(['knobs', i, 'path'], knobProblem);
    if (knob.kind === 'int' && knob.min > knob.max) report(['knobs', i, 'max'], `must be at least min (${knob.min}), got ${knob.max}`);
  });

  const solution = at(challenge, 'solution');
  const patch = at(solution, 'patch');
  if (isRecord(patch) && valid(challengeSchema.shape.knobs, challenge.knobs) !== INVALID) {
    for (const path of Object.keys(patch)) {
      if (knobPaths.has(path)) continue;
      // The grader matches a patch to its knob by the text of the path, not by the setting it names.
      const sameSetting = pathProblem(path) === null ? knobSettings.get(joinPath(pathSegments(path))) : undefined;
      const hint = sameSetting === undefined ? ` (${[...knobPaths].join(', ')})` : `: write it as the knob does, ${JSON.stringify(sameSetting)}`;
      report(['solution', 'patch', path], `${JSON.stringify(path)} is not one of the challenge's knobs${hint}`);
    }
  }

  const runUntilMs = valid(challengeSchema.shape.runUntilMs, challenge.runUntilMs);
  const durationMs = valid(rootShape.durationMs, data.durationMs);
  if (runUntilMs !== INVALID && runUntilMs !== undefined && durationMs !== INVALID && runUntilMs > durationMs) {
    report(['runUntilMs'], `is ${runUntilMs} but the scenario lasts ${durationMs} ms (durationMs): the run cannot be graded after it ends`);
  }
  return problems;
}

/** Why a knob cannot write `path`, or null. Every step but the last must exist, as the grader's patch requires. */
function knobPathProblem(path: string, data: Record<string, unknown>): string | null {
  const keys = pathSegments(path);
  const root = keys[0]!;
  if (FIELDS_NOT_KNOBS.has(root)) return `"${root}" is not a setting a learner can change`;
  if (!Object.hasOwn(rootShape, root)) {
    const suggestion = closestName(root, Object.keys(rootShape));
    return `the scenario has no section ${JSON.stringify(root)}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ''}`;
  }
  let node: unknown = data;
  for (const [i, key] of keys.slice(0, -1).entries()) {
    if (Array.isArray(node) && !/^\d+$/.test(key)) return `${JSON.stringify(joinPath(keys.slice(0, i)))} is a list: index it with a number`;
    const next = at(node, key) ?? (Array.isArray(node) && /^\d+$/.test(key) ? node[Number(key)] : undefined);
    if (next === undefined || next === null || typeof next !== 'object') {
      return `the scenario has no ${JSON.stringify(joinPath(keys.slice(0, i + 1)))}, so the knob has nothing to change`;
    }
    node = next;
  }
  const last = keys.at(-1)!;
  if (Array.isArray(node) && !/^\d+$/.test(last)) return `${JSON.stringify(joinPath(keys.slice(0, -1)))} is a list: index it with a number`;
  return null;
}

/**
 * Knobs that name no setting of the parsed scenario (a typo in the last name, which the document
 * alone cannot show): run once the scenario is valid, when every setting has its default filled in.
 */
export function checkChallengeKnobs(scenario: { challenge?: { knobs: readonly { path: string }[] } }, data: unknown): Problem[] {
  const problems: Problem[] = [];
  scenario.challenge?.knobs.forEach((knob, i) => {
    const parsed = readPath(scenario, knob.path);
    const value = parsed === undefined ? readPath(data, knob.path) : parsed;
    if (value === undefined || (typeof value === 'object' && value !== null)) {
      problems.push({ path: ['challenge', 'knobs', i, 'path'], message: `${JSON.stringify(knob.path)} is not a setting of this scenario (a number, text, true/false or null)` });
    }
  });
  return problems;
}
