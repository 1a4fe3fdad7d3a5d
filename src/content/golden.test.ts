import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../engine';
import golden from '../../content/golden.json' with { type: 'json' };
import { builtinScenarios } from './builtins';
import { runGolden, type GoldenFile } from './golden';

const file: GoldenFile = golden;

const HOW_TO_UPDATE =
  'If the engine changed this on purpose: bump ENGINE_VERSION, run `npm run golden`, and add a release note to the README saying what changed and why.';

describe('golden traces of the built-in scenarios', () => {
  it(`were recorded by this engine version (${ENGINE_VERSION})`, () => {
    expect(file.engineVersion, `content/golden.json was recorded by engine ${file.engineVersion}. ${HOW_TO_UPDATE}`).toBe(ENGINE_VERSION);
  });

  it('cover every built-in scenario, and nothing else', () => {
    expect(Object.keys(file.runs).sort()).toEqual(builtinScenarios.map((b) => b.id).sort());
  });

  for (const { id } of builtinScenarios) {
    it(`${id} reproduces its trace and figures`, () => {
      const expected = file.runs[id];
      if (!expected) throw new Error(`content/golden.json has no run for "${id}". ${HOW_TO_UPDATE}`);
      expect(runGolden(id), `the ${id} run changed. ${HOW_TO_UPDATE}`).toEqual(expected);
    });
  }
});
