import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { formatScenarioError } from './errors';

const errorsOf = (input: Record<string, unknown>): string[] => {
  const result = parseScenario({ version: 1, ...input });
  return result.ok ? [] : result.errors.map(formatScenarioError);
};

describe('queue-style sections: valid input', () => {
  it('a scenario may have only queue sections; every default is filled in', () => {
    const result = parseScenario({ version: 1, queues: [{ name: 'jobs' }], workers: [{ id: 'w', queue: 'jobs' }] });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.topics).toEqual([]);
    expect(result.scenario.queues).toEqual([{ name: 'jobs', type: 'classic', messageTtlMs: null, maxLength: null, overflow: 'drop-head', deadLetterExchange: null, deadLetterRoutingKey: null, deliveryLimit: null }]);
    expect(result.scenario.workers).toEqual([
      {
        id: 'w',
        queue: 'jobs',
        count: 1,
        prefetchCount: 0,
        autoAck: false,
        onFailure: 'requeue',
        maxMessages: 1,
        waitTimeMs: null,
        pollIntervalMs: 20,
        processingMs: { dist: 'constant', value: 1 },
        failures: { rate: 0, poisonKeys: [] },
      },
    ]);
  });

  it('a Kafka-only scenario parses without any queue section (as before they existed)', () => {
    const result = parseScenario({ version: 1, topics: [{ name: 'orders', partitions: 1 }] });
    expect(result.ok && Object.keys(result.scenario).filter((k) => ['exchanges', 'queues', 'workers', 'sqsQueues'].includes(k))).toEqual([]);
  });
});

