import type { Metrics } from '../../engine';
import { formatCount, formatLatencyMs } from '../format';
import { useAppStore } from '../store';

interface Row {
  /** Stable id, also the test id `metric-<id>`. */
  id: string;
  label: string;
  hint: string;
  value(metrics: Metrics): string;
}

const ROWS: Row[] = [
  { id: 'produced', label: 'Produced', hint: 'records the producers tried to send', value: (m) => formatCount(m.produced) },
  { id: 'acknowledged', label: 'Acknowledged', hint: 'records the cluster confirmed', value: (m) => formatCount(m.acknowledged) },
  { id: 'processed', label: 'Processed', hint: 'distinct records processed at least once', value: (m) => formatCount(m.processed) },
  { id: 'lag', label: 'Lag (total)', hint: 'high watermark − committed offset, summed', value: (m) => formatCount(m.lag.total) },
  { id: 'latency-p50', label: 'Latency p50', hint: 'send → first processing, median', value: (m) => formatLatencyMs(m.latencyMs.p50, m.processed) },
  { id: 'latency-p99', label: 'Latency p99', hint: 'send → first processing, 99th percentile', value: (m) => formatLatencyMs(m.latencyMs.p99, m.processed) },
];

/** The run's summary numbers, live. */
export function MetricsTable() {
  const metrics = useAppStore((s) => s.snapshot?.metrics ?? null);
  const timeMs = useAppStore((s) => s.snapshot?.timeMs ?? 0);
  const status = useAppStore((s) => s.status);

  return (
    <section className="panel" aria-labelledby="metrics-title">
      <h3 id="metrics-title" className="panel-title">
        Metrics
      </h3>
      <table className="metrics">
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <span className="metric-label">{row.label}</span>
                <span className="metric-hint">{row.hint}</span>
              </th>
              <td data-testid={`metric-${row.id}`}>{metrics ? row.value(metrics) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="trace">
        <p className="trace-label">
          <span className="metric-label">Trace hash</span>
          <span className="metric-hint">same scenario and seed, same hash</span>
        </p>
        <code className="trace-hash" data-testid="trace-hash" data-time-ms={timeMs} data-status={status}>
          {metrics ? metrics.traceHash : '—'}
        </code>
      </div>
    </section>
  );
}
