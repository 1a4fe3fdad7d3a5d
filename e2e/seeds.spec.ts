import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { getBuiltin } from '../src/content/builtins';
import { createSimulation, parseScenario } from '../src/engine';
import { spreadTable } from '../src/cli/seedSpread';
import { count, watchConsole } from './support';

/** Each seed's run goes to this simulated time, ms: long enough for lag to build, short enough to be quick. */
const RUN_TO_MS = 10_000;
const SEEDS = 5;

/** The same runs in Node: what the page's workers must reproduce exactly. */
function nodeRuns(id: string) {
  const parsed = parseScenario(getBuiltin(id)!.json);
  if (!parsed.ok) throw new Error(`built-in ${id} does not parse`);
  const first = parsed.scenario.seed;
  return Array.from({ length: SEEDS }, (_, i) => {
    const sim = createSimulation(parsed.scenario, { seed: first + i });
    sim.runUntil(RUN_TO_MS);
    return { seed: first + i, metrics: sim.metrics() };
  });
}

test.describe('many seeds', () => {
  test('runs a built-in over 5 seeds: the spread table, each run, and the lag band', async ({ page }, testInfo) => {
    const expected = nodeRuns('slow-consumer');
    const spread = spreadTable(expected.map((r) => r.metrics));
    const problems = watchConsole(page);
    await page.goto('/?scenario=slow-consumer');
    await expect(page.getByRole('heading', { level: 2 })).not.toHaveText('Lab');
    await page.getByRole('tab', { name: 'Many seeds' }).click();
    const seeds = page.getByRole('spinbutton', { name: 'Seeds (1–50)' });
    await expect(seeds).toHaveValue('10');
    await seeds.fill(String(SEEDS));
    await page.getByRole('spinbutton', { name: 'Run each to (s)' }).fill(String(RUN_TO_MS / 1000));
    await page.getByRole('button', { name: 'Run seeds' }).click();

    const table = page.getByTestId('seeds-table');
    await expect(table).toBeVisible({ timeout: 45_000 });
    await expect(table).toHaveAttribute('data-runs', String(SEEDS));
    await expect(table.locator('caption')).toHaveText(`Metrics at 10.000 s over 5 runs (seeds ${expected[0]!.seed} to ${expected[4]!.seed})`);
    await expect(table.locator('thead th')).toHaveText(['Metric', 'Median', 'Min', 'Max']);
    for (const metric of ['produced', 'lag total', 'lag max', 'rebalances']) {
      const cells = table.getByRole('row', { name: new RegExp(`^${metric} `) }).locator('td');
      const s = spread[metric]!;
      expect([count(await cells.nth(0).textContent()), count(await cells.nth(1).textContent()), count(await cells.nth(2).textContent())], metric).toEqual([s.median, s.min, s.max]);
    }

    // Each seed's worker reproduces Node's run of that seed exactly.
    const runs = page.getByTestId('seeds-runs').locator('tbody tr');
    await expect(runs).toHaveCount(SEEDS);
    await expect(runs.locator('th')).toHaveText(expected.map((r) => String(r.seed)));
    await expect(runs.locator('code')).toHaveText(expected.map((r) => r.metrics.traceHash));

    const chart = page.getByTestId('chart-seeds-lag');
    await expect(chart.getByRole('img', { name: 'Total lag over 5 seeds' })).toBeVisible();
    await expect(chart).toHaveAttribute('data-samples', /^[1-9]\d*$/);
    await expect(chart.locator('path.chart-band')).toHaveAttribute('d', /^M.+Z$/);
    await expect(chart.locator('path.chart-line')).toHaveAttribute('d', /^M/);
    await chart.getByRole('button', { name: /Show as table/ }).click();
    await expect(chart.locator('table thead th')).toHaveText(['Time', 'median', 'min', 'max']);
    const lastRow = chart.locator('table tbody tr').last().locator('td');
    const lags = expected.map((r) => r.metrics.lag.total);
    expect(count(await lastRow.nth(1).textContent())).toBe(Math.min(...lags));
    expect(count(await lastRow.nth(2).textContent())).toBe(Math.max(...lags));

    await page.screenshot({ path: testInfo.outputPath('seeds.png'), fullPage: true });
    // Scanned with the table fallback open: its scrolling region must be reachable by keyboard.
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    expect(serious).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('shows progress while running and can be cancelled', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=slow-consumer');
    await expect(page.getByRole('heading', { level: 2 })).not.toHaveText('Lab');
    await page.getByRole('tab', { name: 'Many seeds' }).click();
    await page.getByRole('spinbutton', { name: 'Seeds (1–50)' }).fill('50');
    await page.getByRole('button', { name: 'Run seeds' }).click();
    await expect(page.getByTestId('seeds-progress')).toContainText(/Running… \d+ of 50 runs done/);
    await expect(page.getByRole('progressbar', { name: 'Runs over seeds' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run seeds' })).toBeDisabled();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('seeds-progress')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Run seeds' })).toBeEnabled();
    await expect(page.getByTestId('seeds-result')).toHaveCount(0);
    // Out of range is refused before anything runs.
    await page.getByRole('spinbutton', { name: 'Seeds (1–50)' }).fill('51');
    await expect(page.getByRole('button', { name: 'Run seeds' })).toBeDisabled();
    await expect(page.getByText('Pick a whole number of seeds from 1 to 50.')).toBeVisible();
    expect(problems).toEqual([]);
  });
});
