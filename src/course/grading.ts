/**
 * Grading challenges and diagnoses by running the simulator headlessly. Pure and deterministic
 * (the engine is): the page runs it in a worker, content.test.ts runs it in Node, and the embed
 * may import it. It never throws on a learner's attempt: every problem becomes a failed condition
 * that says what went wrong.
 */
import { createSimulation, formatScenarioError, parseScenario, type Change, type Metrics, type Scenario } from '../engine';
import { readNumber, readPath, writePath } from './paths';
import type { Attempt, Challenge, Comparison, Diagnosis, Goal, Knob, KnobValue, Solution, TimedChange } from './types';

/** One condition (a goal or a constraint) and how the attempt fared against it. */
export interface ConditionResult {
  id: string;
  /** The condition in words, as the content states it. */
  label: string;
  ok: boolean;
  /** What was observed, in words: why it held or which value broke it and when. */
  detail: string;
}

export interface GradeResult {
  passed: boolean;
  constraints: ConditionResult[];
  goals: ConditionResult[];
  /** Problems that stopped the run (a knob out of range, a scenario that does not parse); empty when it ran. */
  errors: string[];
  /** One sentence for the learner: success, or the first condition that failed and why. */
  feedback: string;
}

/** Whether `actual op expected` holds. Order comparisons of non-numbers never hold. */
export function compare(actual: KnobValue, op: Comparison, expected: KnobValue): boolean {
  if (op === '==') return actual === expected;
  if (op === '!=') return actual !== expected;
  if (typeof actual !== 'number' || typeof expected !== 'number') return false;
  switch (op) {
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
  }
}

const OP_WORDS: Record<Comparison, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=', '!=': '≠' };

/** Errors in an attempt's knob values: unknown knobs, values out of range or of the wrong kind. */
export function checkAttempt(knobs: readonly Knob[], attempt: Attempt): string[] {
  const errors: string[] = [];
  for (const [path, value] of Object.entries(attempt.patch)) {
    const knob = knobs.find((k) => k.path === path);
    if (!knob) {
      errors.push(`"${path}" is not one of this challenge's settings`);
      continue;
    }
    const problem = knobValueProblem(knob, value);
    if (problem) errors.push(`${knob.label}: ${problem}`);
  }
  return errors;
}

