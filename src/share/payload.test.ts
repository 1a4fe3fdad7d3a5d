import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, type RecordedAction } from '../engine';
import balanced from '../../content/scenarios/balanced.json' with { type: 'json' };
import { createSharePayload, decodePayloadText, validatePayload } from './payload';

const action: RecordedAction = { timeMs: 1200, events: 3400, change: { type: 'set-rate', producer: 'checkout', ratePerSec: 900 } };
const good = { format: 1, engineVersion: ENGINE_VERSION, scenario: balanced, seed: 42, actions: [action], startMs: 5000, speed: 4, traceHash: '0123abcd' };

function errorOf(value: unknown) {
  const result = validatePayload(value, 'link');
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('run payloads', () => {
  it('accept a whole run and parse its scenario', () => {
    const result = validatePayload(good, 'link');
    expect(result.ok && result.run.payload).toEqual(good);
    expect(result.ok && result.run.scenario.title).toBe('A balanced pipeline');
    expect(result.ok && result.run.engineMismatch).toBeNull();
  });

  it('flag a run from another engine version instead of refusing it', () => {
    const result = validatePayload({ ...good, engineVersion: '0.0.1-old' }, 'link');
    expect(result.ok && result.run.engineMismatch).toEqual({ recordedWith: '0.0.1-old', current: ENGINE_VERSION });
  });

  it('are built with defaults left out, so equal runs give equal links', () => {
    expect(createSharePayload({ scenario: balanced, actions: [], startMs: 0, speed: 1 })).toEqual({ format: 1, engineVersion: ENGINE_VERSION, scenario: balanced });
    expect(Object.keys(createSharePayload({ traceHash: 'ab', speed: 2, startMs: 3, actions: [action], seed: 1, scenario: balanced }))).toEqual(['format', 'engineVersion', 'scenario', 'seed', 'actions', 'startMs', 'speed', 'traceHash']);
  });

  it('name what is wrong, field by field', () => {
    expect(errorOf([1])).toMatchObject({ kind: 'not-a-run', message: 'The link does not hold a Queuelab run: expected a JSON object, got a list.' });
    expect(errorOf(balanced)).toMatchObject({ kind: 'not-a-run', problems: [{ path: 'format', message: 'is missing' }] });
    expect(errorOf(balanced).message).toContain('It looks like a scenario file');
    expect(errorOf({ ...good, format: 2 })).toMatchObject({ kind: 'unknown-format', message: expect.stringContaining('newer Queuelab (run format 2)') });
    expect(errorOf({ ...good, format: '1' })).toMatchObject({ kind: 'unknown-format', message: expect.stringContaining('run format "1", which no Queuelab writes') });
    expect(errorOf({ ...good, extra: 1, more: 2 })).toEqual({
      kind: 'not-a-run',
      message: 'The link has fields a run does not have: "extra", "more".',
      problems: [{ path: 'extra', message: 'is not a field of a run' }, { path: 'more', message: 'is not a field of a run' }],
    });
    expect(errorOf({ ...good, engineVersion: 7 })).toMatchObject({ kind: 'not-a-run', problems: [{ path: 'engineVersion' }] });
    const { scenario: _scenario, ...noScenario } = good;
    expect(errorOf(noScenario)).toMatchObject({ kind: 'not-a-run', problems: [{ path: 'scenario', message: 'is missing' }] });
  });

  it('pass on the scenario parser’s errors with their paths inside the run', () => {
    const broken = { ...balanced, topics: [{ ...balanced.topics[0], partitions: 0 }], durationMs: 'long' };
    const error = errorOf({ ...good, scenario: broken });
    expect(error.kind).toBe('scenario');
    expect(error.problems.map((p) => p.path)).toEqual(['scenario.durationMs', 'scenario.topics[0].partitions']);
    expect(error.message).toMatch(/^The scenario in the link has 2 problems: durationMs: .*; topics\[0\]\.partitions: /);
  });

  it('refuse seeds, start times, speeds and actions that cannot be replayed', () => {
    expect(errorOf({ ...good, seed: -1 })).toMatchObject({ kind: 'seed', problems: [{ path: 'seed' }] });
    expect(errorOf({ ...good, seed: 4_294_967_296 })).toMatchObject({ kind: 'seed' });
    expect(errorOf({ ...good, seed: 1.5 })).toMatchObject({ kind: 'seed' });
    expect(errorOf({ ...good, startMs: 60_001 })).toMatchObject({ kind: 'start', message: "The link starts at 60001 ms, outside the scenario's 0 to 60000 ms." });
    expect(errorOf({ ...good, speed: 0 })).toMatchObject({ kind: 'speed' });
    expect(errorOf({ ...good, traceHash: '<script>' })).toMatchObject({ kind: 'not-a-run', problems: [{ path: 'traceHash' }] });
    expect(errorOf({ ...good, actions: [{ ...action, timeMs: -1 }] })).toMatchObject({ kind: 'actions', problems: [{ path: 'actions[0].timeMs' }] });
    expect(errorOf({ ...good, actions: [action, { ...action, events: 1 }] })).toMatchObject({ kind: 'actions', problems: [{ path: 'actions[1]' }] });
    expect(errorOf({ ...good, actions: [{ ...action, change: {} }] })).toMatchObject({ kind: 'actions', problems: [{ path: 'actions[0].change.type' }] });
    expect(errorOf({ ...good, actions: [{ ...action, timeMs: 70_000 }] })).toMatchObject({ kind: 'actions', problems: [{ path: 'actions[0].timeMs', message: 'must be at most 60000' }] });
    expect(errorOf({ ...good, actions: 'all of them' })).toMatchObject({ kind: 'actions' });
    expect(errorOf({ ...good, actions: new Array(10_001).fill(action) })).toMatchObject({ kind: 'actions', problems: [{ path: 'actions' }] });
  });

  it('read JSON text and say when it is not JSON', () => {
    expect(decodePayloadText(JSON.stringify(good), 'file').ok).toBe(true);
    const result = decodePayloadText('{"format": 1,', 'file');
    expect(!result.ok && result.error.kind).toBe('not-json');
    expect(!result.ok && result.error.message).toMatch(/^The run file does not hold JSON \(/);
  });
});
