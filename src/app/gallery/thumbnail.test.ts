import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../engine';
import { getBuiltin } from '../../content/builtins';
import { COLUMN_NODES_MAX, thumbnailModel } from './thumbnail';

function builtin(id: string): Scenario {
  const parsed = parseScenario(getBuiltin(id)?.json);
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  return parsed.scenario;
}

const keys = (columns: { key: string }[][]) => columns.map((column) => column.map((n) => n.key));

describe('a scenario thumbnail', () => {
  it('draws a Kafka scenario as producers → topics → groups, with partitions and consumers counted', () => {
    const model = thumbnailModel(builtin('balanced'));
    expect(keys(model.columns)).toEqual([['producer:checkout'], ['topic:orders'], ['group:billing']]);
    expect(model.columns[1]![0]).toEqual({ key: 'topic:orders', kind: 'topic', name: 'orders', count: 6 });
    expect(model.columns[2]![0]!.count).toBe(3);
    expect(model.edges).toEqual([
      { from: 'producer:checkout', to: 'topic:orders' },
      { from: 'topic:orders', to: 'group:billing' },
    ]);
    expect(model.summary).toBe('1 producer → 1 topic (6 partitions) → 1 consumer group (3 consumers)');
  });

  it('draws RabbitMQ as publishers → exchanges → queues → workers, dead-lettering included', () => {
    const model = thumbnailModel(builtin('rabbit-work-queue'));
    expect(keys(model.columns)).toEqual([
      ['publisher:shop'],
      ['exchange:orders', 'exchange:orders.dlx'],
      ['queue:fulfilment', 'queue:audit', 'queue:fulfilment.dead'],
      ['worker:fulfil', 'worker:auditor'],
    ]);
    expect(model.edges).toEqual([
      { from: 'publisher:shop', to: 'exchange:orders' },
      { from: 'exchange:orders', to: 'queue:fulfilment' },
      { from: 'exchange:orders', to: 'queue:audit' },
      { from: 'exchange:orders.dlx', to: 'queue:fulfilment.dead' },
      { from: 'queue:fulfilment', to: 'exchange:orders.dlx' },
      { from: 'queue:fulfilment', to: 'worker:fulfil' },
      { from: 'queue:audit', to: 'worker:auditor' },
    ]);
    expect(model.summary).toBe('1 publisher → 2 exchanges → 3 queues → 2 worker pools (4 workers)');
  });

  it('draws SQS with its redrive to the dead-letter queue', () => {
    const model = thumbnailModel(builtin('sqs-visibility'));
    expect(keys(model.columns)).toEqual([['publisher:uploads'], ['sqs:render-jobs', 'sqs:render-jobs-dlq'], ['worker:renderer']]);
    expect(model.edges).toContainEqual({ from: 'sqs:render-jobs', to: 'sqs:render-jobs-dlq' });
    expect(model.summary).toBe('1 publisher → 2 SQS queues → 1 worker pool (4 workers)');
  });

  it('keeps a column to COLUMN_NODES_MAX nodes, and drops flows to nodes it left out, while the words count them all', () => {
    const scenario = builtin('balanced');
    const topics = Array.from({ length: 9 }, (_, i) => ({ ...scenario.topics[0]!, name: `t${i}` }));
    const producers = topics.map((t, i) => ({ ...scenario.producers[0]!, id: `p${i}`, topic: t.name }));
    const model = thumbnailModel({ ...scenario, topics, producers, consumerGroups: [] });
    expect(model.columns.map((c) => c.length)).toEqual([COLUMN_NODES_MAX, COLUMN_NODES_MAX]);
    expect(model.edges).toHaveLength(COLUMN_NODES_MAX);
    expect(model.summary).toBe('9 producers → 9 topics (54 partitions)');
  });
});
