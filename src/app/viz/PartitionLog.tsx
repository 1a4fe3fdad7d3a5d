import { memo } from 'react';
import { formatCount } from '../format';
import type { LabPartition } from '../../worker/labSnapshot';
import { GEOMETRY, type PartitionPlace } from './topologyLayout';
import { ownerColour } from './palette';

const G = GEOMETRY;

export interface PartitionLogProps {
  place: PartitionPlace;
  partition: LabPartition;
  /** The first group's committed offset here, or null without a group (-1 from the engine: nothing committed yet). */
  committed: number | null;
  lag: number | null;
  /** The consumer reading it in the first group; null when revoked or unowned. */
  owner: string | null;
  /** Whether the first group is rebalancing (so "no owner" means revoked). */
  rebalancing: boolean;
}

/**
 * One partition as a log: the last few offsets as cells ending at the log-end offset, the high
 * watermark as a tick, the group's committed offset as a caret, and the backlog between them
 * filled in its owner's colour (grey while nobody owns it).
 */
export const PartitionLog = memo(function PartitionLog({ place, partition, committed, lag, owner, rebalancing }: PartitionLogProps) {
  const { logStartOffset: start, logEndOffset: end, highWatermark: hw } = partition;
  const first = Math.max(0, end - G.cells);
  const readTo = committed === null ? end : committed < 0 ? start : committed;
  const fill = owner ? ownerColour(owner) : 'var(--viz-unowned)';
  const xOf = (offset: number) => place.cellsX + (offset - first) * G.cellWidth;
  const cells = [];
  for (let offset = first; offset < first + G.cells; offset++) {
    let kind: string;
    if (offset >= end) kind = 'empty';
    else if (offset < start) kind = 'gone';
    else if (offset >= hw) kind = 'unreplicated';
    else if (offset < readTo) kind = 'done';
    else kind = 'lag';
    cells.push(
      <rect
        key={offset - first}
        className={`cell cell-${kind}`}
        x={xOf(offset) + 1}
        y={place.y + 3}
        width={G.cellWidth - 2}
        height={place.height - 6}
        rx={2}
        style={kind === 'lag' ? { fill } : undefined}
      />,
    );
  }
  const midY = place.y + place.height / 2;
  const hwInView = hw >= first && hw <= first + G.cells;
  const readInView = committed !== null && readTo >= first && readTo <= first + G.cells;
  const ownerText = owner ?? (rebalancing ? 'revoked' : 'no owner');
  const textX = place.cellsX + G.cells * G.cellWidth + 8;
  const leader = partition.leader === undefined ? '' : partition.leader === null ? ' · no leader' : ` · leader b${partition.leader}`;

  return (
    <g className={owner ? 'partition' : 'partition partition-unowned'} data-testid={`partition-${place.topic}-${place.partition}`} data-owner={owner ?? ''}>
      <rect className="partition-frame" x={place.x} y={place.y} width={place.width} height={place.height} rx={5} style={owner ? { stroke: fill } : undefined} />
      <rect className="partition-owner-stripe" x={place.x} y={place.y} width={5} height={place.height} rx={2} style={{ fill }} />
      <text className="partition-name" x={place.x + 10} y={midY} dominantBaseline="central">
        P{place.partition}
      </text>
      {cells}
      {hwInView && <line className="hw-tick" x1={xOf(hw)} x2={xOf(hw)} y1={place.y} y2={place.y + place.height} />}
      {readInView && <path className="committed-caret" d={`M${xOf(readTo)},${place.y + place.height - 1} l-4,5 h8 z`} />}
      <text className="partition-offsets" x={textX} y={midY - 6} dominantBaseline="central">
        end {formatCount(end)} · HW {formatCount(hw)}
        {leader}
      </text>
      <text className="partition-lag" x={textX} y={midY + 7} dominantBaseline="central">
        {lag === null ? '' : `lag ${formatCount(lag)} · `}
        {ownerText}
      </text>
    </g>
  );
});
