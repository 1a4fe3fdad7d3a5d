import { memo, useRef } from 'react';
import { dotSpacingPx, flowWidthPx, recordsPerDot } from './flow';
import { ownerColour } from './palette';
import type { QueueEdge } from './queueLayout';
import { queueEdgeRate, type QueueFlowRates } from './queueRates';
import { useFlowDotMotion } from './useFlowDotMotion';

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
  useFlowDotMotion(groupRef, reducedMotion);

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
