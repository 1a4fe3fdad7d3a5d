/**
 * Where everything goes in the queue brokers' drawing: a pure function of the snapshot, the
 * scenario's settings and the width available, tested without a DOM. Columns, left to right:
 * publishers → exchanges and SNS topics → (bindings, labelled with their key) → queues → workers.
 * Dead letters loop back: a RabbitMQ queue to its dead-letter exchange, an SQS queue to its
 * redrive queue. Reply queues sit last, fed by the workers and read by their requester.
 */
import type { LabSnapshot } from '../../worker/labSnapshot';
import type { ExchangeView, QueueView } from '../../worker/queueFrameCodec';
import type { QueueStatics } from './queueStatics';

/** Geometry constants, px. */
export const QUEUE_GEOMETRY = {
  publisherWidth: 112,
  publisherHeight: 40,
  exchangeWidth: 124,
  exchangeHeight: 40,
  /** Room between exchanges and queues for the binding labels. */
  bindingGap: 132,
  queueWidth: 196,
  queueHeight: 66,
  workerWidth: 164,
  workerHeight: 36,
  workerGap: 6,
  gap: 16,
  columnGap: 36,
  /** Longest binding label drawn whole, characters; longer ones end in "…" (the table has them whole). */
  labelCharsMax: 22,
} as const;

const G = QUEUE_GEOMETRY;

/** The narrowest drawing, px: narrower boxes scale it down instead. */
export const QUEUE_DRAWING_WIDTH_MIN = G.publisherWidth + G.columnGap + G.exchangeWidth + G.bindingGap + G.queueWidth + G.columnGap + G.workerWidth;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type QueueEdgeKind =
  /** Publisher → exchange, SNS topic or SQS queue. */
  | 'publish'
  /** Exchange → queue, through a binding. */
  | 'bind'
  /** SNS topic → subscribed SQS queue. */
  | 'fanout'
  /** Queue → one of its workers. */
  | 'deliver'
  /** Queue → its dead-letter exchange or redrive queue. */
  | 'dead-letter'
  /** Workers → a requester's reply queue, and reply queue → requester. */
  | 'reply';

/** Which measured rate an edge carries (see queueRates.ts): `source[name] / share`. */
export interface EdgeRateRef {
  source: 'routedPerSec' | 'snsPublishedPerSec' | 'enqueuedPerSec' | 'ackedPerSec' | 'deadLetteredPerSec' | 'workerPerSec';
  name: string;
  /** Edges that split this rate evenly (publishers on one exchange, bindings into one queue). */
  share: number;
}

export interface QueueEdge {
  /** Stable key. */
  key: string;
  kind: QueueEdgeKind;
  /** SVG path. */
  path: string;
  rate: EdgeRateRef;
  /** The worker at its far end, for colour, on deliver edges. */
  worker?: string;
}

/** Text drawn along an edge: a binding's key, a redrive count. */
export interface EdgeLabel {
  key: string;
  x: number;
  y: number;
  /** Shown text, at most labelCharsMax characters. */
  text: string;
  /** The whole text, when `text` was shortened. */
  title: string;
  anchor: 'start' | 'end';
  kind: 'binding' | 'dead-letter';
}

export interface QueuePlace extends Box {
  name: string;
  /** True when another queue's dead letters end here. */
  deadLetterQueue: boolean;
  /** The publisher whose replies this queue holds, for a reply queue. */
  replyOwner: string | null;
}

export interface QueueTopologyLayout {
  width: number;
  height: number;
  publishers: (Box & { id: string })[];
  /** Exchanges and SNS topics, in the second column. */
  routers: (Box & { name: string; kind: 'exchange' | 'sns' })[];
  queues: QueuePlace[];
  workers: (Box & { id: string; queue: string })[];
  edges: QueueEdge[];
  labels: EdgeLabel[];
}

type Endpoint = { x: number; y: number };

