import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../engine';
import { attemptDocument, gradeScenarioChallenge, initialSettings, runMetricsAt, type ChallengeGrade } from './challenge';
import { getChallengeExample } from './challengeExamples';

const keepUp = getChallengeExample('keep-up')!.json;
const CONSUMERS = 'consumerGroups.0.consumers';
const ASSIGNOR = 'consumerGroups.0.assignor';

function grade(json: unknown, settings: Record<string, number | string | boolean | null>): ChallengeGrade {
  const outcome = gradeScenarioChallenge(json, settings);
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome;
}

describe('grading a scenario challenge', () => {
  it('fails the scenario as written, naming the goal that broke and the value measured at runUntilMs', () => {
    const result = grade(keepUp, { [CONSUMERS]: 2, [ASSIGNOR]: 'range' });
    const metrics = runMetricsAt(keepUp, 30_000)!;
    expect(result).toMatchObject({ passed: false, timeMs: 30_000, settings: { [CONSUMERS]: 2, [ASSIGNOR]: 'range' }, errors: [] });
    expect(result.goals.map((g) => [g.id, g.ok, g.value])).toEqual([
      ['lag-small', false, metrics.groups.billing!.lag.max],
      ['p50-fast', false, metrics.latencyMs.p50],
      ['none-lost', true, 0],
    ]);
    expect(result.goals[0]!.detail).toMatch(/^groups\.billing\.lag\.max was [\d,]+ at 20 s \(needed ≤ 200 for the last 10 s\)$/);
    expect(result.constraints).toEqual([{ id: 'budget', label: 'At most 4 consumers (the budget)', ok: true, detail: 'consumerGroups.0.consumers is 2 (allowed: ≤ 4)' }]);
    expect(result.feedback).toMatch(/^Not yet: “Max lag of billing stays at or under 200 records for the last 10 s” failed: .* \(and 1 more\)\.$/);
  });

  it('passes three consumers, and measures the run that the live view would show', () => {
    const result = grade(keepUp, { [CONSUMERS]: 3, [ASSIGNOR]: 'range' });
    expect(result.passed).toBe(true);
    expect(result.feedback).toBe('Solved: all 4 conditions hold.');
    const attempt = attemptDocument(keepUp, specOf(keepUp), { [CONSUMERS]: 3 });
    if (!attempt.ok) throw new Error(attempt.errors.join());
    const metrics = runMetricsAt(attempt.json, 30_000)!;
    expect(result.goals.map((g) => g.value)).toEqual([metrics.groups.billing!.lag.max, metrics.latencyMs.p50, 0]);
    expect(result.goals.every((g) => g.ok)).toBe(true);
  });

  it('fails a setting over the budget on its constraint, and refuses one outside its knob without running', () => {
    const over = grade(keepUp, { [CONSUMERS]: 5, [ASSIGNOR]: 'range' });
    expect(over.passed).toBe(false);
    expect(over.goals.every((g) => g.ok)).toBe(true);
    expect(over.constraints.map((c) => c.ok)).toEqual([false]);

    const outside = grade(keepUp, { [CONSUMERS]: 9, [ASSIGNOR]: 'sticky' });
    expect(outside).toMatchObject({
      passed: false,
      goals: [],
      errors: ['Consumers in billing: must be between 1 and 8, got 9', 'Assignor: must be one of "range", "roundrobin", "cooperative-sticky", got "sticky"'],
    });
  });

  it('says why it cannot grade a document that is not a challenge', () => {
    expect(gradeScenarioChallenge({ version: 1, topics: [{ name: 't', partitions: 1 }] }, {})).toEqual({ error: 'the scenario has no challenge' });
    expect(gradeScenarioChallenge({ version: 2 }, {})).toEqual({ error: 'the scenario does not parse' });
  });
});

describe('content/scenarios/challenges', () => {
  const folder = new URL('../../content/scenarios/challenges/', import.meta.url);
  const files = readdirSync(folder).filter((name) => name.endsWith('.json'));

  it('are all offered to the embed', () => {
    expect(files.map((name) => name.replace(/\.json$/, ''))).toEqual(['keep-up']);
    for (const name of files) expect(getChallengeExample(name.replace(/\.json$/, ''))?.json).toEqual(JSON.parse(readFileSync(new URL(name, folder), 'utf8')));
  });

  for (const name of files) {
    it(`${name}: fails as written and passes with its stated solution`, () => {
      const json: unknown = JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
      const parsed = parseScenario(json);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const spec = parsed.scenario.challenge!;
      const initial = initialSettings(spec, parsed.scenario);
      expect(grade(json, initial).passed).toBe(false);
      expect(spec.solution).toBeDefined();
      const solved = grade(json, { ...initial, ...spec.solution!.patch });
      expect(solved.goals.filter((g) => !g.ok)).toEqual([]);
      expect(solved.passed).toBe(true);
    });
  }
});

function specOf(json: unknown) {
  const parsed = parseScenario(json);
  if (!parsed.ok || !parsed.scenario.challenge) throw new Error('the example does not parse or has no challenge');
  return parsed.scenario.challenge;
}
