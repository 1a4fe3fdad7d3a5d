import { useId, useState } from 'react';
import { gradeDiagnosis } from '../grading';
import { useChapter } from './ChapterContext';
import { ScenarioEmbed } from './ScenarioEmbed';
import { progressStore, useChapterProgress } from './useProgress';

/** The chapter's diagnosis: run a scenario with a hidden cause, investigate, name the cause. */
export function DiagnosePanel() {
  const chapter = useChapter();
  const diagnosis = chapter.diagnosis;
  const progress = useChapterProgress(chapter.slug);
  const titleId = useId();
  const name = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  if (!diagnosis) return null;
  const verdict = checked === null ? null : gradeDiagnosis(diagnosis, checked);

  return (
    <section className="course-panel diagnose" aria-labelledby={titleId} data-testid="diagnose">
      <h3 id={titleId}>
        Diagnose: {diagnosis.title} {progress.diagnosed && <span className="badge">named before</span>}
      </h3>
      <p>{diagnosis.prompt}</p>
      <ScenarioEmbed id={diagnosis.scenario} hideDescription watch={['processed', 'lag', 'lagMax', 'rebalances', 'lost', 'deadLettered']} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen === null) return;
          setChecked(chosen);
          if (gradeDiagnosis(diagnosis, chosen).correct) progressStore().update(chapter.slug, (c) => ({ ...c, diagnosed: true }));
        }}
      >
        <fieldset className="question">
          <legend>What is the cause?</legend>
          <div className="options">
            {diagnosis.options.map((option) => (
              <label key={option.id} className="option">
                <input type="radio" name={name} value={option.id} checked={chosen === option.id} onChange={() => setChosen(option.id)} />
                <span>{option.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button-primary" disabled={chosen === null}>
          Check my diagnosis
        </button>
      </form>
      <div role="status" className="diagnose-result" data-testid="diagnose-result">
        {verdict && (
          <p className={verdict.correct ? 'feedback feedback-right' : 'feedback feedback-wrong'}>
            <strong>{verdict.correct ? 'Right. ' : 'Not this one. '}</strong>
            {verdict.feedback}
          </p>
        )}
        {verdict?.correct && <p className="explanation">{diagnosis.explanation}</p>}
      </div>
    </section>
  );
}
