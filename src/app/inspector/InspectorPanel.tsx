import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { RecordLife } from './RecordLife';
import { inspectRequests, takeInspectRequest } from './inspectRequest';
import { useAppStore } from '../store';
import type { RecordQuery } from '../../worker/inspect';

/**
 * The message inspector: find a record by partition and offset (or click its cell in the
 * topology), or every record of a key, and read its whole life with exact times, the event log's
 * context and its partition's markers.
 */
export function InspectorPanel() {
  const insight = useAppStore((s) => s.insight);
  const topics = useAppStore((s) => s.snapshot?.topics ?? null);
  const inspection = useStore(insight, (s) => s.inspection);
  const inspecting = useStore(insight, (s) => s.inspecting);
  const inspect = useStore(insight, (s) => s.inspect);
  const [by, setBy] = useState<'offset' | 'key'>('offset');
  const [topic, setTopic] = useState('');
  const [partition, setPartition] = useState('0');
  const [offset, setOffset] = useState('0');
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const topicName = topic || topics?.[0]?.name || '';
  const answerRef = useRef<HTMLDivElement>(null);
  const requestToken = useStore(inspectRequests, (s) => s.token);

  // A record clicked in the topology: show it in the form and ask for it.
  useEffect(() => {
    const query = takeInspectRequest();
    if (query === null) return;
    setBy('offset');
    setTopic(query.topic);
    setPartition(String(query.partition));
    setOffset(String(query.offset));
    setProblem(null);
    inspect(query);
    answerRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [requestToken, inspect]);

  function submit(event: FormEvent) {
    event.preventDefault();
    let query: RecordQuery;
    if (by === 'key') {
      if (key.trim() === '') return setProblem('Type a key, such as k-17.');
      query = { kind: 'key', key: key.trim() };
    } else {
      const p = Number(partition);
      const o = Number(offset);
      if (!Number.isInteger(p) || p < 0 || !Number.isInteger(o) || o < 0) return setProblem('Partition and offset are whole numbers from 0.');
      query = { kind: 'offset', topic: topicName, partition: p, offset: o };
    }
    setProblem(null);
    inspect(query);
  }

  function inspectRef(ref: string) {
    const match = /^(.+)-(\d+)@(\d+)$/.exec(ref);
    if (!match) return;
    setBy('offset');
    setTopic(match[1]!);
    setPartition(match[2]!);
    setOffset(match[3]!);
    inspect({ kind: 'offset', topic: match[1]!, partition: Number(match[2]), offset: Number(match[3]) });
  }

  return (
    <div className="inspector">
      <form className="inspector-form" onSubmit={submit} aria-label="Find a record">
        <fieldset className="inline-fieldset">
          <legend>Find by</legend>
          <label>
            <input type="radio" name="inspect-by" checked={by === 'offset'} onChange={() => setBy('offset')} /> partition and offset
          </label>
          <label>
            <input type="radio" name="inspect-by" checked={by === 'key'} onChange={() => setBy('key')} /> key
          </label>
        </fieldset>
        {by === 'offset' ? (
          <>
            <label className="inline-field">
              Topic{' '}
              <select value={topicName} onChange={(e) => setTopic(e.target.value)}>
                {(topics ?? []).map((t) => (
                  <option key={t.name}>{t.name}</option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              Partition <input type="number" min={0} value={partition} onChange={(e) => setPartition(e.target.value)} className="narrow-input" />
            </label>
            <label className="inline-field">
              Offset <input type="number" min={0} value={offset} onChange={(e) => setOffset(e.target.value)} className="narrow-input" />
            </label>
          </>
        ) : (
          <label className="inline-field">
            Key <input type="text" value={key} placeholder="k-17" onChange={(e) => setKey(e.target.value)} spellCheck={false} />
          </label>
        )}
        <button type="submit" className="button">
          Find
        </button>
        {problem && (
          <p role="alert" className="field-problem">
            {problem}
          </p>
        )}
      </form>
      <div ref={answerRef} aria-live="polite" aria-busy={inspecting}>
        {inspection && <RecordLife inspection={inspection} onInspect={inspectRef} />}
      </div>
    </div>
  );
}
