import { useId, useState } from 'react';
import type { KnobValue } from '../types';

/**
 * A knob a challenge lets the learner set. Both the course's `Knob` (content/…/chapter.json) and
 * the engine's `ChallengeKnobSpec` (a scenario's own challenge) have this shape.
 */
export type ChallengeKnobField =
  | {
      kind: 'int';
      /** The learner's words for the setting, e.g. "Consumers". */
      label: string;
      /** One line on what the setting does; always shown under the field. */
      help: string;
      /** Smallest whole number the field offers. */
      min: number;
      /** Largest whole number the field offers. */
      max: number;
    }
  | {
      kind: 'choice';
      label: string;
      help: string;
      /** The values offered, each with the words the learner sees. */
      options: readonly { value: KnobValue; label: string }[];
    }
  | { kind: 'bool'; label: string; help: string };

/** What a challenge asks: its goals, then its constraints, as one list of labels. */
export function ChallengeGoalList({ goals, constraints, className }: { goals: readonly { id: string; label: string }[]; constraints: readonly { id: string; label: string }[]; className: string }) {
  return (
    <ul className={className}>
      {goals.map((goal) => (
        <li key={goal.id}>{goal.label}</li>
      ))}
      {constraints.map((constraint) => (
        <li key={constraint.id}>{constraint.label}</li>
      ))}
    </ul>
  );
}

/** One challenge knob as a labelled field with its help line. `showRange` adds "(min–max)" to a whole-number knob's label. */
export function ChallengeKnobInput({ knob, value, onChange, showRange = false }: { knob: ChallengeKnobField; value: KnobValue; onChange: (value: KnobValue) => void; showRange?: boolean }) {
  const id = useId();
  const helpId = useId();
  // Always shown (the lab's knob-help appears only on hover or focus): a help line that vanishes
  // as the field loses focus would move the Check button from under the pointer mid-click.
  const help = (
    <p className="knob-help-static" id={helpId}>
      {knob.help}
    </p>
  );
  switch (knob.kind) {
    case 'int':
      return (
        <div className="knob">
          <label className="knob-label" htmlFor={id}>
            {knob.label}
            {showRange && (
              <>
                {' '}
                <span className="challenge-range">
                  ({knob.min}–{knob.max})
                </span>
              </>
            )}
          </label>
          <NumberField id={id} helpId={helpId} min={knob.min} max={knob.max} value={value} onChange={onChange} />
          {help}
        </div>
      );
    case 'choice': {
      const index = knob.options.findIndex((option) => option.value === value);
      return (
        <div className="knob">
          <label className="knob-label" htmlFor={id}>
            {knob.label}
          </label>
          <select id={id} value={index} aria-describedby={helpId} onChange={(event) => onChange(knob.options[Number(event.target.value)]?.value ?? null)}>
            {/* A value the options do not offer (the scenario's own) stays visible instead of passing for the first option. */}
            {index === -1 && <option value={-1}>{String(value)}</option>}
            {knob.options.map((option, i) => (
              <option key={option.label} value={i}>
                {option.label}
              </option>
            ))}
          </select>
          {help}
        </div>
      );
    }
    case 'bool':
      return (
        <div className="knob">
          <label className="knob-check">
            <input type="checkbox" checked={value === true} aria-describedby={helpId} onChange={(event) => onChange(event.target.checked)} /> {knob.label}
          </label>
          {help}
        </div>
      );
  }
}

/**
 * A whole-number field that may be empty while the learner types: an empty field changes no
 * setting, and shows the setting again once it loses focus. (Refilling it at once, with the old
 * value or the minimum, would put digits before the ones being typed.)
 */
function NumberField({ id, helpId, min, max, value, onChange }: { id: string; helpId: string; min: number; max: number; value: KnobValue; onChange: (value: KnobValue) => void }) {
  const [emptied, setEmptied] = useState(false);
  return (
    <input
      id={id}
      className="knob-number"
      type="number"
      min={min}
      max={max}
      step={1}
      value={emptied || typeof value !== 'number' ? '' : value}
      aria-describedby={helpId}
      onChange={(event) => {
        const text = event.target.value;
        setEmptied(text === '');
        if (text !== '') onChange(Number(text));
      }}
      onBlur={() => setEmptied(false)}
    />
  );
}
