/**
 * The compact form of a snapshot that crosses from the worker to the page once per display
 * frame. A snapshot splits in two:
 *
 * - the **layout**: names, membership, assignments, coordinator states, producer rates, brokers —
 *   everything that changes only now and then. It is sent only when it differs from the last
 *   layout sent (compared as JSON, which is cheap at these sizes);
 * - the **numbers**: offsets, lag, per-replica progress, consumer states and utilisation, queue
 *   depths and worker activity (queueFrameCodec.ts) — what changes every frame — packed into one
 *   Float64Array whose buffer is transferred, not cloned.
 *
 * Fields the engine adds later travel in the layout automatically (object rest below), so a new
 * field is never silently dropped; move it to the numbers when it turns out to change per frame.
 */
import type { ConsumerView, GroupView, Snapshot } from '../engine';
import type { LabPartition, LabSnapshot, ReplicaView } from './labSnapshot';
import { queueLayoutOf, queueSlotCount, readQueueNumbers, writeQueueNumbers, type QueueFrameLayout } from './queueFrameCodec';

/** Consumer states, by their code in the numbers. */
export const CONSUMER_STATES = ['idle', 'processing', 'dead'] as const satisfies readonly ConsumerView['state'][];

/** What a partition contributes to the layout: its number, its replicas' brokers, whatever else the engine adds. */
export interface PartitionLayout {
  partition: number;
  /** Brokers of its replicas in the engine's order, or null when the engine reports no replicas. */
  replicaBrokers: number[] | null;
  [field: string]: unknown;
}

export type ConsumerLayout = Omit<ConsumerView, 'state' | 'utilisation'>;
export type GroupLayout = Omit<GroupView, 'committed' | 'lag' | 'consumers'> & { consumers: ConsumerLayout[] };

/** The slowly changing part of a snapshot. */
export interface FrameLayout {
  durationMs: number;
  producers: LabSnapshot['producers'];
  brokers?: LabSnapshot['brokers'];
  topics: { name: string; partitions: PartitionLayout[] }[];
  groups: GroupLayout[];
  /** Queue brokers (RabbitMQ, SQS, SNS): present exactly when the scenario has them; their numbers follow the groups'. */
  queueBrokers?: QueueFrameLayout;
  [field: string]: unknown;
}

/** A snapshot, encoded. */
export interface EncodedFrame {
  /** The layout when it changed since the previous frame of this encoder (always on the first), else null. */
  layout: FrameLayout | null;
  /** Every per-frame number; its buffer may be transferred. */
  numbers: Float64Array;
}

export interface FrameEncoder {
  encode(snapshot: Snapshot): EncodedFrame;
  /** Forget the last layout, so the next frame carries one (a new run, a new page). */
  reset(): void;
}

// Slots in the numbers, in order: header, then per partition, then per group.
const HEADER_SLOTS = 3; // timeMs, finished, eventsTotal
const PARTITION_FIXED_SLOTS = 5; // logStartOffset, logEndOffset, highWatermark, leader, isr mask
const REPLICA_SLOTS = 2; // logEndOffset, inSync
const CONSUMER_SLOTS = 2; // state code, utilisation
/** Leader slot values that are not broker ids. */
const LEADER_NONE = -1;
const ABSENT = Number.NaN;
/** The ISR travels as a bitmask over the replica list; a float64 holds 52 bits exactly. */
const ISR_REPLICAS_MAX = 52;

/** The fields the engine is adding for brokers; optional until it does. */
type PartitionWithBrokers = Snapshot['topics'][number]['partitions'][number] & Partial<Pick<LabPartition, 'leader' | 'replicas' | 'isr'>>;

export function createFrameEncoder(): FrameEncoder {
  let lastLayoutJson: string | null = null;
  return {
    encode(snapshot) {
      const layout = layoutOf(snapshot);
      const json = JSON.stringify(layout);
      const changed = json !== lastLayoutJson;
      lastLayoutJson = json;
      return { layout: changed ? layout : null, numbers: numbersOf(snapshot, layout) };
    },
    reset() {
      lastLayoutJson = null;
    },
  };
}

function layoutOf(snapshot: Snapshot): FrameLayout {
  // Rest objects keep whatever the engine adds; see the header.
  const { timeMs: _t, finished: _f, metrics: _m, topics, groups, events: _e, eventsTotal: _n, exchanges: _x, queues: _q, snsTopics: _s, ...rest } = snapshot;
  const queueBrokers = queueLayoutOf(snapshot);
  return {
    ...rest,
    ...(queueBrokers ? { queueBrokers } : {}),
    topics: topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((p) => {
        const { logStartOffset: _s, logEndOffset: _l, highWatermark: _h, leader: _d, replicas, isr: _i, ...partitionRest } = p as PartitionWithBrokers;
        return { ...partitionRest, replicaBrokers: replicas ? replicas.map((r) => r.broker) : null };
      }),
    })),
    groups: groups.map(({ committed: _c, lag: _g, consumers, ...group }) => ({
      ...group,
      consumers: consumers.map(({ state: _s, utilisation: _u, ...consumer }) => consumer),
    })),
  };
}

