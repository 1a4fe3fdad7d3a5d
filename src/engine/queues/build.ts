import { createRng } from '../kernel/rng';
import { makeSampler } from '../kernel/distributions';
import { msToUs } from '../kernel/time';
import { Histogram } from '../metrics/histogram';
import { FIFO_DEDUP_WINDOW_MS, QUORUM_DELIVERY_LIMIT_DEFAULT } from '../scenario/queueSchema';
import { MessagePool } from './messagePool';
import { SlotDeque } from './slotDeque';
import { FifoGroups } from './fifo';
import { DedupWindow } from './dedupWindow';
import { topicWords } from './topicPattern';
import { QueueEventKind } from './eventKinds';
import { startPublisher } from './publisher';
import { startWorker } from './worker';
import { defaultQueueLimits } from './types';
import type { ExchangeRt, PublisherRt, QueueKind, QueueLimits, QueueRt, QueueWorld, SnsTopicRt, WorkerPoolRt, WorkerRt } from './types';
import type { Scenario } from '../scenario';
import type { World } from '../kafka/world';

/** Whether a scenario has any queue-style broker content. */
export function hasQueueSections(scenario: Scenario): boolean {
  return [scenario.exchanges, scenario.queues, scenario.sqsQueues, scenario.snsTopics, scenario.publishers, scenario.workers].some((s) => s !== undefined && s.length > 0);
}

interface QueueInit {
  name: string;
  broker: 'rabbitmq' | 'sqs';
  kind: QueueKind;
  messageTtlUs?: number;
  maxLength?: number;
  overflow?: QueueRt['overflow'];
  deadLetterExchange?: number;
  deadLetterKey?: number;
  deliveryLimit?: number;
  visibilityTimeoutUs?: number;
  receiveWaitUs?: number;
  maxReceiveCount?: number;
  deadLetterQueue?: number;
  replyOwner?: number;
}

/**
 * Builds the queue-style brokers of a scenario at time zero (nothing scheduled yet): the default
 * exchange and the declared ones, RabbitMQ queues (and one reply queue per requester), SQS
 * queues, SNS topics, publishers and worker pools. Names were checked by the parser.
 */
