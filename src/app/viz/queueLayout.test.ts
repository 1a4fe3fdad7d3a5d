import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as engine from '../../engine';
import { getBuiltin } from '../../content/builtins';
import type { LabSnapshot } from '../../worker/labSnapshot';
import { createFrameEncoder, decodeFrame } from '../../worker/frameCodec';
import { bindingText, layoutQueues, QUEUE_DRAWING_WIDTH_MIN, queueStructureKey, type Box, type QueueTopologyLayout } from './queueLayout';
import { queueStaticsOf, type QueueStatics } from './queueStatics';

const chapters = join(import.meta.dirname, '..', '..', '..', 'content', 'chapters');

/** A scenario run to `timeMs`, as the page gets it (through the frame codec), with its settings. */
function loaded(id: string, timeMs: number): { snapshot: LabSnapshot; statics: QueueStatics } {
  const json = getBuiltin(id)?.json ?? (JSON.parse(readFileSync(join(chapters, `${id}.json`), 'utf8')) as unknown);
  const parsed = engine.parseScenario(json);
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  const sim = engine.createSimulation(parsed.scenario);
  sim.runUntil(timeMs);
  const { layout, numbers } = createFrameEncoder().encode(sim.snapshot());
  if (!layout) throw new Error('no layout');
  return { snapshot: decodeFrame(layout, numbers, sim.metrics()), statics: queueStaticsOf(parsed.scenario) };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every box against every other, labels as their text's extent at 11 px (about 6.2 px a character). */
function collisions(layout: QueueTopologyLayout): string[] {
  const boxes: (Box & { what: string })[] = [
    ...layout.publishers.map((b) => ({ ...b, what: `publisher ${b.id}` })),
    ...layout.routers.map((b) => ({ ...b, what: `${b.kind} ${b.name}` })),
    ...layout.queues.map((b) => ({ ...b, what: `queue ${b.name}` })),
    ...layout.workers.map((b) => ({ ...b, what: `worker ${b.id}` })),
    ...layout.labels.map((l) => {
      const width = l.text.length * 6.2;
      return { x: l.anchor === 'end' ? l.x - width : l.x, y: l.y - 10, width, height: 12, what: `label ${l.text}` };
    }),
  ];
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) found.push(`${boxes[i]!.what} × ${boxes[j]!.what}`);
  return found;
}

