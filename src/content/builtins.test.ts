import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, formatScenarioError, parseScenario } from '../engine';
import { builtinScenarios, DEFAULT_SCENARIO_ID, getBuiltin } from './builtins';

describe('builtinScenarios', () => {
  it('lists every file in content/scenarios exactly once, by file name', () => {
    const files = readdirSync(new URL('../../content/scenarios', import.meta.url))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
    expect(builtinScenarios.map((s) => s.id).sort()).toEqual(files);
  });

  it('finds scenarios by id, and nothing for an unknown id', () => {
    expect(getBuiltin('hot-key')?.json).toBe(builtinScenarios.find((s) => s.id === 'hot-key')?.json);
    expect(getBuiltin(DEFAULT_SCENARIO_ID)?.id).toBe('balanced');
    expect(getBuiltin('nope')).toBeUndefined();
  });

  for (const builtin of builtinScenarios) {
    it(`${builtin.id} parses and runs its first second`, () => {
      const parsed = parseScenario(builtin.json);
      expect(parsed.ok ? [] : parsed.errors.map(formatScenarioError)).toEqual([]);
      if (!parsed.ok) return;
      const sim = createSimulation(parsed.scenario);
      sim.runUntil(1_000);
      expect(sim.metrics().produced).toBeGreaterThan(0);
    });
  }
});
