import type { World, GroupRt } from '../kafka/world';
import type { LatencySummaryMs } from './histogram';
import { pauseUsSoFar } from '../kafka/group/ownership';

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
  lag: LagMetrics;
  rebalances: GroupRebalanceMetrics;
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
}

/** High watermark − committed offset; with no committed offset yet, every record is unread. */
export function partitionLag(world: World, group: GroupRt, globalPartition: number): number {
  const log = world.partitions[globalPartition]!;
  const committed = group.committed[globalPartition]!;
  return log.highWatermark - (committed < 0 ? log.logStartOffset : committed);
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
      pending += world.partitions[p]!.highWatermark - group.settledUpTo[p]!;
    }
  }
  return pending;
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
      lag,
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
  return {
    timeMs: world.scheduler.nowUs / 1000,
    events: world.scheduler.poppedCount,
    produced: world.produced,
    acknowledged: world.acknowledged,
    failedSends: world.failedSends,
    ...totals,
    lag: { total: lagTotal, max: lagMax, perPartition: firstPerPartition },
    latencyMs: world.latency.summaryMs(),
    rebalances: { count: rebalances, totalPauseMs: pauseUs / 1000 },
    traceHash: world.trace.hex(),
    groups,
  };
}
