import type { World, GroupRt } from '../kafka/world';
import type { LatencySummaryMs } from './histogram';
import { worstStatus, type LagStatus } from './lagStatus';
import { pauseUsSoFar } from '../kafka/group/ownership';
import { clusterMetrics, producerMetrics, type ClusterMetrics, type ProducerMetrics } from '../kafka/cluster/metrics';
import { withQueueMetrics, type ExchangeMetrics, type QueueMetrics, type RequesterMetrics } from '../queues/metrics';

/** Per-partition and total lag of one group: high watermark − committed offset. */
export interface LagMetrics {
  total: number;
  max: number;
  /** By partition, over the group's topics in scenario order. */
  perPartition: number[];
}

/** What happened to the records one consumer group reads. */
export interface GroupMetrics {
  /** Records acknowledged on the topics this group reads. */
  acknowledged: number;
  delivered: number;
  processed: number;
  duplicates: number;
  redelivered: number;
  lost: number;
  deadLettered: number;
  /** Acknowledged records this group has not settled yet (in logs, in flight or waiting to retry). */
  pending: number;
  /** Processing attempts that failed (transient failures and poison keys). */
  failedAttempts: number;
  /** Deliveries after a failed attempt: in-place redeliveries and retry-topic deliveries. */
  retried: number;
  /** Deliveries the idempotent consumer recognised as processed already and skipped (no second effect). */
  skippedDuplicates: number;
  /** Records whose processing completed exactly once (processed − processedMoreThanOnce). */
  processedOnce: number;
  /** Records whose processing completed two or more times (each extra completion is one of `duplicates`). */
  processedMoreThanOnce: number;
  /** Records waiting in the group's retry topics right now. */
  retrying: number;
  /** Records given up after their last attempt with no dead-letter topic: logged and skipped (part of `lost`). */
  skippedFailures: number;
  /** Dead-lettered records re-published to their source topic by dlq-replay. */
  replayed: number;
  lag: LagMetrics;
  /** Lag as operators read it: in time, with a trend and Burrow's status. */
  lagHealth: LagHealthMetrics;
  rebalances: GroupRebalanceMetrics;
}

/**
 * Per partition, in the order of `lag.perPartition`, and for the whole group (its worst
 * partition): how old the oldest uncommitted record is, whether lag is growing, and Burrow's
 * status over the recent commits (metrics/lagStatus.ts).
 */
export interface LagHealthMetrics {
  status: LagStatus;
  /** Age of the oldest record at or above the committed offset, ms (0 when there is no lag). */
  maxAgeMs: number;
  perPartition: { ageMs: number; status: LagStatus; trend: 'growing' | 'steady' | 'shrinking' }[];
}

/** What rebalancing cost one group. */
export interface GroupRebalanceMetrics {
  /** Rebalances completed (generations that reached Stable). */
  count: number;
  /** Time partitions spent with no owner processing them, summed over partitions, ms. */
  totalPauseMs: number;
  /** Partition pauses that ended (a partition released by one owner and taken by the next). */
  pauses: number;
  /** Pauses that ended with the partition back at the consumer that gave it up. */
  unmovedPauses: number;
}

/**
 * The run's summary, shared by `sim.metrics()` and the CLI's `--json`. Record fates are per
 * consumer group (each group reads every record); the top-level fate counters add up the
 * groups, and for each group `groups[id].acknowledged = processed + deadLettered + lost + pending`
 * (with one group reading every topic, the top-level counters obey the same identity).
 */