export function layoutQueues(snapshot: LabSnapshot, statics: QueueStatics, widthAvailable: number): QueueTopologyLayout {
  const width = Math.max(Math.round(widthAvailable), QUEUE_DRAWING_WIDTH_MIN);
  // Extra width widens the gaps, the binding labels' most.
  const extra = (width - QUEUE_DRAWING_WIDTH_MIN) / 4;
  const routerX = Math.round(G.publisherWidth + G.columnGap + extra);
  const queueX = Math.round(routerX + G.exchangeWidth + G.bindingGap + 2 * extra);
  const workerX = width - G.workerWidth;

  const exchanges = drawnExchanges(snapshot, statics);
  const snsTopics = snapshot.snsTopics ?? [];
  const queueViews = ordered(snapshot.queues ?? []);
  const deadLetterTargets = deadLetterQueues(snapshot);

  // Queues with their workers beside them, one block each.
  const queues: QueuePlace[] = [];
  const workers: QueueTopologyLayout['workers'] = [];
  let y = 0;
  for (const queue of queueViews) {
    const workersHeight = queue.workers.length * (G.workerHeight + G.workerGap) - G.workerGap;
    const blockHeight = Math.max(G.queueHeight, workersHeight);
    const replyOwner = queue.replyQueue ? (statics.publishers.find((p) => `${p.id}.replies` === queue.name)?.id ?? null) : null;
    queues.push({ name: queue.name, x: queueX, y: y + (blockHeight - G.queueHeight) / 2, width: G.queueWidth, height: G.queueHeight, deadLetterQueue: deadLetterTargets.has(queue.name), replyOwner });
    const workersTop = y + (blockHeight - Math.max(0, workersHeight)) / 2;
    queue.workers.forEach((worker, index) => {
      workers.push({ id: worker.id, queue: queue.name, x: workerX, y: workersTop + index * (G.workerHeight + G.workerGap), width: G.workerWidth, height: G.workerHeight });
    });
    y += blockHeight + G.gap;
  }
  const queueBottom = y;
  const queueByName = new Map(queues.map((q) => [q.name, q]));
  const centreY = (box: Box) => box.y + box.height / 2;

  // Exchanges and SNS topics, each as near the queues it feeds as the ones above allow.
  const wanted = [
    ...exchanges.map((e) => ({ name: e.name, kind: 'exchange' as const, targets: e.bindings.map((b) => b.queue) })),
    ...snsTopics.map((t) => ({ name: t.name, kind: 'sns' as const, targets: t.subscriptions })),
  ].map((router, order) => {
    const ys = router.targets.flatMap((name) => {
      const q = queueByName.get(name);
      return q ? [centreY(q)] : [];
    });
    return { ...router, order, wantY: ys.length > 0 ? ys.reduce((a, b) => a + b, 0) / ys.length - G.exchangeHeight / 2 : Number.POSITIVE_INFINITY };
  });
  wanted.sort((a, b) => a.wantY - b.wantY || a.order - b.order);
  const routers = stack(wanted, G.exchangeHeight, (router, placeY) => ({ name: router.name, kind: router.kind, x: routerX, y: placeY, width: G.exchangeWidth, height: G.exchangeHeight }));
  const routerOf = (kind: 'exchange' | 'sns', name: string) => routers.find((r) => r.kind === kind && r.name === name);

  // Publishers, each as near its target as the ones above allow.
  const targetBox = (p: QueueStatics['publishers'][number]): Box | undefined =>
    p.target.kind === 'sqs' ? queueByName.get(p.target.name) : routerOf(p.target.kind === 'sns' ? 'sns' : 'exchange', p.target.name);
  const wantedPublishers = statics.publishers
    .map((p, order) => {
      const box = targetBox(p);
      return { p, order, wantY: box ? centreY(box) - G.publisherHeight / 2 : Number.POSITIVE_INFINITY };
    })
    .sort((a, b) => a.wantY - b.wantY || a.order - b.order);
  const publishers = stack(wantedPublishers, G.publisherHeight, ({ p }, placeY) => ({ id: p.id, x: 0, y: placeY, width: G.publisherWidth, height: G.publisherHeight }));

  // Edges into each queue end at points spread down its left side, so their labels do not meet.
  const inbound = new Map<string, string[]>();
  const addInbound = (queue: string, key: string) => inbound.set(queue, [...(inbound.get(queue) ?? []), key]);
  for (const e of exchanges) for (const [i, b] of e.bindings.entries()) addInbound(b.queue, `bind:${e.name}:${i}`);
  for (const t of snsTopics) for (const q of t.subscriptions) addInbound(q, `fanout:${t.name}:${q}`);
  for (const p of statics.publishers) if (p.target.kind === 'sqs') addInbound(p.target.name, `publish:${p.id}`);
  for (const q of queueViews) if (q.deadLetterTo !== null && queueByName.has(q.deadLetterTo) && q.broker === 'sqs') addInbound(q.deadLetterTo, `dead-letter:${q.name}`);
  const entry = (queue: QueuePlace, key: string): Endpoint => {
    const keys = inbound.get(queue.name) ?? [key];
    const index = Math.max(0, keys.indexOf(key));
    return { x: queue.x, y: queue.y + (queue.height * (index + 1)) / (keys.length + 1) };
  };

  const edges: QueueEdge[] = [];
  const labels: EdgeLabel[] = [];
  const publishersOn = (kind: string, name: string) => statics.publishers.filter((p) => p.target.kind === kind && p.target.name === name).length;
  for (const p of statics.publishers) {
    const from = publishers.find((b) => b.id === p.id);
    const box = targetBox(p);
    if (!from || !box) continue;
    const to = p.target.kind === 'sqs' ? entry(box as QueuePlace, `publish:${p.id}`) : { x: box.x, y: centreY(box) };
    const source = p.target.kind === 'exchange' ? 'routedPerSec' : p.target.kind === 'sns' ? 'snsPublishedPerSec' : 'enqueuedPerSec';
    const share = p.target.kind === 'sqs' ? (inbound.get(p.target.name)?.length ?? 1) : publishersOn(p.target.kind, p.target.name);
    edges.push({ key: `publish:${p.id}`, kind: 'publish', path: curve({ x: from.x + from.width, y: centreY(from) }, to), rate: { source, name: p.target.name, share } });
  }
  for (const e of exchanges) {
    const from = routerOf('exchange', e.name);
    if (!from) continue;
    e.bindings.forEach((b, i) => {
      const queue = queueByName.get(b.queue);
      if (!queue) return;
      const key = `bind:${e.name}:${i}`;
      const to = entry(queue, key);
      edges.push({ key, kind: 'bind', path: curve({ x: from.x + from.width, y: centreY(from) }, to), rate: { source: 'enqueuedPerSec', name: b.queue, share: inbound.get(b.queue)?.length ?? 1 } });
      labels.push({ key, x: to.x - 6, y: to.y - 4, anchor: 'end', kind: 'binding', ...shortened(bindingText(e, b)) });
    });
  }
  for (const t of snsTopics) {
    const from = routerOf('sns', t.name);
    if (!from) continue;
    for (const name of t.subscriptions) {
      const queue = queueByName.get(name);
      if (!queue) continue;
      const key = `fanout:${t.name}:${name}`;
      edges.push({ key, kind: 'fanout', path: curve({ x: from.x + from.width, y: centreY(from) }, entry(queue, key)), rate: { source: 'enqueuedPerSec', name, share: inbound.get(name)?.length ?? 1 } });
    }
  }
  for (const w of workers) {
    const queue = queueByName.get(w.queue)!;
    edges.push({ key: `deliver:${w.id}`, kind: 'deliver', path: curve({ x: queue.x + queue.width, y: centreY(queue) }, { x: w.x, y: centreY(w) }), rate: { source: 'workerPerSec', name: w.id, share: 1 }, worker: w.id });
  }
  for (const view of queueViews) {
    if (view.deadLetterTo === null) continue;
    const queue = queueByName.get(view.name)!;
    const start = { x: queue.x, y: queue.y + queue.height - 8 };
    const rate: EdgeRateRef = { source: 'deadLetteredPerSec', name: view.name, share: 1 };
    const key = `dead-letter:${view.name}`;
    const dlq = view.broker === 'sqs' ? queueByName.get(view.deadLetterTo) : undefined;
    const dlx = view.broker === 'rabbitmq' ? routerOf('exchange', view.deadLetterTo) : undefined;
    if (dlq) {
      // A loop out of the queue's left side and back into its redrive queue.
      const end = entry(dlq, key);
      const bulge = Math.min(90, 34 + Math.abs(end.y - start.y) / 4);
      edges.push({ key, kind: 'dead-letter', path: `M${start.x},${start.y} C${start.x - bulge},${start.y} ${end.x - bulge},${end.y} ${end.x},${end.y}`, rate });
      const count = statics.maxReceiveCount[view.name];
      labels.push({ key, x: start.x - bulge * 0.75 - 4, y: (start.y + end.y) / 2 + 4, anchor: 'end', kind: 'dead-letter', ...shortened(count ? `redrive: ${count} receives` : 'redrive') });
    } else if (dlx) {
      const end = { x: dlx.x + dlx.width, y: dlx.y + dlx.height - 8 };
      edges.push({ key, kind: 'dead-letter', path: curve(start, end), rate });
      labels.push({ key, x: start.x - 6, y: start.y + 14, anchor: 'end', kind: 'dead-letter', ...shortened('dead letters → DLX') });
    }
  }
  for (const queue of queues) {
    if (!queue.replyOwner) continue;
    const requester = publishers.find((p) => p.id === queue.replyOwner);
    const p = statics.publishers.find((x) => x.id === queue.replyOwner);
    if (!requester || !p) continue;
    // Whoever works the requester's queues sends the replies.
    const served = requestQueuesOf(p, exchanges);
    const pools = workers.filter((w) => served.has(w.queue));
    const last = pools[pools.length - 1];
    if (last) {
      const from = { x: last.x + last.width / 2, y: last.y + last.height };
      const to = { x: queue.x + queue.width, y: centreY(queue) };
      edges.push({ key: `reply:${queue.name}:in`, kind: 'reply', path: `M${from.x},${from.y} C${from.x},${to.y} ${to.x + 40},${to.y} ${to.x},${to.y}`, rate: { source: 'enqueuedPerSec', name: queue.name, share: 1 } });
    }
    edges.push({
      key: `reply:${queue.name}:out`,
      kind: 'reply',
      path: curve({ x: queue.x, y: centreY(queue) }, { x: requester.x + requester.width, y: requester.y + requester.height - 8 }),
      rate: { source: 'ackedPerSec', name: queue.name, share: 1 },
    });
  }

  const bottom = (boxes: Box[]) => boxes.reduce((max, b) => Math.max(max, b.y + b.height), 0);
  const height = Math.max(queueBottom - G.gap, bottom(routers), bottom(publishers), bottom(workers), 60) + 4;
  return { width, height, publishers, routers, queues, workers, edges, labels };
}

