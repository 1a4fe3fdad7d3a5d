/** The inside of a chapter's live scenario, reading the embed's own store. */
import { useId } from 'react';
import { formatCount, formatLatencyMs } from '../../app/format';
import { PlayerControls } from '../../app/components/PlayerControls';
import { SimClock } from '../../app/components/SimClock';
import { StatusLine } from '../../app/components/StatusLine';
import { GroupKnobs } from '../../app/knobs/GroupKnobs';
import { ProducerKnobs } from '../../app/knobs/ProducerKnobs';
import { TopicKnobs } from '../../app/knobs/TopicKnobs';
import { useAppStore } from '../../app/store';
import type { Metrics } from '../../engine';
import { WATCHES, type WatchId } from './watch';

/** Bars never scale below this lag, so a handful of records does not look like a crisis. */
const LAG_SCALE_MIN = 20;

export function EmbedBody({ watch }: { watch: WatchId[] }) {
  const error = useAppStore((s) => s.error);
  const metrics = useAppStore((s) => s.snapshot?.metrics ?? null);
  const timeMs = useAppStore((s) => s.snapshot?.timeMs ?? 0);
  const status = useAppStore((s) => s.status);
  const knobsId = useId();

  return (
    <div className="embed-body" data-status={status}>
      {error && (
        <div className="course-problem" role="alert">
          <p>{error.message}</p>
          <ul>
            {error.scenarioErrors.map((e) => (
              <li key={`${e.path}-${e.message}`}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="toolbar">
        <PlayerControls />
        <SimClock />
      </div>
      <StatusLine />
      <div className="embed-numbers">
        <p className="embed-run">
          <span>
            Produced <strong>{metrics ? formatCount(metrics.produced) : '—'}</strong>
          </span>
          <span>
            Acknowledged <strong>{metrics ? formatCount(metrics.acknowledged) : '—'}</strong>
          </span>
          <span>
            Latency p99 <strong>{metrics ? formatLatencyMs(metrics.latencyMs.p99, metrics.processed) : '—'}</strong>
          </span>
        </p>
        {metrics && Object.keys(metrics.groups).length > 0 && (
          <table className="embed-groups">
            <thead>
              <tr>
                <th scope="col">Group</th>
                {watch.map((w) => (
                  <th key={w} scope="col" title={WATCHES[w].hint}>
                    {WATCHES[w].label}
                  </th>
                ))}
                <th scope="col">Lag by partition</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(metrics.groups).map(([groupId, group]) => (
                <tr key={groupId} data-testid={`embed-group-${groupId}`}>
                  <th scope="row">{groupId}</th>
                  {watch.map((w) => (
                    <td key={w} data-testid={`embed-${groupId}-${w}`}>
                      {formatCount(WATCHES[w].read(group))}
                    </td>
                  ))}
                  <td>
                    <LagBars lags={group.lag.perPartition} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {metrics?.queues && Object.keys(metrics.queues).length > 0 && <QueueTable queues={metrics.queues} />}
      </div>
      <details className="embed-knobs">
        <summary id={knobsId}>Knobs: change the run while it plays</summary>
        <div className="embed-knob-list" role="group" aria-labelledby={knobsId}>
          <ProducerKnobs />
          <TopicKnobs />
          <GroupKnobs />
        </div>
      </details>
      <p className="embed-trace">
        Trace hash{' '}
        <code data-testid="course-trace-hash" data-time-ms={timeMs} data-status={status}>
          {metrics ? metrics.traceHash : '—'}
        </code>
      </p>
    </div>
  );
}

function LagBars({ lags }: { lags: number[] }) {
  const scale = Math.max(LAG_SCALE_MIN, ...lags);
  return (
    <span className="mini-bars" role="img" aria-label={`lag per partition: ${lags.map((l, p) => `p${p} ${l}`).join(', ')}`}>
      {lags.map((lag, partition) => (
        <span key={partition} className="mini-bar" title={`partition ${partition}: ${formatCount(lag)}`}>
          <span className="mini-bar-fill" style={{ transform: `scaleY(${lag / scale})` }} />
        </span>
      ))}
    </span>
  );
}

/** RabbitMQ and SQS queues have depth where Kafka has lag: the numbers the queue chapters talk about. */
function QueueTable({ queues }: { queues: NonNullable<Metrics['queues']> }) {
  return (
    <table className="embed-groups">
      <thead>
        <tr>
          <th scope="col">Queue</th>
          <th scope="col" title="ready (RabbitMQ) or visible (SQS) messages waiting">Depth</th>
          <th scope="col" title="delivered, not yet acknowledged or deleted">In flight</th>
          <th scope="col" title="how long the oldest waiting message has waited">Oldest (ms)</th>
          <th scope="col" title="distinct messages processed at least once">Processed</th>
          <th scope="col" title="deliveries beyond the first of a message">Redelivered</th>
          <th scope="col" title="processings beyond the first: the work ran twice">Duplicates</th>
          <th scope="col" title="sent to a dead-letter exchange or queue">Dead-lettered</th>
          <th scope="col" title="dropped or expired with nowhere to go">Dropped</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(queues).map(([name, q]) => (
          <tr key={name} data-testid={`embed-queue-${name}`}>
            <th scope="row">{name}</th>
            <td>{formatCount(q.depth)}</td>
            <td>{formatCount(q.inFlight)}</td>
            <td>{formatCount(Math.round(q.oldestAgeMs))}</td>
            <td>{formatCount(q.processed)}</td>
            <td>{formatCount(q.redelivered)}</td>
            <td>{formatCount(q.duplicates)}</td>
            <td>{formatCount(q.deadLettered)}</td>
            <td>{formatCount(q.dropped + q.expired)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
