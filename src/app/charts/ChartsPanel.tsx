import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { deadLetterLines, latencyLines, partitionLags, queueDepthLines, retryLines, throughputLines, totalLagLines, utilisationLines } from './chartData';
import { LagMultiples } from './LagMultiples';
import { TimeChart } from './TimeChart';
import { formatCount, formatRate } from '../format';
import { useAppStore } from '../store';
import { columnOf, groupsOf } from '../insight/seriesTable';

const formatMs = (ms: number) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${formatCount(ms)} ms`);
const formatShare = (share: number) => `${Math.round(share * 100)}%`;

/** The run over time: lag, throughput, latency, failures and utilisation, markers on the time axis. */
export function ChartsPanel() {
  const insight = useAppStore((s) => s.insight);
  const table = useStore(insight, (s) => s.table);
  const groups = useMemo(() => groupsOf(table), [table]);
  const [chosen, setChosen] = useState<string | null>(null);
  const group = chosen !== null && groups.includes(chosen) ? chosen : (groups[0] ?? null);
  const times = useMemo(() => columnOf(table, 't'), [table]);
  const charts = useMemo(
    () => ({
      lags: group ? partitionLags(table, group) : [],
      totalLag: totalLagLines(table, groups),
      throughput: throughputLines(table),
      latency: latencyLines(table),
      retries: retryLines(table),
      deadLetters: deadLetterLines(table),
      utilisation: group ? utilisationLines(table, group) : [],
      queues: queueDepthLines(table),
    }),
    [table, group, groups],
  );
  const markers = table.markers;

  if (table.length === 0) return <p className="insight-empty">Charts appear as soon as the run has samples.</p>;
  return (
    <div className="charts">
      <p className="chart-key">
        Sampled every {table.intervalMs} ms of simulated time. Marks on the time axis: <span className="key key-rebalance">rebalance</span>{' '}
        <span className="key key-fault">fault</span> <span className="key key-change">your change</span>
        {groups.length > 1 && (
          <label className="inline-field">
            Group{' '}
            <select value={group ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {groups.map((g) => (
                <option key={g}>{g}</option>
              ))}
            </select>
          </label>
        )}
      </p>
      {group && <LagMultiples group={group} times={times} lags={charts.lags} />}
      <div className="chart-grid-2">
        {groups.length > 0 && <TimeChart id="total-lag" title="Total lag" summary="Records written but not yet committed, summed over partitions, per consumer group." times={times} lines={charts.totalLag} markers={markers} format={formatCount} yMaxAtLeast={5} />}
        {charts.queues.length > 0 && <TimeChart id="queue-depth" title="Queue depth" summary="Messages waiting in each queue." times={times} lines={charts.queues} markers={markers} format={formatCount} yMaxAtLeast={5} />}
        <TimeChart id="throughput" title="Throughput in and out" summary="Records produced and processed per simulated second: when out stays below in, lag grows." times={times} lines={charts.throughput} markers={markers} format={formatRate} />
        <TimeChart id="latency" title="End-to-end latency (since start)" summary="Send to first successful processing: the 50th and 99th percentiles of every record so far." times={times} lines={charts.latency} markers={markers} format={formatMs} />
        <TimeChart id="retries" title="Retry rate" summary="Deliveries after a failed attempt, per simulated second." times={times} lines={charts.retries} markers={markers} format={formatRate} />
        <TimeChart id="dead-letters" title="Dead-lettered and lost (total)" summary="Records sent to a dead-letter topic, and records lost, since the start." times={times} lines={charts.deadLetters} markers={markers} format={formatCount} yMaxAtLeast={5} />
        {group && <TimeChart id="utilisation" title={`Consumer utilisation, group ${group}`} summary="Share of each sample interval the consumers spent processing: the mean and the busiest one." times={times} lines={charts.utilisation} markers={markers} format={formatShare} yMaxAtLeast={1} />}
      </div>
    </div>
  );
}
