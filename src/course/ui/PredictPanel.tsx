/**
 * "Predict, then run" in a chapter scenario: the question before it plays, and afterwards the
 * learner's prediction beside what the run showed, announced to screen readers.
 */
import { useId } from 'react';
import { useAppStore } from '../../app/store';
import { predictionOutcome } from '../predict';
import { PREDICTION_SKIPPED } from '../progress';
import type { Prediction } from '../types';

/** The question with one radio per option; choosing one (or skipping) unlocks Play. */
export function PredictQuestion({ prediction, name, chosen, onChoose }: { prediction: Prediction; name: string; chosen: string | undefined; onChoose: (optionId: string) => void }) {
  const legendId = useId();
  return (
    <fieldset className="predict" aria-labelledby={legendId} data-testid={`predict-${name}`}>
      <legend id={legendId}>
        <span className="embed-kicker">Predict, then run</span> {prediction.question}
      </legend>
      {prediction.options.map((option) => (
        <label key={option.id} className="predict-option">
          <input type="radio" name={`predict-${name}`} value={option.id} checked={chosen === option.id} onChange={() => onChoose(option.id)} />
          {option.text}
        </label>
      ))}
      {chosen === undefined && (
        <button type="button" className="link-button" onClick={() => onChoose(PREDICTION_SKIPPED)}>
          Skip the prediction
        </button>
      )}
    </fieldset>
  );
}

/** After the run ends: "You predicted X — the run shows Y" with the proving number. Reads the embed's store. */
export function PredictResult({ prediction, chosen }: { prediction: Prediction; chosen: string }) {
  const status = useAppStore((s) => s.status);
  const metrics = useAppStore((s) => s.snapshot?.metrics ?? null);
  const outcome = status === 'finished' && metrics ? predictionOutcome(prediction, chosen === PREDICTION_SKIPPED ? null : chosen, metrics) : null;
  return (
    // Always rendered, so assistive technology is listening before the sentence appears.
    <div className="predict-result" role="status" aria-live="polite" data-testid="predict-result">
      {outcome && (
        <>
          <p className={outcome.correct ? 'predict-verdict predict-right' : 'predict-verdict'}>{outcome.sentence}</p>
          <p className="predict-explanation">{prediction.explanation}</p>
        </>
      )}
    </div>
  );
}
