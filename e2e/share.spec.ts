import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createSharePayload, encodeShareFragment, FRAGMENT_CHARS_MAX } from '../src/share';
import balanced from '../content/scenarios/balanced.json' with { type: 'json' };
import { watchConsole } from './support';

const METRICS = ['produced', 'acknowledged', 'processed', 'lag', 'latency-p50', 'latency-p99', 'duplicates', 'lost', 'rebalances'];

/** Waits until the lab is paused at `timeMs`, then reads its trace hash and metrics. */
async function pausedAt(page: Page, timeMs: number) {
  const traceHash = page.getByTestId('trace-hash');
  await expect(traceHash).toHaveAttribute('data-time-ms', String(timeMs), { timeout: 30_000 });
  await expect(traceHash).toHaveAttribute('data-status', 'paused');
  const metrics: Record<string, string> = {};
  for (const id of METRICS) metrics[id] = (await page.getByTestId(`metric-${id}`).textContent()) ?? '';
  return { traceHash: await traceHash.textContent(), metrics };
}

function linkFor(payload: Parameters<typeof createSharePayload>[0], engineVersion?: string): string {
  const base = createSharePayload(payload);
  const encoded = encodeShareFragment(engineVersion ? { ...base, engineVersion } : base);
  if (!encoded.ok) throw new Error(encoded.error.message);
  return `/${encoded.fragment}`;
}

test.describe('sharing a run', () => {
  test('a copied link, opened in a new page, replays the same run to the same metrics and trace hash', async ({ page, context }, testInfo) => {
    const problems = watchConsole(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/?scenario=hot-key&runTo=3000');
    await pausedAt(page, 3_000);
    // Two live changes: a poison key with markup in it (must stay text), and a new rate.
    await page.getByRole('textbox', { name: 'Poison key' }).fill('<img src=x onerror="window.__xss=1">');
    await page.getByRole('button', { name: 'Poison key' }).click();
    await expect(page.getByText('Poisoned: <img src=x onerror="window.__xss=1">')).toBeVisible();
    await page.getByLabel('Produce rate (msg/s)', { exact: true }).first().fill('900');
    await expect(page.getByRole('log')).toContainText('now sends 900 records/s.');
    await page.getByRole('button', { name: '+1 s' }).click();
    const shared = await pausedAt(page, 4_000);

    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByTestId('share-dialog');
    await expect(dialog.getByTestId('share-link')).toHaveValue(/\/#run=[A-Za-z0-9_-]+$/);
    await expect(dialog).toContainText('2 changes you made, at 4.000 s');
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect(dialog.getByText('Copied.')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await dialog.getByTestId('share-link').inputValue());
    await page.screenshot({ path: testInfo.outputPath('share-dialog.png') });

    const opened = await context.newPage();
    const openedProblems = watchConsole(opened);
    await opened.goto(link);
    const replayed = await pausedAt(opened, 4_000);
    expect(replayed).toEqual(shared);
    await expect(opened.getByTestId('shared-run')).toHaveAttribute('data-verdict', 'same');
    await expect(opened.getByText('Poisoned: <img src=x onerror="window.__xss=1">')).toBeVisible();
    expect(await opened.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await opened.screenshot({ path: testInfo.outputPath('shared-run-opened.png') });
    expect([...problems, ...openedProblems]).toEqual([]);
  });

  test('the same run goes out as a run file and comes back whole', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=balanced&runTo=2500&seed=11');
    const shared = await pausedAt(page, 2_500);
    await page.getByRole('button', { name: 'Share' }).click();
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download run file' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('queuelab-run-a-balanced-pipeline.json');
    const text = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 1, seed: 11, startMs: 2500, traceHash: shared.traceHash });
    await page.getByRole('button', { name: 'Close' }).click();

    await page.goto('/?scenario=hot-key');
    await page.getByLabel('Open run file').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    expect(await pausedAt(page, 2_500)).toEqual(shared);
    await expect(page.getByTestId('shared-run')).toHaveAttribute('data-verdict', 'same');
    expect(problems).toEqual([]);
  });

  test('markup in a shared scenario’s title and description stays text', async ({ page }) => {
    const problems = watchConsole(page);
    const title = '<img src=x onerror="window.__xss=1">Title';
    const description = '<script>window.__xss=2</script><b>bold?</b>';
    await page.goto(linkFor({ scenario: { ...balanced, title, description } }));
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
    await expect(page.getByText(description)).toBeVisible();
    expect(await page.locator('img[src="x"], b:text("bold?")').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  test('a malformed, cut or huge link shows what is wrong above a working lab, never a blank page', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    const good = linkFor({ scenario: balanced, startMs: 1000 });
    // Cut at a whole group of four characters, so that it is still base64url: only the inflater can tell.
    const cut = good.slice(0, '/#run='.length + Math.floor((good.length - '/#run='.length - 30) / 4) * 4);
    const cases: [string, string, RegExp][] = [
      ['/#run=abc$def', 'not-base64url', /"\$" at character 4/],
      [cut, 'corrupt', /damaged or cut short|checksum/],
      [`/#run=${'A'.repeat(FRAGMENT_CHARS_MAX + 10)}`, 'too-long', /at most 16,000/],
      [linkFor({ scenario: { ...balanced, topics: [] } }), 'scenario', /The scenario in the link has/],
    ];
    for (const [url, kind, message] of cases) {
      await page.goto(url);
      const error = page.getByTestId('shared-run-error');
      await expect(error).toHaveAttribute('data-kind', kind);
      await expect(error).toContainText(message);
      // The lab behind it still works.
      await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
      if (kind === 'corrupt') await page.screenshot({ path: testInfo.outputPath('bad-link.png') });
    }
    expect(problems).toEqual([]);
  });

  test('a run from another engine version says so and replays only when asked', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(linkFor({ scenario: balanced, startMs: 1500 }, '0.0.1'));
    const notice = page.getByTestId('shared-run-mismatch');
    await expect(notice).toContainText('This run was recorded with engine 0.0.1');
    await notice.getByRole('button', { name: /^Replay with engine / }).click();
    await pausedAt(page, 1_500);
    await expect(page.getByTestId('shared-run')).toBeVisible();
    expect(problems).toEqual([]);
  });
});
