import { useState } from 'react';
import type { GroupView, Scenario } from '../../engine';
import { useThrottledAppStore } from '../hooks/useThrottledAppStore';
import { useAppStore } from '../store';
import { meanMs, withMeanMs, type Distribution } from './distribution';
import { FailureKnobs } from './FailureKnobs';
import { GroupConfigKnobs } from './GroupConfigKnobs';
import { Feedback, Knob } from './Knob';
import { useDebounced } from './useDebounced';

const APPLY_QUIET_MS = 200;
/** A slowed consumer takes this many times its group's processing time... */
const SLOW_FACTOR = 10;
/** ...for this long, simulated ms. */
const SLOW_FOR_MS = 10_000;

/** Processing time, membership, configs and failure controls for each consumer group. */
export function GroupKnobs() {
  const specs = useAppStore((s) => s.scenario?.spec.consumerGroups ?? null);
  const run = useAppStore((s) => s.scenario);
  const producers = useAppStore((s) => s.scenario?.spec.producers ?? null);
  if (!specs || specs.length === 0) return null;
  return (
    <>
      {specs.map((spec) => (
        <fieldset key={`${spec.id}-${String(run?.title)}-${run?.seed}`} className="knob-group">
          <legend>
            Group <strong>{spec.id}</strong>
          </legend>
          <ProcessingKnob groupId={spec.id} initial={spec.processingMs} />
          <ConsumerButtons groupId={spec.id} processing={spec.processingMs} />
          <GroupConfigKnobs spec={spec} />
          <FailureKnobs groupId={spec.id} suggestedKey={hotKeyOf(producers, spec.topics)} />
        </fieldset>
      ))}
    </>
  );
}

function ProcessingKnob({ groupId, initial }: { groupId: string; initial: Distribution }) {
  const [mean, setMean] = useState(meanMs(initial));
  const apply = useAppStore((s) => s.apply);
  const knobId = `processing-${groupId}`;
  const send = useDebounced((value: number) => apply(knobId, { type: 'set-processing', group: groupId, processingMs: withMeanMs(initial, value) }), APPLY_QUIET_MS);
  const change = (value: number) => {
    if (!Number.isFinite(value) || value < 0) return;
    setMean(value);
    send(value);
  };
  return (
    <Knob knobId={knobId} label="Processing time (ms)" help={`Mean time your handler takes per record (${initial.dist} distribution). One consumer can process at most 1000 ÷ this many records per second.`}>
      {({ inputId, helpId }) => (
        <div className="knob-row">
          <input type="range" min={0} max={Math.max(100, mean)} step={0.1} value={mean} aria-label="Processing time (ms) slider" aria-describedby={helpId} onChange={(event) => change(Number(event.target.value))} />
          <input id={inputId} className="knob-number" type="number" min={0} step={0.1} value={mean} aria-describedby={helpId} onChange={(event) => change(Number(event.target.value))} />
        </div>
      )}
    </Knob>
  );
}

function ConsumerButtons({ groupId, processing }: { groupId: string; processing: Distribution }) {
  const group = useThrottledAppStore((s) => s.snapshot?.groups.find((g) => g.id === groupId) ?? null);
  const apply = useAppStore((s) => s.apply);
  const feedback = useAppStore((s) => s.knobFeedback[`consumers-${groupId}`]);
  const [chosen, setChosen] = useState(0);
  if (!group) return null;
  const running = runningIndexes(group);
  const target = running.includes(chosen) ? chosen : (running[0] ?? -1);
  const name = group.consumers[target]?.id ?? '';
  const knobId = `consumers-${groupId}`;
  const last = running.at(-1);

  return (
    <div className="knob" role="group" aria-label={`Consumers of ${groupId}`}>
      <p className="knob-label">
        Consumers <span className="knob-value">{running.length} running</span>
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => apply(knobId, { type: 'consumer-add', group: groupId, count: 1 })} title="Start one more consumer; it joins the group and a rebalance gives it partitions">
          Add consumer
        </button>
        <button
          type="button"
          className="button"
          disabled={last === undefined}
          onClick={() => last !== undefined && apply(knobId, { type: 'consumer-leave', group: groupId, consumer: last })}
          title="Shut the newest running consumer down cleanly: it sends LeaveGroup, so the rebalance starts at once"
        >
          Remove consumer
        </button>
      </div>
      <div className="knob-row">
        <label className="inline-label">
          <span>Consumer</span>
          <select value={target} onChange={(event) => setChosen(Number(event.target.value))} disabled={running.length === 0}>
            {running.map((index) => (
              <option key={index} value={index}>
                {group.consumers[index]?.id}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-danger"
          disabled={target < 0}
          onClick={() => apply(knobId, { type: 'consumer-crash', group: groupId, consumer: target, restartAfterMs: null })}
          title="Kill the process without leaving the group: nobody notices until session.timeout.ms passes"
        >
          Crash {name || 'consumer'}
        </button>
        <button
          type="button"
          className="button"
          disabled={target < 0}
          onClick={() => apply(knobId, { type: 'consumer-slow', group: groupId, consumer: target, processingMs: withMeanMs(processing, meanMs(processing) * SLOW_FACTOR), durationMs: SLOW_FOR_MS })}
          title={`Make it ${SLOW_FACTOR}× slower for ${SLOW_FOR_MS / 1000} simulated seconds: its partitions build lag while the others keep up`}
        >
          Slow {name || 'consumer'}
        </button>
      </div>
      <Feedback feedback={feedback} />
    </div>
  );
}

/** Indexes (the engine's consumer numbers within the group) of consumers not crashed or stopped. */
function runningIndexes(group: GroupView): number[] {
  return group.consumers.flatMap((consumer, index) => (consumer.state === 'dead' ? [] : [index]));
}

/** The hot key of a producer writing to one of `topics`, if one has a hot key: the most telling key to poison. */
function hotKeyOf(producers: Scenario['producers'] | null, topics: string[]): string | undefined {
  for (const producer of producers ?? []) {
    if (topics.includes(producer.topic) && producer.keys.distribution === 'hot') return producer.keys.hotKey;
  }
  return undefined;
}
