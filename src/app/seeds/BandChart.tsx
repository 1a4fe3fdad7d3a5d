import { useId, useMemo, useRef } from 'react';
import { area } from 'd3';
import { CHART_MARGINS, chartGeometry, formatSeconds, type ChartLine } from '../charts/chartGeometry';
import { ChartTable } from '../charts/ChartTable';
import { ExportButtons } from '../charts/ExportButtons';
import { useElementWidth } from '../hooks/useElementWidth';
import type { Band } from './seedBand';
import { ChartAxes } from '../charts/ChartAxes';

const BOX = CHART_MARGINS;
const HEIGHT_PX = 200;

/**
 * A median line inside a shaded min–max band over simulated time: where the band is wide the
 * seed (chance) decides, where it is narrow the scenario (design) does. The same numbers are in
 * "Show as table", and the last instant is read out in text.
 */
export function BandChart({ id, title, summary, band, format }: { id: string; title: string; summary: string; band: Band; format: (value: number) => string }) {
  const ref = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useElementWidth(ref, 480);
  const titleId = useId();
  const descId = useId();
  // Min and max are lines too, so the table and the CSV carry the whole band.
  const lines = useMemo<ChartLine[]>(
    () => [
      { name: 'median', values: band.median, colour: 'var(--chart-in)' },
      { name: 'min', values: band.min, colour: 'var(--chart-in)', dashed: true },
      { name: 'max', values: band.max, colour: 'var(--chart-in)', dashed: true },
    ],
    [band],
  );
  const geometry = useMemo(() => chartGeometry(band.timesMs, lines, { ...BOX, width, height: HEIGHT_PX }, format), [band, lines, width, format]);
  const bandPath = useMemo(
    () =>
      area<number>()
        .defined((i) => Number.isFinite(band.min[i]) && Number.isFinite(band.max[i]))
        .x((i) => geometry.xOf(band.timesMs[i]!))
        .y0((i) => geometry.yOf(band.min[i]!))
        .y1((i) => geometry.yOf(band.max[i]!))(band.timesMs.map((_, i) => i)) ?? '',
    [band, geometry],
  );
  const last = band.timesMs.length - 1;
  const readout = last >= 0 ? `${formatSeconds(band.timesMs[last]!)}: median ${format(band.median[last]!)}, range ${format(band.min[last]!)} to ${format(band.max[last]!)}` : 'No samples.';

  return (
    <figure className="chart" data-testid={`chart-${id}`} data-samples={band.timesMs.length}>
      <figcaption className="chart-head">
        <span id={titleId} className="chart-title">
          {title}
        </span>
        <ExportButtons id={id} title={title} svgRef={svgRef} times={band.timesMs} lines={lines} />
      </figcaption>
      <p id={descId} className="visually-hidden">
        {summary}
      </p>
      <div ref={ref} className="chart-plot">
        <svg ref={svgRef} className="chart-svg" width={width} height={HEIGHT_PX} role="img" aria-labelledby={titleId} aria-describedby={descId}>
          <ChartAxes xTicks={geometry.xTicks} yTicks={geometry.yTicks} left={BOX.marginLeft} right={width - BOX.marginRight} height={HEIGHT_PX} />
          <path d={bandPath} className="chart-band" fill="var(--chart-in)" fillOpacity={0.2} stroke="none" />
          <path d={geometry.paths[0]} className="chart-line" stroke="var(--chart-in)" />
        </svg>
      </div>
      <p className="chart-readout" data-testid={`chart-${id}-readout`}>
        {readout}
      </p>
      <ul className="chart-legend">
        <li>
          <span className="chart-swatch" style={{ borderColor: 'var(--chart-in)' }} aria-hidden="true" />
          median
        </li>
        <li>
          <span className="chart-swatch" style={{ borderColor: 'var(--chart-in)', background: 'var(--chart-in)', opacity: 0.3 }} aria-hidden="true" />
          min–max across seeds
        </li>
      </ul>
      <ChartTable title={title} times={band.timesMs} lines={lines} format={format} />
    </figure>
  );
}
