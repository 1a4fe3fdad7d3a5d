/**
 * The rules of the `challenge` section that relate it to the rest of the scenario: goals name
 * metrics the run has, knobs name settings the document has, ids are distinct, and the run is
 * graded no later than it ends. Like references.ts, each rule reads only fields that are valid on
 * their own, so no problem is reported twice.
 */
import { challengeGoalSchema, challengeKnobSchema, challengeSchema } from './challengeSchema';
import type { PathSegment } from './errors';
import { at, isRecord, items, valid, INVALID } from './lenientRead';
import type { Problem } from './sanitize';
import { rootShape } from './schema';
import { closestName } from './suggest';

/** How each top-level metric of `sim.metrics()` continues: a number, a fixed section, or entries by name. */
const METRIC_ROOTS: Readonly<Record<string, 'number' | readonly string[] | 'byName'>> = {
  timeMs: 'number',
  events: 'number',
  produced: 'number',
  acknowledged: 'number',
  failedSends: 'number',
  retriedSends: 'number',
  duplicatesWritten: 'number',
  reorderedRecords: 'number',
  delivered: 'number',
  processed: 'number',
  duplicates: 'number',
  redelivered: 'number',
  lost: 'number',
  deadLettered: 'number',
  pending: 'number',
  lag: ['total', 'max', 'perPartition'],
  latencyMs: ['mean', 'p50', 'p95', 'p99'],
  rebalances: ['count', 'totalPauseMs'],
  cluster: 'byName',
  producers: 'byName',
  groups: 'byName',
  queues: 'byName',
  exchanges: 'byName',
  requesters: 'byName',
};

/** The top-level metric names a goal may start with (for docs and tests). */
export const CHALLENGE_METRIC_ROOTS = Object.keys(METRIC_ROOTS);

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
  items(challenge.knobs).forEach((raw, i) => {
    const knob = valid(challengeKnobSchema, raw);
    if (knob === INVALID) return;
    if (knobPaths.has(knob.path)) report(['knobs', i, 'path'], `${JSON.stringify(knob.path)} is already a knob; each setting has one knob`);
    knobPaths.add(knob.path);
    const pathProblem = knobPathProblem(knob.path, data);
    if (pathProblem) report(['knobs', i, 'path'], pathProblem);
    if (knob.kind === 'int' && knob.min > knob.max) report(['knobs', i, 'max'], `must be at least min (${knob.min}), got ${knob.max}`);
  });

  const solution = at(challenge, 'solution');
  const patch = at(solution, 'patch');
  if (isRecord(patch) && valid(challengeSchema.shape.knobs, challenge.knobs) !== INVALID) {
    for (const path of Object.keys(patch)) {
      if (!knobPaths.has(path)) report(['solution', 'patch', path], `${JSON.stringify(path)} is not one of the challenge's knobs (${[...knobPaths].join(', ')})`);
    }
  }

  const runUntilMs = valid(challengeSchema.shape.runUntilMs, challenge.runUntilMs);
  const durationMs = valid(rootShape.durationMs, data.durationMs);
  if (runUntilMs !== INVALID && runUntilMs !== undefined && durationMs !== INVALID && runUntilMs > durationMs) {
    report(['runUntilMs'], `is ${runUntilMs} but the scenario lasts ${durationMs} ms (durationMs): the run cannot be graded after it ends`);
  }
  return problems;
}

