import { select } from 'd3';
import { memo, useEffect, useRef } from 'react';
import { useAppStoreApi } from '../store';
import { dotOffsetPx, dotSpacingPx, drawTimeMs, flowWidthPx, recordsPerDot } from './flow';
import { ownerColour } from './palette';
import type { QueueEdge } from './queueLayout';
import { queueEdgeRate, type QueueFlowRates } from './queueRates';

export interface QueueTopologyFlowsProps {
  edges: QueueEdge[];
  rates: QueueFlowRates | null;
  speed: number;
  reducedMotion: boolean;
  /** Messages a dot stands for (see flow.ts), shared with the legend. */
  perDot: number;
}

/** Messages per dot for the busiest edge, shared by every edge and the legend. */
export function messagesPerDot(edges: QueueEdge[], rates: QueueFlowRates | null, speed: number): number {
  let maxRate = 0;
  for (const edge of edges) maxRate = Math.max(maxRate, queueEdgeRate(edge.rate, rates));
  return recordsPerDot(maxRate, speed);
}

/** The colour of the messages on an edge: the worker's own on deliveries, else by what the edge carries. */
function edgeColour(edge: QueueEdge): string {
  if (edge.worker) return ownerColour(edge.worker);
  if (edge.kind === 'dead-letter') return 'var(--danger)';
  if (edge.kind === 'reply') return 'var(--chart-4)';
  return 'var(--viz-produce)';
}

/**
 * The queue drawing's edges and the messages moving along them, as FlowLayer does for Kafka:
 * React draws the paths when the layout or the rates change; a requestAnimationFrame loop moves
 * only the dots, from simulated time read transiently from the store.
 */
export const QueueTopologyFlows = memo(function QueueTopologyFlows({ edges, rates, speed, reducedMotion, perDot }: QueueTopologyFlowsProps) {
  const groupRef = useRef<SVGGElement>(null);
  const store = useAppStoreApi();

  useEffect(() => {
    if (reducedMotion || !groupRef.current) return;
    const root = select(groupRef.current);
    let frameWallMs = performance.now();
    let frameTimeMs = store.getState().snapshot?.timeMs ?? 0;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.snapshot !== previous.snapshot) {
        frameWallMs = performance.now();
        frameTimeMs = state.snapshot?.timeMs ?? 0;
      }
    });
    let handle = 0;
    const draw = (wallMs: number) => {
      const { status, speed: playSpeed } = store.getState();
      const timeMs = drawTimeMs(frameTimeMs, frameWallMs, wallMs, playSpeed, status === 'playing');
      root.selectAll<SVGPathElement, unknown>('path.flow-dots').each(function moveDots() {
        const spacing = Number(this.dataset.spacing);
        if (spacing > 0) this.setAttribute('stroke-dashoffset', String(dotOffsetPx(timeMs, playSpeed, spacing)));
      });
      handle = requestAnimationFrame(draw);
    };
    handle = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(handle);
      unsubscribe();
    };
  }, [store, reducedMotion]);

  return (
    <g ref={groupRef} className="flows" aria-hidden="true">
      {edges.map((edge) => {
        const rate = queueEdgeRate(edge.rate, rates);
        const colour = edgeColour(edge);
        const spacing = reducedMotion ? null : dotSpacingPx(rate, perDot, speed);
        return (
          <g key={edge.key} data-edge={edge.key} data-rate={rate.toFixed(1)}>
            <path className={`flow-base queue-flow-${edge.kind}`} d={edge.path} style={reducedMotion ? { strokeWidth: flowWidthPx(rate), stroke: colour, opacity: 0.65 } : undefined} />
            {spacing !== null && <path className="flow-dots" d={edge.path} data-spacing={spacing} strokeDasharray={`0 ${spacing.toFixed(2)}`} style={{ stroke: colour }} />}
          </g>
        );
      })}
    </g>
  );
});
