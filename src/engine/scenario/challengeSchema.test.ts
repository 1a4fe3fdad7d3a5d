import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { CHALLENGE_METRIC_ROOTS } from './challengeReferences';
import { formatScenarioError } from './errors';
import { parseScenario } from './parse';

/** A small valid scenario with a challenge; tests break one thing at a time. */
function doc(challenge: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    durationMs: 20_000,
    topics: [{ name: 'orders', partitions: 2 }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 50 }],
    consumerGroups: [{ id: 'billing', topic: 'orders', consumers: 1 }],
    challenge: {
      prompt: 'Keep lag low.',
      goals: [{ id: 'lag', label: 'Lag at most 10', metric: 'groups.billing.lag.max', op: '<=', value: 10 }],
      knobs: [{ kind: 'int', path: 'consumerGroups.0.consumers', label: 'Consumers', help: 'How many consumers.', min: 1, max: 4 }],
      ...challenge,
    },
    ...extra,
  };
}

function errors(input: unknown): string[] {
  const result = parseScenario(input);
  return result.ok ? [] : result.errors.map(formatScenarioError);
}

describe('a scenario challenge', () => {
  it('parses with its defaults filled in, and a scenario without one has none', () => {
    const result = parseScenario(doc({ runUntilMs: 15_000 }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.challenge).toEqual({
      prompt: 'Keep lag low.',
      goals: [{ id: 'lag', label: 'Lag at most 10', metric: 'groups.billing.lag.max', op: '<=', value: 10 }],
      knobs: [{ kind: 'int', path: 'consumerGroups.0.consumers', label: 'Consumers', help: 'How many consumers.', min: 1, max: 4 }],
      constraints: [],
      runUntilMs: 15_000,
      sampleEveryMs: 1000,
    });
    const plain = parseScenario({ version: 1, topics: [{ name: 't', partitions: 1 }] });
    expect(plain.ok && 'challenge' in plain.scenario).toBe(false);
  });

  it('names an unknown metric with its path and the closest name', () => {
    const goals = [
      { id: 'a', label: 'A', metric: 'lag.max', op: '<', value: 1 },
      { id: 'b', label: 'B', metric: 'lagg.max', op: '<', value: 1 },
      { id: 'c', label: 'C', metric: 'lost.count', op: '<', value: 1 },
      { id: 'd', label: 'D', metric: 'latencyMs.p98', op: '<', value: 1 },
      { id: 'e', label: 'E', metric: 'groups.biling.lag.max', op: '<', value: 1 },
      { id: 'f', label: 'F', metric: 'lag', op: '<', value: 1 },
      { id: 'g', label: 'G', metric: 'duplicates', divideBy: 'procesed', op: '<', value: 1 },
    ];
    expect(errors(doc({ goals }))).toEqual([
      'challenge.goals[1].metric: unknown metric "lagg" (did you mean "lag"?)',
      'challenge.goals[2].metric: metric "lost" is a number: it has no "count"',
      'challenge.goals[3].metric: metric "latencyMs" has no "p98" (did you mean "latencyMs.p95"?)',
      'challenge.goals[4].metric: the scenario has no consumer group "biling"; known: billing',
      'challenge.goals[5].metric: metric "lag" is a section, not a number: name one of its values, e.g. "lag.total"',
      'challenge.goals[6].divideBy: unknown metric "procesed" (did you mean "processed"?)',
    ]);
  });

  it('leaves bracketed names (a queue called "orders.dlq") to the grader, and refuses what is no path at all', () => {
    const goal = (metric: string) => ({ id: 'q', label: 'Q', metric, op: '<', value: 1 });
    expect(errors(doc({ goals: [goal('queues["orders.dlq"].depth')] }))).toEqual([]);
    expect(errors(doc({ goals: [goal('lag max')] }))).toEqual([
      'challenge.goals[0].metric: may contain only names joined by "." (at most 8), e.g. "lag.max", or a name in brackets such as queues["orders.dlq"].depth, got "lag max"',
    ]);
  });

  it('refuses knobs that cannot change a setting of the scenario', () => {
    const knob = (path: string) => ({ kind: 'bool', path, label: path, help: 'x' });
    expect(errors(doc({ knobs: [knob('version'), knob('consumerGroup.0.consumers'), knob('consumerGroups.3.consumers'), knob('topics.name')] }))).toEqual([
      'challenge.knobs[0].path: "version" is not a setting a learner can change',
      'challenge.knobs[1].path: the scenario has no section "consumerGroup" (did you mean "consumerGroups"?)',
      'challenge.knobs[2].path: the scenario has no "consumerGroups.3", so the knob has nothing to change',
      'challenge.knobs[3].path: "topics" is a list: index it with a number',
    ]);
    // A typo in the last name is only visible once every default is filled in.
    expect(errors(doc({ knobs: [knob('consumerGroups.0.consumerz')] }))).toEqual([
      'challenge.knobs[0].path: "consumerGroups.0.consumerz" is not a setting of this scenario (a number, text, true/false or null)',
    ]);
    // A setting left to its default (null here) is still a setting.
    expect(errors(doc({ knobs: [knob('consumerGroups.0.deadLetterTopic')] }))).toEqual([]);
  });

  it('checks ids, ranges, the solution and the grading time against the rest', () => {
    expect(
      errors(
        doc({
          goals: [
            { id: 'same', label: 'A', metric: 'lost', op: '==', value: 0 },
            { id: 'same', label: 'B', metric: 'lost', op: '==', value: 0 },
          ],
          knobs: [
            { kind: 'int', path: 'consumerGroups.0.consumers', label: 'C', help: 'x', min: 5, max: 2 },
            { kind: 'bool', path: 'consumerGroups.0.consumers', label: 'D', help: 'x' },
          ],
          constraints: [{ id: 'same', label: 'E', path: 'consumerGroups.0.consumers', op: '<=', value: 3 }],
          runUntilMs: 30_000,
          solution: { patch: { 'producers.0.ratePerSec': 1 }, explanation: 'x' },
        }),
      ),
    ).toEqual([
      'challenge.goals[1].id: "same" is already the id of goals[0]; goal and constraint ids must be distinct',
      'challenge.knobs[0].max: must be at least min (5), got 2',
      'challenge.knobs[1].path: "consumerGroups.0.consumers" is already a knob; each setting has one knob',
      'challenge.constraints[0].id: "same" is already the id of goals[0]; goal and constraint ids must be distinct',
      'challenge.runUntilMs: is 30000 but the scenario lasts 20000 ms (durationMs): the run cannot be graded after it ends',
      'challenge.solution.patch["producers.0.ratePerSec"]: "producers.0.ratePerSec" is not one of the challenge\'s knobs (consumerGroups.0.consumers)',
    ]);
  });

  it('explains wrong fields in the section itself, field by field, in document order', () => {
    expect(
      errors(
        doc({
          goals: [],
          knobs: [{ kind: 'slider', path: 'x' }],
          prompt: '',
          hint: 'no',
          sampleEveryMs: 5,
        }),
      ),
    ).toEqual([
      'challenge.prompt: must be 1 to 800 characters long, got 0 characters',
      'challenge.goals: must have at least 1 item, got 0',
      'challenge.knobs[0].kind: must be one of "int", "choice", "bool", got "slider"',
      'challenge.hint: unknown field "hint" (known fields: prompt, goals, knobs, constraints, runUntilMs, sampleEveryMs, solution)',
      'challenge.sampleEveryMs: must be between 100 and 60000, got 5',
    ]);
  });

  it('knows every metric root and section name the engine reports', () => {
    const result = parseScenario(doc({}));
    if (!result.ok) throw new Error('invalid');
    const sim = createSimulation(result.scenario);
    sim.runUntil(1000);
    const metrics = sim.metrics() as unknown as Record<string, unknown>;
    const reported = Object.keys(metrics).filter((name) => name !== 'traceHash');
    // Queue-style sections appear only in queue scenarios; every other root is always there.
    expect(CHALLENGE_METRIC_ROOTS.filter((name) => !reported.includes(name))).toEqual(['queues', 'exchanges', 'requesters']);
    expect(reported.filter((name) => !CHALLENGE_METRIC_ROOTS.includes(name))).toEqual([]);
    expect(Object.keys(metrics.lag as object)).toEqual(expect.arrayContaining(['total', 'max', 'perPartition']));
    expect(Object.keys(metrics.latencyMs as object).sort()).toEqual(['mean', 'p50', 'p95', 'p99']);
    expect(Object.keys(metrics.rebalances as object).sort()).toEqual(['count', 'totalPauseMs']);
  });
});
