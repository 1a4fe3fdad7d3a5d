import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../engine';
import { gradeScenarioChallenge, initialSettings, runMetricsAt, type ChallengeGrade } from './challenge';

const RATE = 'publishers[0]["ratePerSec"]';
const DEAD = 'queues["fulfilment.dead"].depth';

/** The RabbitMQ example (its dead-letter queue is "fulfilment.dead"), with a challenge whose paths use brackets. */
const example = JSON.parse(readFileSync(new URL('../../content/scenarios/rabbit-work-queue.json', import.meta.url), 'utf8')) as Record<string, unknown> & { publishers: object[] };
const json = {
  ...example,
  challenge: {
    prompt: 'Keep the dead-letter queue under 50 messages by 5 s.',
    goals: [{ id: 'few-dead', label: 'At most 50 dead letters', metric: DEAD, op: '<=', value: 50 }],
    knobs: [{ kind: 'int', path: RATE, label: 'Orders per second', help: 'How fast the shop publishes.', min: 10, max: 400 }],
    constraints: [{ id: 'rate-floor', label: 'At least 40 orders per second', path: 'publishers[0].ratePerSec', op: '>=', value: 40 }],
    runUntilMs: 5000,
  },
};

function grade(settings: Record<string, number>): ChallengeGrade {
  const outcome = gradeScenarioChallenge(json, settings);
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome;
}

/** The dead-letter queue's depth at 5 s with the shop publishing ratePerSec, read straight from the metrics. */
const deadAt5s = (ratePerSec: number) => runMetricsAt({ ...json, publishers: [{ ...json.publishers[0], ratePerSec }] }, 5000)!.queues!['fulfilment.dead']!.depth;

describe('a scenario challenge written with bracketed paths', () => {
  it('parses, and reads the knob\'s starting value through its bracketed path', () => {
    const parsed = parseScenario(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(initialSettings(parsed.scenario.challenge!, parsed.scenario)).toEqual({ [RATE]: 200 });
  });

  it('grades the goal on queues["fulfilment.dead"] with the value measured at runUntilMs, and writes the knob', () => {
    const asWritten = grade({ [RATE]: 200 });
    const depth = deadAt5s(200);
    expect(depth).toBeGreaterThan(50);
    expect(asWritten.goals.map((g) => [g.ok, g.value, g.detail])).toEqual([[false, depth, `${DEAD} was ${depth} at 5 s (needed ≤ 50 at the end)`]]);
    expect(asWritten.constraints.map((c) => [c.ok, c.detail])).toEqual([[true, 'publishers[0].ratePerSec is 200 (allowed: ≥ 40)']]);

    const slower = grade({ [RATE]: 50 });
    expect([slower.passed, slower.goals[0]!.value, slower.constraints[0]!.detail]).toEqual([true, deadAt5s(50), 'publishers[0].ratePerSec is 50 (allowed: ≥ 40)']);
  });
});
