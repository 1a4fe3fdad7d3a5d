import type { KnobValue } from '../course/types';
import type { GradeOutcome } from './challengeStore';

/** What the page asks the embed's grading worker. */
export interface GradeRequest {
  /** The scenario document holding the challenge, as loaded (seed as the run uses it). */
  scenarioJson: unknown;
  /** Knob path → the learner's value. */
  settings: Record<string, KnobValue>;
}

/** Grades in a fresh worker, which is terminated once it answers. */
export function gradeInWorker(scenarioJson: unknown, settings: Record<string, KnobValue>): Promise<GradeOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./grade.worker.ts', import.meta.url), { type: 'module', name: 'queuelab-challenge-grader' });
    worker.onmessage = (event: MessageEvent<GradeOutcome>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve({ error: event.message || 'the grader could not start' });
    };
    const request: GradeRequest = { scenarioJson, settings };
    worker.postMessage(request);
  });
}
