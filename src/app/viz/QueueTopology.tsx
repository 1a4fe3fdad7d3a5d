import { useId, useMemo } from 'react';
import type { LabSnapshot } from '../../worker/labSnapshot';
import type { QueueView, QueueWorkerView } from '../../worker/queueFrameCodec';
import { formatCount } from '../format';
import { useThrottledAppStore } from '../hooks/useThrottledAppStore';
import { useAppStore } from '../store';
import { ownerColour, ownerTextColour } from './palette';
import { depthScale, heldText, queueBadge, queueCountsText, queueDetailText, summarizeQueues, workerState, workerStatusText } from './queueFigures';
import { layoutQueues, queueStructureKey, type QueuePlace, type QueueTopologyLayout } from './queueLayout';
import { poolOf, queueStaticsOf, type QueueStatics } from './queueStatics';
import { messagesPerDot, QueueTopologyFlows } from './QueueTopologyFlows';
import './queueTopology.css';

/** Longest worker id drawn whole, characters. */
const WORKER_NAME_CHARS_MAX = 17;

export interface QueueTopologyProps {
  snapshot: LabSnapshot;
  /** Width available, px; narrower than the drawing's minimum, it scales down. */
  width: number;
  reducedMotion: boolean;
}

/**
 * The queue brokers drawn: publishers → exchanges (with their bindings' keys) and SNS topics →
 * queues (depth bars: ready solid, unacknowledged striped) → workers, dead letters looping to
 * their exchange or queue, replies back to their requester. Nothing when the scenario has no
 * queue brokers, so the lab can always place it under the Kafka drawing.
 */
export function QueueTopology({ snapshot, width, reducedMotion }: QueueTopologyProps) {
  if (!snapshot.queues) return null;
  return <QueueDrawing snapshot={snapshot} width={width} reducedMotion={reducedMotion} />;
}

function QueueDrawing({ snapshot, width, reducedMotion }: QueueTopologyProps) {
  const spec = useAppStore((s) => s.scenario?.spec);
  // Dot spacing follows the rates a few times a second; the dots themselves move every display frame.
  const rates = useThrottledAppStore((s) => s.queueRates);
  const speed = useAppStore((s) => s.speed);
  const hatchId = `queue-hatch-${useId().replace(/:/g, '')}`;
  const statics = useMemo(() => queueStaticsOf(spec), [spec]);
  // The structure changes rarely; the layout is recomputed only when it does.
  const structureKey = queueStructureKey(snapshot, statics);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layout = useMemo(() => layoutQueues(snapshot, statics, width), [structureKey, statics, width]);
  const perDot = messagesPerDot(layout.edges, rates, speed);
  const queues = new Map((snapshot.queues ?? []).map((q) => [q.name, q]));

  return (
    <div className="queue-topology-box">
      <svg
        className="topology queue-topology"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        preserveAspectRatio="xMinYMin meet"
        role="img"
        aria-label={summarizeQueues(snapshot, statics.publishers.length)}
        data-testid="queue-topology"
      >
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
            <rect className="queue-hatch-stripe" width="2.5" height="5" />
          </pattern>
        </defs>
        <QueueTopologyFlows edges={layout.edges} rates={rates} speed={speed} reducedMotion={reducedMotion} perDot={perDot} />
        <Publishers layout={layout} statics={statics} />
        <Routers layout={layout} snapshot={snapshot} />
        {layout.labels.map((label) => (
          <text key={label.key} className={`queue-edge-label queue-edge-label-${label.kind}`} x={label.x} y={label.y} textAnchor={label.anchor} data-testid={`label-${label.key}`}>
            {label.title !== label.text && <title>{label.title}</title>}
            {label.text}
          </text>
        ))}
        {layout.queues.map((place) => {
          const queue = queues.get(place.name);
          return queue ? <QueueNode key={place.name} place={place} queue={queue} maxLength={statics.maxLength[place.name] ?? null} hatchId={hatchId} /> : null;
        })}
        {layout.workers.map((place) => {
          const worker = queues.get(place.queue)?.workers.find((w) => w.id === place.id);
          return worker ? <WorkerNode key={place.id} place={place} worker={worker} capacity={statics.capacityByPool[poolOf(place.id)] ?? null} /> : null;
        })}
      </svg>
      <p className="topology-legend" data-testid="queue-topology-legend">
        {reducedMotion ? 'Edge width shows messages per second.' : `Each moving dot is ${formatCount(perDot)} message${perDot === 1 ? '' : 's'}.`} Queue bars: solid is
        ready (SQS: visible), striped is delivered but not yet acknowledged (SQS: in flight); a full bar is the queue&apos;s max-length when it has one. Workers: ● processing,
        ○ idle, ✕ down, with prefetch in use. Red dashed: dead letters; purple dashed: replies.
      </p>
    </div>
  );
}

function Publishers({ layout, statics }: { layout: QueueTopologyLayout; statics: QueueStatics }) {
  return layout.publishers.map((place) => {
    const publisher = statics.publishers.find((p) => p.id === place.id);
    const what = publisher?.requestTimeoutMs != null ? 'requests/s' : 'msg/s';
    return (
      <g key={place.id} className="producer" data-testid={`publisher-${place.id}`}>
        <rect x={place.x} y={place.y} width={place.width} height={place.height} rx={6} />
        <text x={place.x + 8} y={place.y + 15} className="node-title">
          {place.id}
        </text>
        <text x={place.x + 8} y={place.y + 30} className="node-detail">
          {formatCount(publisher?.ratePerSec ?? 0)} {what}
        </text>
      </g>
    );
  });
}

