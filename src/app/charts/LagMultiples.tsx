import { memo, useMemo } from 'react';
import { lagSkew, type PartitionLagSeries } from './chartData';
import { ChartTable } from './ChartTable';
import { formatCount } from '../format';

/** Small multiples drawn at most; beyond, the partitions with the most lag now. */
const MULTIPLES_MAX = 24;
const WIDTH = 150;
const HEIGHT = 44;

/**
 * Lag per partition as small multiples on one shared scale, so a hot partition stands out; the
 * skew (largest over mean) says how uneven it is in one number.
 */
export const LagMultiples = memo(function LagMultiples({ group, times, lags }: { group: string; times: readonly number[]; lags: readonly PartitionLagSeries[] }) {
  const yMax = Math.max(1, ...lags.map((l) => l.max));
  const skew = lagSkew(lags);
  const shown = useMemo(() => (lags.length <= MULTIPLES_MAX ? lags : [...lags].sort((a, b) => b.latest - a.latest).slice(0, MULTIPLES_MAX)), [lags]);
  const hottest = Math.max(0, ...lags.map((l) => l.latest));
  const tMin = times[0] ?? 0;
  const tSpan = Math.max(1, (times[times.length - 1] ?? 0) - tMin);
  const lines = useMemo(() => lags.map((l) => ({ name: l.partition, values: l.values, colour: 'var(--chart-in)' })), [lags]);
  const title = `Lag per partition, group ${group}`;

  return (
    <figure className="chart" data-testid="chart-partition-lag" data-samples={times.length}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="chart-note" data-testid="lag-skew">
          {Number.isFinite(skew) ? `skew ${skew.toFixed(1)}× (largest ÷ mean)` : 'no lag'}
        </span>
      </figcaption>
      <ul className="multiples">
        {shown.map((l) => {
          const points = l.values
            .map((v, i) => (Number.isFinite(v) ? `${(((times[i]! - tMin) / tSpan) * WIDTH).toFixed(1)},${(HEIGHT - (v / yMax) * HEIGHT).toFixed(1)}` : null))
            .filter((p): p is string => p !== null);
          const hot = l.latest === hottest && hottest > 0;
          return (
            <li key={l.partition} className={hot ? 'multiple multiple-hot' : 'multiple'}>
              <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`${l.partition}: lag ${formatCount(l.latest)} now, at most ${formatCount(l.max)}`}>
                <polyline points={points.join(' ')} className="multiple-line" />
              </svg>
              <span className="multiple-name">{l.partition}</span>
              <span className="multiple-value">{formatCount(l.latest)}</span>
            </li>
          );
        })}
      </ul>
      {lags.length > shown.length && <p className="chart-note">Showing the {shown.length} partitions with the most lag of {lags.length}.</p>}
      <ChartTable title={title} times={times} lines={lines} format={formatCount} />
    </figure>
  );
});
