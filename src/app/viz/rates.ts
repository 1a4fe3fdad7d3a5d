/**
 * Rates measured from successive frames, in records per simulated second, smoothed with an
 * exponential moving average over simulated time: the flow animation's density and the live
 * throughput numbers both come from here, never from configured rates, so they show what the
 * engine actually does (a producer throttled by acks, a group stalled by a rebalance).
 */
import type { LabSnapshot } from '../../worker/labSnapshot';

/** Simulated time over which a change in rate shows fully, ms (the EMA's time constant). */
export const RATE_SMOOTHING_MS = 1_000;

export interface FlowRates {
  /** Simulated time of the newest frame measured, ms. */
  timeMs: number;
  /** Records sent by all producers, per s. */
  producedPerSec: number;
  /** Distinct records processed by all groups, per s. */
  processedPerSec: number;
  /** Records appended to each partition, per s, by key `topicPartitionKey(topic, p)`. */
  appendedPerSec: Record<string, number>;
  /** Offsets committed by each group on each partition, per s, by key `groupPartitionKey(group, topic, p)`. */
  committedPerSec: Record<string, number>;
}

export const topicPartitionKey = (topic: string, partition: number) => `${topic}/${partition}`;
export const groupPartitionKey = (group: string, topic: string, partition: number) => `${group}/${topic}/${partition}`;

/**
 * The EMA step for a frame `dtMs` after the one before (dtMs > 0): from the rate so far (per s;
 * undefined when the thing is new, which then starts at its instant rate) and the count added
 * in the frame, the smoothed rate per s. A negative count (a counter reset) counts as 0.
 */
export function rateSmoother(dtMs: number): (old: number | undefined, delta: number) => number {
  const weight = 1 - Math.exp(-dtMs / RATE_SMOOTHING_MS);
  return (old, delta) => {
    const instant = Math.max(0, delta) * (1000 / dtMs);
    return old === undefined ? instant : old + weight * (instant - old);
  };
}

/** No rates yet: everything at 0, measured from `timeMs`. */
export function emptyRates(timeMs: number): FlowRates {
  return { timeMs, producedPerSec: 0, processedPerSec: 0, appendedPerSec: {}, committedPerSec: {} };
}

/**
 * The rates after `next`, given the rates and frame before it. A frame at the same time changes
 * nothing (a paused page re-drawing); a frame earlier in time starts over (a re-run to seek back).
 */
export function nextRates(rates: FlowRates | null, prev: LabSnapshot | null, next: LabSnapshot): FlowRates {
  if (!rates || !prev || next.timeMs < prev.timeMs) return emptyRates(next.timeMs);
  const dtMs = next.timeMs - prev.timeMs;
  if (dtMs <= 0) return rates;
  const smooth = rateSmoother(dtMs);

  const appendedPerSec: Record<string, number> = {};
  const prevEnds = new Map<string, number>();
  for (const topic of prev.topics) for (const p of topic.partitions) prevEnds.set(topicPartitionKey(topic.name, p.partition), p.logEndOffset);
  for (const topic of next.topics) {
    for (const p of topic.partitions) {
      const key = topicPartitionKey(topic.name, p.partition);
      // A partition added since the previous frame started empty.
      appendedPerSec[key] = smooth(rates.appendedPerSec[key], p.logEndOffset - (prevEnds.get(key) ?? p.logStartOffset));
    }
  }

  const committedPerSec: Record<string, number> = {};
  for (const group of next.groups) {
    const before = prev.groups.find((g) => g.id === group.id);
    for (const [topic, offsets] of Object.entries(group.committed)) {
      offsets.forEach((offset, partition) => {
        const key = groupPartitionKey(group.id, topic, partition);
        const was = before?.committed[topic]?.[partition];
        // No committed offset yet is -1: measure from the first real commit.
        const delta = was === undefined || was < 0 || offset < 0 ? 0 : offset - was;
        committedPerSec[key] = smooth(rates.committedPerSec[key], delta);
      });
    }
  }

  return {
    timeMs: next.timeMs,
    producedPerSec: smooth(rates.producedPerSec, next.metrics.produced - prev.metrics.produced),
    processedPerSec: smooth(rates.processedPerSec, next.metrics.processed - prev.metrics.processed),
    appendedPerSec,
    committedPerSec,
  };
}
