import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { count, seconds, watchConsole } from './support';

/** A short run in which key k-3 is poison: retried in place, then dead-lettered. */
const poisonScenario = {
  version: 1,
  title: 'A poison key',
  seed: 3,
  durationMs: 8_000,
  topics: [{ name: 'orders', partitions: 2 }],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 50, keys: { distribution: 'uniform', count: 20 } }],
  consumerGroups: [
    {
      id: 'billing',
      topic: 'orders',
      consumers: 1,
      processingMs: { dist: 'constant', value: 1 },
      failures: { poisonKeys: ['k-3'] },
      retry: { mode: 'in-place', maxAttempts: 3, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0 },
      deadLetterTopic: 'orders-dlt',
    },
  ],
};

/** Three replicas, linger 5 ms, a consumer that keeps up: every record but the newest is committed. */
const quietScenario = {
  version: 1,
  title: 'A quiet pipeline',
  seed: 5,
  durationMs: 3_000,
  cluster: { brokers: 3, networkLatencyMs: 1 },
  topics: [{ name: 'orders', partitions: 2, replicationFactor: 3, minInsyncReplicas: 2 }],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 40, acks: 'all', lingerMs: 5, keys: { distribution: 'uniform', count: 100 } }],
  consumerGroups: [{ id: 'billing', topic: 'orders', consumers: 1, processingMs: { dist: 'constant', value: 2 }, autoOffsetReset: 'earliest', initialRebalanceDelayMs: 0 }],
};

