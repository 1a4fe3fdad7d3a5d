import type { GradeResult } from './grading';
import type { Attempt, Challenge } from './types';

/** What the page asks the grading worker. */
export interface GradeRequest {
  challenge: Challenge;
  scenarioJson: unknown;
  attempt: Attempt;
}

/** Its answer: the grade, or why grading itself failed (a bug, not a wrong attempt). */
export type GradeResponse = { ok: true; result: GradeResult } | { ok: false; message: string };

/** Grades in a fresh worker, which is terminated once it answers. */
export function gradeInWorker(request: GradeRequest): Promise<GradeResponse> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./grade.worker.ts', import.meta.url), { type: 'module', name: 'queuelab-grader' });
    worker.onmessage = (event: MessageEvent<GradeResponse>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve({ ok: false, message: event.message || 'the grader could not start' });
    };
    worker.postMessage(request);
  });
}
