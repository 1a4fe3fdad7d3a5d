/**
 * Grades an embedded challenge off the main thread (a graded run simulates the scenario twice
 * over, which would freeze the page): one request in, one outcome out.
 */
// First: no zod schema may be built before this (see the file).
import '../share/noEval';
import { gradeScenarioChallenge } from './challenge';
import type { GradeRequest } from './gradeClient';
import type { GradeOutcome } from './challengeStore';

self.onmessage = (event: MessageEvent<GradeRequest>) => {
  const { scenarioJson, settings } = event.data;
  let outcome: GradeOutcome;
  try {
    outcome = gradeScenarioChallenge(scenarioJson, settings);
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(outcome);
};
