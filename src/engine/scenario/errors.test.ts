import { describe, expect, it } from 'vitest';
import { ERRORS_MAX, parseScenario, parseScenarioJson, SCENARIO_TEXT_BYTES_MAX } from './parse';
import { formatScenarioError } from './errors';
import { sanitize } from './sanitize';

/** Bad inputs and exactly the errors they give: [path, message], in document order. */
const t = [{ name: 'orders', partitions: 6 }];
const base = { version: 1, topics: t };
const cases: [string, unknown][] = [
  ['root null', null], ['root list', []], ['root number', 42], ['root string', 'x'],
  ['empty object', {}],
  ['wrong version', { ...base, version: 2 }],
  ['version as text', { ...base, version: '1' }],
  ['typo with suggestion', { version: 1, topics: [{ name: 'orders', partitons: 0 }] }],
  ['unknown field far from any', { ...base, colour: 'red' }],
  ['queue sections', { ...base, queues: [], sqs: {} }],
  ['out of range', { ...base, topics: [{ name: 'orders', partitions: 0 }], seed: -1, durationMs: 86_400_001 }],
  ['wrong types', { ...base, title: 5, cluster: { brokers: '3', uncleanLeaderElection: 'no' }, topics: 'orders' }],
  ['not whole, not finite', { ...base, seed: 1.5, durationMs: Infinity, cluster: { networkLatencyMs: NaN } }],
  ['bad topic name', { version: 1, topics: [{ name: 'my orders', partitions: 1 }, { name: '', partitions: 1 }] }],
  ['too many topics', { version: 1, topics: Array.from({ length: 65 }, (_, i) => ({ name: `t${i}`, partitions: 1 })) }],
  ['no topics', { version: 1, topics: [] }],
  ['duplicate names', { version: 1, topics: [...t, ...t], producers: [{ id: 'p', topic: 'orders', ratePerSec: 1 }, { id: 'p', topic: 'orders', ratePerSec: 1 }], consumerGroups: [{ id: 'g', topic: 'orders' }, { id: 'g', topic: 'orders' }] }],
  ['replication', { version: 1, cluster: { brokers: 2 }, topics: [{ name: 'a', partitions: 1, replicationFactor: 3 }, { name: 'b', partitions: 1, minInsyncReplicas: 3 }] }],
  ['missing topic refs', { ...base, producers: [{ id: 'p', topic: 'ordres', ratePerSec: 1 }], consumerGroups: [{ id: 'g', topics: ['orders', 'audit', 'orders'] }] }],
  ['topic and topics', { ...base, consumerGroups: [{ id: 'g', topic: 'orders', topics: ['orders'] }, { id: 'h' }] }],
  ['acks', { ...base, producers: [{ id: 'p', topic: 'orders', ratePerSec: 1, acks: '2' }, { id: 'q', topic: 'orders', ratePerSec: 1, acks: 'ALL' }] }],
  ['idempotence', { ...base, producers: [{ id: 'p', topic: 'orders', ratePerSec: 1, acks: 1, enableIdempotence: true }, { id: 'q', topic: 'orders', ratePerSec: 1, retries: 0, maxInFlightRequestsPerConnection: 6, enableIdempotence: true }] }],
  ['producer bounds', { ...base, producers: [{ id: 'p q', topic: 'orders', ratePerSec: -1, retryBackoffMs: 500, retryBackoffMaxMs: 100, startMs: 1000, stopMs: 1000, keys: { distribution: 'zipf' } }] }],
  ['keys', { ...base, producers: [{ id: 'p', topic: 'orders', ratePerSec: 1, keys: { distribution: 'gauss', count: 5 } }, { id: 'q', topic: 'orders', ratePerSec: 1, keys: 'uniform' }, { id: 'r', topic: 'orders', ratePerSec: 1, keys: { count: 5 } }] }],
  ['group timing', { ...base, consumerGroups: [{ id: 'g', topic: 'orders', sessionTimeoutMs: 10_000, heartbeatIntervalMs: 10_000, retry: { backoffMs: 500, maxBackoffMs: 100, mode: 'later' }, processingMs: { dist: 'uniform', min: 5, max: 1 } }, { id: 'h', topic: 'orders', sessionTimeoutMs: 3000, processingMs: { dist: 'normal', mean: 1 }, failures: { transientRate: 2, poisonKeys: 'k-1' } }] }],
  ['faults', { ...base, cluster: { brokers: 2 }, producers: [{ id: 'p', topic: 'orders', ratePerSec: 1 }], consumerGroups: [{ id: 'g', topic: 'orders', consumers: 2 }, { id: 'empty', topic: 'orders', consumers: 0 }], faults: [
    { atMs: 1, type: 'broker-crash', broker: 2 },
    { atMs: 1, type: 'consumer-crash', group: 'billing', consumer: 0 },
    { atMs: 1, type: 'consumer-leave', group: 'g', consumer: 2 },
    { atMs: 1, type: 'consumer-slow', group: 'empty', consumer: 0, processingMs: { dist: 'uniform', min: 3, max: 2 } },
    { atMs: 30, type: 'set-partitions', topic: 'orders', partitions: 8 },
    { atMs: 20, type: 'set-partitions', topic: 'orders', partitions: 10 },
    { atMs: 1, type: 'set-partitions', topic: 'audit', partitions: 10 },
    { atMs: 1, type: 'set-rate', producer: 'checkout', ratePerSec: 1 },
    { atMs: 1, type: 'poison-key', group: 'g2', key: 'k' },
    { atMs: -1, type: 'explode' },
    { type: 'broker-restart', broker: 0 },
    { atMs: 1, broker: 0 },
    'crash',
  ] }],
];