/** Why `path` names no metric of this scenario's run, or null when it may. Deeper names are checked by the grader. */
function metricPathProblem(path: string, data: Record<string, unknown>): string | null {
  // Bracketed names (queues["orders.dlq"]) are resolved by the grader alone, which names a missing one.
  if (path.includes('[')) return null;
  const [root, second] = path.split('.') as [string, string | undefined];
  const kind = Object.hasOwn(METRIC_ROOTS, root) ? METRIC_ROOTS[root] : undefined;
  if (kind === undefined) {
    const suggestion = closestName(root, CHALLENGE_METRIC_ROOTS);
    return `unknown metric ${JSON.stringify(root)}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ` (metrics start with one of: ${CHALLENGE_METRIC_ROOTS.join(', ')})`}`;
  }
  if (kind === 'number') return second === undefined ? null : `metric ${JSON.stringify(root)} is a number: it has no ${JSON.stringify(second)}`;
  if (second === undefined) return `metric ${JSON.stringify(root)} is a section, not a number: name one of its values, e.g. "${root}.${kind === 'byName' ? '<name>' : kind[0]}"`;
  if (kind !== 'byName') {
    if (kind.includes(second)) return null;
    const suggestion = closestName(second, kind);
    return `metric ${JSON.stringify(root)} has no ${JSON.stringify(second)}${suggestion ? ` (did you mean ${JSON.stringify(`${root}.${suggestion}`)}?)` : `; it has ${kind.join(', ')}`}`;
  }
  const known = entityNames(root, data);
  if (known === null || known.includes(second)) return null;
  return `the scenario has no ${root === 'groups' ? 'consumer group' : 'producer'} ${JSON.stringify(second)}; known: ${known.join(', ') || '(none)'}`;
}

/** Ids a by-name metric section will have, for the sections whose names the document fixes. */
function entityNames(root: string, data: Record<string, unknown>): string[] | null {
  const list = root === 'groups' ? data.consumerGroups : root === 'producers' ? data.producers : undefined;
  if (list === undefined && root !== 'groups' && root !== 'producers') return null;
  const names = items(list).map((item) => at(item, 'id'));
  return names.every((name) => typeof name === 'string') ? (names as string[]) : null;
}

/** Why a knob cannot write `path`, or null. Every step but the last must exist, as the grader's patch requires. */
function knobPathProblem(path: string, data: Record<string, unknown>): string | null {
  if (path.includes('[')) return null;
  const keys = path.split('.');
  const root = keys[0]!;
  if (FIELDS_NOT_KNOBS.has(root)) return `"${root}" is not a setting a learner can change`;
  if (!Object.hasOwn(rootShape, root)) {
    const suggestion = closestName(root, Object.keys(rootShape));
    return `the scenario has no section ${JSON.stringify(root)}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ''}`;
  }
  let node: unknown = data;
  for (const [i, key] of keys.slice(0, -1).entries()) {
    const next = at(node, key) ?? (Array.isArray(node) && /^\d+$/.test(key) ? node[Number(key)] : undefined);
    if (next === undefined || next === null || typeof next !== 'object') {
      return `the scenario has no ${JSON.stringify(keys.slice(0, i + 1).join('.'))}, so the knob has nothing to change`;
    }
    node = next;
  }
  const last = keys.at(-1)!;
  if (Array.isArray(node) && !/^\d+$/.test(last)) return `${JSON.stringify(keys.slice(0, -1).join('.'))} is a list: index it with a number`;
  return null;
}

/**
 * Knobs that name no setting of the parsed scenario (a typo in the last name, which the document
 * alone cannot show): run once the scenario is valid, when every setting has its default filled in.
 */
export function checkChallengeKnobs(scenario: { challenge?: { knobs: readonly { path: string }[] } }, data: unknown): Problem[] {
  const problems: Problem[] = [];
  scenario.challenge?.knobs.forEach((knob, i) => {
    if (knob.path.includes('[')) return;
    const parsed = readDotPath(scenario, knob.path);
    const value = parsed === undefined ? readDotPath(data, knob.path) : parsed;
    if (value === undefined || (typeof value === 'object' && value !== null)) {
      problems.push({ path: ['challenge', 'knobs', i, 'path'], message: `${JSON.stringify(knob.path)} is not a setting of this scenario (a number, text, true/false or null)` });
    }
  });
  return problems;
}

function readDotPath(data: unknown, path: string): unknown {
  let node = data;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
