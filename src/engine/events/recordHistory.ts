/**
 * A record's life as the event log tells it: every entry that names the record (failed attempts,
 * back-offs, retries, dead-lettering, duplicates skipped), every range that covers it (redelivery,
 * loss, truncation) and, inside a time window the caller chooses, what happened to its partition
 * (owners changing, leaders and ISR moving). The log only names records when something goes
 * wrong with them and is bounded, so a quiet record has few steps here and an old one may have
 * lost its early steps: callers say so.
 */
import type { EngineEvent } from './eventLog';

/** Which record to look for. */
export type RecordQuery =
  /** One record, by where it sits in the log. */
  | { kind: 'offset'; topic: string; partition: number; offset: number }
  /** Every record with this key (the log names keys as "k-17"). */
  | { kind: 'key'; key: string };

/** What one step of a record's life was. */
export type RecordStepKind =
  /** A processing attempt failed and the record waits out a back-off (in place or in a retry topic). */
  | 'retry'
  /** A retry attempt succeeded. */
  | 'processed'
  | 'dead-lettered'
  /** Given up after the last attempt, or committed past, or never written: it will never be processed. */
  | 'lost'
  /** Handled but not committed before its partition moved: delivered again. */
  | 'redelivered'
  /** An idempotent consumer recognised it as processed already. */
  | 'duplicate-skipped'
  /** Its key became poison: every attempt fails. */
  | 'poison'
  /** Its partition was removed from the log above some offset (replica truncation). */
  | 'truncated'
  /** Its partition changed owner (context, inside the window). */
  | 'ownership'
  /** Its partition's leader or ISR changed, or a broker failed (context, inside the window). */
  | 'cluster';

export interface RecordStep {
  /** Simulated time, ms. */
  timeMs: number;
  kind: RecordStepKind;
  /** The event log entry's type, e.g. "delivery.retryInPlace". */
  type: string;
  /** The entry's sentence: the why. */
  text: string;
  /** The record it names as "topic-partition@offset", or null for a partition-level entry. */
  record: string | null;
  /** The attempt that failed (1 = the first delivery), when the entry says. */
  attempt?: number;
  /** The back-off before the next attempt, ms, when the entry says. */
  backoffMs?: number;
}

export interface RecordHistory {
  /** Matching entries, oldest first. */
  steps: RecordStep[];
  /** Every record the matching entries name, as "topic-partition@offset", in order of first mention. */
  records: string[];
  /** The record's key when an entry names it (offset queries), or the key searched for. */
  key: string | null;
}

/** Only context inside this window is kept; a record's own entries are always kept. */
export interface ContextWindow {
  /** ms, inclusive. */
  fromMs: number;
  /** ms, inclusive. */
  toMs: number;
}

const RECORD_REF = /([A-Za-z0-9._-]+?)-(\d+)@(\d+)/g;
const KEY_OF = /\(key ([^)]+)\)/;
const ATTEMPT = /failed (?:attempt|all) (\d+)|after (\d+) attempts?/;
const BACKOFF = /(?:backs off|retried in) ([\d.]+) ms/;
const RANGE = /offsets (\d+)\.\.(\d+)/;

const DIRECT_KINDS: Record<string, RecordStepKind> = {
  'delivery.retryInPlace': 'retry',
  'delivery.retryScheduled': 'retry',
  'delivery.retrySucceeded': 'processed',
  'delivery.deadLettered': 'dead-lettered',
  'delivery.skipped': 'lost',
  'delivery.duplicateSkipped': 'duplicate-skipped',
};
const RANGE_KINDS: Record<string, RecordStepKind> = {
  'delivery.lost': 'lost',
  'delivery.redelivering': 'redelivered',
  'partition.truncated': 'truncated',
};
const OWNERSHIP_TYPES = new Set(['consumer.assigned', 'consumer.revoked', 'consumer.crashed', 'consumer.pollTimeout']);
const CLUSTER_TYPES = new Set(['isr.shrunk', 'isr.expanded', 'partition.offline', 'partition.leaderElected', 'partition.uncleanLeaderElected', 'replica.truncated']);

