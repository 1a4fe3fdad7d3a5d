/**
 * CSV for exports (RFC 4180): a header row, then one row per sample; fields that hold a comma,
 * quote or line break are quoted. Numbers are written in full; NaN (a column that did not exist
 * yet) becomes an empty field.
 */
import type { Metrics } from '../../engine';
import type { SeriesTable } from '../insight/seriesTable';

export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Every sample of the chosen columns (all by default), "t" (simulated ms) first. */
export function seriesCsv(table: SeriesTable, columns: readonly string[] = table.columns): string {
  const names = ['t', ...columns.filter((c) => c !== 't')];
  const arrays = names.map((name) => table.values.get(name) ?? []);
  const rows: number[][] = [];
  for (let i = 0; i < table.length; i++) rows.push(arrays.map((a) => a[i] ?? Number.NaN));
  return toCsv(names.map((n) => (n === 't' ? 'time_ms' : n)), rows);
}

/** The summary metrics as `metric,value` rows, nested fields joined with dots (lag.total, groups.billing.lost). */
export function metricsCsv(metrics: Metrics): string {
  const rows: [string, string | number][] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(`${prefix}.${i}`, v));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    else rows.push([prefix, typeof value === 'number' ? value : String(value)]);
  };
  walk('', metrics);
  return toCsv(['metric', 'value'], rows);
}
