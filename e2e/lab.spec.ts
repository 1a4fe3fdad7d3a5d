import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { count, seconds, watchConsole } from './support';

const invalidDir = join(import.meta.dirname, '..', 'content', 'scenarios', 'invalid');

/** Seeks to a simulated time and waits until the page shows it, paused. */
async function seekedTo(page: Page, url: string, timeMs: number) {
  await page.goto(`${url}&runTo=${timeMs}`);
  const traceHash = page.getByTestId('trace-hash');
  await expect(traceHash).toHaveAttribute('data-time-ms', String(timeMs), { timeout: 30_000 });
  await expect(traceHash).toHaveAttribute('data-status', 'paused');
}

test.describe('the lab', () => {
  test('plays: the clock runs, lag builds on every partition, records flow along the drawing', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=slow-consumer');
    const clock = page.getByRole('timer', { name: 'Simulated time' });
    const lag = page.getByTestId('metric-lag');
    await expect(clock).toHaveText('0.000 s');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => seconds(await clock.textContent()), { timeout: 15_000 }).toBeGreaterThan(8);
    // 500 records/s against about 400/s of processing: the backlog grows.
    await expect.poll(async () => count(await lag.textContent()), { timeout: 10_000 }).toBeGreaterThan(300);
    await expect(page.getByTestId('topology')).toHaveAttribute('aria-label', /group billing \(Stable\) with 2 running consumers/);
    await expect.poll(() => page.locator('path.flow-dots').count()).toBeGreaterThan(6);
    await expect(page.getByTestId('metric-throughput-in')).toHaveText(/^\d{3}\/s$/);
    await page.screenshot({ path: testInfo.outputPath('lab-playing.png'), fullPage: true });
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(problems).toEqual([]);
  });

  test('adding a consumer rebalances the group and the lag falls', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=slow-consumer', 20_000);
    const lag = page.getByTestId('metric-lag');
    const lagBefore = count(await lag.textContent());
    expect(lagBefore).toBeGreaterThan(1_000);

    await page.getByRole('button', { name: 'Add consumer' }).click();
    await expect(page.getByTestId('consumer-billing-c-2')).toBeVisible();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
    await page.getByRole('button', { name: 'Play' }).click();
    const log = page.getByRole('log');
    await expect(log).toContainText(/Rebalance completed in group billing, generation 2/, { timeout: 20_000 });
    await expect(log).toContainText(/c-2 was assigned/);
    // Three consumers process about 600/s against 500/s sent: the backlog shrinks.
    await expect.poll(async () => count(await lag.textContent()), { timeout: 30_000 }).toBeLessThan(lagBefore * 0.8);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('topology')).toHaveAttribute('aria-label', /3 running consumers/);
    await page.screenshot({ path: testInfo.outputPath('lab-rebalanced.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('crashing a consumer: its partitions wait for the session timeout, then move', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=balanced', 5_000);
    await page.getByRole('combobox', { name: 'Consumer', exact: true }).selectOption({ label: 'c-1' });
    await page.getByRole('button', { name: 'Crash c-1' }).click();
    await expect(page.getByTestId('consumer-billing-c-1')).toContainText('down');
    // Nobody owns orders-2 and orders-3 now: grey, dashed, "no owner".
    await expect(page.getByTestId('partition-orders-2')).toHaveAttribute('data-owner', '');
    await page.getByRole('button', { name: 'Fast-forward to end' }).click();
    await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
    await expect(page.getByTestId('partition-orders-2')).not.toHaveAttribute('data-owner', '');
    await expect(page.getByRole('log')).toContainText(/Rebalance completed in group billing, generation 2/);
    await page.screenshot({ path: testInfo.outputPath('lab-crashed.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('crashing a broker moves leadership to an in-sync replica; restarting it rejoins the ISR', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=balanced', 5_000);
    const topology = page.getByTestId('topology');
    await expect(topology).toHaveAttribute('aria-label', /3 of 3 brokers up/);
    await expect(page.getByTestId('partition-orders-1')).toContainText('leader b1');
    await page.getByRole('button', { name: 'Crash broker 1' }).click();
    await expect(page.getByTestId('broker-1')).toContainText('down');
    await expect(topology).toHaveAttribute('aria-label', /2 of 3 brokers up/);
    await page.getByRole('button', { name: 'Step' }).click();
    const log = page.getByRole('log');
    await expect(log).toContainText('Broker 1 crashed.');
    await expect(log).toContainText(/Broker \d now leads orders-1 \(broker 1, its leader, crashed; elected from the ISR/);
    // No partition is led by the dead broker any more.
    for (let p = 0; p < 6; p++) await expect(page.getByTestId(`partition-orders-${p}`)).not.toContainText('leader b1');
    await page.screenshot({ path: testInfo.outputPath('lab-broker-crashed.png'), fullPage: true });
    await page.getByRole('button', { name: 'Restart broker 1' }).click();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(log).toContainText(/Broker 1 caught up on orders-\d .* rejoins the ISR/, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('broker-1')).toContainText('up');
    expect(problems).toEqual([]);
  });

  test('poisoning a key: the engine refuses an empty one, then its records fail (the engine’s words in the log)', async ({ page }) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=hot-key', 5_000); // after the group's first rebalance
    const key = page.getByRole('textbox', { name: 'Poison key' });
    await key.fill('');
    await page.getByRole('button', { name: 'Poison key' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Refused' })).toContainText('key must be a string of 1 to 200 characters');
    await key.fill('k-42'); // the scenario's hot key: half the records
    await page.getByRole('button', { name: 'Poison key' }).click();
    await expect(page.getByText('Poisoned: k-42')).toBeVisible();
    await page.getByRole('button', { name: '+1 s' }).click();
    await expect(page.getByRole('log')).toContainText(/\(key k-42\) failed attempt 1 of \d+ .*seeks back to offset/, { timeout: 15_000 });
    expect(problems).toEqual([]);
  });

  test('a knob the engine refuses says why, next to the knob', async ({ page }) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=balanced', 1_000);
    const rate = page.getByLabel('Produce rate (msg/s)', { exact: true });
    await rate.fill('2000000');
    await expect(page.getByRole('status').filter({ hasText: 'Refused' })).toHaveText('Refused: ratePerSec must be between 0 and 1000000, got 2000000');
    await rate.fill('50');
    await expect(page.getByRole('log')).toContainText('Producer checkout now sends 50 records/s.');
    expect(problems).toEqual([]);
  });

  test('an invalid scenario file shows the parser’s errors with their paths; Restart goes back', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=hot-key', 2_000);
    await page.getByLabel('Load from file').setInputFiles(join(invalidDir, 'typo-and-range.json'));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The scenario has');
    await expect(alert.getByRole('listitem')).not.toHaveCount(0);
    await expect(alert).toContainText('topics[0].partitons');
    await expect(alert).toContainText('producers[0].ratePerSec');
    await expect(page.getByRole('heading', { level: 2, name: 'One hot key' })).toBeVisible(); // the page stays
    await page.screenshot({ path: testInfo.outputPath('lab-invalid-file.png'), fullPage: true });
    await page.getByRole('button', { name: 'Restart' }).click();
    await expect(alert).toHaveCount(0);
    await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-status', 'paused');
    await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('0.000 s');
    await page.getByLabel('Load from file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1,') });
    await expect(alert).toContainText('notes.json is not valid JSON');
    expect(problems).toEqual([]);
  });

  test('keyboard only: Space plays and pauses, → steps, Tab reaches every control with a visible focus', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=balanced');
    const traceHash = page.getByTestId('trace-hash');
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
    await page.keyboard.press('Space');
    await expect(traceHash).toHaveAttribute('data-status', 'playing');
    await page.keyboard.press('Space');
    await expect(traceHash).toHaveAttribute('data-status', 'paused');
    const before = await traceHash.textContent();
    await page.keyboard.press('ArrowRight');
    await expect(traceHash).not.toHaveText(before ?? '');

    // Tab through to "Add consumer" and press it with Enter.
    const add = page.getByRole('button', { name: 'Add consumer' });
    for (let i = 0; i < 40 && !(await add.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(add).toBeFocused();
    const outline = await add.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.screenshot({ path: testInfo.outputPath('lab-keyboard-focus.png') });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('consumer-billing-c-3')).toBeVisible();
    // Space on a focused button presses it, it does not toggle play.
    await page.keyboard.press('Space');
    await expect(page.getByTestId('consumer-billing-c-4')).toBeVisible();
    await expect(traceHash).toHaveAttribute('data-status', 'paused');
    expect(problems).toEqual([]);
  });

  test('reduced motion: flows are widths, not moving dots', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?scenario=balanced&speed=5');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => seconds(await page.getByRole('timer', { name: 'Simulated time' }).textContent())).toBeGreaterThan(6);
    await expect(page.getByTestId('topology-legend')).toContainText('Edge width shows records per second.');
    expect(await page.locator('path.flow-dots').count()).toBe(0);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.screenshot({ path: testInfo.outputPath('lab-reduced-motion.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`a tablet (820 px), ${colorScheme}: everything fits, nothing scrolls sideways`, async ({ page }, testInfo) => {
      const problems = watchConsole(page);
      await page.setViewportSize({ width: 820, height: 1180 });
      await page.emulateMedia({ colorScheme });
      await seekedTo(page, '/?scenario=consumer-crash', 20_000);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await page.screenshot({ path: testInfo.outputPath(`lab-tablet-${colorScheme}.png`), fullPage: true });
      expect(problems).toEqual([]);
    });
  }
});