export function recordHistory(events: readonly EngineEvent[], query: RecordQuery, window?: ContextWindow): RecordHistory {
  const steps: RecordStep[] = [];
  const records: string[] = [];
  const partitionName = query.kind === 'offset' ? `${query.topic}-${query.partition}` : null;
  const wanted = query.kind === 'offset' ? `${partitionName}@${query.offset}` : null;
  // An offset query learns the key from the record's own entries; a poison entry may come first.
  const key = query.kind === 'key' ? query.key : keyOfRecord(events, wanted!);

  for (const event of events) {
    const refs = recordRefs(event.text);
    const direct = DIRECT_KINDS[event.type];
    if (direct !== undefined) {
      const ref = refs[0] ?? null;
      const matches = query.kind === 'offset' ? ref === wanted : KEY_OF.exec(event.text)?.[1] === query.key;
      if (!matches) continue;
      if (ref !== null && !records.includes(ref)) records.push(ref);
      steps.push(withDetails({ timeMs: event.timeMs, kind: direct, type: event.type, text: event.text, record: ref }));
      continue;
    }
    if (event.type === 'delivery.poisonKey') {
      const poisoned = /^Key (\S+) is now poison/.exec(event.text)?.[1];
      if (poisoned !== undefined && poisoned === key) steps.push({ timeMs: event.timeMs, kind: 'poison', type: event.type, text: event.text, record: null });
      continue;
    }
    if (partitionName === null || query.kind !== 'offset') continue;
    const ranged = RANGE_KINDS[event.type];
    if (ranged !== undefined) {
      if (!mentionsPartition(event.text, partitionName)) continue;
      const range = RANGE.exec(event.text);
      if (!range) continue;
      if (query.offset >= Number(range[1]) && query.offset <= Number(range[2])) {
        steps.push({ timeMs: event.timeMs, kind: ranged, type: event.type, text: event.text, record: null });
      }
      continue;
    }
    if (!window || event.timeMs < window.fromMs || event.timeMs > window.toMs || !mentionsPartition(event.text, partitionName)) continue;
    if (OWNERSHIP_TYPES.has(event.type)) steps.push({ timeMs: event.timeMs, kind: 'ownership', type: event.type, text: event.text, record: null });
    else if (CLUSTER_TYPES.has(event.type)) steps.push({ timeMs: event.timeMs, kind: 'cluster', type: event.type, text: event.text, record: null });
  }
  return { steps, records, key };
}

function keyOfRecord(events: readonly EngineEvent[], record: string): string | null {
  for (const event of events) {
    if (DIRECT_KINDS[event.type] !== undefined && recordRefs(event.text)[0] === record) {
      const key = KEY_OF.exec(event.text)?.[1];
      if (key !== undefined) return key;
    }
  }
  return null;
}

/** "orders-3@120" references in a sentence, in order. */
export function recordRefs(text: string): string[] {
  return [...text.matchAll(RECORD_REF)].map((m) => `${m[1]}-${m[2]}@${m[3]}`);
}

/** Whether a sentence names the partition as a word ("orders-3", not "orders-31" or "orders-3@5"). */
function mentionsPartition(text: string, partitionName: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(partitionName, from);
    if (at < 0) return false;
    const before = at === 0 ? ' ' : text[at - 1]!;
    const after = text[at + partitionName.length] ?? ' ';
    if (!/[A-Za-z0-9._-]/.test(before) && !/[0-9@]/.test(after)) return true;
    from = at + 1;
  }
}

function withDetails(step: RecordStep): RecordStep {
  const attempt = ATTEMPT.exec(step.text);
  const backoff = BACKOFF.exec(step.text);
  return {
    ...step,
    ...(attempt ? { attempt: Number(attempt[1] ?? attempt[2]) } : {}),
    ...(backoff ? { backoffMs: Number(backoff[1]) } : {}),
  };
}
