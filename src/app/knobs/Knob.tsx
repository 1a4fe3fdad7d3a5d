import { useId, type ReactNode } from 'react';
import { useAppStore, type KnobFeedback } from '../store';

export interface KnobProps {
  /** Control id: where the engine's answer lands in the store's knobFeedback. */
  knobId: string;
  /** Plain name, also the accessible name of the input, e.g. "Produce rate (msg/s)". */
  label: string;
  /** The real config name a learner can carry to the job, e.g. "max.poll.records"; omitted when none exists. */
  configName?: string;
  /** One line: what turning it does. Shown on hover and focus, always read by screen readers. */
  help: string;
  /** The control; receives the ids to wire its label and description. */
  children: (ids: { inputId: string; helpId: string }) => ReactNode;
}

/** A labelled control with its config name, a one-line explanation and the engine's answer. */
export function Knob({ knobId, label, configName, help, children }: KnobProps) {
  const inputId = useId();
  const helpId = useId();
  const feedback = useAppStore((s) => s.knobFeedback[knobId]);
  return (
    <div className="knob">
      <label className="knob-label" htmlFor={inputId}>
        {label}
        {configName && <code className="config-name">{configName}</code>}
      </label>
      {children({ inputId, helpId })}
      <p className="knob-help" id={helpId}>
        {help}
      </p>
      <Feedback feedback={feedback} />
    </div>
  );
}

/** The engine's answer to a control, in a live region next to it. */
export function Feedback({ feedback }: { feedback: KnobFeedback | undefined }) {
  const refused = feedback?.state === 'refused' ? feedback.message : null;
  return (
    <p className={refused ? 'knob-feedback knob-refused' : 'knob-feedback'} role="status">
      {refused ? `Refused: ${refused}` : ''}
    </p>
  );
}
