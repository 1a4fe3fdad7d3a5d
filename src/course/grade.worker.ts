/**
 * Grades a challenge attempt off the main thread (a graded run simulates a whole scenario, which
 * would freeze the page): one request in, one result out.
 */
import { gradeChallenge } from './grading';
import type { GradeRequest, GradeResponse } from './gradeProtocol';

self.onmessage = (event: MessageEvent<GradeRequest>) => {
  const { challenge, scenarioJson, attempt } = event.data;
  let response: GradeResponse;
  try {
    response = { ok: true, result: gradeChallenge(challenge, scenarioJson, attempt) };
  } catch (error) {
    response = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
