/**
 * A scenario's shape for its gallery thumbnail: what sends (producers, publishers) → what routes
 * (exchanges, SNS topics) → what holds messages (topics with their partitions, queues) → what
 * consumes (groups, worker pools), and the flows between them. Pure, so tests check the shape
 * and the SVG only draws it.
 */
import type { Scenario } from '../../engine';

export type ThumbnailKind = 'producer' | 'router' | 'topic' | 'queue' | 'consumer';

export interface ThumbnailNode {
  /** Unique within the thumbnail, e.g. "topic:orders". */
  key: string;
  kind: ThumbnailKind;
  /** The name the scenario gives it. */
  name: string;
  /** Partitions of a topic, consumers of a group, workers of a pool; 1 otherwise. */
  count: number;
}

export interface ThumbnailModel {
  /** Non-empty columns, left to right. */
  columns: ThumbnailNode[][];
  /** Flows by node key, each once. */
  edges: { from: string; to: string }[];
  /** The shape in words, for the card's text alternative, e.g. "1 producer → 1 topic (6 partitions) → 1 consumer group (3 consumers)". */
  summary: string;
}

/** Most nodes drawn in one column; more are summarised in the text only. */
export const COLUMN_NODES_MAX = 6;

export function thumbnailModel(scenario: Scenario): ThumbnailModel {
  const senders: ThumbnailNode[] = [
    ...scenario.producers.map((p) => node('producer', `producer:${p.id}`, p.id, 1)),
    ...(scenario.publishers ?? []).map((p) => node('producer', `publisher:${p.id}`, p.id, 1)),
  ];
  const routers: ThumbnailNode[] = [
    ...(scenario.exchanges ?? []).map((e) => node('router', `exchange:${e.name}`, e.name, 1)),
    ...(scenario.snsTopics ?? []).map((t) => node('router', `sns:${t.name}`, t.name, 1)),
  ];
  const holders: ThumbnailNode[] = [
    ...scenario.topics.map((t) => node('topic', `topic:${t.name}`, t.name, t.partitions)),
    ...(scenario.queues ?? []).map((q) => node('queue', `queue:${q.name}`, q.name, 1)),
    ...(scenario.sqsQueues ?? []).map((q) => node('queue', `sqs:${q.name}`, q.name, 1)),
  ];
  const consumers: ThumbnailNode[] = [
    ...scenario.consumerGroups.map((g) => node('consumer', `group:${g.id}`, g.id, g.consumers)),
    ...(scenario.workers ?? []).map((w) => node('consumer', `worker:${w.id}`, w.id, w.count)),
  ];

  const edges: { from: string; to: string }[] = [];
  const seen = new Set<string>();
  const link = (from: string, to: string) => {
    if (seen.has(`${from}>${to}`)) return;
    seen.add(`${from}>${to}`);
    edges.push({ from, to });
  };
  for (const p of scenario.producers) link(`producer:${p.id}`, `topic:${p.topic}`);
  for (const g of scenario.consumerGroups) {
    for (const topic of g.topics) link(`topic:${topic}`, `group:${g.id}`);
    if (g.deadLetterTopic) link(`group:${g.id}`, `topic:${g.deadLetterTopic}`);
  }
  for (const p of scenario.publishers ?? []) {
    if (p.exchange !== undefined && p.exchange !== '') link(`publisher:${p.id}`, `exchange:${p.exchange}`);
    else if (p.exchange === '' && p.routingKeys[0] !== undefined) link(`publisher:${p.id}`, `queue:${p.routingKeys[0]}`);
    if (p.sqsQueue !== undefined) link(`publisher:${p.id}`, `sqs:${p.sqsQueue}`);
    if (p.snsTopic !== undefined) link(`publisher:${p.id}`, `sns:${p.snsTopic}`);
  }
  for (const b of scenario.bindings ?? []) if (b.exchange !== '') link(`exchange:${b.exchange}`, `queue:${b.queue}`);
  for (const q of scenario.queues ?? []) if (q.deadLetterExchange) link(`queue:${q.name}`, `exchange:${q.deadLetterExchange}`);
  for (const t of scenario.snsTopics ?? []) for (const q of t.subscriptions) link(`sns:${t.name}`, `sqs:${q}`);
  for (const q of scenario.sqsQueues ?? []) if (q.redrivePolicy) link(`sqs:${q.name}`, `sqs:${q.redrivePolicy.deadLetterQueue}`);
  for (const w of scenario.workers ?? []) {
    if (w.queue !== undefined) link(`queue:${w.queue}`, `worker:${w.id}`);
    if (w.sqsQueue !== undefined) link(`sqs:${w.sqsQueue}`, `worker:${w.id}`);
  }

  const columns = [senders, routers, holders, consumers].filter((column) => column.length > 0).map((column) => column.slice(0, COLUMN_NODES_MAX));
  const known = new Set(columns.flat().map((n) => n.key));
  return {
    columns,
    edges: edges.filter((e) => known.has(e.from) && known.has(e.to)),
    summary: [senders, routers, holders, consumers].map(describe).filter((part) => part !== '').join(' → '),
  };
}

function node(kind: ThumbnailKind, key: string, name: string, count: number): ThumbnailNode {
  return { key, kind, name, count };
}

/** Node key prefix → its noun, and the noun of what its count counts (when that is worth saying). */
const NOUNS: readonly [prefix: string, noun: string, counted?: string][] = [
  ['producer:', 'producer'],
  ['publisher:', 'publisher'],
  ['exchange:', 'exchange'],
  ['sns:', 'SNS topic'],
  ['topic:', 'topic', 'partition'],
  ['queue:', 'queue'],
  ['sqs:', 'SQS queue'],
  ['group:', 'consumer group', 'consumer'],
  ['worker:', 'worker pool', 'worker'],
];

/** "2 topics (7 partitions)", "1 consumer group (3 consumers)": one column in words. */
function describe(column: readonly ThumbnailNode[]): string {
  const parts: string[] = [];
  for (const [prefix, noun, counted] of NOUNS) {
    const nodes = column.filter((n) => n.key.startsWith(prefix));
    if (nodes.length === 0) continue;
    parts.push(counted ? `${plural(nodes.length, noun)} (${plural(sum(nodes), counted)})` : plural(nodes.length, noun));
  }
  return parts.join(' and ');
}

function sum(nodes: readonly ThumbnailNode[]): number {
  return nodes.reduce((total, n) => total + n.count, 0);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
