import { memo, useMemo, useRef } from 'react';
import type { GroupView } from '../../engine';
import type { LabSnapshot } from '../../worker/labSnapshot';
import { formatCount } from '../format';
import { useElementWidth } from '../hooks/useElementWidth';
import { useThrottledAppStore } from '../hooks/useThrottledAppStore';
import { usePrefersReducedMotion } from '../hooks/useMediaQuery';
import { useAppStore } from '../store';
import { FlowLayer, recordsPerDotFor } from './FlowLayer';
import { ownerColour, ownerTextColour } from './palette';
import { PartitionLog } from './PartitionLog';
import { requestInspect } from '../inspector/inspectRequest';
import type { FlowRates } from './rates';
import { TopologyTable } from './TopologyTable';
import { QueueTopology } from './QueueTopology';
import { showsKafka } from './queueFigures';
import { QueueTopologyTable } from './QueueTopologyTable';
import { deliveryTopicsOf, layoutTopology, ownersOf, type ConsumerPlace } from './topologyLayout';

/**
 * The scenario drawn: producers → topic partitions (as logs) → consumer groups, with brokers on
 * top when the engine models them, and records flowing along the edges. For screen readers it is
 * one group labelled with a summary (its partition-log cells are buttons that open the message
 * inspector), plus the same facts as a table.
 */
export function Topology() {
  const snapshot = useAppStore((s) => s.snapshot);
  // What screen readers get (the summary, the table) changes a few times a second, not per frame.
  const slowSnapshot = useThrottledAppStore((s) => s.snapshot);
  const summary = useMemo(() => (slowSnapshot ? summarize(slowSnapshot) : ''), [slowSnapshot]);
  const rates = useAppStore((s) => s.rates);
  const speed = useAppStore((s) => s.speed);
  const reducedMotion = usePrefersReducedMotion();
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef, 760);

  return (
    <section className="panel topology-panel" aria-labelledby="topology-title">
      <h3 id="topology-title" className="panel-title">
        Topology <span className="panel-subtitle">{snapshot && !showsKafka(snapshot) ? 'publishers → exchanges → queues → workers' : 'producers → partitions → consumers'}</span>
      </h3>
      <div ref={boxRef} className="topology-box">
        {snapshot ? showsKafka(snapshot) && <TopologyDrawing snapshot={snapshot} labels={slowSnapshot ?? snapshot} summary={summary} rates={rates} speed={speed} width={width} reducedMotion={reducedMotion} /> : <p className="muted topology-loading">Loading…</p>}
        {slowSnapshot && <QueueTopology snapshot={slowSnapshot} width={width} reducedMotion={reducedMotion} />}
      </div>
      {slowSnapshot && showsKafka(slowSnapshot) && <TopologyTable snapshot={slowSnapshot} />}
      {slowSnapshot && <QueueTopologyTable snapshot={slowSnapshot} />}
    </section>
  );
}

interface DrawingProps {
  snapshot: LabSnapshot;
  /**
   * The snapshot the drawing's numbers and statuses are written from, refreshed a few times a
   * second: changed text costs a layout, and numbers changing per frame cannot be read anyway.
   */
  labels: LabSnapshot;
  /** The drawing as one sentence (see `summarize`). */
  summary: string;
  rates: FlowRates | null;
  speed: number;
  width: number;
  reducedMotion: boolean;
}

