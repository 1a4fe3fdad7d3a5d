import type { RecordInspection, RecordPosition } from '../../worker/inspect';
import type { RecordStepKind } from '../../engine/events/recordHistory';
import type { RecordLife as Life } from '../../engine';
import { formatCount, formatSimTime } from '../format';
import { LifeSteps, firstStepMs } from './LifeSteps';

/** Event-log steps the exact life already shows; with a life, the log adds only context. */
const IN_LIFE: ReadonlySet<RecordStepKind> = new Set(['retry', 'processed', 'dead-lettered', 'lost']);

const KIND_LABEL: Record<RecordStepKind, string> = {
  retry: 'failed, retried',
  processed: 'processed',
  'dead-lettered': 'dead-lettered',
  lost: 'lost',
  redelivered: 'redelivered',
  'duplicate-skipped': 'duplicate skipped',
  poison: 'poison key',
  truncated: 'truncated',
  ownership: 'partition owner',
  cluster: 'cluster',
};

const approx = (ms: number | null, intervalMs: number) => (ms === null ? '' : ` by ${formatSimTime(ms)} (±${intervalMs} ms)`);
/** An exact time from the record trail when it has one, else the sampled one. */
const when = (exactMs: number | null, sampledMs: number | null, intervalMs: number) => (exactMs !== null ? ` at ${formatSimTime(exactMs)}` : approx(sampledMs, intervalMs));

/** One record's life (or a key's records): its place in the log, its exact steps, then the event log's context. */
export function RecordLife({ inspection, onInspect }: { inspection: RecordInspection; onInspect: (ref: string) => void }) {
  const { query, position, life } = inspection;
  const history = life ? { ...inspection.history, steps: inspection.history.steps.filter((s) => !IN_LIFE.has(s.kind)) } : inspection.history;
  const key = life?.key ?? inspection.history.key;
  const keyRefs = [...new Set([...(inspection.keyRecords ?? []).map((r) => `${r.topic}-${r.partition}@${r.offset}`), ...inspection.history.records])];
  const heading = query.kind === 'key' ? `Key ${query.key}` : `Record ${query.topic}-${query.partition}@${query.offset}`;
  return (
    <article className="record-life" data-testid="record-life" aria-labelledby="record-life-title">
      <h4 id="record-life-title" className="record-title">
        {heading}
        {key && query.kind === 'offset' ? ` (key ${key})` : ''}
        <span className="panel-subtitle">as of {formatSimTime(inspection.timeMs)}</span>
      </h4>
      {inspection.problem && <p role="alert">{inspection.problem}</p>}
      {inspection.evictedBeforeMs !== null && (
        <p className="notice" data-testid="history-evicted">
          The event log keeps only its most recent entries: history before {formatSimTime(inspection.evictedBeforeMs)} was evicted, so earlier steps may be missing.
        </p>
      )}
      {position && <Position position={position} intervalMs={inspection.sampleIntervalMs} life={life ?? null} />}
      {life && (
        <section aria-labelledby="life-heading">
          <h5 id="life-heading" className="life-heading">
            Its life, step by step (exact simulated times)
          </h5>
          <LifeSteps life={life} />
        </section>
      )}
      {query.kind === 'key' && (
        <>
          <p>
            Kafka's default partitioner (murmur2 of the key) sends it to {inspection.partitionsForKey.map((p) => `${p.topic}-${p.partition}`).join(', ') || 'no topic'}.
          </p>
          {keyRefs.length > 0 ? (
            <p>
              Records of this key (newest first; pick one to see its life):{' '}
              {keyRefs.map((ref) => (
                <button key={ref} type="button" className="chip-button" onClick={() => onInspect(ref)}>
                  {ref}
                </button>
              ))}
            </p>
          ) : (
            <p>No record of this key is in the record trail or the event log: it was not produced recently, or its steps were overwritten.</p>
          )}
        </>
      )}
      {life && history.steps.length > 0 && (
        <h5 className="life-heading">Around it in the event log</h5>
      )}
      {history.steps.length > 0 ? (
        <ol className="life-steps" aria-label="What the event log says happened, oldest first">
          {history.steps.map((step, i) => (
            <li key={i} className={`life-step life-${step.kind}`}>
              <span className="life-time">{formatSimTime(step.timeMs)}</span>
              <span className="life-kind">{KIND_LABEL[step.kind]}</span>
              <span className="life-text">{step.text}</span>
            </li>
          ))}
        </ol>
      ) : (
        query.kind === 'offset' && !inspection.problem && !life && <p>No log entry names this record: nothing went wrong with it that the engine logs (failures, retries, dead letters, losses, redeliveries).</p>
      )}
      {inspection.deadLetters.length > 0 && (
        <table className="chart-table">
          <caption>Dead-letter records and their headers</caption>
          <thead>
            <tr>
              <th scope="col">Dead-letter topic</th>
              <th scope="col">At</th>
              <th scope="col">Headers</th>
            </tr>
          </thead>
          <tbody>
            {inspection.deadLetters.map((d) => (
              <tr key={`${d.recordId}-${d.timeMs}`}>
                <td>
                  {d.topic}-{d.partition}
                </td>
                <td>{formatSimTime(d.timeMs)}</td>
                <td>
                  {Object.entries(d.headers)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

function Position({ position: p, intervalMs, life }: { position: RecordPosition; intervalMs: number; life: Life | null }) {
  const where = `${p.topic}-${p.partition}`;
  return (
    <ol className="life-facts" aria-label="Where it stands">
      <li>
        <strong>Produced and appended:</strong>{' '}
        {p.appended
          ? p.offset < p.logStartOffset
            ? `yes, but retention has removed it (log start ${formatCount(p.logStartOffset)}).`
            : `yes: ${where} has ${formatCount(p.logEndOffset)} records (log-end offset), so offset ${formatCount(p.offset)} was written by the leader${p.leader === null ? '' : ` (now broker ${p.leader})`}.`
          : `not yet: the log ends at offset ${formatCount(p.logEndOffset)}.`}
      </li>
      <li>
        <strong>Replicated and visible:</strong>{' '}
        {p.visible
          ? `yes${when(firstStepMs(life, 'replicated'), p.visibleByMs, intervalMs)}: it is below the high watermark (${formatCount(p.highWatermark)}), so every in-sync replica${p.isr.length ? ` (${p.isr.map((b) => `b${b}`).join(', ')})` : ''} has it and consumers may fetch it.`
          : p.appended
            ? `not yet: the high watermark is ${formatCount(p.highWatermark)}; consumers cannot fetch it until the in-sync replicas have it.`
            : 'not yet.'}
      </li>
      {p.groups.map((g) => (
        <li key={g.id}>
          <strong>Group {g.id}:</strong>{' '}
          {g.committedPast
            ? `fetched, processed and committed${when(firstStepMs(life, 'committed', g.id), g.committedByMs, intervalMs)}: its committed offset is ${formatCount(g.committed)}, past this record, so the group will not read it again unless it resets.`
            : `not committed yet (committed offset ${g.committed < 0 ? 'none' : formatCount(g.committed)}); ${g.owner ? `${g.owner} owns ${where} and will fetch it in order.` : `no consumer owns ${where} right now, so it waits.`}`}
        </li>
      ))}
    </ol>
  );
}