/** Everything that moves the drawing's boxes; the layout is recomputed only when this changes. */
export function queueStructureKey(snapshot: LabSnapshot, statics: QueueStatics): string {
  const exchanges = (snapshot.exchanges ?? []).map((e) => `${e.name}[${e.bindings.map((b) => `${b.routingKey}>${b.queue}`).join(',')}]`).join(';');
  const queues = (snapshot.queues ?? []).map((q) => `${q.name}>${q.deadLetterTo ?? ''}[${q.workers.map((w) => w.id).join(',')}]`).join(';');
  const topics = (snapshot.snsTopics ?? []).map((t) => `${t.name}[${t.subscriptions.join(',')}]`).join(';');
  const publishers = statics.publishers.map((p) => `${p.id}>${p.target.kind}:${p.target.name}`).join(';');
  return `${exchanges}|${queues}|${topics}|${publishers}`;
}

/** What a binding matches, in the words of its exchange type. */
export function bindingText(exchange: Pick<ExchangeView, 'type'>, binding: ExchangeView['bindings'][number]): string {
  if (exchange.type === 'fanout') return 'fanout: all';
  if (exchange.type === 'headers') {
    const pairs = Object.entries(binding.headers).map(([k, v]) => `${k}=${v}`);
    return `${binding.xMatch}: ${pairs.join(', ') || '(none)'}`;
  }
  return binding.routingKey === '' ? '""' : binding.routingKey;
}

