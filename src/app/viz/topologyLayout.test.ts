import { describe, expect, it } from 'vitest';
import type { GroupView } from '../../engine';
import type { LabSnapshot } from '../../worker/labSnapshot';
import { deliveryTopicsOf, GEOMETRY, layoutTopology, LOG_WIDTH, ownersOf } from './topologyLayout';

function consumer(id: string, assigned: [string, number][], state: GroupView['consumers'][number]['state'] = 'idle'): GroupView['consumers'][number] {
  return { id, state, membership: 'stable', memberId: `${id}-m`, groupInstanceId: null, assigned, utilisation: 0 };
}

const delivery: GroupView['delivery'] = {
  retryMode: 'retry-topics',
  maxAttempts: 3,
  retryTopics: [
    { name: 'orders-retry-100', delayMs: 100, records: 4 },
    { name: 'orders-retry-200', delayMs: 200, records: 1 },
  ],
  deadLetterTopics: [{ name: 'orders-dlt', records: 7 }],
  recentDeadLetters: [],
  replayable: 7,
  poisonKeys: [],
  idempotent: false,
  dedupeIds: 0,
};

const group = {
  id: 'billing',
  topics: ['orders'],
  assignor: 'range',
  commit: 'after-process',
  state: 'Stable',
  generation: 1,
  leader: 'c-0',
  rebalances: 1,
  consumers: [consumer('c-0', [['orders', 0]]), consumer('c-1', [['orders', 1]], 'dead'), consumer('c-2', [])],
  committed: { orders: [3, 2] },
  lag: { orders: [1, 5] },
  delivery,
} as GroupView;

const snapshot: LabSnapshot = {
  timeMs: 1_000,
  durationMs: 60_000,
  finished: false,
  metrics: {} as LabSnapshot['metrics'],
  topics: [{ name: 'orders', partitions: [0, 1].map((partition) => ({ partition, logStartOffset: 0, logEndOffset: 6, highWatermark: 6 })) }],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 100 }],
  groups: [group],
  brokers: [{ id: 0, up: true }, { id: 1, up: false }],
  eventsTotal: 0,
};

describe('topology layout', () => {
  it('lists retry topics in the order records pass through them, then the dead-letter topic', () => {
    expect(deliveryTopicsOf(group)).toEqual([
      { name: 'orders-retry-100', kind: 'retry', records: 4 },
      { name: 'orders-retry-200', kind: 'retry', records: 1 },
      { name: 'orders-dlt', kind: 'dead-letter', records: 7 },
    ]);
    const { delivery: _none, ...withoutDelivery } = group;
    expect(deliveryTopicsOf(withoutDelivery as GroupView)).toEqual([]);
  });

  it('places brokers on top, the failure topics under their group, and edges only to running owners', () => {
    const layout = layoutTopology(snapshot, 1_000);
    expect(layout.width).toBe(1_000);
    expect(layout.brokers.map((b) => [b.id, b.y])).toEqual([[0, 0], [1, 0]]);
    const top = GEOMETRY.brokerBandHeight + GEOMETRY.gap;
    expect(layout.partitions.map((p) => p.y)).toEqual([top + GEOMETRY.topicHeaderHeight, top + GEOMETRY.topicHeaderHeight + GEOMETRY.rowHeight]);
    const lastConsumer = layout.consumers.at(-1);
    if (!lastConsumer) throw new Error('no consumers placed');
    expect(layout.delivery.map((d) => [d.name, d.kind, d.y])).toEqual([
      ['orders-retry-100', 'retry', lastConsumer.y + GEOMETRY.consumerHeight + 6],
      ['orders-retry-200', 'retry', lastConsumer.y + GEOMETRY.consumerHeight + 6 + GEOMETRY.deliveryHeight + 4],
      ['orders-dlt', 'dead-letter', lastConsumer.y + GEOMETRY.consumerHeight + 6 + 2 * (GEOMETRY.deliveryHeight + 4)],
    ]);
    // Two produce edges (one per partition); one consume edge: c-1 is dead and c-2 owns nothing.
    expect(layout.edges.map((e) => e.key)).toEqual(['produce:checkout:orders/0', 'produce:checkout:orders/1', 'consume:billing/orders/0']);
    expect(ownersOf(group)).toEqual(new Map([['orders/0', 'c-0']]));
  });

  it('never lays out narrower than its columns need', () => {
    const layout = layoutTopology(snapshot, 300);
    expect(layout.width).toBe(GEOMETRY.producerWidth + LOG_WIDTH + GEOMETRY.consumerWidth + 2 * GEOMETRY.columnGap);
  });
});
