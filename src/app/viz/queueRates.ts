/**
 * Message rates of the queue brokers, measured from successive frames like rates.ts measures
 * Kafka's: messages per simulated second, smoothed over RATE_SMOOTHING_MS of simulated time. The
 * queue drawing's moving dots and widths come from here, so they show what the engine does (a
 * crashed worker carries nothing, a full queue takes nothing more), never configured rates.
 */
import type { LabSnapshot } from '../../worker/labSnapshot';
import type { EdgeRateRef } from './queueLayout';
import { rateSmoother } from './rates';

export interface QueueFlowRates {
  /** Simulated time of the newest frame measured, ms. */
  timeMs: number;
  /** Messages entering each queue (published, routed, fanned out or dead-lettered to it), per s, by queue name. */
  enqueuedPerSec: Record<string, number>;
  /** Messages acknowledged (deleted, for SQS) from each queue, per s, by queue name. */
  ackedPerSec: Record<string, number>;
  /** Messages each queue dead-lettered (to its DLX or redrive queue), per s, by queue name. */
  deadLetteredPerSec: Record<string, number>;
  /** Messages each exchange routed to at least one queue, per s, by exchange name. */
  routedPerSec: Record<string, number>;
  /** Messages published to each SNS topic, per s, by topic name. */
  snsPublishedPerSec: Record<string, number>;
  /**
   * Messages each worker finished, per s, by worker id: its queue's ack rate shared among its
   * workers by the processing time each spent (the engine counts acks per queue, not per worker).
   */
  workerPerSec: Record<string, number>;
}

export function emptyQueueRates(timeMs: number): QueueFlowRates {
  return { timeMs, enqueuedPerSec: {}, ackedPerSec: {}, deadLetteredPerSec: {}, routedPerSec: {}, snsPublishedPerSec: {}, workerPerSec: {} };
}

/**
 * The rates after `next`, given the rates and frame before it; null when the scenario has no
 * queue brokers. Same rules as `nextRates`: a frame at the same time changes nothing, an earlier
 * one (a seek back) starts over.
 */
export function nextQueueRates(rates: QueueFlowRates | null, prev: LabSnapshot | null, next: LabSnapshot): QueueFlowRates | null {
  if (!next.queues) return null;
  if (!rates || !prev?.queues || next.timeMs < prev.timeMs) return emptyQueueRates(next.timeMs);
  const dtMs = next.timeMs - prev.timeMs;
  if (dtMs <= 0) return rates;
  const smooth = rateSmoother(dtMs);

  const out = emptyQueueRates(next.timeMs);
  const prevQueues = new Map(prev.queues.map((q) => [q.name, q]));
  for (const queue of next.queues) {
    const before = prevQueues.get(queue.name);
    out.enqueuedPerSec[queue.name] = smooth(rates.enqueuedPerSec[queue.name], queue.published - (before?.published ?? 0));
    const acked = queue.acked - (before?.acked ?? 0);
    out.ackedPerSec[queue.name] = smooth(rates.ackedPerSec[queue.name], acked);
    out.deadLetteredPerSec[queue.name] = smooth(rates.deadLetteredPerSec[queue.name], queue.deadLettered - (before?.deadLettered ?? 0));

    // Busy time in this interval, per worker, from utilisation × elapsed time.
    const busyMs = queue.workers.map((w) => {
      const was = before?.workers.find((b) => b.id === w.id);
      return Math.max(0, w.utilisation * next.timeMs - (was ? was.utilisation * prev.timeMs : 0));
    });
    const busyTotalMs = busyMs.reduce((a, b) => a + b, 0);
    queue.workers.forEach((worker, index) => {
      const share = busyTotalMs > 0 ? busyMs[index]! / busyTotalMs : 0;
      out.workerPerSec[worker.id] = smooth(rates.workerPerSec[worker.id], acked * share);
    });
  }
  const prevExchanges = new Map((prev.exchanges ?? []).map((e) => [e.name, e.routed]));
  for (const exchange of next.exchanges ?? []) out.routedPerSec[exchange.name] = smooth(rates.routedPerSec[exchange.name], exchange.routed - (prevExchanges.get(exchange.name) ?? 0));
  const prevTopics = new Map((prev.snsTopics ?? []).map((t) => [t.name, t.published]));
  for (const topic of next.snsTopics ?? []) out.snsPublishedPerSec[topic.name] = smooth(rates.snsPublishedPerSec[topic.name], topic.published - (prevTopics.get(topic.name) ?? 0));
  return out;
}

/** The rate an edge of the queue drawing carries, messages per simulated second. */
export function queueEdgeRate(rate: EdgeRateRef, rates: QueueFlowRates | null): number {
  if (!rates) return 0;
  return (rates[rate.source][rate.name] ?? 0) / Math.max(1, rate.share);
}
