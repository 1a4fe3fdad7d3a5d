/**
 * The time series behind the page's charts and dashboard, sampled in the worker at fixed
 * simulated instants (so a re-run, a seek or a second worker with the same seed samples exactly
 * the same values), kept in a bounded table and handed to the page as deltas.
 *
 * Lifecycle: created with a run → `advance(sim, toMs)` replaces `sim.runUntil`, sampling every
 * interval on the way → `takeDelta()` returns what the page has not seen → discarded with the run.
 * A seek backwards or a fork starts a new recorder, empty or from the state saved with the
 * checkpoint it restores: the table always describes one timeline.
 */
import type { Change, Simulation, Snapshot } from '../engine';

/** Samples kept: with the interval below, a whole scenario of any length up to ~11 hours. */
export const INSIGHT_SAMPLES_MAX = 4096;
/** Timeline markers kept (rebalances, faults, changes): the newest win. */
export const MARKERS_MAX = 1000;
/** Samples per scenario, roughly: the interval is the scenario's length over this, in whole 100 ms. */
const SAMPLES_PER_RUN = 600;
const INTERVAL_MS_MIN = 100;
const INTERVAL_MS_MAX = 10_000;

/** Where a marker on the time axis comes from. */
export type MarkerKind =
  /** A consumer group started rebalancing. */
  | 'rebalance'
  /** A crash, slowdown, partition going offline, or a broker or consumer restarting. */
  | 'fault'
  /** A live change the learner (or a replayed run) applied. */
  | 'change';

export interface TimelineMarker {
  /** Simulated time, ms. */
  timeMs: number;
  kind: MarkerKind;
  /** What happened, in a sentence. */
  text: string;
}

/** New samples and markers since the last delta; see `columns` for what each value is. */
export interface SeriesDelta {
  /** Names of the values of one sample, in order; null when unchanged since the previous delta of this run. */
  columns: string[] | null;
  /** Simulated ms between samples. */
  intervalMs: number;
  /** Index (since the run began) of the first sample in `data`. */
  fromIndex: number;
  /** Samples in `data`. */
  count: number;
  /** `count` samples of `columns.length` values each, sample after sample; NaN where a column did not exist yet. */
  data: Float64Array;
  /** Markers new since the previous delta, oldest first. */
  markers: TimelineMarker[];
  /** True for the first delta of a run (a load, a re-run to seek backwards, a fork): forget older samples. */
  fresh: boolean;
}

const FAULT_TYPES = new Set([
  'consumer.crashed',
  'consumer.restarted',
  'consumer.slowed',
  'consumer.left',
  'consumer.added',
  'consumer.pollTimeout',
  'broker.crashed',
  'broker.restarted',
  'broker.slowFollower',
  'partition.offline',
  'partition.uncleanLeaderElected',
  'records.lost',
  'partition.truncated',
  'delivery.poisonKey',
  'worker.crashed',
  'worker.restarted',
]);

/** The sampling interval for a scenario of this length, ms. */
export function sampleIntervalMsFor(durationMs: number): number {
  const raw = Math.round(durationMs / SAMPLES_PER_RUN / INTERVAL_MS_MIN) * INTERVAL_MS_MIN;
  return Math.min(INTERVAL_MS_MAX, Math.max(INTERVAL_MS_MIN, raw));
}

export interface InsightRecorder {
  readonly intervalMs: number;
  /** Runs the simulation to `toMs`, sampling at every interval boundary on the way. */
  advance(sim: Simulation, toMs: number): void;
  /** Takes a sample now if the simulation passed a boundary without one (after a step). */
  catchUp(sim: Simulation): void;
  /** What the page has not received yet; null when nothing is new. */
  takeDelta(): SeriesDelta | null;
  /** Samples held, oldest first, with the index of the first: for the inspector's time estimates. */
  column(name: string): { firstIndex: number; values: number[] } | null;
  /** Simulated time of sample `index` (since the run began), ms. */
  timeOfIndex(index: number): number;
  /** The table as it is now, to go with a simulation checkpoint taken at the same instant. */
  save(): InsightRecorderState;
}

/** Running totals a sample's rates are computed from: those of the previous sample. */
interface PreviousTotals {
  timeMs: number;
  produced: number;
  processed: number;
  acknowledged: number;
  retried: number;
}

/**
 * A recorder's table at one instant, frozen (`recorder.save()`): restoring it with the
 * simulation checkpoint of the same instant continues sampling exactly as the original did.
 * Rows and markers are never changed once added, so a save shares them instead of copying.
 */
