import { memo, useRef } from 'react';
import { dotSpacingPx, flowWidthPx, recordsPerDot } from './flow';
import { ownerColour } from './palette';
import type { FlowRates } from './rates';
import type { Edge } from './topologyLayout';
import { useFlowDotMotion } from './useFlowDotMotion';

export interface FlowLayerProps {
  edges: Edge[];
  rates: FlowRates | null;
  speed: number;
  reducedMotion: boolean;
  /** Records a dot stands for (see flow.ts), shared with the legend. */
  perDot: number;
}

/** The rate an edge carries, records per simulated second; a partition's appends are shared among its producers. */
export function edgeRate(edge: Edge, rates: FlowRates | null, producersOnPartition: number): number {
  if (!rates) return 0;
  if (edge.kind === 'produce') return (rates.appendedPerSec[edge.rateKey] ?? 0) / Math.max(1, producersOnPartition);
  return rates.committedPerSec[edge.rateKey] ?? 0;
}

/** Records per dot for the busiest edge, shared by every edge and the legend. */
export function recordsPerDotFor(edges: Edge[], rates: FlowRates | null, speed: number): number {
  const producers = countProducersByPartition(edges);
  let maxRate = 0;
  for (const edge of edges) maxRate = Math.max(maxRate, edgeRate(edge, rates, producers.get(edge.partitionKey) ?? 1));
  return recordsPerDot(maxRate, speed);
}

/**
 * The edges and the records moving along them. React draws the paths when the topology or the
 * rates change; a requestAnimationFrame loop then only moves the dots (one attribute per edge,
 * set through d3), reading the store transiently so the page does not re-render per display frame.
 */
export const FlowLayer = memo(function FlowLayer({ edges, rates, speed, reducedMotion, perDot }: FlowLayerProps) {
  const groupRef = useRef<SVGGElement>(null);
  const producersOnTopic = countProducersByPartition(edges);
  useFlowDotMotion(groupRef, reducedMotion);

  return (
    <g ref={groupRef} className="flows" aria-hidden="true">
      {edges.map((edge) => {
        const rate = edgeRate(edge, rates, producersOnTopic.get(edge.partitionKey) ?? 1);
        const colour = edge.consumer ? ownerColour(edge.consumer) : 'var(--viz-produce)';
        const spacing = reducedMotion ? null : dotSpacingPx(rate, perDot, speed);
        return (
          <g key={edge.key} data-edge={edge.key} data-rate={rate.toFixed(1)}>
            <path className={`flow-base flow-${edge.kind}`} d={edge.path} style={reducedMotion ? { strokeWidth: flowWidthPx(rate), stroke: colour, opacity: 0.65 } : undefined} />
            {spacing !== null && (
              <path
                className="flow-dots"
                d={edge.path}
                data-spacing={spacing}
                strokeDasharray={`0 ${spacing.toFixed(2)}`}
                style={{ stroke: colour }}
              />
            )}
          </g>
        );
      })}
    </g>
  );
});

/** How many producers feed each partition, by partition key. */
export function countProducersByPartition(edges: Edge[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const edge of edges) if (edge.kind === 'produce') counts.set(edge.partitionKey, (counts.get(edge.partitionKey) ?? 0) + 1);
  return counts;
}
