import { describe, expect, it } from 'vitest';
import * as engine from '../../engine';
import { getBuiltin } from '../../content/builtins';
import { NO_QUEUE_STATICS, poolOf, queueStaticsOf } from './queueStatics';

function spec(id: string) {
  const parsed = engine.parseScenario(getBuiltin(id)?.json);
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  return parsed.scenario;
}

describe('queue statics', () => {
  it('reads publishers, max-lengths and prefetch from a RabbitMQ scenario', () => {
    const statics = queueStaticsOf(spec('rabbit-work-queue'));
    // 10 keys drawn at random, 7 of them distinct.
    expect(statics.publishers.map(({ routingKeys, ...p }) => ({ ...p, keys: routingKeys.length }))).toEqual([
      { id: 'shop', target: { kind: 'exchange', name: 'orders' }, ratePerSec: 200, requestTimeoutMs: null, keys: 7 },
    ]);
    expect(statics.maxLength).toEqual({ fulfilment: null, audit: 1000, 'fulfilment.dead': null });
    expect(statics.capacityByPool).toEqual({ fulfil: 10, auditor: 50 });
    expect(statics.maxReceiveCount).toEqual({});
  });

  it('reads SQS batch sizes and redrive counts', () => {
    const statics = queueStaticsOf(spec('sqs-visibility'));
    expect(statics.publishers[0]?.target).toEqual({ kind: 'sqs', name: 'render-jobs' });
    expect(statics.capacityByPool).toEqual({ renderer: 1 });
    expect(statics.maxReceiveCount).toEqual({ 'render-jobs': 4 });
  });

  it('has nothing for a Kafka scenario or none, and finds a worker’s pool by its id', () => {
    expect(queueStaticsOf(spec('balanced'))).toEqual(NO_QUEUE_STATICS);
    expect(queueStaticsOf(null)).toBe(NO_QUEUE_STATICS);
    expect([poolOf('fulfil-2'), poolOf('sqs-fulfil-10'), poolOf('solo')]).toEqual(['fulfil', 'sqs-fulfil', 'solo']);
  });
});
