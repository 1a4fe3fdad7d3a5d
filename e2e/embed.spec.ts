import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { watchConsole } from './support';

/** Screenshots someone looks at (see the README's e2e notes). */
const SHOTS = process.env.E2E_SHOTS ?? 'test-results/shots';

interface HostEvent {
  type: string;
  [key: string]: unknown;
}

/** Events the example host page received from the embed so far. */
async function hostEvents(page: Page): Promise<HostEvent[]> {
  return page.evaluate(() => (window as unknown as { queuelabEvents: HostEvent[] }).queuelabEvents);
}

async function send(page: Page, command: Record<string, unknown>): Promise<void> {
  await page.evaluate((c) => (window as unknown as { queuelabSend: (c: unknown) => void }).queuelabSend(c), command);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

test.describe('embedding', () => {
  test('the snippet from the share dialog, in the example host page, is driven through postMessage', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=balanced&runTo=1000');
    await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-time-ms', '1000', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByTestId('share-dialog');
    await dialog.getByRole('checkbox', { name: 'Event log' }).uncheck();
    const snippet = await dialog.getByTestId('embed-snippet').inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/\?scenario=balanced&amp;panels=topology,knobs,metrics" title="Queuelab: A balanced pipeline" .* sandbox="allow-scripts allow-same-origin"><\/iframe>$/);
    // The live preview is the embed itself.
    const preview = page.frameLocator('iframe.embed-preview');
    await expect(preview.getByRole('heading', { level: 1, name: 'A balanced pipeline' })).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: testInfo.outputPath('share-dialog-embed.png'), fullPage: true });

    const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replaceAll('&amp;', '&');
    expect(src).toBeDefined();
    await page.goto(`/embed-host.html?embed=${encodeURIComponent(`${src}&tick=2000`)}`);
    await expect.poll(async () => (await hostEvents(page)).map((e) => e.type), { timeout: 30_000 }).toContain('ready');
    const ready = (await hostEvents(page)).find((e) => e.type === 'ready');
    expect(ready).toMatchObject({ queuelab: 1, type: 'ready', title: 'A balanced pipeline', durationMs: 60_000, seed: 7 });

    await send(page, { type: 'configure', thresholds: [{ id: 'many', metric: 'produced', above: 3000 }] });
    await send(page, { type: 'apply', requestId: 5, change: { type: 'set-rate', producer: 'checkout', ratePerSec: 600 } });
    await send(page, { type: 'play', speed: 20 });
    await expect.poll(async () => (await hostEvents(page)).filter((e) => e.type === 'tick').length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await send(page, { type: 'pause' });
    await send(page, { type: 'seek', timeMs: 60_000 });
    await expect.poll(async () => (await hostEvents(page)).map((e) => e.type), { timeout: 60_000 }).toContain('finished');
    await send(page, { type: 'dance' });
    await expect.poll(async () => (await hostEvents(page)).map((e) => e.type), { timeout: 10_000 }).toContain('error');

    const events = await hostEvents(page);
    expect(events.find((e) => e.type === 'applied')).toEqual({ queuelab: 1, type: 'applied', requestId: 5, ok: true });
    expect(events.find((e) => e.type === 'threshold')).toMatchObject({ id: 'many', metric: 'produced', above: 3000 });
    const ticks = events.filter((e) => e.type === 'tick').map((e) => e.timeMs as number);
    // One tick per 2 s interval of simulated time, in order.
    expect(new Set(ticks.map((t) => Math.floor(t / 2000))).size).toBe(ticks.length);
    expect(events.find((e) => e.type === 'finished')).toMatchObject({ timeMs: 60_000, traceHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(events.find((e) => e.type === 'error')).toMatchObject({ message: expect.stringContaining('The command "dance" was ignored') });
    // Only the panels the snippet asked for.
    const frame = page.frameLocator('#queuelab');
    await expect(frame.getByRole('heading', { name: /^Knobs/ })).toBeVisible();
    await expect(frame.getByRole('log')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('embed-host.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('a scenario loaded by the host with markup in its strings shows it as text', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/embed-host.html');
    await expect.poll(async () => (await hostEvents(page)).map((e) => e.type), { timeout: 30_000 }).toContain('ready');
    const title = '<img src=x onerror="parent.__xss=1">Evil';
    await send(page, { type: 'load', scenario: { version: 1, title, topics: [{ name: 'orders', partitions: 2 }], producers: [{ id: 'p', topic: 'orders', ratePerSec: 10 }], consumerGroups: [{ id: 'g', topic: 'orders' }] } });
    const frame = page.frameLocator('#queuelab');
    await expect(frame.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
    expect(await frame.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.locator('#events')).toContainText(`ready: "${title}"`);
    expect(problems).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`the embed in the ${theme} theme passes axe with no serious violations`, async ({ page }, testInfo) => {
      const problems = watchConsole(page);
      // The system says the opposite: the option wins.
      await page.emulateMedia({ colorScheme: theme === 'dark' ? 'light' : 'dark' });
      await page.goto(`/embed/?scenario=consumer-crash&theme=${theme}&panels=topology,metrics,knobs&knobs=groups`);
      await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(theme === 'dark' ? 'rgb(15, 20, 26)' : 'rgb(246, 247, 249)');
      await expect(page.getByRole('log')).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath(`embed-${theme}.png`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  test('a graded challenge: the learner changes an allowed setting, presses Check, and the host receives challenge-graded', async ({ page }) => {
    const problems = watchConsole(page);
    await mkdir(SHOTS, { recursive: true });
    await page.goto(`/embed-host.html?embed=${encodeURIComponent('/embed/?scenario=keep-up&panels=topology,knobs,metrics&tick=0')}`);
    await expect.poll(async () => (await hostEvents(page)).map((e) => e.type), { timeout: 30_000 }).toContain('ready');
    const frame = page.frameLocator('#queuelab');
    const challenge = frame.getByTestId('embed-challenge');
    await expect(challenge.getByRole('heading', { name: 'Challenge' })).toBeVisible();
    await expect(challenge).toContainText('Billing falls behind checkout.');
    // Only the challenge's settings can change: the lab's knobs (producer rate, partitions…) are not offered, even though the URL asked for them.
    await expect(frame.getByRole('heading', { name: /^Knobs/ })).toHaveCount(0);
    await expect(frame.getByRole('spinbutton', { name: /partitions/i })).toHaveCount(0);
    await expect(frame.getByRole('slider')).toHaveCount(0);
    const form = challenge.getByRole('group', { name: 'Your settings' });
    expect(await form.locator('input, select').count()).toBe(2);

    // As written, the scenario fails.
    await challenge.getByTestId('challenge-check').click();
    await expect(challenge.getByTestId('challenge-outcome')).toHaveAttribute('data-passed', 'false', { timeout: 60_000 });
    await expect.poll(async () => (await hostEvents(page)).filter((e) => e.type === 'challenge-graded').length, { timeout: 30_000 }).toBe(1);
    const failed = (await hostEvents(page)).find((e) => e.type === 'challenge-graded');
    expect(failed).toMatchObject({ queuelab: 1, passed: false, timeMs: 30_000, settings: { 'consumerGroups.0.consumers': 2 } });
    await expect(page.locator('#verdict')).toHaveAttribute('data-passed', 'false');
    await expect(challenge.getByRole('listitem').filter({ hasText: 'Max lag of billing' }).last()).toHaveAttribute('data-ok', 'false');
    await page.screenshot({ path: `${SHOTS}/embed-challenge-failed.png`, fullPage: true });

    // Three consumers pass; the visible run reached the graded time.
    await form.getByRole('spinbutton', { name: /Consumers in billing/ }).fill('3');
    await expect(challenge.getByTestId('challenge-outcome')).toHaveAttribute('data-passed', '');
    await challenge.getByTestId('challenge-check').click();
    await expect(challenge.getByTestId('challenge-outcome')).toHaveAttribute('data-passed', 'true', { timeout: 60_000 });
    await expect(frame.getByTestId('trace-hash')).toHaveAttribute('data-time-ms', '30000', { timeout: 30_000 });
    await expect.poll(async () => (await hostEvents(page)).filter((e) => e.type === 'challenge-graded').length, { timeout: 30_000 }).toBe(2);
    const passed = (await hostEvents(page)).filter((e) => e.type === 'challenge-graded')[1];
    expect(passed).toMatchObject({ passed: true, timeMs: 30_000, settings: { 'consumerGroups.0.consumers': 3, 'consumerGroups.0.assignor': 'range' }, errors: [] });
    expect((passed?.goals as { id: string; ok: boolean; value: number | null }[]).map((g) => [g.id, g.ok, typeof g.value])).toEqual([
      ['lag-small', true, 'number'],
      ['p50-fast', true, 'number'],
      ['none-lost', true, 'number'],
    ]);
    await expect(page.locator('#events')).toContainText('challenge passed at 30000 ms');
    await page.screenshot({ path: `${SHOTS}/embed-challenge-passed.png`, fullPage: true });
    await frame.locator('body').screenshot({ path: `${SHOTS}/embed-challenge-frame.png` });
    expect(problems).toEqual([]);
  });

  test('a graded challenge in the embed passes axe in light and dark', async ({ page }) => {
    await mkdir(SHOTS, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`/embed/?scenario=keep-up&theme=${theme}&panels=metrics`);
      await expect(page.getByTestId('embed-challenge')).toBeVisible({ timeout: 30_000 });
      await page.getByTestId('challenge-check').click();
      await expect(page.getByTestId('challenge-outcome')).toHaveAttribute('data-passed', 'false', { timeout: 60_000 });
      expect(await seriousViolations(page)).toEqual([]);
      if (theme === 'dark') await page.screenshot({ path: `${SHOTS}/embed-challenge-dark.png`, fullPage: true });
    }
  });

  test('a bad option or a bad link in the embed is explained, not blank', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/embed/?theme=blue#run=%%%');
    await expect(page.getByText('theme=blue is not one of auto, light, dark; using auto.')).toBeVisible();
    await expect(page.getByTestId('shared-run-error')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
    expect(problems).toEqual([]);
  });
});
