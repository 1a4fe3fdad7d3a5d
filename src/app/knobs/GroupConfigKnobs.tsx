import { useState } from 'react';
import type { Change, Scenario } from '../../engine';
import { useAppStore } from '../store';
import { Knob } from './Knob';
import { useDebounced } from './useDebounced';

type GroupSpec = Scenario['consumerGroups'][number];
type GroupConfig = Omit<Extract<Change, { type: 'set-group-config' }>, 'type' | 'group'>;

const APPLY_QUIET_MS = 300;

/**
 * A group's configs, live: assignor, commit mode, failure rate, retries and back-off, dead-letter
 * topic and idempotent processing. Each is a rolling restart in Kafka; the engine says in the
 * event log when each takes effect, and refuses (shown under the control) what Kafka cannot do in
 * one step, such as switching between eager and cooperative rebalancing.
 */
export function GroupConfigKnobs({ spec }: { spec: GroupSpec }) {
  const apply = useAppStore((s) => s.apply);
  // The engine's current values, where the frame carries them: a refused change snaps back.
  // Each a primitive, so the knobs re-render when a value changes, not with every frame.
  const assignor = useAppStore((s) => s.snapshot?.groups.find((g) => g.id === spec.id)?.assignor);
  const commit = useAppStore((s) => s.snapshot?.groups.find((g) => g.id === spec.id)?.commit);
  const idempotent = useAppStore((s) => s.snapshot?.groups.find((g) => g.id === spec.id)?.delivery.idempotent);
  const send = (knob: string, config: GroupConfig) => apply(`${knob}-${spec.id}`, { type: 'set-group-config', group: spec.id, ...config });
  const inPlace = spec.retry.mode === 'in-place';
  return (
    <>
      <SelectKnob
        knobId={`assignor-${spec.id}`}
        label="Assignor"
        configName="partition.assignment.strategy"
        help="How the group leader divides partitions among consumers. A change makes the group rebalance now, as the rolling restart that deploys it would."
        initial={spec.assignor}
        current={assignor}
        options={[
          ['range', 'range (eager)'],
          ['roundrobin', 'roundrobin (eager)'],
          ['sticky', 'sticky (eager)'],
          ['cooperative-sticky', 'cooperative-sticky'],
        ]}
        onChange={(assignor) => send('assignor', { assignor: assignor as GroupSpec['assignor'] })}
      />
      <SelectKnob
        knobId={`commit-${spec.id}`}
        label="Commit mode"
        configName="enable.auto.commit"
        help="When offsets are committed: after processing (a crash redelivers: duplicates), before (a crash skips: losses) or on a timer."
        initial={spec.commit}
        current={commit}
        options={[
          ['after-process', 'after processing (at-least-once)'],
          ['before-process', 'before processing (at-most-once)'],
          ['auto', `auto, every ${spec.autoCommitIntervalMs} ms`],
        ]}
        onChange={(commit) => send('commit', { commit: commit as GroupSpec['commit'] })}
      />
      <NumberKnob
        knobId={`failure-rate-${spec.id}`}
        label="Failure rate (%)"
        configName="transientRate"
        help="Chance that one processing attempt fails for a passing reason (a timeout, a lock): the record is retried."
        initial={spec.failures.transientRate * 100}
        min={0}
        max={100}
        step={1}
        onChange={(percent) => send('failure-rate', { failures: { transientRate: percent / 100 } })}
      />
      {inPlace && (
        <>
          <NumberKnob
            knobId={`attempts-${spec.id}`}
            label="Max attempts"
            configName="maxAttempts"
            help="Attempts per record, the first included, before it is dead-lettered or skipped. Retries block the partition (in place)."
            initial={spec.retry.maxAttempts}
            min={1}
            max={100}
            step={1}
            onChange={(maxAttempts) => send('attempts', { retry: { maxAttempts } })}
          />
          <NumberKnob
            knobId={`backoff-${spec.id}`}
            label="Back-off (ms)"
            configName="backOff"
            help={`Wait before the first retry; each next one waits ×${spec.retry.multiplier}, up to ${spec.retry.maxBackoffMs} ms. The consumer sleeps meanwhile.`}
            initial={spec.retry.backoffMs}
            min={0}
            max={spec.retry.maxBackoffMs}
            step={10}
            onChange={(backoffMs) => send('backoff', { retry: { backoffMs } })}
          />
        </>
      )}
      <CheckboxKnob
        knobId={`dlq-${spec.id}`}
        label="Dead-letter topic"
        configName="DeadLetterPublishingRecoverer"
        help="On: a record that fails its last attempt goes to <topic>-dlt, where it can be replayed. Off: it is logged and skipped (lost)."
        initial={spec.deadLetterTopic !== null || !inPlace}
        onChange={(deadLetter) => send('dlq', { deadLetter })}
      />
      <CheckboxKnob
        knobId={`idempotent-${spec.id}`}
        label="Idempotent consumer"
        configName="idempotent"
        help="Processing remembers the records it has handled, so a redelivery after a crash or rebalance has no second effect."
        initial={spec.idempotent}
        current={idempotent}
        onChange={(idempotent) => send('idempotent', { idempotent })}
      />
    </>
  );
}

interface BaseProps<T> {
  knobId: string;
  label: string;
  configName: string;
  help: string;
  initial: T;
  /** The engine's value from the latest frame, when it reports one: shown instead of the last choice. */
  current?: T | undefined;
  onChange: (value: T) => void;
}

function SelectKnob({ options, ...props }: BaseProps<string> & { options: [string, string][] }) {
  const [chosen, setValue] = useState(props.initial);
  const value = props.current ?? chosen;
  return (
    <Knob knobId={props.knobId} label={props.label} configName={props.configName} help={props.help}>
      {({ inputId, helpId }) => (
        <select
          id={inputId}
          value={value}
          aria-describedby={helpId}
          onChange={(event) => {
            setValue(event.target.value);
            props.onChange(event.target.value);
          }}
        >
          {options.map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Knob>
  );
}

function NumberKnob({ min, max, step, ...props }: BaseProps<number> & { min: number; max: number; step: number }) {
  const [value, setValue] = useState(props.initial);
  const send = useDebounced(props.onChange, APPLY_QUIET_MS);
  return (
    <Knob knobId={props.knobId} label={props.label} configName={props.configName} help={props.help}>
      {({ inputId, helpId }) => (
        <input
          id={inputId}
          className="knob-number"
          type="number"
          min={min}
          max={max}
          step={step}
          value={value}
          aria-describedby={helpId}
          onChange={(event) => {
            const next = Number(event.target.value);
            if (!Number.isFinite(next) || next < min || next > max) return;
            setValue(next);
            send(next);
          }}
        />
      )}
    </Knob>
  );
}

function CheckboxKnob(props: BaseProps<boolean>) {
  const [chosen, setChecked] = useState(props.initial);
  const checked = props.current ?? chosen;
  return (
    <Knob knobId={props.knobId} label={props.label} configName={props.configName} help={props.help}>
      {({ inputId, helpId }) => (
        <input
          id={inputId}
          type="checkbox"
          checked={checked}
          aria-describedby={helpId}
          onChange={(event) => {
            setChecked(event.target.checked);
            props.onChange(event.target.checked);
          }}
        />
      )}
    </Knob>
  );
}
