/** The numbers a chapter's scenario can show per consumer group, chosen by `<Scenario watch>`. */
import type { GroupMetrics } from '../../engine';

export type WatchId = 'processed' | 'lag' | 'lagMax' | 'lost' | 'duplicates' | 'redelivered' | 'deadLettered' | 'retried' | 'rebalances' | 'pauseMs';

export const DEFAULT_WATCH: WatchId[] = ['processed', 'lag', 'lagMax'];

export const WATCHES: Record<WatchId, { label: string; hint: string; read: (m: GroupMetrics) => number }> = {
  processed: { label: 'Processed', hint: 'distinct records processed at least once', read: (m) => m.processed },
  lag: { label: 'Lag', hint: 'records written but not yet committed, all partitions', read: (m) => m.lag.total },
  lagMax: { label: 'Max lag', hint: 'lag of the most behind partition', read: (m) => m.lag.max },
  lost: { label: 'Lost', hint: 'acknowledged records this group will never process', read: (m) => m.lost },
  duplicates: { label: 'Duplicates', hint: 'processings beyond the first of a record', read: (m) => m.duplicates },
  redelivered: { label: 'Redelivered', hint: 'deliveries of a record beyond its first', read: (m) => m.redelivered },
  deadLettered: { label: 'Dead-lettered', hint: 'records sent to the dead-letter topic', read: (m) => m.deadLettered },
  retried: { label: 'Retried', hint: 'deliveries after a failed attempt', read: (m) => m.retried },
  rebalances: { label: 'Rebalances', hint: 'times the group re-divided its partitions', read: (m) => m.rebalances.count },
  pauseMs: { label: 'Paused (ms)', hint: 'partition-time with no owner processing, summed', read: (m) => Math.round(m.rebalances.totalPauseMs) },
};
