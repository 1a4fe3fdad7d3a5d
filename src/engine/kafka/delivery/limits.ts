/**
 * Bounds of the consumer-side delivery model, per consumer group. Breaching the first two stops
 * the run with a LimitError naming them; the dedupe window evicts instead (see DedupeWindow).
 */

/** Most records one group may hold in its retry topics at once (all retry topics and partitions). */
export const RETRY_RECORDS_MAX = 1_000_000;

/** Most records one group may have dead-lettered in a run (the DLT is kept in memory for replay). */
export const DEAD_LETTER_RECORDS_MAX = 1_000_000;

/**
 * Record ids an idempotent consumer remembers: the most recent 100,000 it processed. An older id
 * that is delivered again is processed again (and counted as a duplicate), as with a real dedupe
 * table that expires entries.
 */
export const DEDUPE_WINDOW_IDS = 100_000;

/** Dead-lettered records a snapshot lists (the newest ones), with their headers. */
export const SNAPSHOT_DEAD_LETTERS = 20;
