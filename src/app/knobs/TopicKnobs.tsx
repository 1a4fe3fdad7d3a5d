import { useState } from 'react';
import { useAppStore } from '../store';
import { Knob } from './Knob';

/** Most partitions a topic may have (the engine's limit). */
const PARTITIONS_MAX = 1024;

/** Partition count per topic: Kafka can only add partitions, so the control only adds. */
export function TopicKnobs() {
  const topics = useAppStore((s) => s.snapshot?.topics ?? null);
  if (!topics) return null;
  return (
    <>
      {topics.map((topic) => (
        <PartitionsKnob key={topic.name} topic={topic.name} current={topic.partitions.length} showName={topics.length > 1} />
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
