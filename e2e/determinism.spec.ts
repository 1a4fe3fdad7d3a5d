import { expect, test } from '@playwright/test';
import { builtinScenarios } from '../src/content/builtins';
import { createSimulation, parseScenario } from '../src/engine';
import { count, watchConsole } from './support';

/** Every built-in runs to this simulated time in both places, ms. */
const RUN_TO_MS = 10_000;

test.describe('determinism: the Web Worker in Chromium and Node agree', () => {
  for (const builtin of builtinScenarios) {
    test(`${builtin.id} at ${RUN_TO_MS / 1000} s`, async ({ page }, testInfo) => {
      const parsed = parseScenario(builtin.json);
      if (!parsed.ok) throw new Error(`built-in ${builtin.id} does not parse: ${JSON.stringify(parsed.errors)}`);
      const sim = createSimulation(parsed.scenario);
      sim.runUntil(RUN_TO_MS);
      const expected = sim.metrics();

      const problems = watchConsole(page);
      await page.goto(`/?scenario=${builtin.id}&runTo=${RUN_TO_MS}`);
      const traceHash = page.getByTestId('trace-hash');
      await expect(traceHash).toHaveAttribute('data-time-ms', String(RUN_TO_MS), { timeout: 45_000 });
      await expect(traceHash).toHaveAttribute('data-status', 'paused');

      await expect(traceHash).toHaveText(expected.traceHash);
      expect(count(await page.getByTestId('metric-produced').textContent())).toBe(expected.produced);
      expect(count(await page.getByTestId('metric-processed').textContent())).toBe(expected.processed);
      expect(count(await page.getByTestId('metric-lag').textContent())).toBe(expected.lag.total);

      await page.screenshot({ path: testInfo.outputPath(`determinism-${builtin.id}.png`), fullPage: true });
      expect(problems).toEqual([]);
    });
  }
});
