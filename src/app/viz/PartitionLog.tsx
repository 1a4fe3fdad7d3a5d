import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
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
  /** The partition its text reports (offsets, leader): a recent state refreshed less often than the cells; `partition` when absent. */
  shown?: LabPartition;
  /** The lag its text reports, from the same state as `shown`; `lag` when absent. */
  lagShown?: number | null;
  /** Opens the message inspector on a record: a click on a cell opens it. Must be stable (memo). */
  onInspect?: (topic: string, partition: number, offset: number) => void;
  /**
   * Whether each cell is also a keyboard button with its own label (Enter or Space opens it).
   * Off while the run plays: the labels name offsets, so a moving log would rewrite thousands of
   * attributes a second; a click still works then, read from the cell's place in the log.
   */
  keyboardCells?: boolean;
}

/** Enter or Space opens the record; the arrow keys move to the neighbouring record's cell. */
function onCellKey(e: KeyboardEvent<SVGRectElement>, open: () => void): void {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
    return;
  }
  const sibling = e.key === 'ArrowLeft' ? e.currentTarget.previousElementSibling : e.key === 'ArrowRight' ? e.currentTarget.nextElementSibling : null;
  if (sibling instanceof SVGElement && sibling.classList.contains('cell-inspectable')) {
    e.preventDefault();
    sibling.focus();
  }
}

/**
 * One partition as a log: the last few offsets as cells ending at the log-end offset, the high
 * watermark as a tick, the group's committed offset as a caret, and the backlog between them
 * filled in its owner's colour (grey while nobody owns it).
 */
export const PartitionLog = memo(function PartitionLog({ place, partition, committed, lag, owner, rebalancing, shown = partition, lagShown = lag, onInspect, keyboardCells = true }: PartitionLogProps) {
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
    const inspectable = onInspect !== undefined && kind !== 'empty';
    const open = inspectable && keyboardCells ? () => onInspect(place.topic, place.partition, offset) : undefined;
    cells.push(
      <rect
        key={offset - first}
        className={`cell cell-${kind}${inspectable ? ' cell-inspectable' : ''}`}
        {...(open && {
          role: 'button',
          // One tab stop per partition (its newest record); the arrow keys move along the log.
          tabIndex: offset === end - 1 ? 0 : -1,
          'aria-label': `Inspect ${place.topic}-${place.partition} offset ${offset}`,
          'data-offset': offset,
          onKeyDown: (e: KeyboardEvent<SVGRectElement>) => onCellKey(e, open),
        })}
        x={xOf(offset) + 1}
        y={place.y + 3}
        width={G.cellWidth - 2}
        height={place.height - 6}
        rx={2}
      />,
    );
  }
  // One listener for all cells: the clicked cell's place in the log gives its offset, so the
  // cells need no per-offset handler that would change every frame.
  const onCellsClick = onInspect
    ? (e: MouseEvent<SVGGElement>) => {
        const target = e.target;
        if (!(target instanceof SVGRectElement) || !target.classList.contains('cell-inspectable')) return;
        const index = Array.prototype.indexOf.call(e.currentTarget.children, target);
        if (index >= 0) onInspect(place.topic, place.partition, first + index);
      }
    : undefined;
  const midY = place.y + place.height / 2;
  const hwInView = hw >= first && hw <= first + G.cells;
  const readInView = committed !== null && readTo >= first && readTo <= first + G.cells;
  const ownerText = owner ?? (rebalancing ? 'revoked' : 'no owner');
  const textX = place.cellsX + G.cells * G.cellWidth + 8;
  const leader = shown.leader === undefined ? '' : shown.leader === null ? ' · no leader' : ` · leader b${shown.leader}`;

  return (
    // The owner's colour reaches the lag cells through a variable: cells then change only their class as the log moves.
    <g className={owner ? 'partition' : 'partition partition-unowned'} style={{ '--lag-fill': fill } as CSSProperties} data-testid={`partition-${place.topic}-${place.partition}`} data-owner={owner ?? ''}>
      <rect className="partition-frame" x={place.x} y={place.y} width={place.width} height={place.height} rx={5} style={owner ? { stroke: fill } : undefined} />
      <rect className="partition-owner-stripe" x={place.x} y={place.y} width={5} height={place.height} rx={2} style={{ fill }} />
      <text className="partition-name" x={place.x + 10} y={midY} dominantBaseline="central">
        P{place.partition}
      </text>
      <g className="partition-cells" onClick={onCellsClick}>
        {cells}
      </g>
      {hwInView && <line className="hw-tick" x1={xOf(hw)} x2={xOf(hw)} y1={place.y} y2={place.y + place.height} />}
      {readInView && <path className="committed-caret" d={`M${xOf(readTo)},${place.y + place.height - 1} l-4,5 h8 z`} />}
      <text className="partition-offsets" x={textX} y={midY - 6} dominantBaseline="central">
        {`end ${formatCount(shown.logEndOffset)} · HW ${formatCount(shown.highWatermark)}${leader}`}
      </text>
      <text className="partition-lag" x={textX} y={midY + 7} dominantBaseline="central">
        {`${lagShown === null ? '' : `lag ${formatCount(lagShown)} · `}${ownerText}`}
      </text>
    </g>
  );
});