const expected: Record<string, [string, string][]> = {
  "root null": [
    ["", "must be a JSON object like { \"version\": 1, \"topics\": […] }, got null"],
  ],
  "root list": [
    ["", "must be a JSON object like { \"version\": 1, \"topics\": […] }, got a list of 0 items"],
  ],
  "root number": [
    ["", "must be a JSON object like { \"version\": 1, \"topics\": […] }, got 42"],
  ],
  "root string": [
    ["", "must be a JSON object like { \"version\": 1, \"topics\": […] }, got \"x\""],
  ],
  "empty object": [
    ["version", "required: add \"version\": 1 (this engine reads scenario format v1)"],
    ["topics", "required"],
  ],
  "wrong version": [
    ["version", "must be 1 (this engine reads scenario format v1), got 2"],
  ],
  "version as text": [
    ["version", "must be 1 (this engine reads scenario format v1), got \"1\""],
  ],
  "typo with suggestion": [
    ["topics[0].partitons", "unknown field \"partitons\" (did you mean \"partitions\"?)"],
    ["topics[0].partitions", "required"],
  ],
  "unknown field far from any": [
    ["colour", "unknown field \"colour\" (known fields: $schema, version, title, description, seed, durationMs, cluster, topics, producers, consumerGroups, faults, exchanges, queues, bindings, sqsQueues, snsTopics, publishers, workers, queueFaults, challenge)"],
  ],
  "queue sections": [
    ["sqs", "unknown field \"sqs\" (SQS queues are declared in \"sqsQueues\")"],
  ],
  "out of range": [
    ["topics[0].partitions", "must be between 1 and 1024, got 0"],
    ["seed", "must be between 0 and 4294967295, got -1"],
    ["durationMs", "must be between 1 and 86400000, got 86400001"],
  ],
  "wrong types": [
    ["topics", "must be a list ([…]), got \"orders\""],
    ["title", "must be a string (text in quotes), got 5"],
    ["cluster.brokers", "must be a whole number, got the text \"3\" (write numbers without quotes)"],
    ["cluster.uncleanLeaderElection", "must be true or false, got \"no\""],
  ],
  "not whole, not finite": [
    ["seed", "must be a whole number, got 1.5"],
    ["durationMs", "must be a finite number, got Infinity"],
    ["cluster.networkLatencyMs", "must be a finite number, got NaN"],
  ],
  "bad topic name": [
    ["topics[0].name", "may contain only letters, digits, \".\", \"_\" and \"-\" (Kafka's rule for topic names), got \"my orders\""],
    ["topics[1].name", "must be 1 to 249 characters long, got 0 characters"],
  ],
  "too many topics": [
    ["topics", "must have at most 64 items, got 65"],
  ],
  "no topics": [
    ["topics", "must have at least 1 item, got 0"],
  ],
  "duplicate names": [
    ["topics[1].name", "duplicate topic name \"orders\" (topics[0] has it too): topic names must be unique"],
    ["producers[1].id", "duplicate producer id \"p\": producer ids must be unique"],
    ["consumerGroups[1].id", "duplicate consumer group id \"g\": group ids must be unique"],
  ],
  "replication": [
    ["topics[0].replicationFactor", "is 3 but the cluster has only 2 brokers: a partition cannot have more copies than there are brokers"],
    ["topics[1].minInsyncReplicas", "must be at most the topic's replicationFactor (2), got 3"],
  ],
  "missing topic refs": [
    ["producers[0].topic", "topic \"ordres\" does not exist; known topics: orders"],
    ["consumerGroups[0].topics[1]", "topic \"audit\" does not exist; known topics: orders"],
    ["consumerGroups[0].topics[2]", "lists topic \"orders\" twice"],
  ],
  "topic and topics": [
    ["consumerGroups[0].topics", "give either \"topic\" or \"topics\", not both"],
    ["consumerGroups[1].topic", "required (or \"topics\": a list of topic names)"],
  ],
  "acks": [
    ["producers[0].acks", "must be one of \"0\", \"1\", \"all\", got \"2\""],
    ["producers[1].acks", "must be one of \"0\", \"1\", \"all\", got \"ALL\""],
  ],
  "idempotence": [
    ["producers[0].enableIdempotence", "is true, but idempotence needs acks \"all\", retries > 0 and maxInFlightRequestsPerConnection ≤ 5, and acks is \"1\" (Kafka refuses this with a ConfigException): set enableIdempotence to false or fix the conflict"],
    ["producers[1].enableIdempotence", "is true, but idempotence needs acks \"all\", retries > 0 and maxInFlightRequestsPerConnection ≤ 5, and retries is 0 and maxInFlightRequestsPerConnection is 6 (Kafka refuses this with a ConfigException): set enableIdempotence to false or fix the conflict"],
  ],
  "producer bounds": [
    ["producers[0].id", "may contain only letters, digits, \".\", \"_\" and \"-\", got \"p q\""],
    ["producers[0].ratePerSec", "must be between 0 and 1000000, got -1"],
    ["producers[0].retryBackoffMaxMs", "must be at least retryBackoffMs (500), got 100"],
    ["producers[0].stopMs", "must be later than startMs (1000), got 1000"],
    ["producers[0].keys.count", "required"],
  ],
  "keys": [
    ["producers[0].keys.distribution", "must be one of \"none\", \"uniform\", \"zipf\", \"hot\", got \"gauss\""],
    ["producers[1].keys", "must be an object like { \"distribution\": \"uniform\", \"count\": 1000 }, got \"uniform\""],
    ["producers[2].keys.distribution", "required: one of \"none\", \"uniform\", \"zipf\", \"hot\""],
  ],
  "group timing": [
    ["consumerGroups[0].heartbeatIntervalMs", "must be less than sessionTimeoutMs (10000), got 10000 (Kafka advises at most a third of it)"],
    ["consumerGroups[0].retry.maxBackoffMs", "must be at least backoffMs (500), got 100"],
    ["consumerGroups[0].retry.mode", "must be one of \"in-place\", \"retry-topics\", got \"later\""],
    ["consumerGroups[0].processingMs.max", "must be at least min (5), got 1"],
    ["consumerGroups[1].sessionTimeoutMs", "must be between 6000 and 1800000, got 3000 (the broker's group.min.session.timeout.ms and group.max.session.timeout.ms)"],
    ["consumerGroups[1].processingMs.dist", "must be one of \"constant\", \"exponential\", \"uniform\", \"lognormal\", got \"normal\""],
    ["consumerGroups[1].failures.transientRate", "must be between 0 and 1, got 2"],
    ["consumerGroups[1].failures.poisonKeys", "must be a list ([…]), got \"k-1\""],
  ],
  "faults": [
    ["faults[0].broker", "broker 2 does not exist: the cluster has 2 brokers, numbered 0 to 1"],
    ["faults[1].group", "consumer group \"billing\" does not exist; known groups: g, empty"],
    ["faults[2].consumer", "group \"g\" has 2 consumers, numbered 0 to 1, got 2"],
    ["faults[3].consumer", "group \"empty\" starts with no consumers, got consumer 0"],
    ["faults[3].processingMs.max", "must be at least min (3), got 2"],
    ["faults[4].partitions", "must be more than the topic's 10 partitions at that time, got 8 (Kafka can only add partitions)"],
    ["faults[6].topic", "topic \"audit\" does not exist; known topics: orders"],
    ["faults[7].producer", "producer \"checkout\" does not exist; known producers: p"],
    ["faults[8].group", "consumer group \"g2\" does not exist; known groups: g, empty"],
    ["faults[9].type", "must be one of \"broker-crash\", \"broker-restart\", \"slow-follower\", \"consumer-crash\", \"consumer-leave\", \"consumer-add\", \"consumer-slow\", \"poison-key\", \"set-partitions\", \"set-rate\", got \"explode\""],
    ["faults[10].atMs", "required"],
    ["faults[11].type", "required: one of \"broker-crash\", \"broker-restart\", \"slow-follower\", \"consumer-crash\", \"consumer-leave\", \"consumer-add\", \"consumer-slow\", \"poison-key\", \"set-partitions\", \"set-rate\""],
    ["faults[12]", "must be an object like { \"atMs\": 1000, \"type\": \"broker-crash\", \"broker\": 0 }, got \"crash\""],
  ],
};