function shortened(text: string): { text: string; title: string } {
  return { text: text.length > G.labelCharsMax ? `${text.slice(0, G.labelCharsMax - 1)}…` : text, title: text };
}

/**
 * Exchanges worth drawing: the default exchange only when a publisher uses it, with the bindings
 * RabbitMQ gives it implicitly (every queue, by its name) narrowed to the keys its publishers use.
 */
function drawnExchanges(snapshot: LabSnapshot, statics: QueueStatics): ExchangeView[] {
  const queueNames = new Set((snapshot.queues ?? []).map((q) => q.name));
  return (snapshot.exchanges ?? []).flatMap((e) => {
    if (e.name !== '') return [e];
    const keys = new Set(statics.publishers.filter((p) => p.target.kind === 'exchange' && p.target.name === '').flatMap((p) => p.routingKeys));
    if (keys.size === 0 && e.bindings.length === 0) return [];
    const implicit = [...keys].filter((key) => queueNames.has(key)).map((key) => ({ queue: key, routingKey: key, headers: {}, xMatch: 'all' as const }));
    return [{ ...e, bindings: [...e.bindings, ...implicit] }];
  });
}

/** Queues in engine order, reply queues last (they are read by publishers, on the left). */
function ordered(queues: QueueView[]): QueueView[] {
  return [...queues.filter((q) => !q.replyQueue), ...queues.filter((q) => q.replyQueue)];
}