function Routers({ layout, snapshot }: { layout: QueueTopologyLayout; snapshot: LabSnapshot }) {
  return layout.routers.map((place) => {
    const { x, y, width, height } = place;
    if (place.kind === 'sns') {
      return (
        <g key={`sns:${place.name}`} className="queue-sns" data-testid={`sns-${place.name}`}>
          <rect x={x} y={y} width={width} height={height} rx={height / 2} />
          <text x={x + 14} y={y + 15} className="node-title">
            {place.name}
          </text>
          <text x={x + 14} y={y + 30} className="node-detail">
            SNS topic · fan-out
          </text>
        </g>
      );
    }
    const exchange = snapshot.exchanges?.find((e) => e.name === place.name);
    // An arrow-shaped box: an exchange passes messages on, it does not keep them.
    const points = `${x},${y} ${x + width - 12},${y} ${x + width},${y + height / 2} ${x + width - 12},${y + height} ${x},${y + height}`;
    return (
      <g key={`exchange:${place.name}`} className="queue-exchange" data-testid={`exchange-${place.name}`}>
        <polygon points={points} />
        <text x={x + 8} y={y + 15} className="node-title">
          {place.name || '(default)'}
        </text>
        <text x={x + 8} y={y + 30} className="node-detail">
          {exchange?.type ?? ''} exchange{exchange && exchange.unroutable > 0 ? ` · ${formatCount(exchange.unroutable)} unroutable` : ''}
        </text>
      </g>
    );
  });
}

function QueueNode({ place, queue, maxLength, hatchId }: { place: QueuePlace; queue: QueueView; maxLength: number | null; hatchId: string }) {
  const { x, y, width, height } = place;
  const scale = depthScale(queue.depth, queue.inFlight, maxLength);
  const barWidth = width - 16;
  const readyWidth = Math.min(barWidth, (queue.depth / scale) * barWidth);
  const heldWidth = Math.min(barWidth - readyWidth, (queue.inFlight / scale) * barWidth);
  const kind = place.replyOwner ? 'queue-reply' : place.deadLetterQueue ? 'queue-dlq' : '';
  return (
    <g className={`queue-node ${kind}`} data-testid={`queue-${queue.name}`} data-depth={queue.depth} data-in-flight={queue.inFlight}>
      <rect className="queue-frame" x={x} y={y} width={width} height={height} rx={4} />
      <text x={x + 8} y={y + 15} className="node-title">
        {place.deadLetterQueue ? '✕ ' : ''}
        {queue.name}
      </text>
      <text x={x + width - 8} y={y + 15} className="node-detail" textAnchor="end">
        {queueBadge(queue)}
      </text>
      <rect className="queue-bar-track" x={x + 8} y={y + 21} width={barWidth} height={11} />
      <rect className="queue-bar-ready" x={x + 8} y={y + 21} width={readyWidth} height={11} />
      <rect x={x + 8 + readyWidth} y={y + 21} width={heldWidth} height={11} fill={`url(#${hatchId})`} className="queue-bar-held" />
      <text x={x + 8} y={y + 45} className="node-detail">
        {queueCountsText(queue)}
      </text>
      <text x={x + 8} y={y + 59} className="node-detail">
        {place.replyOwner ? `read by ${place.replyOwner} · ${formatCount(queue.acked)} replies` : queueDetailText(queue, maxLength)}
      </text>
    </g>
  );
}

function WorkerNode({ place, worker, capacity }: { place: { x: number; y: number; width: number; height: number; id: string }; worker: QueueWorkerView; capacity: number | null }) {
  const { symbol, word } = workerState(worker);
  const alive = word !== 'down';
  const fill = alive ? { fill: ownerColour(worker.id) } : undefined;
  const text = alive ? { fill: ownerTextColour(worker.id) } : undefined;
  const use = capacity ? Math.min(1, worker.held / capacity) : 0;
  // Long pool names would run into the prefetch count on the right; the table has them whole.
  const name = worker.id.length > WORKER_NAME_CHARS_MAX ? `${worker.id.slice(0, WORKER_NAME_CHARS_MAX - 1)}…` : worker.id;
  return (
    <g className={`queue-worker ${alive ? '' : 'queue-worker-down'}`} data-testid={`worker-${worker.id}`} data-state={word}>
      <rect x={place.x} y={place.y} width={place.width} height={place.height} rx={6} style={fill} />
      <text x={place.x + 8} y={place.y + 14} className="node-title" style={text}>
        {name !== worker.id && <title>{worker.id}</title>}
        {symbol} {name}
      </text>
      <text x={place.x + place.width - 8} y={place.y + 14} className="node-detail" textAnchor="end" style={text}>
        {heldText(worker, capacity)}
      </text>
      <text x={place.x + 8} y={place.y + 28} className="node-detail" style={text}>
        {workerStatusText(worker)}
      </text>
      {alive && capacity !== null && <rect className="queue-worker-prefetch" style={text} x={place.x + 4} y={place.y + place.height - 4} width={(place.width - 8) * use} height={2} />}
    </g>
  );
}
