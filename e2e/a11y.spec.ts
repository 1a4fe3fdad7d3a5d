import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Serious and critical axe violations, as "rule: target" lines a failure message can show. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

test.describe('accessibility (axe-core: no serious or critical violations)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the lab, paused and after running, ${colorScheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/?scenario=consumer-crash&runTo=20000');
      await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-time-ms', '20000', { timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('the lab explaining a problem', async ({ page }) => {
    await page.goto('/?scenario=no-such-scenario');
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
