/** Reading a scenario file the learner chose: the page only checks it is JSON; the worker's parser does the rest. */
import type { ScenarioError } from '../engine';

/** Largest scenario file the lab reads, bytes (scenarios are small; this keeps a wrong file from hanging the page). */
export const SCENARIO_FILE_BYTES_MAX = 1_000_000;

export type ScenarioFileResult = { ok: true; json: unknown } | { ok: false; message: string; errors: ScenarioError[] };

export function readScenarioText(name: string, text: string, sizeBytes = text.length): ScenarioFileResult {
  if (sizeBytes > SCENARIO_FILE_BYTES_MAX) {
    return { ok: false, message: `${name} is ${sizeBytes} bytes; a scenario file may be at most ${SCENARIO_FILE_BYTES_MAX} bytes.`, errors: [] };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${name} is not valid JSON:`, errors: [{ path: '', message: detail }] };
  }
}
