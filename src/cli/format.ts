import type { EngineEvent, Metrics } from '../engine';

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The metrics as an aligned, readable table for a terminal. */
export function formatMetricsTable(title: string, seed: number, m: Metrics): string {
  const rows: [string, string][] = [
    ['simulated time', `${fmt(m.timeMs / 1000, 3)} s`],
    ['seed', String(seed)],
    ['events', fmt(m.events)],
    ['produced', fmt(m.produced)],
    ['acknowledged', fmt(m.acknowledged)],
    ['delivered', fmt(m.delivered)],
    ['processed', fmt(m.processed)],
    ['duplicates', fmt(m.duplicates)],
    ['redelivered', fmt(m.redelivered)],
    ['lost', fmt(m.lost)],
    ['dead-lettered', fmt(m.deadLettered)],
    ['pending', fmt(m.pending)],
    ['lag total / max', `${fmt(m.lag.total)} / ${fmt(m.lag.max)}`],
    ['lag per partition', m.lag.perPartition.map((l) => fmt(l)).join(' ')],
    ['latency mean', `${fmt(m.latencyMs.mean, 2)} ms`],
    ['latency p50 / p95 / p99', `${fmt(m.latencyMs.p50, 2)} / ${fmt(m.latencyMs.p95, 2)} / ${fmt(m.latencyMs.p99, 2)} ms`],
    ['rebalances', `${m.rebalances.count} (paused ${fmt(m.rebalances.totalPauseMs)} ms)`],
    ['trace hash', m.traceHash],
  ];
  for (const [id, g] of Object.entries(m.groups)) {
    if (Object.keys(m.groups).length > 1) {
      rows.push([`group ${id}`, `processed ${fmt(g.processed)}, lag ${fmt(g.lag.total)}, lost ${fmt(g.lost)}, duplicates ${fmt(g.duplicates)}`]);
    }
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  return [title, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n');
}

/** The engine's event log, one line per entry: simulated time, then what happened. */
export function formatEventLog(events: readonly EngineEvent[], eventsTotal: number): string {
  const heading =
    events.length < eventsTotal ? `Event log (the last ${fmt(events.length)} of ${fmt(eventsTotal)} entries)` : 'Event log';
  const lines = events.map((e) => `  ${`${fmt(e.timeMs / 1000, 3)} s`.padStart(12)}  ${e.text}`);
  return [heading, ...lines].join('\n');
}