describe('queue layout', () => {
  it('RabbitMQ: publisher → topic exchange → labelled bindings → queues → workers, and the DLX loop', () => {
    const { snapshot, statics } = loaded('rabbit-work-queue', 5_000);
    const layout = layoutQueues(snapshot, statics, 900);
    expect(layout.width).toBe(900);
    expect(layout.publishers.map((p) => p.id)).toEqual(['shop']);
    // The default exchange has no publisher and only implicit bindings: not drawn.
    expect(layout.routers.map((r) => `${r.kind}:${r.name}`)).toEqual(['exchange:orders', 'exchange:orders.dlx']);
    expect(layout.queues.map((q) => [q.name, q.deadLetterQueue])).toEqual([
      ['fulfilment', false],
      ['audit', false],
      ['fulfilment.dead', true],
    ]);
    expect(layout.workers.map((w) => `${w.queue}/${w.id}`)).toEqual(['fulfilment/fulfil-0', 'fulfilment/fulfil-1', 'fulfilment/fulfil-2', 'audit/auditor-0']);
    expect(layout.labels.map((l) => [l.kind, l.text])).toEqual([
      ['binding', 'order.*.created'],
      ['binding', 'order.#'],
      ['binding', 'fulfilment.failed'],
      ['dead-letter', 'dead letters → DLX'],
    ]);
    expect(layout.edges.map((e) => `${e.kind} ${e.key} ${e.rate.source}:${e.rate.name}/${e.rate.share}`)).toEqual([
      'publish publish:shop routedPerSec:orders/1',
      'bind bind:orders:0 enqueuedPerSec:fulfilment/1',
      'bind bind:orders:1 enqueuedPerSec:audit/1',
      'bind bind:orders.dlx:0 enqueuedPerSec:fulfilment.dead/1',
      'deliver deliver:fulfil-0 workerPerSec:fulfil-0/1',
      'deliver deliver:fulfil-1 workerPerSec:fulfil-1/1',
      'deliver deliver:fulfil-2 workerPerSec:fulfil-2/1',
      'deliver deliver:auditor-0 workerPerSec:auditor-0/1',
      'dead-letter dead-letter:fulfilment deadLetteredPerSec:fulfilment/1',
    ]);
    // The dead-letter edge ends on the DLX's right side.
    const dlx = layout.routers[1]!;
    expect(layout.edges.find((e) => e.kind === 'dead-letter')?.path).toMatch(new RegExp(` ${dlx.x + dlx.width},${dlx.y + dlx.height - 8}$`));
    expect(collisions(layout)).toEqual([]);
  });

  it('SQS: the publisher sends straight to the queue, and redrive loops to the dead-letter queue with its count', () => {
    const { snapshot, statics } = loaded('sqs-visibility', 5_000);
    const layout = layoutQueues(snapshot, statics, 400);
    expect(layout.width).toBe(QUEUE_DRAWING_WIDTH_MIN);
    expect(layout.routers).toEqual([]);
    expect(layout.queues.map((q) => [q.name, q.deadLetterQueue])).toEqual([
      ['render-jobs', false],
      ['render-jobs-dlq', true],
    ]);
    expect(layout.labels.map((l) => l.text)).toEqual(['redrive: 4 receives']);
    const queue = layout.queues[0]!;
    // The publisher's edge is render-jobs' only way in: it ends mid-side.
    expect(layout.edges.find((e) => e.key === 'publish:uploads')?.path).toMatch(new RegExp(` ${queue.x},${queue.y + queue.height / 2}$`));
    expect(layout.edges.filter((e) => e.kind === 'deliver')).toHaveLength(4);
    expect(collisions(layout)).toEqual([]);
  });

  it('SNS: the topic fans out to each subscribed queue', () => {
    const { snapshot, statics } = loaded('sqs-and-sns/scenarios/fan-out', 3_000);
    const layout = layoutQueues(snapshot, statics, 1000);
    expect(layout.routers.map((r) => `${r.kind}:${r.name}`)).toEqual(['sns:orders']);
    expect(layout.edges.filter((e) => e.kind === 'fanout' || e.kind === 'publish').map((e) => `${e.key} ${e.rate.source}:${e.rate.name}`)).toEqual([
      'publish:shop snsPublishedPerSec:orders',
      'fanout:orders:billing enqueuedPerSec:billing',
      'fanout:orders:email enqueuedPerSec:email',
    ]);
    expect(layout.queues.find((q) => q.name === 'email-dlq')?.deadLetterQueue).toBe(true);
    expect(collisions(layout)).toEqual([]);
  });

  it('request-reply: reply queues last, fed by the workers, read by their requester', () => {
    const { snapshot, statics } = loaded('patterns/scenarios/price-rpc', 12_000);
    const layout = layoutQueues(snapshot, statics, 900);
    expect(layout.queues.map((q) => [q.name, q.replyOwner])).toEqual([
      ['price-requests', null],
      ['web.replies', 'web'],
      ['campaign.replies', 'campaign'],
    ]);
    expect(layout.edges.filter((e) => e.kind === 'reply').map((e) => `${e.key} ${e.rate.source}`)).toEqual([
      'reply:web.replies:in enqueuedPerSec',
      'reply:web.replies:out ackedPerSec',
      'reply:campaign.replies:in enqueuedPerSec',
      'reply:campaign.replies:out ackedPerSec',
    ]);
    // Two publishers share the pricing exchange's routed rate.
    expect(layout.edges.filter((e) => e.kind === 'publish').map((e) => e.rate.share)).toEqual([2, 2]);
    expect(collisions(layout)).toEqual([]);
  });

  it('mixed Kafka and queues: lays out only the queue side', () => {
    const { snapshot, statics } = loaded('choosing-a-broker/scenarios/same-workload', 2_000);
    const layout = layoutQueues(snapshot, statics, 820);
    expect(layout.queues.map((q) => q.name)).toEqual(['rabbit-orders', 'sqs-orders']);
    expect(layout.publishers.map((p) => p.id)).toEqual(['rabbit-checkout', 'sqs-checkout']);
    // The default exchange routes by queue name: its implicit binding is drawn for the key the publisher uses.
    expect(layout.routers.map((r) => r.name)).toEqual(['']);
    expect(layout.labels.map((l) => [l.key, l.text])).toEqual([['bind::0', 'rabbit-orders']]);
    expect(collisions(layout)).toEqual([]);
  });

  it('keeps the same structure key while only numbers change, and a new one when a worker joins', () => {
    const a = loaded('rabbit-work-queue', 5_000);
    const b = loaded('rabbit-work-queue', 9_000);
    expect(queueStructureKey(a.snapshot, a.statics)).toBe(queueStructureKey(b.snapshot, b.statics));
    const grown: LabSnapshot = { ...b.snapshot, queues: b.snapshot.queues?.map((q, i) => (i === 1 ? { ...q, workers: [...q.workers, { ...q.workers[0]!, id: 'auditor-1' }] } : q)) };
    expect(queueStructureKey(grown, b.statics)).not.toBe(queueStructureKey(b.snapshot, b.statics));
  });

  it('words a binding by its exchange type', () => {
    const binding = { queue: 'q', routingKey: 'order.#', headers: { region: 'eu', tier: 'gold' }, xMatch: 'any' as const };
    expect(bindingText({ type: 'topic' }, binding)).toBe('order.#');
    expect(bindingText({ type: 'direct' }, { ...binding, routingKey: '' })).toBe('""');
    expect(bindingText({ type: 'fanout' }, binding)).toBe('fanout: all');
    expect(bindingText({ type: 'headers' }, binding)).toBe('any: region=eu, tier=gold');
  });
});