function TopologyDrawing({ snapshot, labels, summary, rates, speed, width, reducedMotion }: DrawingProps) {
  // The structure changes rarely; its layout is recomputed only when it does.
  const structureKey = structureOf(snapshot);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layout = useMemo(() => layoutTopology(snapshot, width), [structureKey, width]);
  const group = snapshot.groups[0];
  const owners = group ? ownersOf(group) : new Map<string, string>();
  const perDot = recordsPerDotFor(layout.edges, rates, speed);
  const playing = useAppStore((s) => s.status === 'playing' || s.status === 'seeking');

  return (
    <>
    <svg className="topology" width={layout.width} height={layout.height} preserveAspectRatio="xMinYMin meet" viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label={summary} data-testid="topology">
      <FlowLayer edges={layout.edges} rates={rates} speed={speed} reducedMotion={reducedMotion} perDot={perDot} />
      {layout.brokers.map((place) => {
        const broker = snapshot.brokers?.find((b) => b.id === place.id);
        const leads = snapshot.topics.reduce((n, t) => n + t.partitions.filter((p) => p.leader === place.id).length, 0);
        return (
          <g key={place.id} className={broker?.up ? 'broker' : 'broker broker-down'} data-testid={`broker-${place.id}`}>
            <rect x={place.x} y={place.y} width={place.width} height={place.height} rx={6} />
            <text x={place.x + 8} y={place.y + 13}>broker {place.id}</text>
            <text className="broker-detail" x={place.x + 8} y={place.y + 26}>
              {broker?.up ? `up · leads ${leads}${slowMs(broker) > 0 ? ' · slow' : ''}` : 'down'}
            </text>
          </g>
        );
      })}
      {layout.producers.map((place) => {
        const producer = snapshot.producers.find((p) => p.id === place.id);
        return (
          <g key={place.id} className="producer">
            <rect x={place.x} y={place.y} width={place.width} height={place.height} rx={6} />
            <text x={place.x + 8} y={place.y + 15} className="node-title">
              {place.id}
            </text>
            <text x={place.x + 8} y={place.y + 30} className="node-detail">
              {formatCount(producer?.ratePerSec ?? 0)} msg/s → {place.topic}
            </text>
          </g>
        );
      })}
      {layout.topics.map((place) => (
        <text key={place.name} className="topic-name" x={place.x} y={place.y + 15}>
          topic <tspan className="topic-name-value">{place.name}</tspan>
        </text>
      ))}
      {layout.partitions.map((place) => {
        const partition = snapshot.topics.find((t) => t.name === place.topic)?.partitions.find((p) => p.partition === place.partition);
        if (!partition) return null;
        const committed = group?.committed[place.topic]?.[place.partition];
        const lag = group?.lag[place.topic]?.[place.partition];
        const shown = labels.topics.find((t) => t.name === place.topic)?.partitions.find((p) => p.partition === place.partition) ?? partition;
        const lagShown = labels.groups[0]?.lag[place.topic]?.[place.partition] ?? lag ?? null;
        return (
          <PartitionLog
            key={`${place.topic}/${place.partition}`}
            place={place}
            partition={partition}
            committed={committed ?? null}
            lag={lag ?? null}
            shown={shown}
            lagShown={lagShown}
            owner={owners.get(`${place.topic}/${place.partition}`) ?? null}
            rebalancing={group ? group.state !== 'Stable' : false}
            onInspect={requestInspect}
            keyboardCells={!playing}
          />
        );
      })}
      {layout.groups.map((place) => {
        const view = snapshot.groups.find((g) => g.id === place.id);
        return (
          // Anchored at the right edge, the header may run into the gap on its left, never off the drawing.
          <text key={place.id} className="group-name" x={place.x + place.width} y={place.y + 15} textAnchor="end">
            group <tspan className="topic-name-value">{place.id}</tspan> · {view?.state ?? ''} · gen {view?.generation ?? 0}
          </text>
        );
      })}
      {layout.consumers.map((place) => (
        <ConsumerNode key={`${place.group}/${place.consumer}`} place={place} group={labels.groups.find((g) => g.id === place.group)} />
      ))}
      {layout.delivery.map((place) => {
        const view = snapshot.groups.find((g) => g.id === place.group);
        const records = view ? (deliveryTopicsOf(view).find((t) => t.name === place.name)?.records ?? 0) : 0;
        const what = place.kind === 'retry' ? 'waiting' : 'dead-lettered';
        return (
          <g key={`${place.group}/${place.name}`} className={`delivery-topic delivery-${place.kind}`} data-testid={`delivery-${place.group}-${place.name}`}>
            <rect x={place.x} y={place.y} width={place.width} height={place.height} rx={4} />
            <text x={place.x + 8} y={place.y + place.height / 2} dominantBaseline="central">
              {place.kind === 'retry' ? '↻' : '✕'} {place.name} · {formatCount(records)} {what}
            </text>
          </g>
        );
      })}
    </svg>
    <p className="topology-legend" data-testid="topology-legend">
      {reducedMotion ? 'Edge width shows records per second.' : `Each moving dot is ${formatCount(perDot)} record${perDot === 1 ? '' : 's'}.`} Each row is a partition's log, newest
      offsets on the right: filled cells are not yet committed (lag), the tick is the high watermark, the caret the committed offset. Grey, dashed: no
      consumer owns it (revoked during a rebalance).
    </p>
    </>
  );
}

