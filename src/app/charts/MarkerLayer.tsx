import { memo } from 'react';
import type { TimelineMarker } from '../../worker/insightRecorder';

/** Most markers drawn on one chart; a long churny run keeps its latest ones. */
const DRAWN_MAX = 200;

/** Rebalances, faults and changes as thin vertical rules, each with its sentence as a tooltip. */
export const MarkerLayer = memo(function MarkerLayer({ markers, xOf, top, bottom, fromMs, toMs }: { markers: readonly TimelineMarker[]; xOf: (timeMs: number) => number; top: number; bottom: number; fromMs: number; toMs: number }) {
  const shown = markers.filter((m) => m.timeMs >= fromMs && m.timeMs <= toMs).slice(-DRAWN_MAX);
  return (
    <g className="chart-markers">
      {shown.map((m, i) => (
        <line key={`${m.timeMs}-${i}`} className={`chart-marker chart-marker-${m.kind}`} x1={xOf(m.timeMs)} x2={xOf(m.timeMs)} y1={top} y2={bottom}>
          <title>{`${(m.timeMs / 1000).toFixed(3)} s — ${m.text}`}</title>
        </line>
      ))}
    </g>
  );
});