export interface Metrics {
  /** Simulated time of this summary, ms. */
  timeMs: number;
  /** Events processed so far. */
  events: number;
  produced: number;
  acknowledged: number;
  /** Sends that failed for good (never acknowledged). */
  failedSends: number;
  /** Records sent again after an error (one per record per retry), over every producer. */
  retriedSends: number;
  /** Records producer retries wrote twice (their first attempt was written after all), over every producer. */
  duplicatesWritten: number;
  /** Records written after a later record of their producer on the same partition, over every producer. */
  reorderedRecords: number;
  /** Per producer id. */
  producers: Record<string, ProducerMetrics>;
  /** Brokers, ISR, elections and truncation. */
  cluster: ClusterMetrics;
  delivered: number;
  processed: number;
  duplicates: number;
  redelivered: number;
  lost: number;
  deadLettered: number;
  pending: number;
  /** Over every group: total and max, and per partition of the first group. */
  lag: LagMetrics;
  /** End to end: send() → first successful processing. */
  latencyMs: LatencySummaryMs;
  rebalances: { count: number; totalPauseMs: number };
  traceHash: string;
  groups: Record<string, GroupMetrics>;
  /** Queue-style brokers only: per RabbitMQ / SQS queue, by name (depth where Kafka has lag). */
  queues?: Record<string, QueueMetrics>;
  /** Queue-style brokers only: per exchange, by name ("" is the default exchange). */
  exchanges?: Record<string, ExchangeMetrics>;
  /** Queue-style brokers only: request-reply, per requesting publisher id. */
  requesters?: Record<string, RequesterMetrics>;
}

/** High watermark − committed offset; with no committed offset yet, every record is unread. */
export function partitionLag(world: World, group: GroupRt, globalPartition: number): number {
  const log = world.partitions[globalPartition]!;
  const committed = group.committed[globalPartition]!;
  return log.highWatermark - (committed < 0 ? log.logStartOffset : committed);
}

export function groupLagHealth(world: World, group: GroupRt): LagHealthMetrics {
  const nowUs = world.scheduler.nowUs;
  const perPartition: LagHealthMetrics['perPartition'] = [];
  let maxAgeMs = 0;
  for (const t of group.topicIndexes) {
    for (const p of world.topics[t]!.partitions) {
      const log = world.partitions[p]!;
      const lag = partitionLag(world, group, p);
      const committed = group.committed[p]!;
      const oldest = committed < 0 ? log.logStartOffset : committed;
      // The oldest unconsumed record is held in memory: retention trims only below every group's commit.
      const ageMs = lag > 0 && oldest >= log.memoryStartOffset ? (nowUs - log.createdAtUsAt(oldest)) / 1000 : 0;
      const window = group.commitWindows[p];
      const trend = window?.lagTrend() ?? 0;
      perPartition.push({
        ageMs,
        status: window?.evaluate(lag, nowUs / 1000) ?? 'OK',
        trend: trend > 0 ? 'growing' : trend < 0 ? 'shrinking' : 'steady',
      });
      if (ageMs > maxAgeMs) maxAgeMs = ageMs;
    }
  }
  return { status: worstStatus(perPartition.map((p) => p.status)), maxAgeMs, perPartition };
}

export function groupLag(world: World, group: GroupRt): LagMetrics {
  const perPartition: number[] = [];
  let total = 0;
  let max = 0;
  for (const t of group.topicIndexes) {
    for (const p of world.topics[t]!.partitions) {
      const lag = partitionLag(world, group, p);
      perPartition.push(lag);
      total += lag;
      if (lag > max) max = lag;
    }
  }
  return { total, max, perPartition };
}

/** Records acknowledged on the group's topics. */
export function groupAcknowledged(world: World, group: GroupRt): number {
  let acknowledged = 0;
  for (const t of group.topicIndexes) acknowledged += world.topics[t]!.acknowledged;
  return acknowledged;
}

export function groupPending(world: World, group: GroupRt): number {
  let pending = 0;
  for (const t of group.topicIndexes) {
    for (const p of world.topics[t]!.partitions) {
      const log = world.partitions[p]!;
      // Acknowledged records above the high watermark (acks 0 / 1, not yet replicated) and acks=0
      // records still on the wire are owed too.
      pending += log.highWatermark - group.settledUpTo[p]! + log.owedAboveHighWatermark + log.owedInFlight;
    }
  }
  // Records handed to a retry topic are settled in their partition but still owe a fate.
  return pending + group.delivery.retryPending;
}