function errorsOf(result: ReturnType<typeof parseScenario>): [string, string][] {
  if (result.ok) throw new Error('expected errors, got a valid scenario');
  return result.errors.map((e) => [e.path, e.message]);
}

describe('parseScenario on bad input', () => {
  for (const [name, input] of cases) {
    it(name, () => {
      expect(errorsOf(parseScenario(input))).toEqual(expected[name]);
    });
  }

  it('every case has its expected errors written down', () => {
    expect(Object.keys(expected)).toEqual(cases.map(([name]) => name));
  });

  it('reports values that are not JSON data, and never reads through a throwing getter', () => {
    const input = {
      version: 1,
      get topics(): unknown {
        throw new Error('boom');
      },
      seed: 5n,
      title: Symbol('s'),
      description: () => 'x',
      durationMs: new Uint8Array(2),
      cluster: new Map(),
    };
    expect(errorsOf(parseScenario(input))).toEqual([
      ['topics', 'could not be read (boom): a scenario must be plain JSON data'],
      ['seed', 'must be a whole number, got a BigInt'],
      ['title', 'must be a string (text in quotes), got a symbol'],
      ['description', 'must be a string (text in quotes), got a function'],
      ['durationMs', 'must be plain JSON data, got a Uint8Array'],
      ['cluster', 'must be plain JSON data, got a Map'],
    ]);
  });

  it('reports a cycle once, where it closes', () => {
    const topic: Record<string, unknown> = { name: 't', partitions: 1 };
    topic.self = topic;
    expect(errorsOf(parseScenario({ version: 1, topics: [topic] }))).toEqual([
      ['topics[0].self', 'contains itself (a cycle): a scenario must be plain JSON data'],
    ]);
  });

  it('names the limits on nesting, list length and document size', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    const deepErrors = errorsOf(parseScenario({ version: 1, topics: [{ name: 't', partitions: 1 }], title: deep }));
    // The wrong type outside is the one error; the depth limit only keeps the copy bounded.
    expect(deepErrors).toEqual([['title', 'must be a string (text in quotes), got a list of 1 item']]);
    expect(sanitize(deep).problems).toEqual([{ path: new Array(32).fill(0), message: 'is nested more than 32 levels deep (the limit for a scenario)' }]);
    expect(errorsOf(parseScenario({ version: 1, topics: new Array(20_000).fill(0) }))).toEqual([
      ['topics', 'has 20000 items; no list in a scenario may have more than 1000'],
    ]);
    const wide = Array.from({ length: 300 }, () => new Array(1000).fill(0));
    expect(errorsOf(parseScenario({ version: 1, topics: wide }))).toEqual([
      ['', 'is too large: more than 200000 values (the limit for a scenario)'],
    ]);
  });

  it('puts a field name that is not an identifier in brackets', () => {
    expect(errorsOf(parseScenario({ version: 1, topics: [{ name: 't', partitions: 1, 'part itions': 2 }] }))).toEqual([
      ['topics[0]["part itions"]', 'unknown field "part itions" (did you mean "partitions"?)'],
    ]);
  });

  it(`lists at most ${ERRORS_MAX} errors, then says how many more there were`, () => {
    const topics = Array.from({ length: 64 }, (_, i) => ({ name: `t${i}`, partitions: 0, replicationFactor: 0 }));
    const errors = errorsOf(parseScenario({ version: 1, topics }));
    expect(errors).toHaveLength(ERRORS_MAX + 1);
    expect(errors[0]).toEqual(['topics[0].partitions', 'must be between 1 and 1024, got 0']);
    expect(errors[ERRORS_MAX - 1]).toEqual(['topics[49].replicationFactor', 'must be between 1 and 32, got 0']);
    expect(errors[ERRORS_MAX]).toEqual(['', '…and 28 more errors (only the first 100 are listed)']);
  });

  it('does not pollute Object.prototype, whatever the keys', () => {
    const parsed = parseScenarioJson('{"version":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"topics":[{"name":"t","partitions":1,"__proto__":{"polluted":1}}]}');
    expect(parsed.ok ? [] : parsed.errors.map(formatScenarioError)).toEqual([
      '__proto__: unknown field "__proto__" (known fields: $schema, version, title, description, seed, durationMs, cluster, topics, producers, consumerGroups, faults, exchanges, queues, bindings, sqsQueues, snsTopics, publishers, workers, queueFaults, challenge)',
      'constructor: unknown field "constructor" (known fields: $schema, version, title, description, seed, durationMs, cluster, topics, producers, consumerGroups, faults, exchanges, queues, bindings, sqsQueues, snsTopics, publishers, workers, queueFaults, challenge)',
      'topics[0].__proto__: unknown field "__proto__" (known fields: name, partitions, replicationFactor, minInsyncReplicas, retentionMs)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('parseScenarioJson', () => {
  it('parses JSON text', () => {
    const result = parseScenarioJson('{"version": 1, "topics": [{"name": "t", "partitions": 2}]}');
    expect(result.ok && result.scenario.topics[0]!.partitions).toBe(2);
  });

  it('says where JSON text is broken', () => {
    const result = parseScenarioJson('{\n  "version": 1,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.path).toBe('');
    expect(result.errors[0]!.message).toMatch(/^not valid JSON: .*position 18.*line 3, column 1\)$/);
  });

  it('says empty text is not JSON', () => {
    expect(errorsOf(parseScenarioJson(''))).toEqual([['', 'not valid JSON: Unexpected end of JSON input']]);
  });

  it('refuses text over 1 MiB, counting UTF-8 bytes, and names the limit', () => {
    const limitError: [string, string][] = [['', `is more than ${SCENARIO_TEXT_BYTES_MAX} bytes (1 MiB, the limit for a scenario file)`]];
    const padded = (padding: string) => `{"version":1,"topics":[{"name":"t","partitions":1}],"description":"${padding}"}`;
    const overhead = padded('').length;
    expect(parseScenarioJson(padded('a'.repeat(SCENARIO_TEXT_BYTES_MAX - overhead))).ok).toBe(false); // too long a description, but read
    expect(errorsOf(parseScenarioJson(padded('a'.repeat(SCENARIO_TEXT_BYTES_MAX - overhead + 1))))).toEqual(limitError);
    // "é" is one UTF-16 unit but two UTF-8 bytes.
    expect(errorsOf(parseScenarioJson(padded('é'.repeat((SCENARIO_TEXT_BYTES_MAX - overhead) / 2 + 1))))).toEqual(limitError);
  });

  it('refuses input that is not text', () => {
    expect(errorsOf(parseScenarioJson(42 as unknown as string))).toEqual([['', 'must be JSON text, got 42']]);
  });
});

describe('formatScenarioError', () => {
  it('puts the path before the message, and nothing before a root error', () => {
    expect(formatScenarioError({ path: 'topics[0].partitions', message: 'must be between 1 and 1024, got 0' })).toBe(
      'topics[0].partitions: must be between 1 and 1024, got 0',
    );
    expect(formatScenarioError({ path: '', message: 'not valid JSON: Unexpected end of JSON input' })).toBe('not valid JSON: Unexpected end of JSON input');
  });
});
