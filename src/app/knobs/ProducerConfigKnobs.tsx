import { useState } from 'react';
import type { Scenario } from '../../engine';
import { useAppStore } from '../store';
import { Knob } from './Knob';
import { useDebounced } from './useDebounced';

type ProducerSpec = Scenario['producers'][number];
type KeySpec = ProducerSpec['keys'];
type Acks = ProducerSpec['acks'];

const APPLY_QUIET_MS = 200;
/** Keys a producer draws from when a learner switches from null keys to keyed records. */
const DEFAULT_KEY_COUNT = 1000;

/**
 * A producer's configs, live: acks and how it picks keys (distribution and hot-key share). In
 * Kafka both need a new producer; the engine applies them from the next request / record and
 * says so in the event log.
 */
export function ProducerConfigKnobs({ producer, showId }: { producer: ProducerSpec; showId: boolean }) {
  return (
    <>
      <AcksKnob producer={producer} showId={showId} />
      <KeysKnob producer={producer} showId={showId} />
    </>
  );
}

function AcksKnob({ producer, showId }: { producer: ProducerSpec; showId: boolean }) {
  const [acks, setAcks] = useState<Acks>(producer.acks);
  const apply = useAppStore((s) => s.apply);
  const knobId = `acks-${producer.id}`;
  const label = showId ? `Acks of ${producer.id}` : 'Acks';
  const idempotenceNote = producer.enableIdempotence ? ' Below all, the producer restarts without idempotence, as Kafka does when it was not asked for.' : '';
  return (
    <Knob knobId={knobId} label={label} configName="acks" help={`How many copies must have a record before the producer counts it as sent: 0 (none), 1 (the leader) or all (every in-sync replica). Only all survives a leader crash.${idempotenceNote}`}>
      {({ inputId, helpId }) => (
        <select
          id={inputId}
          value={acks}
          aria-describedby={helpId}
          onChange={(event) => {
            const value = event.target.value as Acks;
            setAcks(value);
            // Kafka allows idempotence only with acks=all: a lower acks restarts the producer without it.
            apply(knobId, { type: 'set-producer-config', producer: producer.id, acks: value, ...(value !== 'all' && producer.enableIdempotence ? { enableIdempotence: false } : {}) });
          }}
        >
          <option value="0">0 — fire and forget</option>
          <option value="1">1 — the leader has it</option>
          <option value="all">all — every in-sync replica has it</option>
        </select>
      )}
    </Knob>
  );
}

function KeysKnob({ producer, showId }: { producer: ProducerSpec; showId: boolean }) {
  const [keys, setKeys] = useState<KeySpec>(producer.keys);
  const apply = useAppStore((s) => s.apply);
  const knobId = `keys-${producer.id}`;
  const send = (next: KeySpec) => apply(knobId, { type: 'set-producer-config', producer: producer.id, keys: next });
  const sendLater = useDebounced(send, APPLY_QUIET_MS);
  const label = showId ? `Key distribution of ${producer.id}` : 'Key distribution';
  const count = keys.distribution === 'none' ? DEFAULT_KEY_COUNT : keys.count;
  const choose = (distribution: KeySpec['distribution']) => {
    const next = keysOf(distribution, count, keys);
    setKeys(next);
    send(next);
  };
  return (
    <Knob knobId={knobId} label={label} configName="key" help="How the producer picks record keys. Records with the same key always go to the same partition, so a hot key makes one partition (and its consumer) hot.">
      {({ inputId, helpId }) => (
        <>
          <select id={inputId} value={keys.distribution} aria-describedby={helpId} onChange={(event) => choose(event.target.value as KeySpec['distribution'])}>
            <option value="none">no keys (sticky partitioner)</option>
            <option value="uniform">uniform over {count} keys</option>
            <option value="zipf">zipf over {count} keys</option>
            <option value="hot">one hot key</option>
          </select>
          {keys.distribution === 'hot' && (
            <div className="knob-row">
              <label className="inline-label">
                <span>Hot-key share (%)</span>
                <input
                  className="knob-number"
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  value={Math.round(keys.hotShare * 100)}
                  aria-describedby={helpId}
                  onChange={(event) => {
                    const percent = Number(event.target.value);
                    if (!Number.isFinite(percent) || percent < 0 || percent > 100) return;
                    const next = { ...keys, hotShare: percent / 100 };
                    setKeys(next);
                    sendLater(next);
                  }}
                />
              </label>
              <span className="knob-value">key {keys.hotKey}</span>
            </div>
          )}
        </>
      )}
    </Knob>
  );
}

/** The key spec for a distribution, keeping the count (and the hot key) the producer has. */
function keysOf(distribution: KeySpec['distribution'], count: number, current: KeySpec): KeySpec {
  switch (distribution) {
    case 'none':
      return { distribution };
    case 'uniform':
      return { distribution, count };
    case 'zipf':
      return { distribution, count, skew: 1 };
    case 'hot':
      return current.distribution === 'hot' ? current : { distribution, count, hotKey: 'k-0', hotShare: 0.5 };
  }
}
