import { describe, expect, it } from 'vitest';
import { getCourse } from './chapters';
import { checkPrediction, predictionOutcome } from './predict';
import { predictionSchema } from './schema';
import type { Metrics } from '../engine';
import type { Prediction } from './types';

const durability = getCourse().chapters.find((c) => c.slug === 'durability')!;
const prediction = durability.predictions['leader-crash']!;
const scenario = durability.scenarios['leader-crash'];

/** Just the numbers a prediction reads; the rest of Metrics is never touched. */
const metricsWith = (lost: number, acknowledged: number) => ({ lost, acknowledged }) as unknown as Metrics;

describe('checkPrediction', () => {
  it('fails a wrong claim: "no acknowledged payment is lost" does not hold on the acks=1 crash', () => {
    const wrong: Prediction = { ...prediction, answer: 'all-safe', evidence: [{ id: 'none-lost', label: 'Nothing lost', metric: 'lost', op: '==', value: 0 }] };
    const result = checkPrediction(wrong, scenario);
    expect(result.holds).toBe(false);
    expect(result.goals).toEqual([{ id: 'none-lost', label: 'Nothing lost', ok: false, detail: 'lost was 155 at 25 s (needed = 0 at the end)' }]);
  });
});

describe('predictionOutcome', () => {
  it('puts a wrong prediction beside the answer and the number that shows it', () => {
    expect(predictionOutcome(prediction, 'all-safe', metricsWith(155, 2492))).toEqual({
      correct: false,
      predictedText: 'None is lost: there are three copies of every partition',
      answerText: 'Some are lost: the new leader never had the newest ones',
      value: 155,
      runAgrees: true,
      sentence: 'You predicted “None is lost: there are three copies of every partition” — the run shows “Some are lost: the new leader never had the newest ones”. Not this time. Acknowledged payments lost: 155.',
    });
  });

  it('confirms a right prediction, and says so when a skipped one is shown the answer', () => {
    expect(predictionOutcome(prediction, 'some-lost', metricsWith(155, 2492)).correct).toBe(true);
    const skipped = predictionOutcome(prediction, null, metricsWith(155, 2492));
    expect(skipped.correct).toBe(false);
    expect(skipped.sentence).toMatch(/^You skipped the prediction — the run shows “Some are lost/);
  });

  it('warns when the learner changed the run so it no longer shows the answer', () => {
    const outcome = predictionOutcome(prediction, 'some-lost', metricsWith(0, 2492));
    expect(outcome.runAgrees).toBe(false);
    expect(outcome.sentence).toContain('Your changes during the run moved it away from that result');
  });
});

describe('predictionSchema', () => {
  it('rejects an answer that is not an option, and the reserved option id "skipped"', () => {
    const bad = { ...prediction, answer: 'nope', options: [{ id: 'skipped', text: 'a' }, { id: 'b', text: 'b' }] };
    const parsed = predictionSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['options: option id "skipped" is reserved', 'answer: "nope" is not one of the option ids']);
  });
});
