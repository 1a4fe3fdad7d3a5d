/**
 * The message inspector's answer: every step of one record's life with exact times and why (the
 * engine's record trail), what the run's event log says about it and its partition (or about
 * every record of a key), where the record stands in its partition now, and when it passed the
 * log's markers as the chart samples saw it. Pure apart from reading the run.
 */
import { partitionForKey, type Simulation } from '../engine';
import type { DeadLetterView, RecordLife, RecordRef } from '../engine';
import { recordHistory, type RecordHistory, type RecordQuery } from '../engine/events/recordHistory';
import type { InsightRecorder } from './insightRecorder';

export type { RecordQuery } from '../engine/events/recordHistory';

/** One consumer group's view of the record's partition. */
export interface GroupPosition {
  id: string;
  /** The group's committed offset on the partition (the next record it will read), -1 before its first commit. */
  committed: number;
  /** Whether the committed offset has passed the record: the group is done with it for good. */
  committedPast: boolean;
  /** The first sample time at which the committed offset had passed the record, ms; null if not yet or not sampled. */
  committedByMs: number | null;
  /** The consumer that owns the partition now, or null. */
  owner: string | null;
}

/** Where one record sits in its partition now, and when it passed each marker. */
export interface RecordPosition {
  topic: string;
  partition: number;
  offset: number;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  /** Broker leading the partition now; null with no leader or no brokers modelled. */
  leader: number | null;
  /** In-sync replicas now. */
  isr: number[];
  /** Whether the offset exists yet (below the log-end offset). */
  appended: boolean;
  /** Whether every in-sync replica has it (below the high watermark): consumers may read it. */
  visible: boolean;
  /** The first sample time at which the high watermark had passed the record, ms; null if not yet or not sampled. */
  visibleByMs: number | null;
  groups: GroupPosition[];
}

/** Most records of a key an answer lists. */
export const KEY_RECORDS_MAX = 20;

export interface RecordInspection {
  query: RecordQuery;
  /** Offset queries: every step of the record's life with exact times and why; null for key queries or no such partition. */
  life: RecordLife | null;
  /** Key queries: records of the key the engine's record trail remembers, newest first (at most KEY_RECORDS_MAX). */
  keyRecords: RecordRef[];
  /** Simulated time of the answer, ms. */
  timeMs: number;
  /** Ms between the samples the "…ByMs" times come from: each is accurate to one interval. */
  sampleIntervalMs: number;
  history: RecordHistory;
  /** Time of the oldest entry the bounded event log still holds when older ones were evicted, ms; else null. */
  evictedBeforeMs: number | null;
  /** Offset queries: the record's place in its partition; null when there is no such partition. */
  position: RecordPosition | null;
  /** Key queries: the partition Kafka's default partitioner picks for the key, per topic. */
  partitionsForKey: { topic: string; partition: number }[];
  /** Dead-letter records (with Spring's headers) among the groups' most recent ones that match. */
  deadLetters: DeadLetterView[];
  /** Why the query could not be answered, in words; absent when it was. */
  problem?: string;
}

export function inspectRecord(sim: Simulation, recorder: InsightRecorder, query: RecordQuery): RecordInspection {
  const snapshot = sim.snapshot();
  const events = sim.events();
  const evictedBeforeMs = snapshot.eventsTotal > events.length && events.length > 0 ? events[0]!.timeMs : null;
  const base = { query, timeMs: snapshot.timeMs, sampleIntervalMs: recorder.intervalMs, evictedBeforeMs, partitionsForKey: [] as { topic: string; partition: number }[], life: null, keyRecords: [] as RecordRef[] };
  const deadLettersOf = (match: (d: DeadLetterView) => boolean) => snapshot.groups.flatMap((g) => g.delivery.recentDeadLetters.filter(match));

  if (query.kind === 'key') {
    const history = recordHistory(events, query);
    const partitionsForKey = snapshot.topics.map((t) => ({ topic: t.name, partition: partitionForKey(query.key, t.partitions.length) }));
    const keyRecords = sim.recordsOfKey(query.key, KEY_RECORDS_MAX);
    return { ...base, history, keyRecords, position: null, partitionsForKey, deadLetters: deadLettersOf((d) => d.key === query.key) };
  }

  const topic = snapshot.topics.find((t) => t.name === query.topic);
  const part = topic?.partitions[query.partition];
  if (!topic || !part) {
    const known = snapshot.topics.map((t) => `${t.name} (0..${t.partitions.length - 1})`).join(', ');
    return { ...base, history: { steps: [], records: [], key: null }, position: null, deadLetters: [], problem: `There is no partition ${query.topic}-${query.partition}. Partitions: ${known || 'none'}.` };
  }
  const where = `${topic.name}-${query.partition}`;
  const firstPast = (column: string): number | null => {
    const series = recorder.column(column);
    if (!series) return null;
    const i = series.values.findIndex((v) => v > query.offset);
    return i < 0 ? null : recorder.timeOfIndex(series.firstIndex + i);
  };
  const visibleByMs = firstPast(`hw:${where}`);
  const groups: GroupPosition[] = snapshot.groups
    .filter((g) => g.committed[topic.name] !== undefined)
    .map((g) => {
      const committed = g.committed[topic.name]![query.partition] ?? -1;
      const owner = g.consumers.find((c) => c.assigned.some(([t, p]) => t === topic.name && p === query.partition));
      return { id: g.id, committed, committedPast: committed > query.offset, committedByMs: firstPast(`g:${g.id}:committed:${where}`), owner: owner?.id ?? null };
    });
  const position: RecordPosition = {
    topic: topic.name,
    partition: query.partition,
    offset: query.offset,
    logStartOffset: part.logStartOffset,
    logEndOffset: part.logEndOffset,
    highWatermark: part.highWatermark,
    leader: part.leader ?? null,
    isr: part.isr ?? [],
    appended: query.offset < part.logEndOffset,
    visible: query.offset < part.highWatermark,
    visibleByMs,
    groups,
  };
  // Partition context is shown from when the record became visible to when the last group committed past it.
  const committedTimes = groups.map((g) => g.committedByMs);
  const fromMs = Math.max(0, (visibleByMs ?? snapshot.timeMs) - recorder.intervalMs);
  const toMs = committedTimes.length > 0 && committedTimes.every((t) => t !== null) ? Math.max(...(committedTimes as number[])) : snapshot.timeMs;
  const history = recordHistory(events, query, { fromMs, toMs });
  const deadLetters = deadLettersOf((d) =>
      d.headers['kafka_dlt-original-topic'] === topic.name &&
      d.headers['kafka_dlt-original-partition'] === String(query.partition) &&
      d.headers['kafka_dlt-original-offset'] === String(query.offset));
  return { ...base, life: sim.recordLife(topic.name, query.partition, query.offset), history, position, deadLetters };
}