describe('queue-style sections: errors with their JSON paths', () => {
  it('unknown exchanges and queues in bindings, bad topic patterns, headers bindings without headers', () => {
    expect(
      errorsOf({
        exchanges: [{ name: 'orders', type: 'topic' }, { name: 'meta', type: 'headers' }],
        queues: [{ name: 'created' }],
        bindings: [
          { exchange: 'ordres', queue: 'created' },
          { exchange: 'orders', queue: 'cretaed', routingKey: 'order.*.created' },
          { exchange: 'orders', queue: 'created', routingKey: 'order*.created' },
          { exchange: 'meta', queue: 'created' },
          { exchange: '', queue: 'created' },
        ],
      }),
    ).toEqual([
      'bindings[0].exchange: exchange "ordres" does not exist; known exchanges: "orders", "meta"',
      'bindings[1].queue: queue "cretaed" does not exist; known queues: "created"',
      'bindings[2].routingKey: is not a valid topic pattern: word 1 "order*" mixes "*" or "#" with other characters ("*" and "#" must be whole words between dots, as in "order.*.created" or "order.#")',
      'bindings[3].headers: a binding on a headers exchange needs at least one header to match, like { "region": "eu" }',
      'bindings[4].exchange: the default exchange "" binds every queue by its name already and cannot be bound explicitly',
    ]);
  });

  it('FIFO names, redrive targets and impossible settings', () => {
    expect(
      errorsOf({
        exchanges: [{ name: 'amq.mine', type: 'direct' }],
        queues: [
          { name: 'a', deliveryLimit: 5, deadLetterExchange: 'nowhere' },
          { name: 'b', type: 'quorum', overflow: 'reject-publish-dlx', deadLetterRoutingKey: 'x' },
        ],
        sqsQueues: [
          { name: 'orders', fifo: true, redrivePolicy: { deadLetterQueue: 'orders-dlq', maxReceiveCount: 3 } },
          { name: 'jobs', redrivePolicy: { deadLetterQueue: 'missing', maxReceiveCount: 3 } },
          { name: 'self', redrivePolicy: { deadLetterQueue: 'self', maxReceiveCount: 0 } },
          { name: 'mixed.fifo' },
          { name: 'std', redrivePolicy: { deadLetterQueue: 'f.fifo', maxReceiveCount: 2 } },
          { name: 'f.fifo', fifo: true },
          { name: 'orders-dlq' },
        ],
      }),
    ).toEqual([
      'exchanges[0].name: "amq.mine" starts with "amq.", which RabbitMQ reserves for its own exchanges (declaring it is refused with ACCESS_REFUSED)',
      'queues[0].deliveryLimit: applies only to quorum queues (x-delivery-limit): set "type": "quorum" or remove it',
      'queues[0].deadLetterExchange: exchange "nowhere" does not exist; known exchanges: "amq.mine"',
      'queues[1].overflow: quorum queues do not support "reject-publish-dlx": use "drop-head" or "reject-publish"',
      'queues[1].deadLetterRoutingKey: has no effect without a deadLetterExchange',
      'sqsQueues[0].name: a FIFO queue\'s name must end with ".fifo" (SQS requires it), got "orders"',
      'sqsQueues[0].redrivePolicy.deadLetterQueue: the dead-letter queue of a FIFO queue must be FIFO too, got the standard queue "orders-dlq"',
      'sqsQueues[1].redrivePolicy.deadLetterQueue: SQS queue "missing" does not exist; known SQS queues: "orders", "jobs", "self", "mixed.fifo", "std", "f.fifo", "orders-dlq" (the dead-letter queue must be declared in sqsQueues)',
      'sqsQueues[2].redrivePolicy.deadLetterQueue: is the queue itself: a queue cannot be its own dead-letter queue',
      'sqsQueues[2].redrivePolicy.maxReceiveCount: must be between 1 and 1000, got 0',
      'sqsQueues[3].fifo: must be true for a queue named "mixed.fifo": only FIFO queues may end with ".fifo"',
      'sqsQueues[4].redrivePolicy.deadLetterQueue: the dead-letter queue of a standard queue must be standard too, got the FIFO queue "f.fifo"',
    ]);
  });

  it('publishers, workers, SNS subscriptions and faults that do not fit', () => {
    expect(
      errorsOf({
        queues: [{ name: 'jobs' }],
        sqsQueues: [{ name: 'q.fifo', fifo: true }, { name: 'std' }],
        snsTopics: [{ name: 'events', subscriptions: ['q.fifo', 'nope', 'std', 'std'] }],
        publishers: [
          { id: 'p1', ratePerSec: 1 },
          { id: 'p2', sqsQueue: 'q.fifo', ratePerSec: 1 },
          { id: 'p3', exchange: 'x', snsTopic: 'events', ratePerSec: 1 },
          { id: 'p4', sqsQueue: 'std', ratePerSec: 1, messageGroups: 3, request: { timeoutMs: 10 } },
        ],
        workers: [
          { id: 'w1', sqsQueue: 'std', prefetchCount: 5 },
          { id: 'w2', queue: 'jobs', maxMessages: 5 },
          { id: 'w3' },
        ],
        queueFaults: [
          { atMs: 1, type: 'worker-crash', worker: 'w2', instance: 1 },
          { atMs: 1, type: 'worker-crash', worker: 'w9', instance: 0 },
        ],
      }),
    ).toEqual([
      'snsTopics[0].subscriptions[0]: a standard topic cannot deliver to the FIFO queue "q.fifo": make the topic FIFO (its name ending ".fifo")',
      'snsTopics[0].subscriptions[1]: SQS queue "nope" does not exist; known SQS queues: "q.fifo", "std"',
      'snsTopics[0].subscriptions[3]: subscribes "std" twice',
      'publishers[0].exchange: required: give one of "exchange", "sqsQueue" or "snsTopic"',
      'publishers[1].messageGroups: required for the FIFO queue: every message needs a MessageGroupId',
      'publishers[2].snsTopic: give only one of "exchange", "sqsQueue" or "snsTopic", not both exchange and snsTopic',
      'publishers[3].messageGroups: applies only to FIFO queues and topics',
      'publishers[3].request: request-reply is modelled for RabbitMQ: publish to an exchange',
      'workers[0].prefetchCount: applies only to RabbitMQ workers (queue); SQS workers delete a message after processing it',
      'workers[1].maxMessages: applies only to SQS workers (sqsQueue)',
      'workers[2].queue: required: give "queue" (RabbitMQ) or "sqsQueue"',
      'queueFaults[0].instance: worker pool "w2" has 1 worker, numbered 0 to 0, got 1',
      'queueFaults[1].worker: worker pool "w9" does not exist; known worker pools: "w1", "w2", "w3"',
    ]);
  });

  it('still asks for topics when there is nothing to run', () => {
    expect(errorsOf({})).toEqual(['topics: required']);
    expect(errorsOf({ topics: [], queues: [] })).toEqual(['topics: must have at least 1 item, got 0']);
  });
});
