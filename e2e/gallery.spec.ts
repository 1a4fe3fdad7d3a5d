import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './support';

/** Screenshots someone looks at. */
const SHOTS = process.env.E2E_SHOTS ?? 'test-results/shots';

const BUILTINS = ['balanced', 'slow-consumer', 'hot-key', 'consumer-crash', 'rabbit-work-queue', 'sqs-visibility'];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

test.describe('the gallery', () => {
  test('shows every built-in with a thumbnail and its three ways in, from the site navigation', async ({ page, context }) => {
    const problems = watchConsole(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Gallery' }).click();
    await expect(page).toHaveURL(/#\/gallery$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Gallery' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Gallery' })).toHaveAttribute('aria-current', 'page');

    for (const id of [...BUILTINS, 'keep-up']) {
      const card = page.getByTestId(`gallery-card-${id}`);
      await expect(card.getByRole('heading', { level: 3 })).toBeVisible();
      // The thumbnail is decorative: the card says the same in words.
      await expect(card.locator('svg.thumbnail')).toHaveAttribute('aria-hidden', 'true');
      expect(await card.locator('svg.thumbnail path.thumbnail-edge').count()).toBeGreaterThan(0);
      await expect(card.locator('.gallery-shape')).toContainText('→');
      await expect(card.getByRole('link', { name: /^Open .* in lab$/ })).toBeVisible();
      await expect(card.getByRole('button', { name: /^Embed/ })).toHaveAttribute('aria-expanded', 'false');
    }
    const balanced = page.getByTestId('gallery-card-balanced');
    await expect(balanced.getByRole('link', { name: 'Open A balanced pipeline in lab' })).toHaveAttribute('href', '/?scenario=balanced');
    await expect(balanced.getByRole('link', { name: 'Edit A balanced pipeline' })).toHaveAttribute('href', '#/edit/balanced');
    await expect(balanced.locator('.gallery-shape')).toHaveText('1 producer → 1 topic (6 partitions) → 1 consumer group (3 consumers)');

    // Embed, by keyboard: the snippet appears, and Copy puts it on the clipboard.
    const embed = balanced.getByRole('button', { name: 'Embed A balanced pipeline' });
    await embed.focus();
    await page.keyboard.press('Enter');
    await expect(embed).toHaveAttribute('aria-expanded', 'true');
    const snippet = await balanced.getByRole('textbox', { name: 'Paste this into your page:' }).inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/\?scenario=balanced" title="Queuelab: A balanced pipeline" .* sandbox="allow-scripts allow-same-origin"><\/iframe>$/);
    await balanced.getByRole('button', { name: 'Copy code' }).click();
    await expect(balanced.getByRole('status')).toHaveText('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/gallery-light.png`, fullPage: true });

    // The snippet's address is a working embed.
    const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replaceAll('&amp;', '&');
    await page.goto(src!);
    await expect(page.getByRole('heading', { level: 1, name: 'A balanced pipeline' })).toBeVisible({ timeout: 30_000 });
    expect(problems).toEqual([]);
  });

  test('opens a scenario in the lab, and a challenge as a shared run', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/#/gallery');
    await page.getByRole('link', { name: /^Open .* in lab$/ }).nth(2).click();
    await expect(page).toHaveURL(/\?scenario=hot-key$/);
    await expect(page.getByTestId('trace-hash')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 2, name: /hot key/i }).first()).toBeVisible();

    await page.goto('/#/gallery');
    await page.getByTestId('gallery-card-keep-up').getByRole('link', { name: /^Open .* in lab$/ }).click();
    await expect(page).toHaveURL(/\/#run=/);
    await expect(page.getByText('Challenge: keep up with checkout').first()).toBeVisible({ timeout: 30_000 });
    expect(problems).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no serious or critical axe violations, ${colorScheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/#/gallery');
      await expect(page.getByTestId('gallery-card-balanced')).toBeVisible({ timeout: 30_000 });
      await page.getByTestId('gallery-card-hot-key').getByRole('button', { name: /^Embed/ }).click();
      expect(await seriousViolations(page)).toEqual([]);
      if (colorScheme === 'dark') {
        await mkdir(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/gallery-dark.png`, fullPage: true });
      }
    });
  }
});
