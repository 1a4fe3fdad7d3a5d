/**
 * The dashboard's figures and the learner's alert rules: what operators watch in production
 * (lag or depth, the oldest message's age, throughput, retries, dead letters, latency), read from
 * the chart samples, and whether each rule fires now and since when.
 */
import { columnOf, columnsWith, type SeriesTable } from '../insight/seriesTable';

export type DashboardMetric = 'lag' | 'oldestAgeMs' | 'inPerSec' | 'outPerSec' | 'retriesPerSec' | 'deadLettered' | 'p99Ms';

export interface MetricSpec {
  id: DashboardMetric;
  label: string;
  /** Unit shown beside the threshold input. */
  unit: string;
  /** Whether the alert fires when the figure goes above the threshold or below it. */
  fires: 'above' | 'below';
  /** One line on what it means for a real pipeline. */
  hint: string;
}

export const DASHBOARD_METRICS: readonly MetricSpec[] = [
  { id: 'lag', label: 'Lag / queue depth', unit: 'records', fires: 'above', hint: 'Work written but not yet done: the backlog.' },
  { id: 'oldestAgeMs', label: 'Oldest message age', unit: 'ms', fires: 'above', hint: 'How long the oldest waiting record has waited: what an SLA is about.' },
  { id: 'inPerSec', label: 'Throughput in', unit: 'per s', fires: 'above', hint: 'Records produced per simulated second.' },
  { id: 'outPerSec', label: 'Throughput out', unit: 'per s', fires: 'below', hint: 'Records processed per simulated second; alerts when it drops below.' },
  { id: 'retriesPerSec', label: 'Retry rate', unit: 'per s', fires: 'above', hint: 'Deliveries after a failure, per simulated second.' },
  { id: 'deadLettered', label: 'Dead-letter volume', unit: 'records', fires: 'above', hint: 'Records sent to a dead-letter topic so far.' },
  { id: 'p99Ms', label: 'End-to-end latency p99', unit: 'ms', fires: 'above', hint: 'Send to first successful processing, 99th percentile, since the start.' },
];

/** Each figure over time, from the sample table (sums over groups and queues where there are several). */
export function dashboardSeries(table: SeriesTable): Record<DashboardMetric, number[]> {
  const sum = (names: string[]) => {
    const out = new Array<number>(table.length).fill(0);
    for (const name of names) columnOf(table, name).forEach((v, i) => (out[i]! += Number.isFinite(v) ? v : 0));
    return out;
  };
  const max = (names: string[]) => {
    const out = new Array<number>(table.length).fill(0);
    for (const name of names) columnOf(table, name).forEach((v, i) => (out[i] = Math.max(out[i]!, Number.isFinite(v) ? v : 0)));
    return out;
  };
  const depth = columnsWith(table, 'q:').filter((n) => n.endsWith(':depth'));
  const lagTotals = columnsWith(table, 'g:').filter((n) => n.endsWith(':lagTotal'));
  const ages = [...columnsWith(table, 'g:'), ...columnsWith(table, 'q:')].filter((n) => n.endsWith(':oldestMs'));
  return {
    lag: sum([...lagTotals, ...depth]),
    oldestAgeMs: max(ages),
    inPerSec: [...columnOf(table, 'in/s')],
    outPerSec: [...columnOf(table, 'out/s')],
    retriesPerSec: [...columnOf(table, 'retries/s')],
    deadLettered: [...columnOf(table, 'dlq')],
    p99Ms: [...columnOf(table, 'p99')],
  };
}

export interface AlertState {
  metric: DashboardMetric;
  firing: boolean;
  /** Simulated time since which it has fired without a break, ms; null when not firing. */
  sinceMs: number | null;
}

/** Whether each rule with a threshold fires at the latest sample, and since when. */
export function evaluateAlerts(times: readonly number[], series: Record<DashboardMetric, readonly number[]>, thresholds: Partial<Record<DashboardMetric, number>>): AlertState[] {
  const out: AlertState[] = [];
  for (const spec of DASHBOARD_METRICS) {
    const threshold = thresholds[spec.id];
    if (threshold === undefined || !Number.isFinite(threshold)) continue;
    const values = series[spec.id];
    const breaches = (v: number | undefined) => v !== undefined && Number.isFinite(v) && (spec.fires === 'above' ? v > threshold : v < threshold);
    let i = values.length - 1;
    if (!breaches(values[i])) {
      out.push({ metric: spec.id, firing: false, sinceMs: null });
      continue;
    }
    while (i > 0 && breaches(values[i - 1])) i--;
    out.push({ metric: spec.id, firing: true, sinceMs: times[i] ?? null });
  }
  return out;
}
