import { describe, expect, it } from 'vitest';
import { readScenarioText, SCENARIO_FILE_BYTES_MAX } from './scenarioFile';

describe('readScenarioText', () => {
  it('hands valid JSON on, whatever it contains (the worker validates it)', () => {
    expect(readScenarioText('a.json', '{"version":2}')).toEqual({ ok: true, json: { version: 2 } });
  });

  it('explains a file that is not JSON, with the parser\'s reason', () => {
    const result = readScenarioText('notes.txt', 'version: 1');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('notes.txt is not valid JSON:');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('');
    expect(result.errors[0]?.message).toMatch(/JSON/);
  });

  it('refuses a file above the size limit, naming the limit', () => {
    expect(readScenarioText('big.json', '{}', SCENARIO_FILE_BYTES_MAX + 1)).toEqual({
      ok: false,
      message: `big.json is ${SCENARIO_FILE_BYTES_MAX + 1} bytes; a scenario file may be at most ${SCENARIO_FILE_BYTES_MAX} bytes.`,
      errors: [],
    });
  });
});