export function buildQueueWorld(scenario: Scenario, seed: number, limits: QueueLimits = defaultQueueLimits): QueueWorld {
  const pool = new MessagePool(limits.queueMessagesMax);
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const intern = (key: string): number => {
    let at = keyIndex.get(key);
    if (at === undefined) {
      at = keys.length;
      keys.push(key);
      keyIndex.set(key, at);
    }
    return at;
  };
  const headerSets: Record<string, string>[] = [{}];
  const headerIndex = new Map<string, number>([['{}', 0]]);
  const internHeaders = (headers: Record<string, string>): number => {
    const text = JSON.stringify(Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let at = headerIndex.get(text);
    if (at === undefined) {
      at = headerSets.length;
      headerSets.push({ ...headers });
      headerIndex.set(text, at);
    }
    return at;
  };
  const groupNames: string[] = [];
  const groupIndex = new Map<string, number>();
  const internGroup = (name: string): number => {
    let at = groupIndex.get(name);
    if (at === undefined) {
      at = groupNames.length;
      groupNames.push(name);
      groupIndex.set(name, at);
    }
    return at;
  };
  const publisherSpecs = scenario.publishers ?? [];
  for (const p of publisherSpecs) for (let g = 0; g < (p.messageGroups ?? 0); g++) internGroup(`g-${g}`);

  const exchanges: ExchangeRt[] = [{ index: 0, name: '', type: 'direct', bindings: [], routeCache: new Map(), routed: 0, unroutable: 0 }];
  for (const spec of scenario.exchanges ?? []) {
    exchanges.push({ index: exchanges.length, name: spec.name, type: spec.type, bindings: [], routeCache: new Map(), routed: 0, unroutable: 0 });
  }
  const exchangeIndex = (name: string | null): number => (name === null ? -1 : exchanges.findIndex((e) => e.name === name));

  const queues: QueueRt[] = [];
  const addQueue = (init: QueueInit): QueueRt => {
    const groups = init.kind === 'fifo' ? groupNames.length : 0;
    const q: QueueRt = {
      index: queues.length,
      name: init.name,
      broker: init.broker,
      kind: init.kind,
      ready: new SlotDeque(limits.queueMessagesMax, 'queueMessagesMax', `queue ${init.name}`),
      fifo: init.kind === 'fifo' ? new FifoGroups(groups, limits.queueMessagesMax, init.name) : null,
      dedup: init.kind === 'fifo' ? new DedupWindow(msToUs(FIFO_DEDUP_WINDOW_MS), limits.dedupIdsMax, init.name) : null,
      consumers: [],
      pushCursor: 0,
      waiters: [],
      messageTtlUs: init.messageTtlUs ?? Infinity,
      maxLength: init.maxLength ?? Infinity,
      overflow: init.overflow ?? 'drop-head',
      deadLetterExchange: init.deadLetterExchange ?? -1,
      deadLetterKey: init.deadLetterKey ?? -1,
      deliveryLimit: init.deliveryLimit ?? Infinity,
      visibilityTimeoutUs: init.visibilityTimeoutUs ?? 0,
      receiveWaitUs: init.receiveWaitUs ?? 0,
      maxReceiveCount: init.maxReceiveCount ?? Infinity,
      deadLetterQueue: init.deadLetterQueue ?? -1,
      replyOwner: init.replyOwner ?? -1,
      inFlight: 0,
      nextSeq: 0,
      expiryAtUs: Infinity,
      expiryToken: 0,
      latency: new Histogram(),
      published: 0,
      acked: 0,
      delivered: 0,
      redelivered: 0,
      processed: 0,
      duplicates: 0,
      deadLettered: 0,
      expired: 0,
      dropped: 0,
      rejected: 0,
      deduplicated: 0,
      lost: 0,
      failedAttempts: 0,
      emptyReceives: 0,
      staleDeletes: 0,
    };
    queues.push(q);
    return q;
  };

  const rabbitQueueByName = new Map<string, number>();
  for (const spec of scenario.queues ?? []) {
    const limit = spec.type === 'quorum' ? (spec.deliveryLimit ?? QUORUM_DELIVERY_LIMIT_DEFAULT) : -1;
    const q = addQueue({
      name: spec.name,
      broker: 'rabbitmq',
      kind: spec.type,
      messageTtlUs: spec.messageTtlMs === null ? Infinity : msToUs(spec.messageTtlMs),
      maxLength: spec.maxLength ?? Infinity,
      overflow: spec.overflow,
      deadLetterExchange: exchangeIndex(spec.deadLetterExchange),
      deadLetterKey: spec.deadLetterRoutingKey === null ? -1 : intern(spec.deadLetterRoutingKey),
      deliveryLimit: limit < 0 ? Infinity : limit,
    });
    rabbitQueueByName.set(spec.name, q.index);
  }
  // A requester's reply queue: declared by the client, consumed by it alone.
  publisherSpecs.forEach((spec, index) => {
    if (spec.request === null) return;
    const name = `${spec.id}.replies`;
    const q = addQueue({ name, broker: 'rabbitmq', kind: 'classic', replyOwner: index });
    rabbitQueueByName.set(name, q.index);
    intern(name);
  });
  for (const spec of scenario.bindings ?? []) {
    const exchange = exchanges[exchangeIndex(spec.exchange)]!;
    exchange.bindings.push({
      queue: rabbitQueueByName.get(spec.queue)!,
      key: spec.routingKey,
      words: topicWords(spec.routingKey),
      headers: Object.entries(spec.headers),
      matchAll: spec.xMatch === 'all',
    });
  }

  const sqsSpecs = scenario.sqsQueues ?? [];
  const sqsByName = new Map<string, number>();
  const firstSqs = queues.length;
  sqsSpecs.forEach((spec, i) => sqsByName.set(spec.name, firstSqs + i));
  for (const spec of sqsSpecs) {
    addQueue({
      name: spec.name,
      broker: 'sqs',
      kind: spec.fifo ? 'fifo' : 'standard',
      visibilityTimeoutUs: msToUs(spec.visibilityTimeoutMs),
      receiveWaitUs: msToUs(spec.receiveWaitTimeMs),
      maxReceiveCount: spec.redrivePolicy?.maxReceiveCount ?? Infinity,
      deadLetterQueue: spec.redrivePolicy === null ? -1 : sqsByName.get(spec.redrivePolicy.deadLetterQueue)!,
    });
  }
  const snsTopics: SnsTopicRt[] = (scenario.snsTopics ?? []).map((spec, index) => ({
    index,
    name: spec.name,
    fifo: spec.name.endsWith('.fifo'),
    subscriptions: Int32Array.from(spec.subscriptions.map((name) => sqsByName.get(name)!)),
    published: 0,
  }));

  const publishers: PublisherRt[] = publisherSpecs.map((spec, index) => {
    const stream = `queuePublisher:${spec.id}`;
    const target = spec.sqsQueue !== undefined ? 'sqs' : spec.snsTopic !== undefined ? 'sns' : 'exchange';
    const targetIndex =
      target === 'sqs' ? sqsByName.get(spec.sqsQueue!)! : target === 'sns' ? snsTopics.findIndex((t) => t.name === spec.snsTopic) : exchangeIndex(spec.exchange ?? '');
    return {
      index,
      spec,
      target,
      targetIndex,
      ratePerSec: spec.ratePerSec,
      nextArrivalExactUs: 0,
      arrivalToken: 0,
      arrivalRng: createRng(seed, `${stream}:arrivals`),
      pickRng: createRng(seed, `${stream}:picks`),
      keys: Int32Array.from(spec.routingKeys.map(intern)),
      headerSets: Int32Array.from(spec.headers.map(internHeaders)),
      groups: spec.messageGroups === null ? null : Int32Array.from({ length: spec.messageGroups }, (_, g) => internGroup(`g-${g}`)),
      expirationUs: spec.expirationMs === null ? Infinity : msToUs(spec.expirationMs),
      sent: 0,
      duplicateSends: 0,
      replyQueue: spec.request === null ? -1 : rabbitQueueByName.get(`${spec.id}.replies`)!,
      requestTimeoutUs: spec.request === null ? 0 : msToUs(spec.request.timeoutMs),
      pending: new Map(),
      replies: 0,
      timedOut: 0,
      late: 0,
      roundTrip: new Histogram(),
    };
  });

  const workers: WorkerRt[] = [];
  const pools: WorkerPoolRt[] = (scenario.workers ?? []).map((spec, index) => {
    const queue = spec.queue !== undefined ? rabbitQueueByName.get(spec.queue)! : sqsByName.get(spec.sqsQueue!)!;
    const workerPool: WorkerPoolRt = {
      index,
      spec,
      queue,
      workers: [],
      // autoAck deliveries are not limited by basic.qos: RabbitMQ pushes as fast as it can.
      prefetch: spec.autoAck || spec.prefetchCount === 0 ? Infinity : spec.prefetchCount,
      poisonKeys: new Set(spec.failures.poisonKeys.flatMap((k) => (keyIndex.has(k) ? [keyIndex.get(k)!] : []))),
      poisonGroups: new Set(spec.failures.poisonKeys.flatMap((k) => (groupIndex.has(k) ? [groupIndex.get(k)!] : []))),
    };
    for (let i = 0; i < spec.count; i++) addWorker(seed, workers, queues, workerPool, limits);
    return workerPool;
  });

  return {
    pool,
    exchanges,
    queues,
    rabbitQueueByName,
    snsTopics,
    publishers,
    pools,
    workers,
    keys,
    keyIndex,
    headerSets,
    groupNames,
    nextMessageId: 0,
    nextReceipt: 0,
    limits,
  };
}

/** A new worker of a pool (not started), registered as a consumer of its queue. */
export function addWorker(seed: number, workers: WorkerRt[], queues: QueueRt[], workerPool: WorkerPoolRt, limits: QueueLimits): WorkerRt {
  const instance = workerPool.workers.length;
  const name = `${workerPool.spec.id}-${instance}`;
  const worker: WorkerRt = {
    index: workers.length,
    pool: workerPool,
    instance,
    name,
    queue: workerPool.queue,
    alive: true,
    epoch: 0,
    buffer: new SlotDeque(limits.queueMessagesMax, 'queueMessagesMax', `worker ${name}'s prefetched deliveries`),
    current: -1,
    currentReceipt: -1,
    processingMs: makeSampler(workerPool.spec.processingMs, createRng(seed, `queueWorker:${name}:processing`)),
    failureRng: createRng(seed, `queueWorker:${name}:failures`),
    pollToken: 0,
    waiting: false,
    busyUs: 0,
    busySinceUs: 0,
  };
  workers.push(worker);
  workerPool.workers.push(worker.index);
  queues[workerPool.queue]!.consumers.push(worker.index);
  return worker;
}

/** Starts the queue brokers of a built world: publishers, workers, then scheduled worker crashes. */
export function startQueues(world: World): void {
  const qw = world.queues;
  if (qw === undefined) return;
  for (const publisher of qw.publishers) startPublisher(world, publisher);
  for (const worker of qw.workers) startWorker(world, worker);
  (world.scenario.queueFaults ?? []).forEach((fault, index) => world.scheduler.schedule(msToUs(fault.atMs), QueueEventKind.queueFault, index, 0));
}