async function seriousViolations(page: Page, include: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(include).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function seekedTo(page: Page, url: string, timeMs: number) {
  await page.goto(`${url}&runTo=${timeMs}`);
  const traceHash = page.getByTestId('trace-hash');
  await expect(traceHash).toHaveAttribute('data-time-ms', String(timeMs), { timeout: 30_000 });
  await expect(traceHash).toHaveAttribute('data-status', 'paused');
}

function tab(page: Page, name: string) {
  return page.getByRole('tab', { name });
}

test.describe('see why', () => {
  test('charts draw the run with markers, read values on hover, and fall back to a table', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=consumer-crash', 30_000);
    const lagChart = page.getByTestId('chart-partition-lag');
    // Sampled every 100 ms for a 60 s scenario: 301 samples at 30 s.
    await expect(lagChart).toHaveAttribute('data-samples', '301', { timeout: 15_000 });
    await expect(lagChart.getByRole('img', { name: /^payments-0: lag/ })).toBeVisible();
    await expect(page.getByTestId('lag-skew')).toContainText(/skew \d+\.\d×/);
    const throughput = page.getByTestId('chart-throughput');
    await expect(throughput.getByRole('img', { name: 'Throughput in and out' })).toBeVisible();
    // The crash at 15 s is a fault marker; the rebalances after it are rebalance markers.
    await expect(page.locator('[data-testid="chart-total-lag"] line.chart-marker-fault')).toHaveCount(1);
    expect(await page.locator('[data-testid="chart-total-lag"] line.chart-marker-rebalance').count()).toBeGreaterThan(0);
    const svg = throughput.locator('svg.chart-svg');
    const box = (await svg.boundingBox())!;
    await svg.hover({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect(page.getByTestId('chart-throughput-readout')).toContainText(/^1\d(\.\d)? s: in \(produced\/s\) \d+/);
    await throughput.getByRole('button', { name: /Show as table/ }).click();
    const table = throughput.getByRole('table', { name: /Throughput in and out/ });
    await expect(table).toBeVisible();
    expect(await table.locator('tbody tr').count()).toBe(120);
    await expect(table.locator('tbody tr').last().locator('th')).toHaveText('30 s');
    await page.screenshot({ path: testInfo.outputPath('insight-charts.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('an alert threshold fires, is announced, and the dashboard passes axe', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=slow-consumer', 20_000);
    await tab(page, 'Dashboard').click();
    const lagTile = page.getByTestId('tile-lag');
    await expect(lagTile).toHaveAttribute('data-firing', 'false');
    expect(count(await lagTile.locator('.tile-value').textContent())).toBeGreaterThan(1_000);
    await lagTile.getByRole('spinbutton', { name: 'Alert when above (records)' }).fill('500');
    await expect(lagTile).toHaveAttribute('data-firing', 'true');
    await expect(lagTile).toContainText(/FIRING since \d+\.\d{3} s/);
    await expect(page.getByTestId('alert-announcer')).toHaveText(/Alert: Lag \/ queue depth crossed its threshold at \d+\.\d{3} s\./);
    // Burrow's verdict on the group sits above the tiles, with the oldest record's age.
    await expect(page.getByTestId('lag-health-dashboard-billing')).toHaveText(/^Lag status (OK|WARNING|STALLED|STOPPED|REWIND) · oldest record [\d.]+ m?s old · lag (growing|steady|shrinking)$/);
    const ageTile = page.getByTestId('tile-oldestAgeMs');
    expect(count((await ageTile.locator('.tile-value').textContent())!.replace(' ms', ''))).toBeGreaterThan(1_000);
    await page.screenshot({ path: testInfo.outputPath('insight-dashboard.png'), fullPage: true });
    expect(await seriousViolations(page, '.insight')).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the inspector finds a poison key’s record and its whole life, and passes axe', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=balanced');
    await page.getByLabel('Load from file').setInputFiles({ name: 'poison.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(poisonScenario)) });
    await expect(page.getByRole('heading', { level: 2, name: 'A poison key' })).toBeVisible();
    await page.getByRole('button', { name: 'Fast-forward to end' }).click();
    await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
    await tab(page, 'Inspector').click();
    await page.getByRole('radio', { name: 'key' }).check();
    await page.getByRole('textbox', { name: 'Key', exact: true }).fill('k-3');
    await page.getByRole('button', { name: 'Find' }).click();
    const life = page.getByTestId('record-life');
    await expect(life).toContainText('Key k-3');
    await expect(life).toContainText(/sends it to orders-\d/);
    // The key's records are listed newest first; open one that was dead-lettered (its DLT headers name it).
    const headers = await life.getByRole('table', { name: 'Dead-letter records and their headers' }).locator('tbody tr').first().textContent();
    const [, dltPartition, dltOffset] = /kafka_dlt-original-partition=(\d+), kafka_dlt-original-offset=(\d+)/.exec(headers ?? '') ?? [];
    await life.getByRole('button', { name: `orders-${dltPartition}@${dltOffset}`, exact: true }).click();
    await expect(life.getByRole('heading', { level: 4 })).toContainText(/Record orders-\d@\d+ \(key k-3\)/);
    const steps = life.getByRole('list', { name: 'Its life, exact times, oldest first' }).locator('li');
    await expect(steps.filter({ hasText: 'failed attempt 1: poison key' })).toHaveCount(1);
    await expect(steps.filter({ hasText: 'failed attempt 2: poison key' })).toHaveCount(1);
    await expect(steps.filter({ hasText: /sleeps 100 ms .*counts towards max\.poll\.interval\.ms/ })).toHaveCount(1);
    await expect(steps.filter({ hasText: /sleeps 200 ms/ })).toHaveCount(1);
    await expect(steps.filter({ hasText: /After 3 failed attempts, .* published it to orders-dlt-\d/ })).toHaveCount(1);
    await expect(life.getByRole('list', { name: 'Where it stands' })).toContainText(/Group billing: fetched, processed and committed at \d+\.\d{3} s/);
    await expect(life.getByRole('table', { name: 'Dead-letter records and their headers' })).toContainText('retry_topic-attempts=3');
    await page.screenshot({ path: testInfo.outputPath('insight-inspector.png'), fullPage: true });
    expect(await seriousViolations(page, '.insight')).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('clicking a cell of a partition log (or Enter on it) opens the inspector on that record, with exact times', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=balanced');
    await page.getByLabel('Load from file').setInputFiles({ name: 'quiet.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(quietScenario)) });
    await expect(page.getByRole('heading', { level: 2, name: 'A quiet pipeline' })).toBeVisible();
    await page.getByRole('button', { name: 'Fast-forward to end' }).click();
    await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
    // Each cell is one offset; those left of the committed caret are done: committed by the group.
    const cell = page.locator('[data-testid="partition-orders-0"] rect.cell-done').first();
    const offset = Number(await cell.getAttribute('data-offset'));
    await cell.click();
    await expect(tab(page, 'Inspector')).toHaveAttribute('aria-selected', 'true');
    const life = page.getByTestId('record-life');
    await expect(life.getByRole('heading', { level: 4 })).toContainText(`Record orders-0@${offset} (key k-`);
    await expect(page.getByRole('spinbutton', { name: 'Offset' })).toHaveValue(String(offset));
    const steps = life.getByTestId('life-step');
    const kinds = await steps.evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    expect(kinds).toEqual(['produced', 'batched', 'appended', 'replicated', 'fetched', 'processed', 'committed']);
    const times = (await steps.locator('.life-time').allTextContents()).map((t) => Number.parseFloat(t));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const kind of ['produced', 'appended', 'fetched', 'committed']) {
      await expect(life.locator(`[data-kind="${kind}"] .life-time`)).toHaveText(/^\d+\.\d{3} s$/);
    }
    await expect(life.locator('[data-kind="batched"]')).toContainText('linger.ms (5 ms) ran out');
    await expect(life.locator('[data-kind="replicated"]')).toContainText(/in-sync replicas \(b\d, b\d, b\d\)/);
    await expect(life.locator('[data-kind="committed"]')).toContainText(/committed offset \d+ for group billing/);
    await page.screenshot({ path: testInfo.outputPath('insight-click-to-inspect.png'), fullPage: true });

    // The keyboard: one tab stop per partition (its newest record), arrows move along the log, Enter opens.
    const newest = page.locator('[data-testid="partition-orders-1"] rect.cell-inspectable[tabindex="0"]');
    const newestOffset = Number(await newest.getAttribute('data-offset'));
    await newest.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(life.getByRole('heading', { level: 4 })).toContainText(`Record orders-1@${newestOffset - 1}`);
    expect(await seriousViolations(page, '.insight')).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('seeking back reproduces exactly the metrics seen at that time during play; a change there forks', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=consumer-crash', 10_000);
    const clock = page.getByRole('timer', { name: 'Simulated time' });
    const traceHash = page.getByTestId('trace-hash');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => seconds(await clock.textContent()), { timeout: 15_000 }).toBeGreaterThan(16);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(traceHash).toHaveAttribute('data-status', 'paused');
    const pausedAtMs = Number(await traceHash.getAttribute('data-time-ms'));
    const ids = ['produced', 'acknowledged', 'processed', 'lag', 'latency-p50', 'latency-p99', 'duplicates', 'lost', 'rebalances'];
    const read = async () => Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await page.getByTestId(`metric-${id}`).textContent()])));
    const seen = { metrics: await read(), hash: await traceHash.textContent() };

    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => seconds(await clock.textContent()), { timeout: 15_000 }).toBeGreaterThan(pausedAtMs / 1000 + 8);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(traceHash).toHaveAttribute('data-status', 'paused');
    expect(await traceHash.textContent()).not.toBe(seen.hash);

    await page.getByRole('spinbutton', { name: 'Go to (s)' }).fill(String(pausedAtMs / 1000));
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await expect(traceHash).toHaveAttribute('data-time-ms', String(pausedAtMs), { timeout: 30_000 });
    await expect(traceHash).toHaveAttribute('data-status', 'paused');
    expect({ metrics: await read(), hash: await traceHash.textContent() }).toEqual(seen);
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-last-seek-ms', /^\d+$/);

    // A change in the past discards the future the run had reached.
    await page.getByRole('button', { name: 'Add consumer' }).click();
    await expect(page.getByTestId('fork-notice')).toContainText(`New timeline from ${(pausedAtMs / 1000).toFixed(3)} s.`);
    await page.screenshot({ path: testInfo.outputPath('insight-fork.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('compare runs: one knob changed, same seed, charts overlaid and differences tabled', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=slow-consumer');
    await expect(page.getByRole('heading', { level: 2 })).not.toHaveText('Lab');
    await tab(page, 'Compare runs').click();
    await page.getByRole('combobox', { name: 'Change' }).selectOption({ label: 'Consumers: one more' });
    await page.getByRole('spinbutton', { name: 'Run both to (s)' }).fill('15');
    await page.getByRole('button', { name: 'Run both' }).click();
    const table = page.getByTestId('compare-table');
    await expect(table).toBeVisible({ timeout: 40_000 });
    await expect(table.locator('thead th')).toHaveText(['Metric', '2 consumers', '3 consumers', 'Difference']);
    // Same seed: the producers send exactly the same records in both runs.
    await expect(table.getByRole('row', { name: /^Produced/ }).locator('td').last()).toHaveText('0 (0%)');
    const lagRow = table.getByRole('row', { name: /^Lag \(total\)/ }).locator('td');
    expect(count(await lagRow.nth(1).textContent())).toBeLessThan(count(await lagRow.nth(0).textContent()));
    await expect(page.getByTestId('chart-compare-lag').locator('path.chart-line')).toHaveCount(2);
    await page.screenshot({ path: testInfo.outputPath('insight-compare.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('exports download: chart SVG and PNG, metrics and series CSV, event log JSON', async ({ page }) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=consumer-crash', 20_000);
    const chart = page.getByTestId('chart-throughput');
    await expect(chart).toHaveAttribute('data-samples', '201', { timeout: 15_000 });
    const saved = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    };
    const svg = await saved(() => chart.getByRole('button', { name: 'Download Throughput in and out as SVG' }).click());
    expect(svg.name).toBe('queuelab-throughput.svg');
    expect(svg.text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await saved(() => chart.getByRole('button', { name: 'Download Throughput in and out as PNG' }).click());
    expect(png.name).toBe('queuelab-throughput.png');
    expect(png.text.slice(1, 4)).toBe('PNG');
    await tab(page, 'Export').click();
    const metrics = await saved(() => page.getByRole('button', { name: 'Metrics (CSV)' }).click());
    expect(metrics.name).toBe('queuelab-consumer-crash-seed11-metrics.csv');
    expect(metrics.text).toMatch(/^metric,value\r\ntimeMs,20000\r\n/);
    const series = await saved(() => page.getByRole('button', { name: 'Time series (CSV)' }).click());
    const lines = series.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^time_ms,in\/s,out\/s,/);
    expect(lines).toHaveLength(202);
    expect(lines[201]).toMatch(/^20000,/);
    const events = await saved(() => page.getByRole('button', { name: 'Event log (JSON)' }).click());
    const log = JSON.parse(events.text) as { seed: number; events: { type: string }[] };
    expect(log.seed).toBe(11);
    expect(log.events.map((e) => e.type)).toContain('consumer.crashed');
    expect(problems).toEqual([]);
  });
});
