/**
 * "Predict, then run": checking a prediction's claim headlessly (content.test.ts) and comparing a
 * learner's prediction with what a live run showed (the chapter's scenario embed). Pure.
 */
import type { Metrics } from '../engine';
import { checkGoals, compare, type ConditionResult } from './grading';
import { readNumber } from './paths';
import type { Prediction } from './types';

/** Whether the unchanged scenario really shows the prediction's answer: every evidence condition holds. */
export function checkPrediction(prediction: Prediction, scenarioJson: unknown): { holds: boolean; goals: ConditionResult[]; errors: string[] } {
  return checkGoals(prediction.evidence, scenarioJson);
}

/** What the learner sees after the run: their prediction beside the answer and the number that shows it. */
export interface PredictionOutcome {
  /** The learner predicted the option the run shows. */
  correct: boolean;
  /** Text of the option the learner chose, or null when they skipped. */
  predictedText: string | null;
  /** Text of the option the run shows. */
  answerText: string;
  /** The `show` metric read from the run's final metrics; undefined when the metrics have no number there. */
  value: number | undefined;
  /**
   * Every end-of-run evidence condition held on this run too. False when the learner changed the
   * run while it played (a knob, a crash) and so moved it away from what the unchanged run shows.
   */
  runAgrees: boolean;
  /** One sentence for the learner (and for screen readers, via aria-live). */
  sentence: string;
}

/** Compares the learner's choice (null: skipped) with the answer, on the metrics at the end of their run. */
export function predictionOutcome(prediction: Prediction, chosenId: string | null, metrics: Metrics): PredictionOutcome {
  const answer = prediction.options.find((o) => o.id === prediction.answer);
  // The schema guarantees the answer is one of the options.
  if (!answer) throw new Error(`prediction answer "${prediction.answer}" is not one of its options`);
  const predicted = chosenId === null ? null : (prediction.options.find((o) => o.id === chosenId) ?? null);
  const value = readNumber(metrics, prediction.show.metric);
  // Conditions with forMs need samples over a window; the final snapshot can only check end-of-run ones.
  const runAgrees = prediction.evidence
    .filter((g) => g.forMs === undefined)
    .every((g) => {
      const observed = readNumber(metrics, g.metric);
      if (observed === undefined) return false;
      const denominator = g.divideBy === undefined ? 1 : readNumber(metrics, g.divideBy);
      if (denominator === undefined) return false;
      return compare(denominator === 0 ? 0 : observed / denominator, g.op, g.value);
    });
  const correct = predicted?.id === answer.id;
  const shown = `${prediction.show.label}: ${value === undefined ? 'not measured' : value.toLocaleString('en-US', { maximumFractionDigits: 2 })}.`;
  const lead = predicted === null ? `You skipped the prediction — the run shows “${answer.text}”.` : `You predicted “${predicted.text}” — the run shows “${answer.text}”.`;
  const verdict = predicted === null ? '' : correct ? ' Right.' : ' Not this time.';
  const caveat = runAgrees ? '' : ' Your changes during the run moved it away from that result; rewind and play it unchanged to see it.';
  return { correct, predictedText: predicted?.text ?? null, answerText: answer.text, value, runAgrees, sentence: `${lead}${verdict} ${shown}${caveat}` };
}
