import { useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { CHART_MARGINS, chartGeometry, formatSeconds, nearestIndex, type ChartLine } from './chartGeometry';
import { ChartTable } from './ChartTable';
import { ExportButtons } from './ExportButtons';
import { MarkerLayer } from './MarkerLayer';
import { useElementWidth } from '../hooks/useElementWidth';
import type { TimelineMarker } from '../../worker/insightRecorder';
import { ChartAxes } from './ChartAxes';

export interface TimeChartProps {
  /** Stable id: file names of exports, and test ids ("chart-<id>"). */
  id: string;
  title: string;
  /** One sentence saying what the chart shows: its accessible description. */
  summary: string;
  /** Simulated time of each sample, ms. */
  times: readonly number[];
  lines: readonly ChartLine[];
  markers: readonly TimelineMarker[];
  format: (value: number) => string;
  /** The y axis reaches at least this (so 0..1 shares stay 0..1). */
  yMaxAtLeast?: number;
  height?: number;
}

const BOX = CHART_MARGINS;

/**
 * A line chart over simulated time, with rebalances, faults and changes marked on the time axis.
 * Hover or arrow keys read the values at a time; "Show as table" gives the same numbers as a table.
 * It redraws only when its samples or its width change.
 */
export function TimeChart({ id, title, summary, times, lines, markers, format, yMaxAtLeast = 0, height = 180 }: TimeChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useElementWidth(ref, 480);
  const [hover, setHover] = useState<number | null>(null);
  const titleId = useId();
  const descId = useId();
  const geometry = useMemo(() => chartGeometry(times, lines, { ...BOX, width, height }, format, yMaxAtLeast), [times, lines, width, height, format, yMaxAtLeast]);
  const index = hover !== null && hover < times.length ? hover : times.length - 1;

  function onPointerMove(event: PointerEvent<SVGSVGElement>) {
    const left = event.currentTarget.getBoundingClientRect().left;
    setHover(nearestIndex(geometry.xs, event.clientX - left));
  }

  function onKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    const last = times.length - 1;
    const current = hover ?? last;
    const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setHover(Math.max(0, Math.min(last, next)));
  }

  const readout =
    index >= 0
      ? `${formatSeconds(times[index]!)}: ${lines.map((l) => `${l.name} ${Number.isFinite(l.values[index]) ? format(l.values[index]!) : '–'}`).join(' · ')}`
      : 'No samples yet.';

  return (
    <figure className="chart" data-testid={`chart-${id}`} data-samples={times.length}>
      <figcaption className="chart-head">
        <span id={titleId} className="chart-title">
          {title}
        </span>
        <ExportButtons id={id} title={title} svgRef={svgRef} times={times} lines={lines} />
      </figcaption>
      <p id={descId} className="visually-hidden">
        {summary}
      </p>
      <div ref={ref} className="chart-plot">
        <svg
          ref={svgRef}
          className="chart-svg"
          width={width}
          height={height}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          tabIndex={0}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
          onKeyDown={onKeyDown}
        >
          <ChartAxes xTicks={geometry.xTicks} yTicks={geometry.yTicks} left={BOX.marginLeft} right={width - BOX.marginRight} height={height} />
          <MarkerLayer markers={markers} xOf={geometry.xOf} top={BOX.marginTop} bottom={height - BOX.marginBottom} fromMs={times[0] ?? 0} toMs={times[times.length - 1] ?? 0} />
          {geometry.paths.map((d, i) => (
            <path key={lines[i]!.name} d={d} className="chart-line" stroke={lines[i]!.colour} strokeDasharray={lines[i]!.dashed ? '5 3' : undefined} />
          ))}
          {hover !== null && index >= 0 && <line className="chart-cursor" x1={geometry.xs[index]} x2={geometry.xs[index]} y1={BOX.marginTop} y2={height - BOX.marginBottom} />}
        </svg>
      </div>
      <p className="chart-readout" data-testid={`chart-${id}-readout`}>
        {readout}
      </p>
      {lines.length > 1 && (
        <ul className="chart-legend">
          {lines.map((l) => (
            <li key={l.name}>
              <span className={l.dashed ? 'chart-swatch chart-swatch-dashed' : 'chart-swatch'} style={{ borderColor: l.colour }} aria-hidden="true" />
              {l.name}
            </li>
          ))}
        </ul>
      )}
      <ChartTable title={title} times={times} lines={lines} format={format} />
    </figure>
  );
}
