import type { Metrics } from '../metrics/summary';

/**
 * The swarm's "sometimes" checks: paths that a run may or may not take, but that some runs out
 * of thousands must take, or the generator is not exercising what it claims to (a swarm whose
 * faults never fire checks nothing). Each counter is the number of runs in which it happened.
 * (The idempotent consumer's skips are too rare here to assert; delivery.property.test.ts does.)
 */
export interface SometimesTally {
  runs: number;
  /** A follower left an ISR (lagging or crashed). */
  isrShrink: number;
  /** A partition elected a new leader. */
  leaderElection: number;
  /** A producer re-sent records after an error. */
  producerRetry: number;
  /** A group retried a record whose processing failed (in place or from a retry topic). */
  consumerRetry: number;
  /** A group routed a record to a dead-letter topic. */
  deadLettered: number;
  /** A group rebalanced after it first formed. */
  rebalance: number;
  /** A group processed a record twice, or lost one. */
  duplicateOrLost: number;
}

export function emptyTally(): SometimesTally {
  return { runs: 0, isrShrink: 0, leaderElection: 0, producerRetry: 0, consumerRetry: 0, deadLettered: 0, rebalance: 0, duplicateOrLost: 0 };
}

/** Adds one run's final metrics to the tally. */
export function tallyRun(tally: SometimesTally, m: Metrics): void {
  const groups = Object.values(m.groups);
  tally.runs++;
  if (m.cluster.isrShrinks > 0) tally.isrShrink++;
  if (m.cluster.leaderElections > 0) tally.leaderElection++;
  if (m.retriedSends > 0) tally.producerRetry++;
  if (groups.some((g) => g.retried > 0)) tally.consumerRetry++;
  if (groups.some((g) => g.deadLettered > 0)) tally.deadLettered++;
  if (groups.some((g) => g.rebalances.count > 1)) tally.rebalance++;
  if (groups.some((g) => g.duplicates > 0 || g.lost > 0)) tally.duplicateOrLost++;
}
