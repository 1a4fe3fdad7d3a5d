import { useId, useMemo, useState } from 'react';
import { parseScenario } from '../../engine';
import { gradeInWorker } from '../gradeProtocol';
import type { ConditionResult, GradeResult } from '../grading';
import { readPath } from '../paths';
import type { Challenge, Knob, KnobValue } from '../types';
import { ChallengeGoalList, ChallengeKnobInput } from './ChallengeParts';
import { useChapter } from './ChapterContext';
import { progressStore, useChapterProgress } from './useProgress';

type Grading = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: GradeResult } | { state: 'broken'; message: string };

/** The chapter's challenge: set the allowed knobs, let the simulator run it, read which condition failed. */
export function ChallengePanel() {
  const chapter = useChapter();
  const challenge = chapter.challenge;
  if (!challenge) return null;
  return <ChallengeForm slug={chapter.slug} challenge={challenge} scenarioJson={chapter.scenarios[challenge.scenario]} />;
}

function ChallengeForm({ slug, challenge, scenarioJson }: { slug: string; challenge: Challenge; scenarioJson: unknown }) {
  const titleId = useId();
  const progress = useChapterProgress(slug);
  const initial = useMemo(() => initialValues(challenge.knobs, scenarioJson), [challenge, scenarioJson]);
  const [values, setValues] = useState<Record<string, KnobValue>>(initial);
  const [grading, setGrading] = useState<Grading>({ state: 'idle' });

  async function check() {
    setGrading({ state: 'running' });
    const patch = Object.fromEntries(Object.entries(values).filter(([path, value]) => value !== initial[path]));
    const response = await gradeInWorker({ challenge, scenarioJson, attempt: { patch } });
    if (!response.ok) {
      setGrading({ state: 'broken', message: response.message });
      return;
    }
    setGrading({ state: 'done', result: response.result });
    if (response.result.passed) progressStore().update(slug, (c) => ({ ...c, challengePassed: true }));
  }

  return (
    <section className="course-panel challenge" aria-labelledby={titleId} data-testid="challenge">
      <h3 id={titleId}>
        Challenge: {challenge.title} {progress.challengePassed && <span className="badge">solved before</span>}
      </h3>
      <p>{challenge.prompt}</p>
      <div className="challenge-grid">
        <div>
          <h4>To pass</h4>
          <ChallengeGoalList goals={challenge.goals} constraints={challenge.constraints} className="conditions" />
        </div>
        <form
          className="challenge-knobs"
          onSubmit={(event) => {
            event.preventDefault();
            void check();
          }}
        >
          <h4>Your settings</h4>
          {challenge.knobs.map((knob) => (
            <ChallengeKnobInput key={knob.path} knob={knob} value={values[knob.path] ?? null} onChange={(value) => setValues({ ...values, [knob.path]: value })} />
          ))}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={grading.state === 'running'}>
              {grading.state === 'running' ? 'Running…' : 'Run and grade'}
            </button>
            <button type="button" className="button" onClick={() => setValues(initial)}>
              Reset settings
            </button>
          </div>
        </form>
      </div>
      <div role="status" className="challenge-result" data-testid="challenge-result" data-passed={grading.state === 'done' ? String(grading.result.passed) : ''}>
        {grading.state === 'running' && <p>The simulator is running the scenario with your settings…</p>}
        {grading.state === 'broken' && <p className="feedback-wrong">The grader failed: {grading.message}</p>}
        {grading.state === 'done' && <Result result={grading.result} />}
      </div>
      {(grading.state === 'done' || progress.challengePassed) && (
        <details className="solution">
          <summary>Show a solution</summary>
          <p>{describePatch(challenge, challenge.solution.patch)}</p>
          <p>{challenge.solution.explanation}</p>
        </details>
      )}
    </section>
  );
}

function Result({ result }: { result: GradeResult }) {
  const conditions = [...result.constraints, ...result.goals];
  return (
    <>
      <p className={result.passed ? 'feedback feedback-right' : 'feedback feedback-wrong'}>
        <strong>{result.passed ? 'Passed. ' : 'Not passed. '}</strong>
        {result.feedback}
      </p>
      {conditions.length > 0 && (
        <ul className="condition-results">
          {conditions.map((c) => (
            <ConditionLine key={c.id} condition={c} />
          ))}
        </ul>
      )}
    </>
  );
}

function ConditionLine({ condition }: { condition: ConditionResult }) {
  return (
    <li className={condition.ok ? 'condition-ok' : 'condition-failed'}>
      <span className="condition-mark" aria-hidden="true">
        {condition.ok ? '✓' : '✗'}
      </span>
      <span>
        <span className="visually-hidden">{condition.ok ? 'Held: ' : 'Failed: '}</span>
        {condition.label} <span className="condition-detail">({condition.detail})</span>
      </span>
    </li>
  );
}

/** Each knob's value in the scenario as it starts, defaults filled in. */
function initialValues(knobs: readonly Knob[], scenarioJson: unknown): Record<string, KnobValue> {
  const parsed = parseScenario(scenarioJson);
  const source = parsed.ok ? parsed.scenario : scenarioJson;
  const values: Record<string, KnobValue> = {};
  for (const knob of knobs) {
    const value = readPath(source, knob.path) ?? readPath(scenarioJson, knob.path);
    values[knob.path] = value === undefined || (typeof value === 'object' && value !== null) ? null : (value as KnobValue);
  }
  return values;
}

/** "Set auto.offset.reset of analytics to earliest: …" in the knobs' own words. */
function describePatch(challenge: Challenge, patch: Record<string, KnobValue>): string {
  const parts = Object.entries(patch).map(([path, value]) => {
    const knob = challenge.knobs.find((k) => k.path === path);
    if (!knob) return `${path} = ${String(value)}`;
    const shown = knob.kind === 'choice' ? (knob.options.find((o) => o.value === value)?.label ?? String(value)) : String(value);
    return `${knob.label}: ${shown}`;
  });
  return parts.length === 0 ? 'No setting changes: the solution uses live changes only.' : `Set ${parts.join('; ')}.`;
}
