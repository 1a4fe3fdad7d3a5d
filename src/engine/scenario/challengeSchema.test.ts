import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { CHALLENGE_METRIC_SECTIONS } from './challengeMetrics';
import { CHALLENGE_METRIC_ROOTS } from './challengeReferences';
import { formatScenarioError } from './errors';
import { joinPath } from './metricPath';
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

/** Queue sections beside the Kafka ones: queue names with a dot, an SQS queue and a requester with its reply queue. */
const QUEUES = {
  exchanges: [{ name: 'shop', type: 'direct' }, { name: 'billing.dlx', type: 'direct' }],
  queues: [{ name: 'orders' }, { name: 'orders.dlq' }],
  sqsQueues: [{ name: 'jobs' }],
  bindings: [{ exchange: 'shop', queue: 'orders', routingKey: 'o' }, { exchange: 'billing.dlx', queue: 'orders.dlq', routingKey: 'o' }],
  publishers: [
    { id: 'web', exchange: 'shop', routingKeys: ['o'], ratePerSec: 10 },
    { id: 'client', exchange: 'shop', routingKeys: ['o'], ratePerSec: 1, request: { timeoutMs: 500 } },
  ],
  workers: [{ id: 'w', queue: 'orders' }],
};

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
      'challenge.goals[4].metric: unknown consumer group "biling" (did you mean "billing"?)',
      'challenge.goals[5].metric: metric "lag" is a section, not a number: name one of its values, e.g. "lag.total"',
      'challenge.goals[6].divideBy: unknown metric "procesed" (did you mean "processed"?)',
    ]);
    const more = [
      { id: 'h', label: 'H', metric: 'cluster.offlinePartition', op: '<', value: 1 },
      { id: 'i', label: 'I', metric: 'producers.checkout.acknowledged', divideBy: 'producers["checkout"].failed', op: '<', value: 1 },
      { id: 'j', label: 'J', metric: 'queues.orders.depth', op: '<', value: 1 },
      { id: 'k', label: 'K', metric: 'producers["check-out"].failed', op: '<', value: 1 },
    ];
    expect(errors(doc({ goals: more }))).toEqual([
      'challenge.goals[0].metric: metric "cluster" has no "offlinePartition" (did you mean "cluster.offlinePartitions"?)',
      'challenge.goals[2].metric: unknown queue "orders": the scenario has no queues',
      'challenge.goals[3].metric: unknown producer "check-out" (did you mean "checkout"?)',
    ]);
  });

  it('reads bracketed names (a queue called "orders.dlq") and checks them like dotted ones', () => {
    const goal = (metric: string, divideBy?: string) => ({ id: 'q', label: 'Q', metric, ...(divideBy ? { divideBy } : {}), op: '<', value: 1 });
    const check = (metric: string, divideBy?: string) => errors(doc({ goals: [goal(metric, divideBy)] }, QUEUES));
    expect(check('queues["orders.dlq"].depth', "queues['orders'].processed")).toEqual([]);
    expect(check('["queues"]["orders.dlq"]["depth"]')).toEqual([]);
    expect(check('groups["billing"].lag.max')).toEqual([]);
    expect(check('queues["orders.dlqq"].depth')).toEqual(['challenge.goals[0].metric: unknown queue "orders.dlqq" (did you mean "orders.dlq"?)']);
    expect(check('queues["refunds"].depth', 'queues["ordrs"].depth')).toEqual([
      'challenge.goals[0].metric: unknown queue "refunds"; known: "orders", "orders.dlq", "jobs", "client.replies"',
      'challenge.goals[0].divideBy: unknown queue "ordrs" (did you mean "orders"?)',
    ]);
    // Dotted, "orders.dlq" is two names: the queue "orders" then its (missing) value "dlq".
    expect(check('queues.orders.dlq.depth')).toEqual([]);
    expect(check('exchanges.billing.dlx.routed')).toEqual(['challenge.goals[0].metric: unknown exchange "billing"; a name with a dot goes in brackets: exchanges["billing.dlx"].routed']);
    expect(check('requesters.clinet.replies')).toEqual(['challenge.goals[0].metric: unknown requester "clinet" (did you mean "client"?)']);
  });

  it('knows the names every by-name section of the run will have, and nothing else', () => {
    const result = parseScenario(doc({}, QUEUES));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const sim = createSimulation(result.scenario);
    sim.runUntil(2000);
    const metrics = sim.metrics() as unknown as Record<string, Record<string, Record<string, unknown>>>;
    const paths = ['groups', 'producers', 'queues', 'exchanges', 'requesters'].flatMap((root) =>
      Object.entries(metrics[root]!).filter(([name]) => name !== '').map(([name, values]) => joinPath([root, name, Object.keys(values)[0]!])),
    );
    expect(paths).toEqual(expect.arrayContaining(['queues["orders.dlq"].broker', 'queues["client.replies"].broker', 'exchanges["billing.dlx"].type', 'requesters.client.sent']));
    for (const path of paths) expect([path, ...errors(doc({ goals: [{ id: 'q', label: 'Q', metric: path, op: '<', value: 1 }] }, QUEUES))]).toEqual([path]);
    // No requester: no requesters section and no reply queue.
    const quiet = { ...QUEUES, publishers: [QUEUES.publishers[0]] };
    expect(errors(doc({ goals: [{ id: 'q', label: 'Q', metric: 'requesters.client.sent', op: '<', value: 1 }] }, quiet))).toEqual(['challenge.goals[0].metric: unknown requester "client": the scenario has no requesters']);
  });

  it('refuses what is no path at all, saying where', () => {
    const goal = (metric: string) => ({ id: 'q', label: 'Q', metric, op: '<', value: 1 });
    expect(errors(doc({ goals: [goal('lag..max'), goal('queues["orders.dlq"depth')] }))).toEqual([
      'challenge.goals[0].metric: must be a path like "lag.max" or queues["orders.dlq"].depth, got "lag..max": a name is missing at 4',
      'challenge.goals[1].metric: must be a path like "lag.max" or queues["orders.dlq"].depth, got "queues[\\"orders.dlq\\"depth": "]" expected after the closing quote at 18',
    ]);
    // A space is part of a name, as in JavaScript's ["lag max"]: the grammar reads it, the metrics have no such name.
    expect(errors(doc({ goals: [goal('lag max')] }))).toEqual([expect.stringMatching(/^challenge\.goals\[0\]\.metric: unknown metric "lag max" \(metrics start with one of: timeMs, /)]);
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

  it('reads knob paths in brackets the same way, and knows two spellings of one setting', () => {
    const knob = (path: string) => ({ kind: 'int', path, label: path, help: 'x', min: 1, max: 4 });
    expect(errors(doc({ knobs: [knob('consumerGroups[0].consumers'), knob('["topics"][0]["partitions"]')] }))).toEqual([]);
    expect(errors(doc({ knobs: [knob('consumerGroups[3].consumers'), knob('topics["first"].partitions')] }))).toEqual([
      'challenge.knobs[0].path: the scenario has no "consumerGroups.3", so the knob has nothing to change',
      'challenge.knobs[1].path: "topics" is a list: index it with a number',
    ]);
    expect(errors(doc({ knobs: [knob('consumerGroups[0]["consumerz"]')] }))).toEqual([
      'challenge.knobs[0].path: "consumerGroups[0][\\"consumerz\\"]" is not a setting of this scenario (a number, text, true/false or null)',
    ]);
    expect(
      errors(doc({ knobs: [knob('topics.0.partitions'), knob('topics[0].partitions')], solution: { patch: { 'topics[0]["partitions"]': 3 }, explanation: 'x' } })),
    ).toEqual([
      'challenge.knobs[1].path: "topics[0].partitions" is already a knob (written "topics.0.partitions"); each setting has one knob',
      'challenge.solution.patch["topics[0][\\"partitions\\"]"]: "topics[0][\\"partitions\\"]" is not one of the challenge\'s knobs: write it as the knob does, "topics.0.partitions"',
    ]);
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
    for (const [root, values] of Object.entries(CHALLENGE_METRIC_SECTIONS)) expect([root, ...Object.keys(metrics[root] as object)]).toEqual([root, ...values]);
  });
});