export interface InsightRecorderState {
  readonly intervalMs: number;
  readonly columns: readonly string[];
  readonly rows: readonly Float64Array[];
  readonly firstIndex: number;
  readonly nextSampleMs: number;
  readonly markers: readonly TimelineMarker[];
  readonly eventsSeen: number;
  readonly actionsSeen: number;
  readonly previous: Readonly<PreviousTotals> | null;
  readonly busyMsBefore: ReadonlyMap<string, number>;
}

/**
 * A recorder sampling every `intervalMs`, empty, or continuing from `from` (then its first delta
 * is fresh and carries the whole table, since the page held another timeline's).
 */
export function createInsightRecorder(intervalMs: number, from?: InsightRecorderState): InsightRecorder {
  if (from !== undefined && from.intervalMs !== intervalMs) throw new Error(`insight state sampled every ${from.intervalMs} ms cannot continue at ${intervalMs} ms`);
  const columns: string[] = from ? [...from.columns] : [];
  const columnIndex = new Map<string, number>(columns.map((name, i) => [name, i]));
  let rows: Float64Array[] = from ? [...from.rows] : [];
  let firstIndex = from?.firstIndex ?? 0;
  let nextSampleMs = from?.nextSampleMs ?? 0;
  let sentCount = 0;
  let sentColumns = 0;
  let fresh = true;
  let markers: TimelineMarker[] = from ? [...from.markers] : [];
  let markersSent = 0;
  let eventsSeen = from?.eventsSeen ?? 0;
  let actionsSeen = from?.actionsSeen ?? 0;
  let previous: PreviousTotals | null = from?.previous ? { ...from.previous } : null;
  const busyMsBefore = new Map<string, number>(from?.busyMsBefore);

  function col(name: string): number {
    let i = columnIndex.get(name);
    if (i === undefined) {
      i = columns.length;
      columns.push(name);
      columnIndex.set(name, i);
    }
    return i;
  }

  function addMarker(marker: TimelineMarker): void {
    markers.push(marker);
    if (markers.length > MARKERS_MAX + 200) {
      const drop = markers.length - MARKERS_MAX;
      markers = markers.slice(drop);
      markersSent = Math.max(0, markersSent - drop);
    }
  }

  function readMarkers(sim: Simulation, snapshot: Snapshot): void {
    const actions = sim.actions();
    const changeTimes = new Set<number>();
    for (let i = actionsSeen; i < actions.length; i++) {
      const action = actions[i]!;
      changeTimes.add(action.timeMs);
      addMarker({ timeMs: action.timeMs, kind: 'change', text: describeChange(action.change) });
    }
    actionsSeen = actions.length;
    const unseen = snapshot.eventsTotal - eventsSeen;
    eventsSeen = snapshot.eventsTotal;
    if (unseen <= 0) return;
    for (const event of sim.events(unseen)) {
      if (event.type === 'group.rebalanceStarted') addMarker({ timeMs: event.timeMs, kind: 'rebalance', text: event.text });
      else if (FAULT_TYPES.has(event.type) && !changeTimes.has(event.timeMs)) addMarker({ timeMs: event.timeMs, kind: 'fault', text: event.text });
    }
    markers.sort((a, b) => a.timeMs - b.timeMs);
  }

  function sample(sim: Simulation, timeMs: number): void {
    const snapshot = sim.snapshot();
    const m = snapshot.metrics;
    readMarkers(sim, snapshot);
    const values = new Map<number, number>();
    const put = (name: string, value: number) => values.set(col(name), value);
    let retried = 0;
    for (const g of Object.values(m.groups)) retried += g.retried;
    const now = { timeMs, produced: m.produced, processed: m.processed, acknowledged: m.acknowledged, retried };
    const dtSec = previous ? (timeMs - previous.timeMs) / 1000 : 0;
    const rate = (key: 'produced' | 'processed' | 'acknowledged' | 'retried') => (previous && dtSec > 0 ? (now[key] - previous[key]) / dtSec : 0);
    put('t', timeMs);
    put('in/s', rate('produced'));
    put('out/s', rate('processed'));
    put('acked/s', rate('acknowledged'));
    put('retries/s', rate('retried'));
    put('lag', m.lag.total);
    put('p50', m.latencyMs.p50);
    put('p99', m.latencyMs.p99);
    put('dlq', m.deadLettered);
    put('lost', m.lost);
    put('dup', m.duplicates);
    put('rebalances', m.rebalances.count);
    put('pending', m.pending);
    for (const topic of snapshot.topics) {
      for (const p of topic.partitions) put(`hw:${topic.name}-${p.partition}`, p.highWatermark);
    }
    for (const group of snapshot.groups) {
      let lagTotal = 0;
      let oldestMs = 0;
      for (const [topicName, lags] of Object.entries(group.lag)) {
        const committed = group.committed[topicName] ?? [];
        lags.forEach((lag, partition) => {
          const where = `${topicName}-${partition}`;
          lagTotal += lag;
          put(`g:${group.id}:lag:${where}`, lag);
          const offset = committed[partition] ?? -1;
          put(`g:${group.id}:committed:${where}`, offset);
          if (lag > 0) oldestMs = Math.max(oldestMs, timeMs - visibleSinceMs(`hw:${where}`, Math.max(0, offset), timeMs));
        });
      }
      put(`g:${group.id}:lagTotal`, lagTotal);
      put(`g:${group.id}:oldestMs`, oldestMs);
      let utilSum = 0;
      let utilMax = 0;
      for (const consumer of group.consumers) {
        const id = `${group.id}/${consumer.id}`;
        const busyMs = consumer.utilisation * timeMs;
        const before = busyMsBefore.get(id);
        busyMsBefore.set(id, busyMs);
        const util = before === undefined || dtSec <= 0 ? consumer.utilisation : Math.min(1, Math.max(0, (busyMs - before) / (dtSec * 1000)));
        utilSum += util;
        utilMax = Math.max(utilMax, util);
      }
      put(`g:${group.id}:util`, group.consumers.length > 0 ? utilSum / group.consumers.length : 0);
      put(`g:${group.id}:utilMax`, utilMax);
    }
    for (const [name, q] of Object.entries(m.queues ?? {})) {
      put(`q:${name}:depth`, q.depth);
      put(`q:${name}:oldestMs`, q.oldestAgeMs);
    }
    const row = new Float64Array(columns.length).fill(Number.NaN);
    for (const [i, value] of values) row[i] = value;
    rows.push(row);
    if (rows.length > INSIGHT_SAMPLES_MAX + 256) {
      // Dropped in blocks, so the cost of shifting is paid once per 256 samples.
      const drop = rows.length - INSIGHT_SAMPLES_MAX;
      rows = rows.slice(drop);
      firstIndex += drop;
    }
    previous = now;
  }

  /**
   * When the record at `offset` became visible (the high watermark first passed it), ms, from the
   * samples held: the oldest unprocessed record's age is measured from there, to one interval.
   */
  function visibleSinceMs(hwColumn: string, offset: number, nowMs: number): number {
    const c = columnIndex.get(hwColumn);
    if (c === undefined || rows.length === 0) return nowMs;
    let lo = 0;
    let hi = rows.length; // first row whose high watermark is above offset
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((rows[mid]![c] ?? Number.NaN) > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo < rows.length ? rows[lo]![0]! : nowMs;
  }

  const recorder: InsightRecorder = {
    intervalMs,
    advance(sim, toMs) {
      while (nextSampleMs <= toMs) {
        sim.runUntil(nextSampleMs);
        sample(sim, nextSampleMs);
        nextSampleMs += intervalMs;
      }
      sim.runUntil(toMs);
    },
    catchUp(sim) {
      while (nextSampleMs <= sim.now) {
        sample(sim, nextSampleMs);
        nextSampleMs += intervalMs;
      }
    },
    takeDelta() {
      const total = firstIndex + rows.length;
      const newMarkers = markers.length - markersSent;
      if (total === sentCount && newMarkers === 0 && !fresh) return null;
      const from = Math.max(sentCount, firstIndex);
      const width = columns.length;
      const count = total - from;
      const data = new Float64Array(count * width).fill(Number.NaN);
      for (let i = 0; i < count; i++) data.set(rows[from - firstIndex + i]!, i * width);
      const delta: SeriesDelta = {
        columns: fresh || width !== sentColumns ? [...columns] : null,
        intervalMs,
        fromIndex: from,
        count,
        data,
        markers: markers.slice(markersSent),
        fresh,
      };
      fresh = false;
      sentCount = total;
      sentColumns = width;
      markersSent = markers.length;
      return delta;
    },
    column(name) {
      const c = columnIndex.get(name);
      if (c === undefined) return null;
      return { firstIndex, values: rows.map((row) => row[c] ?? Number.NaN) };
    },
    timeOfIndex(index) {
      return index * intervalMs;
    },
    save() {
      return Object.freeze({
        intervalMs,
        columns: [...columns],
        rows: [...rows],
        firstIndex,
        nextSampleMs,
        markers: [...markers],
        eventsSeen,
        actionsSeen,
        previous: previous ? { ...previous } : null,
        busyMsBefore: new Map(busyMsBefore),
      });
    },
  };
  return recorder;
}

/** A change as a short sentence for a marker: "set-rate: producer checkout, ratePerSec 800". */
export function describeChange(change: Change): string {
  const fields = Object.entries(change)
    .filter(([name]) => name !== 'type')
    .map(([name, value]) => `${name} ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`);
  return fields.length > 0 ? `${change.type}: ${fields.join(', ')}` : change.type;
}
