import { useId } from 'react';
import { useStore } from 'zustand';
import type { ChallengeKnobSpec } from '../engine';
import type { KnobValue } from '../course/types';
import type { ConditionResult } from '../course/grading';
import type { GoalOutcome } from './challenge';
import type { ChallengeStore } from './challengeStore';

/**
 * The scenario's challenge in the embed: the task, its goals, the only settings the learner may
 * change, a Check button, and each goal's outcome with the value it was judged on.
 */
export function ChallengePanel({ challenge }: { challenge: ChallengeStore }) {
  const titleId = useId();
  const settingsId = useId();
  const spec = useStore(challenge, (s) => s.spec);
  const settings = useStore(challenge, (s) => s.settings);
  const problems = useStore(challenge, (s) => s.problems);
  const grading = useStore(challenge, (s) => s.grading);
  const gradeAtMs = useStore(challenge, (s) => s.gradeAtMs);
  if (!spec) return null;
  const { set, reset, check } = challenge.getState();

  return (
    <section className="panel embed-challenge" aria-labelledby={titleId} data-testid="embed-challenge">
      <h2 id={titleId} className="panel-title">
        Challenge
      </h2>
      <p className="challenge-prompt">{spec.prompt}</p>
      <div className="challenge-columns">
        <div>
          <h3 className="challenge-heading">To pass</h3>
          <ul className="challenge-goals">
            {spec.goals.map((goal) => (
              <li key={goal.id}>{goal.label}</li>
            ))}
            {spec.constraints.map((constraint) => (
              <li key={constraint.id}>{constraint.label}</li>
            ))}
          </ul>
        </div>
        {/* Not a <form>: the embed's sandbox (no allow-forms) blocks form submission, Enter included. */}
        <div className="challenge-settings" role="group" aria-labelledby={settingsId}>
          <h3 className="challenge-heading" id={settingsId}>
            Your settings
          </h3>
          <p className="challenge-note">Only these settings can change; each change restarts the run.</p>
          {spec.knobs.map((knob) => (
            <ChallengeKnob key={knob.path} knob={knob} value={settings[knob.path] ?? null} onChange={(value) => set(knob.path, value)} />
          ))}
          {problems.length > 0 && (
            <ul className="challenge-problems" aria-live="polite">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={grading.state === 'running'} data-testid="challenge-check" onClick={check}>
              {grading.state === 'running' ? 'Checking…' : `Check (runs to ${formatSeconds(gradeAtMs)})`}
            </button>
            <button type="button" className="button" onClick={reset}>
              Reset settings
            </button>
          </div>
        </div>
      </div>
      <div role="status" className="challenge-outcome" data-testid="challenge-outcome" data-passed={grading.state === 'done' ? String(grading.grade.passed) : ''}>
        {grading.state === 'running' && <p>Running to {formatSeconds(gradeAtMs)} and grading…</p>}
        {grading.state === 'broken' && <p className="challenge-verdict challenge-failed">Could not grade: {grading.message}</p>}
        {grading.state === 'done' && (
          <>
            <p className={`challenge-verdict ${grading.grade.passed ? 'challenge-passed' : 'challenge-failed'}`}>
              <strong>{grading.grade.passed ? 'Passed. ' : 'Not passed. '}</strong>
              {grading.grade.feedback}
            </p>
            <ul className="challenge-results">
              {grading.grade.goals.map((goal) => (
                <ConditionLine key={goal.id} condition={goal} atMs={grading.grade.timeMs} />
              ))}
              {grading.grade.constraints.map((constraint) => (
                <ConditionLine key={constraint.id} condition={constraint} atMs={grading.grade.timeMs} />
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

function ConditionLine({ condition, atMs }: { condition: ConditionResult | GoalOutcome; atMs: number }) {
  const value = 'value' in condition ? condition.value : undefined;
  return (
    <li className={condition.ok ? 'condition-ok' : 'condition-failed'} data-ok={String(condition.ok)}>
      <span className="condition-mark" aria-hidden="true">
        {condition.ok ? '✓' : '✗'}
      </span>
      <span>
        <span className="visually-hidden">{condition.ok ? 'Passed: ' : 'Failed: '}</span>
        {condition.label}
        {value !== undefined && (
          <>
            {' '}
            <span className="challenge-measured">
              (measured at {formatSeconds(atMs)}: {value === null ? 'no value' : formatValue(value)})
            </span>
          </>
        )}
        <span className="challenge-detail">{condition.detail}</span>
      </span>
    </li>
  );
}

function ChallengeKnob({ knob, value, onChange }: { knob: ChallengeKnobSpec; value: KnobValue; onChange: (value: KnobValue) => void }) {
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
            {knob.label} <span className="challenge-range">({knob.min}–{knob.max})</span>
          </label>
          <input
            id={id}
            className="knob-number"
            type="number"
            min={knob.min}
            max={knob.max}
            step={1}
            value={typeof value === 'number' ? value : ''}
            aria-describedby={helpId}
            onChange={(event) => {
              if (event.target.value !== '') onChange(Number(event.target.value));
            }}
          />
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

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
}

function formatValue(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
