/**
 * The page's copy of the worker's chart samples (see worker/insightRecorder.ts): one array per
 * column, bounded like the worker's table. Each delta makes a new table object, so views can memoise on identity and redraw only when samples arrive.
 */
import { INSIGHT_SAMPLES_MAX, MARKERS_MAX, type SeriesDelta, type TimelineMarker } from '../../worker/insightRecorder';

export interface SeriesTable {
  /** Column names in the worker's order ("t" first). */
  readonly columns: readonly string[];
  /** Values by column name; every array has `length` entries, NaN before a column existed. */
  readonly values: ReadonlyMap<string, readonly number[]>;
  /** Samples held. */
  readonly length: number;
  /** Index (since the run began) of the oldest sample held. */
  readonly firstIndex: number;
  /** Simulated ms between samples. */
  readonly intervalMs: number;
  readonly markers: readonly TimelineMarker[];
}

export const EMPTY_TABLE: SeriesTable = { columns: [], values: new Map(), length: 0, firstIndex: 0, intervalMs: 100, markers: [] };

export function applyDelta(table: SeriesTable, delta: SeriesDelta): SeriesTable {
  const base = delta.fresh ? EMPTY_TABLE : table;
  const columns = delta.columns ?? base.columns;
  const width = columns.length;
  const values = new Map<string, number[]>();
  // Samples already held from fromIndex on are replaced (a re-send), never duplicated.
  const keep = Math.max(0, Math.min(base.length, delta.fromIndex - base.firstIndex));
  for (const [c, name] of columns.entries()) {
    const before = (base.values.get(name) as number[] | undefined) ?? new Array<number>(base.length).fill(Number.NaN);
    // Copied, not extended in place: a table a view still holds never changes under it.
    const column = before.slice(0, keep);
    for (let i = 0; i < delta.count; i++) column.push(delta.data[i * width + c] ?? Number.NaN);
    values.set(name, column);
  }
  let length = keep + delta.count;
  let firstIndex = delta.fresh ? delta.fromIndex : base.firstIndex;
  if (length > INSIGHT_SAMPLES_MAX) {
    const drop = length - INSIGHT_SAMPLES_MAX;
    for (const [name, column] of values) values.set(name, column.slice(drop));
    length -= drop;
    firstIndex += drop;
  }
  const markers = [...base.markers, ...delta.markers].slice(-MARKERS_MAX);
  return { columns, values, length, firstIndex, intervalMs: delta.intervalMs, markers };
}

/** A column's values, or an array of NaN when the run has no such column. */
export function columnOf(table: SeriesTable, name: string): readonly number[] {
  return table.values.get(name) ?? new Array<number>(table.length).fill(Number.NaN);
}

/** Column names that start with `prefix`, in the worker's order. */
export function columnsWith(table: SeriesTable, prefix: string): string[] {
  return table.columns.filter((name) => name.startsWith(prefix));
}

/** The consumer groups the run has, from the columns' names. */
export function groupsOf(table: SeriesTable): string[] {
  return columnsWith(table, 'g:')
    .filter((name) => name.endsWith(':lagTotal'))
    .map((name) => name.slice(2, -':lagTotal'.length));
}

/** The latest value of a column, or NaN. */
export function latest(table: SeriesTable, name: string): number {
  const column = table.values.get(name);
  return column && column.length > 0 ? column[column.length - 1]! : Number.NaN;
}