function knobValueProblem(knob: Knob, value: KnobValue): string | null {
  switch (knob.kind) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number, got ${JSON.stringify(value)}`;
      return value < knob.min || value > knob.max ? `must be between ${knob.min} and ${knob.max}, got ${value}` : null;
    case 'choice':
      return knob.options.some((o) => o.value === value) ? null : `must be one of ${knob.options.map((o) => JSON.stringify(o.value)).join(', ')}, got ${JSON.stringify(value)}`;
    case 'bool':
      return typeof value === 'boolean' ? null : `must be true or false, got ${JSON.stringify(value)}`;
  }
}

/** The scenario document with the patch applied and parsed, or the reasons it could not be. */
export function patchScenario(scenarioJson: unknown, patch: Record<string, KnobValue>): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  let doc = scenarioJson;
  for (const [path, value] of Object.entries(patch)) {
    const written = writePath(doc, path, value);
    if (!written.ok) return { ok: false, errors: [written.error] };
    doc = written.data;
  }
  const parsed = parseScenario(doc);
  return parsed.ok ? { ok: true, scenario: parsed.scenario } : { ok: false, errors: parsed.errors.map(formatScenarioError) };
}

/** Grades an attempt at a challenge on the challenge's scenario document. */
export function gradeChallenge(challenge: Challenge, scenarioJson: unknown, attempt: Attempt): GradeResult {
  const attemptErrors = checkAttempt(challenge.knobs, attempt);
  if (attemptErrors.length > 0) return failedToRun(attemptErrors);
  const patched = patchScenario(scenarioJson, attempt.patch);
  if (!patched.ok) return failedToRun(patched.errors);
  const constraints = challenge.constraints.map((c): ConditionResult => {
    const actual = readPath(patched.scenario, c.path);
    if (actual !== null && typeof actual !== 'number' && typeof actual !== 'string' && typeof actual !== 'boolean') {
      return { id: c.id, label: c.label, ok: false, detail: `the scenario has no setting "${c.path}"` };
    }
    const ok = compare(actual, c.op, c.value);
    return { id: c.id, label: c.label, ok, detail: `${c.path} is ${String(actual)} (allowed: ${OP_WORDS[c.op]} ${String(c.value)})` };
  });
  const run = runGoals(patched.scenario, attempt.changes ?? [], challenge.goals, challenge.sampleEveryMs);
  const goals = run.goals;
  const passed = run.errors.length === 0 && constraints.every((c) => c.ok) && goals.every((g) => g.ok);
  return { passed, constraints, goals, errors: run.errors, feedback: summarize(passed, run.errors, [...constraints, ...goals]) };
}

/** The diagnosis scenario's evidence, run as goals; with a cure applied, `holds` must turn false. */
export function checkEvidence(diagnosis: Diagnosis, scenarioJson: unknown, cure?: Solution): { holds: boolean; goals: ConditionResult[]; errors: string[] } {
  return checkGoals(diagnosis.evidence, scenarioJson, cure);
}

/** Runs the scenario (with an optional patch and changes) and checks the goals on its metrics, sampled every second. */
export function checkGoals(goals: readonly Goal[], scenarioJson: unknown, change?: Pick<Solution, 'patch' | 'changes'>): { holds: boolean; goals: ConditionResult[]; errors: string[] } {
  const patched = patchScenario(scenarioJson, change?.patch ?? {});
  if (!patched.ok) return { holds: false, goals: [], errors: patched.errors };
  const run = runGoals(patched.scenario, change?.changes ?? [], goals, 1000);
  return { holds: run.errors.length === 0 && run.goals.every((g) => g.ok), goals: run.goals, errors: run.errors };
}

/** Whether the learner named the cause, with the feedback for the option they chose. */
export function gradeDiagnosis(diagnosis: Diagnosis, optionId: string): { correct: boolean; feedback: string } {
  const option = diagnosis.options.find((o) => o.id === optionId);
  if (!option) return { correct: false, feedback: 'Choose one of the causes first.' };
  return { correct: option.id === diagnosis.answer, feedback: option.feedback };
}

function failedToRun(errors: string[]): GradeResult {
  return { passed: false, constraints: [], goals: [], errors, feedback: `It could not run: ${errors[0] ?? 'unknown problem'}.` };
}

function summarize(passed: boolean, errors: string[], conditions: ConditionResult[]): string {
  if (passed) return `Solved: all ${conditions.length} conditions hold.`;
  if (errors.length > 0) return `The run stopped: ${errors[0]}.`;
  const failed = conditions.filter((c) => !c.ok);
  const first = failed[0];
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : '';
  return first ? `Not yet: “${first.label}” failed: ${first.detail}${more}.` : 'Not yet.';
}

/** A goal being watched during a run. */
interface Watch {
  goal: Goal;
  fromMs: number;
  ok: boolean;
  /** Value at the first failure, else the last value seen. */
  value: number | undefined;
  failedAtMs: number | null;
  missing: boolean;
}

/** Runs the scenario to its end with the timed changes, checking each goal at every sample in its window. */
function runGoals(scenario: Scenario, changes: readonly TimedChange[], goals: readonly Goal[], sampleEveryMs: number): { goals: ConditionResult[]; errors: string[] } {
  const errors: string[] = [];
  const sim = createSimulation(scenario);
  const endMs = scenario.durationMs;
  const watches: Watch[] = goals.map((goal) => ({ goal, fromMs: goal.forMs === undefined ? endMs : Math.max(0, endMs - goal.forMs), ok: true, value: undefined, failedAtMs: null, missing: false }));
  const pending = [...changes].sort((a, b) => a.atMs - b.atMs);
  const samples: number[] = [];
  for (let t = sampleEveryMs; t < endMs; t += sampleEveryMs) samples.push(t);
  samples.push(endMs);

  for (const t of samples) {
    while (pending.length > 0 && pending[0]!.atMs <= t) {
      const { atMs, change } = pending.shift()!;
      sim.runUntil(atMs);
      const applied = applySafely(sim.apply.bind(sim), change as unknown as Change);
      if (!applied.ok) errors.push(`the change "${change.type}" at ${atMs / 1000} s was refused: ${applied.error}`);
    }
    sim.runUntil(t);
    const due = watches.filter((w) => t >= w.fromMs);
    if (due.length === 0) continue;
    const metrics = sim.metrics();
    for (const watch of due) observe(watch, metrics, t);
  }
  return { goals: watches.map(toResult), errors };
}

function applySafely(apply: (change: Change) => { ok: true } | { ok: false; error: string }, change: Change): { ok: true } | { ok: false; error: string } {
  try {
    return apply(change);
  } catch (error) {
    // A malformed change from content (not from a learner) can trip the engine's own checks.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function observe(watch: Watch, metrics: Metrics, timeMs: number): void {
  const value = goalValue(watch.goal, metrics);
  if (value === undefined) {
    watch.ok = false;
    watch.missing = true;
    return;
  }
  if (!watch.ok) return;
  watch.value = value;
  if (!compare(value, watch.goal.op, watch.goal.value)) {
    watch.ok = false;
    watch.failedAtMs = timeMs;
  }
}

function goalValue(goal: Goal, metrics: Metrics): number | undefined {
  const value = readNumber(metrics, goal.metric);
  if (value === undefined || goal.divideBy === undefined) return value;
  const denominator = readNumber(metrics, goal.divideBy);
  if (denominator === undefined) return undefined;
  return denominator === 0 ? 0 : value / denominator;
}

function toResult(watch: Watch): ConditionResult {
  const { goal } = watch;
  const name = goal.divideBy ? `${goal.metric} ÷ ${goal.divideBy}` : goal.metric;
  const target = `${OP_WORDS[goal.op]} ${formatNumber(goal.value)}`;
  const when = goal.forMs === undefined ? 'at the end' : `for the last ${formatSeconds(goal.forMs)}`;
  let detail: string;
  if (watch.missing) detail = `the metrics have no number at "${name}"`;
  else if (watch.failedAtMs !== null) detail = `${name} was ${formatNumber(watch.value ?? NaN)} at ${formatSeconds(watch.failedAtMs)} (needed ${target} ${when})`;
  else detail = `${name} stayed ${target} ${when} (last: ${formatNumber(watch.value ?? NaN)})`;
  return { id: goal.id, label: goal.label, ok: watch.ok, detail };
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
}
