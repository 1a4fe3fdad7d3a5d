import { expect, test } from '@playwright/test';
import { builtinScenarios } from '../src/content/builtins';
import { getCourse } from '../src/course/chapters';
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

  // The course's live scenarios: each embed, run to its end in the chapter, agrees with Node.
  for (const chapter of getCourse().chapters) {
    for (const [id, json] of Object.entries(chapter.scenarios)) {
      test(`chapter ${chapter.slug}: ${id} to the end`, async ({ page }) => {
        const parsed = parseScenario(json);
        if (!parsed.ok) throw new Error(`${chapter.slug}/${id} does not parse: ${JSON.stringify(parsed.errors)}`);
        const sim = createSimulation(parsed.scenario);
        sim.runUntil(parsed.scenario.durationMs);

        await page.goto(`/#/learn/${chapter.slug}`);
        const embed = page.getByTestId(`course-scenario-${id}`);
        await expect(page.getByTestId('quiz')).toBeVisible();
        test.skip((await embed.count()) === 0, 'a challenge-only scenario: graded in content.test.ts, not shown live');
        await embed.scrollIntoViewIfNeeded();
        // A scenario that asks for a prediction plays only once it is answered or skipped.
        const skip = embed.getByRole('button', { name: 'Skip the prediction' });
        if ((await skip.count()) > 0) await skip.click();
        const trace = embed.getByTestId('course-trace-hash');
        await expect(trace).toHaveAttribute('data-status', 'paused', { timeout: 30_000 });
        await embed.getByRole('button', { name: 'Fast-forward to end' }).click();
        await expect(trace).toHaveAttribute('data-status', 'finished', { timeout: 60_000 });
        await expect(trace).toHaveText(sim.traceHash());
      });
    }
  }
});
