import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario } from '../engine';
import { gradeChallenge } from './grading';
import type { Challenge } from './types';

/** A RabbitMQ work queue whose poison messages end in a dead-letter queue named with a dot. */
const scenario = {
  version: 1,
  seed: 3,
  durationMs: 10_000,
  exchanges: [{ name: 'shop', type: 'direct' }, { name: 'orders.dlx', type: 'direct' }],
  queues: [{ name: 'orders', type: 'quorum', deliveryLimit: 2, deadLetterExchange: 'orders.dlx', deadLetterRoutingKey: 'dead' }, { name: 'orders.dlq' }],
  bindings: [
    { exchange: 'shop', queue: 'orders', routingKey: 'o' },
    { exchange: 'shop', queue: 'orders', routingKey: 'poison' },
    { exchange: 'orders.dlx', queue: 'orders.dlq', routingKey: 'dead' },
  ],
  publishers: [{ id: 'web', exchange: 'shop', routingKeys: ['o', 'o', 'o', 'poison'], ratePerSec: 20, arrival: 'constant' }],
  workers: [{ id: 'w', queue: 'orders', prefetchCount: 1, processingMs: { dist: 'constant', value: 10 }, onFailure: 'requeue', failures: { poisonKeys: ['poison'] } }],
};

const challenge: Challenge = {
  id: 'small-dlq',
  title: 'A small dead-letter queue',
  prompt: 'Keep the dead-letter queue under 20 messages.',
  scenario: 'work-queue',
  goals: [
    { id: 'dlq-small', label: 'At most 20 dead letters', metric: 'queues["orders.dlq"].depth', op: '<=', value: 20 },
    { id: 'dlq-share', label: 'At most a third dead-lettered', metric: "queues['orders.dlq'].published", divideBy: 'queues.orders.published', op: '<=', value: 0.34 },
  ],
  knobs: [{ kind: 'int', path: 'publishers[0]["ratePerSec"]', label: 'Rate', help: 'Messages per second.', min: 1, max: 40 }],
  constraints: [{ id: 'rate-cap', label: 'At most 30 per second', path: 'publishers[0].ratePerSec', op: '<=', value: 30 }],
  sampleEveryMs: 1000,
  solution: { patch: { 'publishers[0]["ratePerSec"]': 5 }, changes: [], explanation: 'Fewer poison messages.' },
  wrongSolutions: [],
};

/** The run's metrics at its end, read directly, to hold the grader's numbers to. */
function queuesAtEnd(ratePerSec: number) {
  const parsed = parseScenario({ ...scenario, publishers: [{ ...scenario.publishers[0], ratePerSec }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const sim = createSimulation(parsed.scenario);
  sim.runUntil(scenario.durationMs);
  return sim.metrics().queues!;
}

describe('the grader reads paths with bracketed names', () => {
  it('measures a goal on queues["orders.dlq"], a constraint on publishers[0], and fails the scenario as written', () => {
    const queues = queuesAtEnd(20);
    const depth = queues['orders.dlq']!.depth;
    expect(depth).toBeGreaterThan(20);
    const result = gradeChallenge(challenge, scenario, { patch: {} });
    expect(result.errors).toEqual([]);
    expect(result.constraints).toEqual([{ id: 'rate-cap', label: 'At most 30 per second', ok: true, detail: 'publishers[0].ratePerSec is 20 (allowed: ≤ 30)' }]);
    expect(result.goals.map((g) => [g.id, g.ok, g.detail])).toEqual([
      ['dlq-small', false, `queues["orders.dlq"].depth was ${depth} at 10 s (needed ≤ 20 at the end)`],
      ['dlq-share', true, `queues['orders.dlq'].published ÷ queues.orders.published stayed ≤ 0.34 at the end (last: ${Number((queues['orders.dlq']!.published / queues.orders!.published).toFixed(2))})`],
    ]);
    expect(result.passed).toBe(false);
  });

  it('writes a knob given in brackets into the document, and passes with the solution', () => {
    const depth = queuesAtEnd(5)['orders.dlq']!.depth;
    expect(depth).toBeLessThanOrEqual(20);
    const result = gradeChallenge(challenge, scenario, { patch: challenge.solution.patch });
    expect([result.passed, result.goals[0]!.detail]).toEqual([true, `queues["orders.dlq"].depth stayed ≤ 20 at the end (last: ${depth})`]);
    const over = gradeChallenge(challenge, scenario, { patch: { 'publishers[0]["ratePerSec"]': 35 } });
    expect(over.constraints.map((c) => [c.ok, c.detail])).toEqual([[false, 'publishers[0].ratePerSec is 35 (allowed: ≤ 30)']]);
  });

  it('says which bracketed name the metrics lack', () => {
    const typo = { ...challenge, goals: [{ ...challenge.goals[0]!, metric: 'queues["orders.dlqq"].depth' }] };
    const result = gradeChallenge(typo, scenario, { patch: {} });
    expect(result.goals.map((g) => [g.ok, g.detail])).toEqual([[false, 'the metrics have no number at "queues["orders.dlqq"].depth"']]);
  });
});
