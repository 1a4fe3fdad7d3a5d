/** A time chart's grid, y labels and x labels: the same for every chart, so they all read alike. */
export function ChartAxes({
  xTicks,
  yTicks,
  left,
  right,
  height,
}: {
  xTicks: readonly { x: number; label: string }[];
  yTicks: readonly { y: number; label: string }[];
  /** x of the plot's left edge (the y labels sit just left of it), px. */
  left: number;
  /** x of the plot's right edge, px. */
  right: number;
  /** The whole chart's height (the x labels sit at its bottom), px. */
  height: number;
}) {
  return (
    <g className="chart-axis">
      {yTicks.map((tick) => (
        <g key={tick.y}>
          <line className="chart-grid" x1={left} x2={right} y1={tick.y} y2={tick.y} />
          <text x={left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle">
            {tick.label}
          </text>
        </g>
      ))}
      {xTicks.map((tick) => (
        <text key={tick.x} x={tick.x} y={height - 6} textAnchor="middle">
          {tick.label}
        </text>
      ))}
    </g>
  );
}
