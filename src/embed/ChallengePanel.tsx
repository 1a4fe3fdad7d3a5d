import { useId } from 'react';
import { useStore } from 'zustand';
import type { ConditionResult } from '../course/grading';
import { ChallengeGoalList, ChallengeKnobInput } from '../course/ui/ChallengeParts';
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
          <ChallengeGoalList goals={spec.goals} constraints={spec.constraints} className="challenge-goals" />
        </div>
        {/* Not a <form>: the embed's sandbox (no allow-forms) blocks form submission, Enter included. */}
        <div className="challenge-settings" role="group" aria-labelledby={settingsId}>
          <h3 className="challenge-heading" id={settingsId}>
            Your settings
          </h3>
          <p className="challenge-note">Only these settings can change; each change restarts the run.</p>
          {spec.knobs.map((knob) => (
            <ChallengeKnobInput key={knob.path} knob={knob} value={settings[knob.path] ?? null} onChange={(value) => set(knob.path, value)} showRange />
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

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
}

function formatValue(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