export function summarize(world: World): Metrics {
  const groups: Record<string, GroupMetrics> = {};
  const totals = { delivered: 0, processed: 0, duplicates: 0, redelivered: 0, lost: 0, deadLettered: 0, pending: 0 };
  let lagTotal = 0;
  let lagMax = 0;
  let firstPerPartition: number[] = [];
  world.groups.forEach((group, i) => {
    const lag = groupLag(world, group);
    const metrics: GroupMetrics = {
      acknowledged: groupAcknowledged(world, group),
      delivered: group.delivered,
      processed: group.processed,
      duplicates: group.duplicates,
      redelivered: group.redelivered,
      lost: group.lost,
      deadLettered: group.deadLettered,
      pending: groupPending(world, group),
      ...deliveryCounters(group),
      lag,
      lagHealth: groupLagHealth(world, group),
      rebalances: {
        count: group.rebalances,
        totalPauseMs: pauseUsSoFar(world, group) / 1000,
        pauses: group.pauses,
        unmovedPauses: group.unmovedPauses,
      },
    };
    groups[group.spec.id] = metrics;
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += metrics[key];
    lagTotal += lag.total;
    lagMax = Math.max(lagMax, lag.max);
    if (i === 0) firstPerPartition = lag.perPartition;
  });
  if (world.groups.length === 0) totals.pending = world.acknowledged;
  let rebalances = 0;
  let pauseUs = 0;
  for (const group of world.groups) {
    rebalances += group.rebalances;
    pauseUs += pauseUsSoFar(world, group);
  }
  // Queue-style brokers add their queues and fold their counts into the totals (queues/metrics.ts).
  return withQueueMetrics(world, {
    timeMs: world.scheduler.nowUs / 1000,
    events: world.scheduler.poppedCount,
    produced: world.produced,
    acknowledged: world.acknowledged,
    failedSends: world.failedSends,
    ...producerTotals(world),
    ...totals,
    lag: { total: lagTotal, max: lagMax, perPartition: firstPerPartition },
    latencyMs: world.latency.summaryMs(),
    rebalances: { count: rebalances, totalPauseMs: pauseUs / 1000 },
    traceHash: world.trace.hex(),
    groups,
  });
}

/** The fate ledger's detail and the retry / dead-letter / dedupe counters of a group. */
function deliveryCounters(group: GroupRt): Omit<GroupMetrics, 'acknowledged' | 'delivered' | 'processed' | 'duplicates' | 'redelivered' | 'lost' | 'deadLettered' | 'pending' | 'lag' | 'lagHealth' | 'rebalances'> {
  const delivery = group.delivery;
  return {
    failedAttempts: delivery.failedAttempts,
    retried: delivery.retried,
    skippedDuplicates: delivery.skippedDuplicates,
    processedOnce: Math.max(0, group.processed - delivery.processedMoreThanOnce),
    processedMoreThanOnce: delivery.processedMoreThanOnce,
    retrying: delivery.retryRecords,
    skippedFailures: delivery.skipped,
    replayed: delivery.replayed,
  };
}

function producerTotals(world: World): Pick<Metrics, 'retriedSends' | 'duplicatesWritten' | 'reorderedRecords' | 'producers' | 'cluster'> {
  const producers = producerMetrics(world);
  let retriedSends = 0;
  let duplicatesWritten = 0;
  let reorderedRecords = 0;
  for (const p of Object.values(producers)) {
    retriedSends += p.retried;
    duplicatesWritten += p.duplicatesWritten;
    reorderedRecords += p.reordered;
  }
  return { retriedSends, duplicatesWritten, reorderedRecords, producers, cluster: clusterMetrics(world) };
}