/** Queues that receive dead letters: SQS redrive targets, and queues bound to a dead-letter exchange. */
function deadLetterQueues(snapshot: LabSnapshot): Set<string> {
  const names = new Set<string>();
  const dlxs = new Set<string>();
  for (const q of snapshot.queues ?? []) {
    if (q.deadLetterTo === null) continue;
    if (q.broker === 'sqs') names.add(q.deadLetterTo);
    else dlxs.add(q.deadLetterTo);
  }
  for (const e of snapshot.exchanges ?? []) if (dlxs.has(e.name)) for (const b of e.bindings) names.add(b.queue);
  return names;
}

/** The queues a publisher's messages land in: bound to its exchange, or its SQS queue. */
function requestQueuesOf(p: QueueStatics['publishers'][number], exchanges: ExchangeView[]): Set<string> {
  if (p.target.kind === 'sqs') return new Set([p.target.name]);
  const exchange = exchanges.find((e) => e.name === p.target.name);
  return new Set(exchange?.bindings.map((b) => b.queue) ?? []);
}

/** Places items top to bottom, each at its wanted y unless that would overlap the one above. */
function stack<T extends { wantY: number }, B>(items: T[], height: number, place: (item: T, y: number) => B): B[] {
  let cursor = 0;
  return items.map((item) => {
    const y = Math.max(cursor, Number.isFinite(item.wantY) ? item.wantY : cursor);
    cursor = y + height + G.gap;
    return place(item, y);
  });
}

function curve(from: Endpoint, to: Endpoint): string {
  const dx = (to.x - from.x) / 2;
  return `M${from.x},${from.y} C${from.x + dx},${from.y} ${to.x - dx},${to.y} ${to.x},${to.y}`;
}

