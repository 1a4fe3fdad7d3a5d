/**
 * The pure part of a time chart: scales, line paths and which sample is nearest a pointer, so
 * that drawing is one memoised computation per new batch of samples and can be tested in Node.
 */
import { line, scaleLinear } from 'd3';

/** One line of a chart. */
export interface ChartLine {
  /** Legend and table heading, e.g. "orders-3". */
  name: string;
  values: readonly number[];
  /** Stroke colour (a CSS colour or var()). */
  colour: string;
  /** Drawn dashed: the compared run, or a cumulative figure beside a rate. */
  dashed?: boolean;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axes' labels, px. */
  marginLeft: number;
  marginBottom: number;
  marginTop: number;
  marginRight: number;
}

/** The margins every time chart leaves for its axes, px: charts that line up read as one dashboard. */
export const CHART_MARGINS = { marginLeft: 52, marginRight: 12, marginTop: 10, marginBottom: 24 } as const;

export interface ChartGeometry {
  /** SVG path data per line, in the lines' order. */
  paths: string[];
  /** x position of each sample, px. */
  xs: number[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  /** Simulated time → px. */
  xOf(timeMs: number): number;
  yOf(value: number): number;
  yMax: number;
}

/** Most points a path gets: more samples than pixels only cost drawing time. */
const POINTS_MAX = 600;

export function chartGeometry(times: readonly number[], lines: readonly ChartLine[], box: ChartBox, format: (value: number) => string, yMaxAtLeast = 0): ChartGeometry {
  const x0 = box.marginLeft;
  const x1 = Math.max(x0 + 10, box.width - box.marginRight);
  const y0 = box.height - box.marginBottom;
  const y1 = box.marginTop;
  const tMax = times.length > 0 ? times[times.length - 1]! : 1;
  const tMin = times.length > 0 ? times[0]! : 0;
  let yMax = yMaxAtLeast;
  for (const l of lines) for (const v of l.values) if (Number.isFinite(v) && v > yMax) yMax = v;
  if (yMax <= 0) yMax = 1;
  const x = scaleLinear().domain([tMin, Math.max(tMin + 1, tMax)]).range([x0, x1]);
  const y = scaleLinear().domain([0, yMax]).range([y0, y1]).nice(4);
  const stride = Math.max(1, Math.ceil(times.length / POINTS_MAX));
  const indexes: number[] = [];
  for (let i = 0; i < times.length; i += stride) indexes.push(i);
  if (times.length > 0 && indexes[indexes.length - 1] !== times.length - 1) indexes.push(times.length - 1);
  const paths = lines.map((l) =>
    line<number>()
      .defined((i) => Number.isFinite(l.values[i]))
      .x((i) => x(times[i]!))
      .y((i) => y(l.values[i]!))(indexes) ?? '',
  );
  return {
    paths,
    xs: times.map((t) => x(t)),
    xTicks: x.ticks(Math.max(2, Math.floor((x1 - x0) / 90))).map((t) => ({ x: x(t), label: `${formatSeconds(t)}` })),
    yTicks: y.ticks(4).map((v) => ({ y: y(v), label: format(v) })),
    xOf: (t) => x(t),
    yOf: (v) => y(v),
    yMax: y.domain()[1]!,
  };
}

/** The sample nearest to an x position, or -1 with no samples. */
export function nearestIndex(xs: readonly number[], px: number): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < px) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(xs[lo - 1]! - px) <= Math.abs(xs[lo]! - px)) return lo - 1;
  return lo;
}

/** "12 s", "1.5 s", "2 min 30 s": axis labels of simulated time. */
export function formatSeconds(timeMs: number): string {
  const seconds = timeMs / 1000;
  if (seconds < 120) return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Row indexes for a table fallback: every sample up to `rowsMax`, else evenly spaced ones and the last. */
export function tableRows(length: number, rowsMax: number): number[] {
  if (length <= rowsMax) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (rowsMax - 1);
  return Array.from({ length: rowsMax }, (_, i) => Math.round(i * step));
}
