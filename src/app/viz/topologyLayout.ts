/**
 * Where everything goes in the topology drawing: a pure function of the snapshot and the width
 * available, so it is tested without a DOM. Columns, left to right: producers → topic partitions
 * (each a log) → consumer groups; brokers, when the engine models them, sit in a band on top.
 */
import type { GroupView } from '../../engine';
import type { LabSnapshot } from '../../worker/labSnapshot';
import { groupPartitionKey, topicPartitionKey } from './rates';

/** Geometry constants, px. */
export const GEOMETRY = {
  producerWidth: 116,
  producerHeight: 40,
  consumerWidth: 156,
  consumerHeight: 34,
  /** Height of a retry or dead-letter topic's box under its group. */
  deliveryHeight: 22,
  rowHeight: 30,
  topicHeaderHeight: 24,
  groupHeaderHeight: 24,
  gap: 14,
  brokerBandHeight: 40,
  columnGap: 40,
  cells: 16,
  cellWidth: 12,
  /** Space right of the cells for the offsets text. */
  logTextWidth: 196,
  /** Space left of the cells for the partition name. */
  logLabelWidth: 40,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PartitionPlace extends Box {
  topic: string;
  partition: number;
  /** x of the first offset cell. */
  cellsX: number;
}

export interface ConsumerPlace extends Box {
  group: string;
  consumer: string;
}

export interface Edge {
  /** Stable key, also the flow's rate key (see rates.ts). */
  key: string;
  kind: 'produce' | 'consume';
  /** SVG path. */
  path: string;
  /** Approximate length, px (for dash spacing). */
  lengthPx: number;
  /** "topic/partition" of the partition it touches (`topicPartitionKey`). */
  partitionKey: string;
  /** Where its rate is in FlowRates: `appendedPerSec` for produce edges, `committedPerSec` for consume edges. */
  rateKey: string;
  /** Who sits at the far end, for colour: the consumer id on consume edges. */
  consumer?: string;
}

/** A group's retry topic or dead-letter topic, drawn under its consumers. */
export interface DeliveryPlace extends Box {
  group: string;
  /** The topic's name, e.g. "orders-retry-100" or "orders-dlt". */
  name: string;
  kind: 'retry' | 'dead-letter';
}

export interface TopologyLayout {
  width: number;
  height: number;
  brokers: (Box & { id: number })[];
  producers: (Box & { id: string; topic: string })[];
  topics: (Box & { name: string })[];
  partitions: PartitionPlace[];
  groups: (Box & { id: string })[];
  consumers: ConsumerPlace[];
  /** Retry and dead-letter topics, per group (empty when no group has failure handling). */
  delivery: DeliveryPlace[];
  edges: Edge[];
}

const G = GEOMETRY;

/** Width of one partition row: label, cells, offsets text. */
export const LOG_WIDTH = G.logLabelWidth + G.cells * G.cellWidth + G.logTextWidth;

export function layoutTopology(snapshot: LabSnapshot, widthAvailable: number): TopologyLayout {
  const width = Math.max(widthAvailable, G.producerWidth + LOG_WIDTH + G.consumerWidth + 2 * G.columnGap);
  const top = snapshot.brokers && snapshot.brokers.length > 0 ? G.brokerBandHeight + G.gap : 0;
  const brokers = (snapshot.brokers ?? []).map((broker, index) => ({ id: broker.id, x: index * 112, y: 0, width: 100, height: G.brokerBandHeight - 8 }));

  // Middle column: the logs, centred between the producers and the groups.
  const logX = Math.round(G.producerWidth + (width - G.producerWidth - G.consumerWidth - LOG_WIDTH) / 2);
  const topics: TopologyLayout['topics'] = [];
  const partitions: PartitionPlace[] = [];
  let y = top;
  for (const topic of snapshot.topics) {
    const height = G.topicHeaderHeight + topic.partitions.length * G.rowHeight;
    topics.push({ name: topic.name, x: logX, y, width: LOG_WIDTH, height });
    topic.partitions.forEach((p, index) => {
      partitions.push({
        topic: topic.name,
        partition: p.partition,
        x: logX,
        y: y + G.topicHeaderHeight + index * G.rowHeight,
        width: LOG_WIDTH,
        height: G.rowHeight - 6,
        cellsX: logX + G.logLabelWidth,
      });
    });
    y += height + G.gap;
  }
  const logsBottom = y;

  // Producers: stacked, each centred on its topic when it can be.
  const producers: TopologyLayout['producers'] = [];
  let producerY = top;
  for (const producer of snapshot.producers) {
    const topic = topics.find((t) => t.name === producer.topic);
    const wantY = topic ? topic.y + topic.height / 2 - G.producerHeight / 2 : producerY;
    const placeY = Math.max(producerY, wantY);
    producers.push({ id: producer.id, topic: producer.topic, x: 0, y: placeY, width: G.producerWidth, height: G.producerHeight });
    producerY = placeY + G.producerHeight + G.gap;
  }

  // Groups: stacked on the right.
  const groupX = width - G.consumerWidth;
  const groups: TopologyLayout['groups'] = [];
  const consumers: ConsumerPlace[] = [];
  let groupY = top;
  const delivery: DeliveryPlace[] = [];
  for (const group of snapshot.groups) {
    const failureTopics = deliveryTopicsOf(group);
    const consumersHeight = group.consumers.length * (G.consumerHeight + 6);
    const height = G.groupHeaderHeight + consumersHeight + failureTopics.length * (G.deliveryHeight + 4);
    groups.push({ id: group.id, x: groupX, y: groupY, width: G.consumerWidth, height });
    group.consumers.forEach((consumer, index) => {
      consumers.push({ group: group.id, consumer: consumer.id, x: groupX, y: groupY + G.groupHeaderHeight + index * (G.consumerHeight + 6), width: G.consumerWidth, height: G.consumerHeight });
    });
    failureTopics.forEach((topic, index) => {
      const placeY = groupY + G.groupHeaderHeight + consumersHeight + index * (G.deliveryHeight + 4);
      delivery.push({ group: group.id, name: topic.name, kind: topic.kind, x: groupX, y: placeY, width: G.consumerWidth, height: G.deliveryHeight });
    });
    groupY += height + G.gap;
  }

  const edges: Edge[] = [];
  for (const producer of producers) {
    for (const place of partitions.filter((p) => p.topic === producer.topic)) {
      const partitionKey = topicPartitionKey(place.topic, place.partition);
      const edge = curve(`produce:${producer.id}:${partitionKey}`, 'produce', producer.x + producer.width, producer.y + producer.height / 2, place.x, place.y + place.height / 2);
      edges.push({ ...edge, partitionKey, rateKey: partitionKey });
    }
  }
  for (const group of snapshot.groups) {
    for (const consumer of group.consumers) {
      // A crashed consumer still "owns" partitions until the coordinator notices, but reads nothing.
      if (consumer.state === 'dead') continue;
      const to = consumers.find((c) => c.group === group.id && c.consumer === consumer.id);
      if (!to) continue;
      for (const [topic, partition] of consumer.assigned) {
        const from = partitions.find((p) => p.topic === topic && p.partition === partition);
        if (!from) continue;
        const rateKey = groupPartitionKey(group.id, topic, partition);
        const edge = curve(`consume:${rateKey}`, 'consume', from.x + from.width, from.y + from.height / 2, to.x, to.y + to.height / 2);
        edges.push({ ...edge, partitionKey: topicPartitionKey(topic, partition), rateKey, consumer: consumer.id });
      }
    }
  }

  const height = Math.max(logsBottom, producerY, groupY, top + 60) - G.gap + 4;
  return { width, height, brokers, producers, topics, partitions, groups, consumers, delivery, edges };
}

function curve(key: string, kind: Edge['kind'], x1: number, y1: number, x2: number, y2: number): Omit<Edge, 'partitionKey' | 'rateKey'> {
  const dx = (x2 - x1) / 2;
  return {
    key,
    kind,
    path: `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`,
    // A cubic this flat is close to its chord plus a little.
    lengthPx: Math.hypot(x2 - x1, y2 - y1) * 1.05,
  };
}

/** A group's retry topics (in the order records pass through them), then its dead-letter topics. */
export function deliveryTopicsOf(group: GroupView): { name: string; kind: DeliveryPlace['kind']; records: number }[] {
  // Optional: snapshots from before the engine modelled failure handling have no `delivery`.
  const delivery = (group as Partial<GroupView>).delivery;
  if (!delivery) return [];
  return [
    ...delivery.retryTopics.map((t) => ({ name: t.name, kind: 'retry' as const, records: t.records })),
    ...delivery.deadLetterTopics.map((t) => ({ name: t.name, kind: 'dead-letter' as const, records: t.records })),
  ];
}

/** Who owns each partition in a group, by "topic/partition"; missing means revoked or unassigned. */
export function ownersOf(group: GroupView): Map<string, string> {
  const owners = new Map<string, string>();
  for (const consumer of group.consumers) {
    if (consumer.state === 'dead') continue;
    for (const [topic, partition] of consumer.assigned) owners.set(`${topic}/${partition}`, consumer.id);
  }
  return owners;
}
