import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { Knob } from './Knob';

/** Most partitions a topic may have (the engine's limit). */
const PARTITIONS_MAX = 1024;

/** Partition count per topic (Kafka can only add partitions, so the control only adds) and min.insync.replicas. */
export function TopicKnobs() {
  // Names and counts only: they change when a partition is added, not with every frame's offsets.
  const topics = useAppStore(useShallow((s) => s.snapshot?.topics.map((t) => t.name) ?? null));
  const counts = useAppStore(useShallow((s) => s.snapshot?.topics.map((t) => t.partitions.length) ?? null));
  const specs = useAppStore((s) => s.scenario?.spec.topics ?? null);
  const run = useAppStore((s) => s.scenario);
  if (!topics) return null;
  return (
    <>
      {topics.map((topic, index) => (
        <PartitionsKnob key={topic} topic={topic} current={counts?.[index] ?? 0} showName={topics.length > 1} />
      ))}
      {specs?.map((spec) => (
        // Keyed by the run, so a new scenario starts from its own value.
        <MinIsrKnob key={`${spec.name}-${String(run?.title)}-${run?.seed}`} topic={spec.name} initial={spec.minInsyncReplicas} replicationFactor={spec.replicationFactor} showName={specs.length > 1} />
      ))}
    </>
  );
}

function PartitionsKnob({ topic, current, showName }: { topic: string; current: number; showName: boolean }) {
  const [wanted, setWanted] = useState(current + 1);
  const apply = useAppStore((s) => s.apply);
  const value = Math.max(wanted, current + 1);
  const label = showName ? `Partitions of ${topic}` : 'Partitions';
  return (
    <Knob knobId={`partitions-${topic}`} label={label} configName="--partitions" help={`Now ${current}. More partitions let more consumers share the work; existing keys may move to other partitions.`}>
      {({ inputId, helpId }) => (
        <div className="knob-row">
          <input id={inputId} className="knob-number" type="number" min={current + 1} max={PARTITIONS_MAX} step={1} value={value} aria-describedby={helpId} onChange={(event) => setWanted(Number(event.target.value))} />
          <button type="button" className="button" disabled={current >= PARTITIONS_MAX} onClick={() => apply(`partitions-${topic}`, { type: 'set-partitions', topic, partitions: value })}>
            Add partitions
          </button>
        </div>
      )}
    </Knob>
  );
}

/** min.insync.replicas: a dynamic topic config in Kafka, so it applies from the next produce request. */
function MinIsrKnob({ topic, initial, replicationFactor, showName }: { topic: string; initial: number; replicationFactor: number; showName: boolean }) {
  const [value, setValue] = useState(initial);
  const apply = useAppStore((s) => s.apply);
  const knobId = `min-isr-${topic}`;
  const label = showName ? `Min in-sync replicas of ${topic}` : 'Min in-sync replicas';
  return (
    <Knob knobId={knobId} label={label} configName="min.insync.replicas" help={`With acks=all a write is refused unless at least this many of the ${replicationFactor} copies are in sync: higher is safer, but a broker down can stop writes.`}>
      {({ inputId, helpId }) => (
        <select
          id={inputId}
          value={value}
          aria-describedby={helpId}
          onChange={(event) => {
            const next = Number(event.target.value);
            setValue(next);
            apply(knobId, { type: 'set-topic-config', topic, minInsyncReplicas: next });
          }}
        >
          {Array.from({ length: replicationFactor }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      )}
    </Knob>
  );
}
