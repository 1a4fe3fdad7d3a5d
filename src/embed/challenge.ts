/**
 * Grading a scenario's own `challenge` section with the course's grader (src/course/grading.ts),
 * so that a chapter challenge and an embedded one are judged by the same code. Pure: the embed
 * runs it in a worker (grade.worker.ts), tests run it in Node.
 */
import { createSimulation, parseScenario, type ChallengeSpec, type Metrics } from '../engine';
import { checkAttempt, gradeChallenge, patchScenario, type ConditionResult, type GradeResult } from '../course/grading';
import { readNumber, readPath, writePath } from '../course/paths';
import type { Challenge, KnobValue } from '../course/types';

/** A goal's outcome with the number it was judged on. */
export interface GoalOutcome extends ConditionResult {
  /** The goal's value (metric, or metric ÷ divideBy) when the run reached runUntilMs; null when the metrics have none. */
  value: number | null;
}

/** The grade of one attempt, as the embed shows it and posts it to the host in `challenge-graded`. */
export interface ChallengeGrade {
  passed: boolean;
  /** Simulated time the run was graded at, ms. */
  timeMs: number;
  /** The learner's settings: knob path → value (every knob, changed or not). */
  settings: Record<string, KnobValue>;
  goals: GoalOutcome[];
  constraints: ConditionResult[];
  /** Why the run could not happen (a value out of range); empty when it ran. */
  errors: string[];
  /** One sentence for the learner. */
  feedback: string;
}

/** The chapter-format challenge a scenario's section stands for (it has no solution to check here). */
export function toCourseChallenge(spec: ChallengeSpec): Challenge {
  return {
    id: 'scenario-challenge',
    title: 'Challenge',
    prompt: spec.prompt,
    scenario: 'scenario',
    goals: spec.goals,
    knobs: spec.knobs,
    constraints: spec.constraints,
    sampleEveryMs: spec.sampleEveryMs,
    solution: { patch: {}, changes: [], explanation: spec.solution?.explanation ?? 'None given.' },
    wrongSolutions: [],
  };
}

/** Simulated time a challenge is graded at, ms: its runUntilMs, else the end of the run. */
export function gradeTimeMs(spec: ChallengeSpec, durationMs: number): number {
  return Math.min(spec.runUntilMs ?? durationMs, durationMs);
}

/** Each knob's value in the scenario as written, defaults filled in; null where it has none. */
export function initialSettings(spec: ChallengeSpec, scenario: unknown): Record<string, KnobValue> {
  const settings: Record<string, KnobValue> = {};
  for (const knob of spec.knobs) {
    const value = readPath(scenario, knob.path);
    settings[knob.path] = value === undefined || (typeof value === 'object' && value !== null) ? null : (value as KnobValue);
  }
  return settings;
}

/** The settings that differ from the scenario's own: what is patched into the document. */
export function changedSettings(settings: Record<string, KnobValue>, initial: Record<string, KnobValue>): Record<string, KnobValue> {
  return Object.fromEntries(Object.entries(settings).filter(([path, value]) => value !== initial[path]));
}

/**
 * The document the learner's settings make, or why they cannot: each value must be one the knob
 * allows, and the result must still be a valid scenario.
 */
export function attemptDocument(scenarioJson: unknown, spec: ChallengeSpec, patch: Record<string, KnobValue>): { ok: true; json: unknown } | { ok: false; errors: string[] } {
  const errors = checkAttempt(spec.knobs, { patch });
  if (errors.length > 0) return { ok: false, errors };
  const patched = patchScenario(scenarioJson, patch);
  if (!patched.ok) return patched;
  let json = scenarioJson;
  for (const [path, value] of Object.entries(patch)) {
    const written = writePath(json, path, value);
    if (!written.ok) return { ok: false, errors: [written.error] };
    json = written.data;
  }
  return { ok: true, json };
}

/**
 * Grades the learner's settings on the scenario document that holds the challenge. The run ends
 * at runUntilMs (the grader runs a scenario to its durationMs, and nothing before a time depends
 * on how long the run would go on after it). `metricsAt` gives the run's metrics at that time, for
 * the measured values.
 */
export function gradeScenarioChallenge(
  scenarioJson: unknown,
  settings: Record<string, KnobValue>,
  metricsAt: (json: unknown, timeMs: number) => Metrics | null = runMetricsAt,
): ChallengeGrade | { error: string } {
  const parsed = parseScenario(scenarioJson);
  if (!parsed.ok) return { error: 'the scenario does not parse' };
  const spec = parsed.scenario.challenge;
  if (!spec) return { error: 'the scenario has no challenge' };
  const timeMs = gradeTimeMs(spec, parsed.scenario.durationMs);
  const patch = changedSettings(settings, initialSettings(spec, parsed.scenario));
  const shortened = writePath(scenarioJson, 'durationMs', timeMs);
  if (!shortened.ok) return { error: shortened.error };
  const result: GradeResult = gradeChallenge(toCourseChallenge(spec), shortened.data, { patch });
  const attempt = result.errors.length === 0 ? attemptDocument(scenarioJson, spec, patch) : null;
  const metrics = attempt?.ok ? metricsAt(attempt.json, timeMs) : null;
  const goals = result.goals.map((goal): GoalOutcome => {
    const goalSpec = spec.goals.find((g) => g.id === goal.id);
    return { ...goal, value: metrics && goalSpec ? goalValue(metrics, goalSpec.metric, goalSpec.divideBy) : null };
  });
  return { passed: result.passed, timeMs, settings: { ...settings }, goals, constraints: result.constraints, errors: result.errors, feedback: result.feedback };
}

/** A goal's number in metrics, as the grader computes it (metric ÷ divideBy, 0 when divideBy is 0). */
export function goalValue(metrics: Metrics, metric: string, divideBy?: string): number | null {
  const value = readNumber(metrics, metric);
  if (value === undefined) return null;
  if (divideBy === undefined) return value;
  const denominator = readNumber(metrics, divideBy);
  if (denominator === undefined) return null;
  return denominator === 0 ? 0 : value / denominator;
}

/** The metrics of a scenario document's run at timeMs, or null when it does not parse. */
export function runMetricsAt(json: unknown, timeMs: number): Metrics | null {
  const parsed = parseScenario(json);
  if (!parsed.ok) return null;
  const sim = createSimulation(parsed.scenario);
  sim.runUntil(timeMs);
  return sim.metrics();
}
