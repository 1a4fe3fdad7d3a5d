import type { LifeStep, LifeStepKind, RecordLife } from '../../engine';
import { formatSimTime } from '../format';

const STEP_LABEL: Record<LifeStepKind, string> = {
  produced: 'produced',
  batched: 'batched',
  appended: 'appended',
  replicated: 'replicated',
  fetched: 'fetched',
  processed: 'processed',
  failed: 'failed',
  retried: 'retried',
  committed: 'committed',
  'dead-lettered': 'dead-lettered',
  lost: 'lost',
};

/** Every step of one record's life, with exact times and why, oldest first. */
export function LifeSteps({ life }: { life: RecordLife }) {
  if (life.steps.length === 0) {
    return (
      <p data-testid="life-empty">
        The record trail holds no step of this record: it was not written yet, or its steps are older than the trail remembers.
      </p>
    );
  }
  return (
    <>
      {life.evictedBeforeMs !== null && (
        <p className="notice" data-testid="life-evicted">
          The record trail keeps the most recent steps of all records: steps before {formatSimTime(life.evictedBeforeMs)} were overwritten, so earlier ones may be missing.
        </p>
      )}
      <ol className="life-steps" aria-label="Its life, exact times, oldest first" data-testid="life-steps">
        {life.steps.map((step, i) => (
          <li key={i} className={`life-step life-${step.kind}`} data-testid="life-step" data-kind={step.kind}>
            <span className="life-time">{formatSimTime(step.timeMs)}</span>
            <span className="life-kind">
              {STEP_LABEL[step.kind]}
              {step.attempt !== undefined && (step.kind === 'failed' || step.kind === 'processed') ? ` (attempt ${step.attempt})` : ''}
            </span>
            <div className="life-text">
              {step.why}
              {step.headers && <Headers headers={step.headers} />}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

function Headers({ headers }: { headers: Record<string, string> }) {
  return (
    <dl className="life-headers" aria-label="Dead-letter headers">
      {Object.entries(headers).map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The exact time of the first step of a kind (for a group, when given), or null. */
export function firstStepMs(life: RecordLife | null, kind: LifeStepKind, group?: string): number | null {
  const step = life?.steps.find((s: LifeStep) => s.kind === kind && (group === undefined || s.group === group));
  return step?.timeMs ?? null;
}
