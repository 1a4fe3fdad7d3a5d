import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './support';

/** Seeks to a simulated time and waits until the page shows it, paused. */
async function seekedTo(page: Page, url: string, timeMs: number) {
  await page.goto(`${url}&runTo=${timeMs}`);
  const traceHash = page.getByTestId('trace-hash');
  await expect(traceHash).toHaveAttribute('data-time-ms', String(timeMs), { timeout: 30_000 });
  await expect(traceHash).toHaveAttribute('data-status', 'paused');
}

/** Serious and critical axe violations, as "rule: target" lines a failure message can show. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

test.describe('config knobs apply live', () => {
  test('acks and the assignor change while it runs; the log says when they take effect; eager → cooperative is refused', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=balanced', 5_000);
    const log = page.getByRole('log');

    // The group's lag status, as Burrow reads it, sits in the group panel.
    await expect(page.getByTestId('lag-health-billing')).toContainText(/Lag status (OK|WARNING)/);

    // acks=1 on a producer whose idempotence was defaulted: Kafka restarts it without idempotence.
    await page.getByRole('combobox', { name: /^Acks/ }).selectOption('1');
    await expect(log).toContainText('Producer checkout is no longer idempotent');
    await expect(log).toContainText('Producer checkout now sends with acks=1 (the leader alone must have a record), from its next produce request');

    await page.getByRole('combobox', { name: /^Assignor/ }).selectOption('roundrobin');
    await expect(log).toContainText('Group billing now assigns partitions with roundrobin (was range). It takes effect at the next rebalance, which starts now');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(log).toContainText(/Rebalance completed in group billing, generation 2 \(roundrobin\)/, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('group-billing')).toContainText('roundrobin');

    // Eager → cooperative needs two rolling bounces in Kafka: refused, with the reason beside the control.
    await page.getByRole('combobox', { name: /^Assignor/ }).selectOption('cooperative-sticky');
    await expect(page.getByText(/Refused: assignor cannot switch from roundrobin to cooperative-sticky in one step/)).toBeVisible();
    // The control shows what the engine runs, not the refused choice.
    await expect(page.getByRole('combobox', { name: /^Assignor/ })).toHaveValue('roundrobin');

    // What became live is no longer listed as fixed.
    await page.getByText('Fixed settings of this run').click();
    await expect(page.locator('.settings-list')).not.toContainText('partition.assignment.strategy');
    await expect(page.locator('.settings-list')).toContainText('enable.idempotence');

    await page.screenshot({ path: testInfo.outputPath('knobs-live.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
