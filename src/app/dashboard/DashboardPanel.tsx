import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { DASHBOARD_METRICS, dashboardSeries, evaluateAlerts, type DashboardMetric } from './alerts';
import { formatCount, formatRate, formatSimTime } from '../format';
import { useAppStore } from '../store';
import { columnOf } from '../insight/seriesTable';
import { LagHealth } from '../knobs/LagHealth';

function formatFigure(metric: DashboardMetric, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (metric === 'inPerSec' || metric === 'outPerSec' || metric === 'retriesPerSec') return formatRate(value);
  if (metric === 'oldestAgeMs' || metric === 'p99Ms') return value < 10 ? `${value.toFixed(1)} ms` : `${formatCount(value)} ms`;
  return formatCount(value);
}

/**
 * What an operator watches, as tiles, each with an alert threshold the learner sets. A rule that
 * fires turns its tile red and is announced once (a polite live region), not on every sample.
 */
export function DashboardPanel() {
  const insight = useAppStore((s) => s.insight);
  const table = useStore(insight, (s) => s.table);
  const thresholds = useStore(insight, (s) => s.thresholds);
  const setThreshold = useStore(insight, (s) => s.setThreshold);
  const series = useMemo(() => dashboardSeries(table), [table]);
  const times = useMemo(() => columnOf(table, 't'), [table]);
  const alerts = useMemo(() => evaluateAlerts(times, series, thresholds), [times, series, thresholds]);
  const firing = alerts.filter((a) => a.firing);
  const firingKey = firing.map((a) => a.metric).join(',');
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef('');

  useEffect(() => {
    if (firingKey === previous.current) return;
    const started = firing.filter((a) => !previous.current.split(',').includes(a.metric));
    previous.current = firingKey;
    if (started.length > 0) {
      setAnnouncement(started.map((a) => `Alert: ${DASHBOARD_METRICS.find((m) => m.id === a.metric)!.label} crossed its threshold at ${formatSimTime(a.sinceMs ?? 0)}.`).join(' '));
    } else if (firing.length === 0) {
      setAnnouncement('All alerts clear.');
    }
  }, [firingKey, firing]);

  return (
    <div className="dashboard">
      <p className="chart-note">
        Like an operator's board: the latest sample at {formatSimTime(times[times.length - 1] ?? 0)}. Oldest message age is measured from when the oldest uncommitted
        record became visible (high watermark samples), to within {table.intervalMs} ms.
      </p>
      <GroupLagStatuses />
      <div role="status" aria-live="polite" className="alert-announcer" data-testid="alert-announcer">
        {announcement}
      </div>
      <ul className="tiles">
        {DASHBOARD_METRICS.map((spec) => {
          const values = series[spec.id];
          const value = values[values.length - 1];
          const alert = alerts.find((a) => a.metric === spec.id);
          const inputId = `threshold-${spec.id}`;
          return (
            <li key={spec.id} className={alert?.firing ? 'tile tile-firing' : 'tile'} data-testid={`tile-${spec.id}`} data-firing={alert?.firing ? 'true' : 'false'}>
              <span className="tile-label">{spec.label}</span>
              <span className="tile-value">{formatFigure(spec.id, value)}</span>
              <span className="tile-hint">{spec.hint}</span>
              <label className="tile-threshold" htmlFor={inputId}>
                Alert when {spec.fires} ({spec.unit})
              </label>
              <input
                id={inputId}
                type="number"
                min={0}
                inputMode="decimal"
                value={thresholds[spec.id] ?? ''}
                onChange={(e) => setThreshold(spec.id, e.target.value === '' ? undefined : Number(e.target.value))}
              />
              <span className="tile-status">{alert === undefined ? 'No alert set' : alert.firing ? `FIRING since ${formatSimTime(alert.sinceMs ?? 0)}` : 'OK'}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Each consumer group's lag status by Burrow's rules: what a lag monitor pages on. */
function GroupLagStatuses() {
  // A joined string, not an array: the selector must return an equal value while the groups stay the same.
  const groupIds = useAppStore((s) => Object.keys(s.snapshot?.metrics.groups ?? {}).join('\n'));
  if (groupIds === '') return null;
  return (
    <div className="dashboard-lag-status">
      {groupIds.split('\n').map((id) => (
        <div key={id}>
          <span className="tile-label">Group {id}</span> <LagHealth groupId={id} place="dashboard" />
        </div>
      ))}
    </div>
  );
}
