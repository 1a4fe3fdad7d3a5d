import type { Metrics } from '../../engine';
import { formatCount, formatLatencyMs, formatRate } from '../format';
import { useThrottledAppStore } from '../hooks/useThrottledAppStore';
import type { FlowRates } from '../viz/rates';

interface Row {
  /** Stable id, also the test id `metric-<id>`. */
  id: string;
  label: string;
  /** What it means, one line: shown under the label and read with it. */
  hint: string;
  value(metrics: Metrics, rates: FlowRates | null): string;
}

const ROWS: Row[] = [
  { id: 'produced', label: 'Produced', hint: 'records the producers tried to send', value: (m) => formatCount(m.produced) },
  { id: 'acknowledged', label: 'Acknowledged', hint: 'records the cluster confirmed to the producer', value: (m) => formatCount(m.acknowledged) },
  { id: 'processed', label: 'Processed', hint: 'distinct records processed at least once', value: (m) => formatCount(m.processed) },
  { id: 'throughput-in', label: 'Throughput in', hint: 'records sent per simulated second, recently', value: (_, r) => formatRate(r?.producedPerSec ?? 0) },
  { id: 'throughput-out', label: 'Throughput out', hint: 'records processed per simulated second, recently', value: (_, r) => formatRate(r?.processedPerSec ?? 0) },
  { id: 'lag', label: 'Lag (total)', hint: 'high watermark − committed offset, summed over partitions', value: (m) => formatCount(m.lag.total) },
  { id: 'latency-p50', label: 'Latency p50', hint: 'send → first processing: half the records took less', value: (m) => formatLatencyMs(m.latencyMs.p50, m.processed) },
  { id: 'latency-p99', label: 'Latency p99', hint: 'send → first processing: 1 in 100 records took longer', value: (m) => formatLatencyMs(m.latencyMs.p99, m.processed) },
  { id: 'duplicates', label: 'Duplicates', hint: 'records whose processing ran more than once', value: (m) => formatCount(m.duplicates) },
  { id: 'lost', label: 'Lost', hint: 'acknowledged records that will never be processed', value: (m) => formatCount(m.lost) },
  { id: 'dead-lettered', label: 'Dead-lettered', hint: 'records given up on and sent to a dead-letter topic', value: (m) => formatCount(m.deadLettered) },
  { id: 'rebalances', label: 'Rebalances', hint: 'times the group re-divided its partitions', value: (m) => formatCount(m.rebalances.count) },
];

/** The run's summary numbers, live (refreshed a few times a second: see NUMBERS_REFRESH_MS). */
export function MetricsTable() {
  // The panels under the drawing refresh in the second lane, half an interval after it (see NumbersLane).
  const metrics = useThrottledAppStore((s) => s.snapshot?.metrics ?? null, 'second');
  const rates = useThrottledAppStore((s) => s.rates, 'second');
  const timeMs = useThrottledAppStore((s) => s.snapshot?.timeMs ?? 0, 'second');
  // Slow too, so the trace hash's time, status and value always come from one state.
  const status = useThrottledAppStore((s) => s.status, 'second');

  return (
    <section className="panel" aria-labelledby="metrics-title">
      <h3 id="metrics-title" className="panel-title">
        Live numbers
      </h3>
      <table className="metrics">
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.id} title={row.hint}>
              <th scope="row">
                <span className="metric-label">{row.label}</span>
                <span className="metric-hint">{row.hint}</span>
              </th>
              <td data-testid={`metric-${row.id}`}>{metrics ? row.value(metrics, rates) : '—'}</td>
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
