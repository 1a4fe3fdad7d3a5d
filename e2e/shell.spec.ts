import { expect, test } from '@playwright/test';
import { count, seconds, watchConsole } from './support';

test.describe('the app shell', () => {
  test('loads the lab, plays, counts and pauses', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/');

    await expect(page.getByRole('heading', { level: 1, name: 'Queuelab' })).toBeVisible();
    await expect(page.getByText('Learn message queues and event streaming by running them.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'A balanced pipeline' })).toBeVisible();

    const clock = page.getByRole('timer', { name: 'Simulated time' });
    const produced = page.getByTestId('metric-produced');
    await expect(clock).toHaveText('0.000 s');
    await expect(produced).toHaveText('0');

    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(async () => seconds(await clock.textContent()), { timeout: 10_000 }).toBeGreaterThan(1.5);
    // The balanced scenario produces 300 records/s: after 1.5 s there are well over 100.
    await expect.poll(async () => count(await produced.textContent())).toBeGreaterThan(100);

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(page.getByText('Paused', { exact: true })).toBeVisible();
    // The numbers refresh a few times a second (NUMBERS_REFRESH_MS, in two lanes): let the last
    // refresh after the pause land, then nothing may change any more.
    await page.waitForTimeout(500);
    const pausedAt = await clock.textContent();
    const producedAtPause = await produced.textContent();
    await page.waitForTimeout(750);
    await expect(clock).toHaveText(pausedAt ?? '');
    await expect(produced).toHaveText(producedAtPause ?? '');

    await page.screenshot({ path: testInfo.outputPath('shell-paused.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('Space toggles play and pause; Step processes one event', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/');
    const clock = page.getByRole('timer', { name: 'Simulated time' });
    const traceHash = page.getByTestId('trace-hash');
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();

    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(async () => seconds(await clock.textContent())).toBeGreaterThan(0.3);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

    // Every event folds into the trace, so one step always changes the hash, never the status.
    const before = await traceHash.textContent();
    const timeBefore = seconds(await clock.textContent());
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(traceHash).not.toHaveText(before ?? '');
    expect(seconds(await clock.textContent())).toBeGreaterThanOrEqual(timeBefore);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: testInfo.outputPath('shell-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('an unknown scenario id is explained, not thrown', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=no-such-scenario');
    await expect(page.getByRole('alert')).toHaveText(
      'There is no built-in scenario "no-such-scenario". Try one of "balanced", "slow-consumer", "hot-key", "consumer-crash", "rabbit-work-queue", "sqs-visibility".',
    );
    await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
    await page.screenshot({ path: testInfo.outputPath('shell-unknown-scenario.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('shows each group forming: members, their partitions, the coordinator state', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=balanced&runTo=5000');
    await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-time-ms', '5000', { timeout: 30_000 });
    const group = page.getByTestId('group-billing');
    // group.initial.rebalance.delay.ms is 3 s: by 5 s the group is stable, two partitions each.
    await expect(group).toContainText('Stable');
    await expect(group).toContainText('generation 1 · range · 1 rebalance');
    await expect(group.getByRole('listitem')).toHaveText([/c-0.*orders-0, orders-1/, /c-1.*orders-2, orders-3/, /c-2.*orders-4, orders-5/]);
    await expect(page.getByText(/Rebalance completed in group billing, generation 1/)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('shell-group.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