const ConsumerNode = memo(function ConsumerNode({ place, group }: { place: ConsumerPlace; group: GroupView | undefined }) {
  const consumer = group?.consumers.find((c) => c.id === place.consumer);
  if (!consumer) return null;
  const dead = consumer.state === 'dead';
  const idle = !dead && consumer.assigned.length === 0;
  const kind = dead ? 'dead' : idle ? 'idle' : 'active';
  const partitions = consumer.assigned.map(([, p]) => `P${p}`).join(' ');
  const activity = consumer.state === 'processing' ? 'processing' : 'polling';
  const status = dead ? 'down' : consumer.membership !== 'stable' ? consumer.membership : idle ? 'idle: no partitions' : `${activity} · ${Math.round(consumer.utilisation * 100)}% busy`;
  return (
    <g className={`consumer consumer-${kind}`} data-testid={`consumer-${place.group}-${place.consumer}`}>
      <rect x={place.x} y={place.y} width={place.width} height={place.height} rx={6} style={kind === 'active' ? { fill: ownerColour(consumer.id) } : undefined} />
      <text x={place.x + 8} y={place.y + 14} className="node-title" style={kind === 'active' ? { fill: ownerTextColour(consumer.id) } : undefined}>
        {consumer.id} {partitions && `· ${partitions}`}
      </text>
      <text x={place.x + 8} y={place.y + 27} className="node-detail" style={kind === 'active' ? { fill: ownerTextColour(consumer.id) } : undefined}>
        {status}
      </text>
    </g>
  );
});

/** Extra fetch delay of a slowed follower, ms; 0 when the engine does not report one. */
function slowMs(broker: { fetchDelayMs?: number }): number {
  return broker.fetchDelayMs ?? 0;
}

/** Everything that moves the drawing's boxes: names, counts, membership, assignment. */
function structureOf(snapshot: LabSnapshot): string {
  const topics = snapshot.topics.map((t) => `${t.name}:${t.partitions.length}`).join(',');
  const producers = snapshot.producers.map((p) => `${p.id}>${p.topic}`).join(',');
  const groups = snapshot.groups.map((g) => `${g.id}[${g.consumers.map((c) => `${c.id}${c.state === 'dead' ? '!' : ''}=${c.assigned.map(([t, p]) => `${t}/${p}`).join('+')}`).join(';')}]`).join(',');
  const failureTopics = snapshot.groups.map((g) => deliveryTopicsOf(g).map((t) => t.name).join('+')).join(',');
  return `${topics}|${producers}|${groups}|${failureTopics}|${snapshot.brokers?.length ?? 0}`;
}

/** One sentence a screen reader can read instead of the drawing. */
export function summarize(snapshot: LabSnapshot): string {
  const parts: string[] = [];
  for (const topic of snapshot.topics) parts.push(`topic ${topic.name} with ${topic.partitions.length} partitions`);
  for (const group of snapshot.groups) {
    const live = group.consumers.filter((c) => c.state !== 'dead');
    const idle = live.filter((c) => c.assigned.length === 0).length;
    const total = Object.values(group.lag).flat().reduce((a, b) => a + b, 0);
    parts.push(`group ${group.id} (${group.state}) with ${live.length} running consumer${live.length === 1 ? '' : 's'}${idle ? `, ${idle} idle` : ''}, total lag ${total}`);
    for (const topic of deliveryTopicsOf(group)) parts.push(`${topic.kind === 'retry' ? 'retry topic' : 'dead-letter topic'} ${topic.name} with ${topic.records} records`);
  }
  if (snapshot.brokers) parts.push(`${snapshot.brokers.filter((b) => b.up).length} of ${snapshot.brokers.length} brokers up`);
  return `Topology: ${snapshot.producers.length} producer${snapshot.producers.length === 1 ? '' : 's'}, ${parts.join('; ')}.`;
}