function slotCount(layout: FrameLayout): number {
  let slots = HEADER_SLOTS;
  const partitionsOf = new Map<string, number>();
  for (const topic of layout.topics) {
    partitionsOf.set(topic.name, topic.partitions.length);
    for (const p of topic.partitions) slots += PARTITION_FIXED_SLOTS + REPLICA_SLOTS * (p.replicaBrokers?.length ?? 0);
  }
  for (const group of layout.groups) {
    for (const topic of group.topics) slots += 2 * (partitionsOf.get(topic) ?? 0);
    slots += CONSUMER_SLOTS * group.consumers.length;
  }
  if (layout.queueBrokers) slots += queueSlotCount(layout.queueBrokers);
  return slots;
}

function numbersOf(snapshot: Snapshot, layout: FrameLayout): Float64Array {
  const out = new Float64Array(slotCount(layout));
  let i = 0;
  out[i++] = snapshot.timeMs;
  out[i++] = snapshot.finished ? 1 : 0;
  out[i++] = snapshot.eventsTotal;
  for (const topic of snapshot.topics) {
    for (const view of topic.partitions) {
      const p = view as PartitionWithBrokers;
      out[i++] = p.logStartOffset;
      out[i++] = p.logEndOffset;
      out[i++] = p.highWatermark;
      out[i++] = p.leader === undefined ? ABSENT : (p.leader ?? LEADER_NONE);
      out[i++] = p.isr === undefined ? ABSENT : isrMask(p.isr, p.replicas);
      for (const replica of p.replicas ?? []) {
        out[i++] = replica.logEndOffset;
        out[i++] = replica.inSync ? 1 : 0;
      }
    }
  }
  for (const group of snapshot.groups) {
    for (const topic of group.topics) {
      const committed = group.committed[topic] ?? [];
      const lag = group.lag[topic] ?? [];
      const partitions = snapshot.topics.find((t) => t.name === topic)?.partitions.length ?? 0;
      for (let p = 0; p < partitions; p++) {
        out[i++] = committed[p] ?? ABSENT;
        out[i++] = lag[p] ?? ABSENT;
      }
    }
    for (const consumer of group.consumers) {
      const code = (CONSUMER_STATES as readonly string[]).indexOf(consumer.state);
      if (code < 0) throw new Error(`frame codec: unknown consumer state "${consumer.state}"; add it to CONSUMER_STATES`);
      out[i++] = code;
      out[i++] = consumer.utilisation;
    }
  }
  if (layout.queueBrokers) i = writeQueueNumbers(snapshot, out, i);
  if (i !== out.length) throw new Error(`frame codec: wrote ${i} numbers into ${out.length} slots`);
  return out;
}

function isrMask(isr: number[], replicas: ReplicaView[] | undefined): number {
  const brokers = replicas?.map((r) => r.broker) ?? [];
  if (brokers.length > ISR_REPLICAS_MAX) throw new Error(`frame codec: at most ${ISR_REPLICAS_MAX} replicas per partition, got ${brokers.length}`);
  let mask = 0;
  for (const broker of isr) {
    const index = brokers.indexOf(broker);
    if (index < 0) throw new Error(`frame codec: ISR broker ${broker} is not a replica`);
    mask += 2 ** index;
  }
  return mask;
}

/** The snapshot back from its layout and numbers; the ISR comes back in replica order. */
export function decodeFrame(layout: FrameLayout, numbers: Float64Array, metrics: Snapshot['metrics']): LabSnapshot {
  let i = 0;
  const next = (): number => {
    const value = numbers[i++];
    if (value === undefined) throw new Error(`frame codec: the numbers end at ${i - 1}, the layout needs more`);
    return value;
  };
  const timeMs = next();
  const finished = next() === 1;
  const eventsTotal = next();
  const { topics: topicLayouts, groups: groupLayouts, queueBrokers, ...rest } = layout;
  const topics = topicLayouts.map((topic) => ({
    name: topic.name,
    partitions: topic.partitions.map(({ replicaBrokers, ...partitionRest }): LabPartition => {
      const partition: LabPartition = {
        ...(partitionRest as { partition: number }),
        logStartOffset: next(),
        logEndOffset: next(),
        highWatermark: next(),
      };
      const leader = next();
      const mask = next();
      if (!Number.isNaN(leader)) partition.leader = leader === LEADER_NONE ? null : leader;
      if (replicaBrokers) {
        partition.replicas = replicaBrokers.map((broker) => ({ broker, logEndOffset: next(), inSync: next() === 1 }));
      }
      if (!Number.isNaN(mask)) partition.isr = (replicaBrokers ?? []).filter((_, index) => Math.floor(mask / 2 ** index) % 2 === 1);
      return partition;
    }),
  }));
  const groups = groupLayouts.map(({ consumers, ...group }): GroupView => {
    const committed: Record<string, number[]> = {};
    const lag: Record<string, number[]> = {};
    for (const topic of group.topics) {
      const partitions = topics.find((t) => t.name === topic)?.partitions.length ?? 0;
      committed[topic] = [];
      lag[topic] = [];
      for (let p = 0; p < partitions; p++) {
        committed[topic].push(next());
        lag[topic].push(next());
      }
    }
    return {
      ...group,
      consumers: consumers.map((consumer) => {
        const state = CONSUMER_STATES[next()];
        if (state === undefined) throw new Error('frame codec: bad consumer state code');
        return { ...consumer, state, utilisation: next() };
      }),
      committed,
      lag,
    };
  });
  const queueParts = queueBrokers ? readQueueNumbers(queueBrokers, next) : {};
  if (i !== numbers.length) throw new Error(`frame codec: the layout read ${i} of ${numbers.length} numbers`);
  return { ...rest, timeMs, finished, metrics, topics, groups, eventsTotal, ...queueParts } as LabSnapshot;
}
