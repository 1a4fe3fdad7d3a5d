import { formatCount } from '../format';
import { useThrottledAppStore } from '../hooks/useThrottledAppStore';

/** Bars never scale below this lag, so a handful of records does not look like a crisis. */
const LAG_SCALE_MIN = 20;

/** Lag of the first consumer group, one bar per partition: where the backlog is. */
export function PartitionLag() {
  const group = useThrottledAppStore((s) => s.snapshot?.groups[0] ?? null, 'second');
  if (!group) return null;
  const bars = Object.entries(group.lag).flatMap(([topic, lags]) =>
    lags.map((lag, partition) => ({ key: `${topic}-${partition}`, lag })),
  );
  const lagMax = Math.max(0, ...bars.map((bar) => bar.lag));
  const scale = Math.max(LAG_SCALE_MIN, lagMax);

  return (
    <section className="panel" aria-labelledby="lag-title">
      <h3 id="lag-title" className="panel-title">
        Lag by partition <span className="panel-subtitle">group {group.id}</span>
      </h3>
      <ul className="lag-bars">
        {bars.map((bar) => (
          <li key={bar.key} className={bar.lag === lagMax && lagMax > LAG_SCALE_MIN ? 'lag-bar lag-bar-hot' : 'lag-bar'}>
            <span className="lag-name">{bar.key}</span>
            <span className="lag-track" aria-hidden="true">
              <span className="lag-fill" style={{ transform: `scaleX(${bar.lag / scale})` }} />
            </span>
            <span className="lag-value">{formatCount(bar.lag)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
