import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { join } from 'node:path';
import { count, seconds, watchConsole } from './support';

const chapters = join(import.meta.dirname, '..', 'content', 'chapters');

/** Where a screenshot goes: E2E_SHOTS_DIR when set (to look at them side by side), else the test's output. */
function shot(testInfo: TestInfo, name: string): string {
  const dir = process.env.E2E_SHOTS_DIR;
  return dir ? join(dir, name) : testInfo.outputPath(name);
}

/** Loads a scenario and waits until the page shows it paused at `timeMs`. */
async function seekedTo(page: Page, url: string, timeMs: number) {
  await page.goto(`${url}${url.includes('?') ? '&' : '?'}runTo=${timeMs}`);
  const traceHash = page.getByTestId('trace-hash');
  await expect(traceHash).toHaveAttribute('data-time-ms', String(timeMs), { timeout: 30_000 });
  await expect(traceHash).toHaveAttribute('data-status', 'paused');
}

/** Loads a chapter's scenario file through the lab's file picker. */
async function loadChapterScenario(page: Page, file: string) {
  await page.getByLabel('Load from file').setInputFiles(join(chapters, file));
}

async function play(page: Page, speed: string, untilSeconds: number) {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
  await page.getByRole('button', { name: 'Play' }).click();
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  await expect.poll(async () => seconds(await clock.textContent()), { timeout: 20_000 }).toBeGreaterThan(untilSeconds);
  await page.getByRole('button', { name: 'Pause' }).click();
}

const queued = async (page: Page, name: string) => {
  const node = page.getByTestId(`queue-${name}`);
  return count(await node.getAttribute('data-depth')) + count(await node.getAttribute('data-in-flight'));
};

test.describe('queue brokers in the lab', () => {
  test('RabbitMQ: exchanges, labelled bindings, queues and workers; the queue fills as it plays; a crashed worker shows down', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=rabbit-work-queue');
    const drawing = page.getByTestId('queue-topology');
    await expect(drawing).toBeVisible();
    // A queue-only scenario has no Kafka drawing.
    await expect(page.getByTestId('topology')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /Topology/ })).toContainText('publishers → exchanges → queues → workers');
    await expect(page.getByTestId('publisher-shop')).toContainText('200 msg/s');
    await expect(page.getByTestId('exchange-orders')).toContainText('topic exchange');
    await expect(page.getByTestId('exchange-orders.dlx')).toContainText('direct exchange');
    await expect(page.getByTestId('label-bind:orders:0')).toHaveText('order.*.created');
    await expect(page.getByTestId('label-bind:orders:1')).toHaveText('order.#');
    await expect(page.getByTestId('label-bind:orders.dlx:0')).toHaveText('fulfilment.failed');
    await expect(page.getByTestId('queue-fulfilment')).toContainText('quorum');
    await expect(page.getByTestId('queue-audit')).toContainText('max 1,000');
    await expect(page.getByTestId('queue-fulfilment.dead')).toContainText('✕ fulfilment.dead');
    for (const worker of ['fulfil-0', 'fulfil-1', 'fulfil-2', 'auditor-0']) await expect(page.getByTestId(`worker-${worker}`)).toContainText(worker);
    await expect(page.getByTestId('worker-fulfil-0')).toContainText('0/10');
    await expect(drawing).toHaveAttribute('aria-label', /topic exchange orders bound to fulfilment, audit; direct exchange orders\.dlx bound to fulfilment\.dead; quorum queue fulfilment/);

    // Poison orders pile up in the dead-letter queue as the run plays; nothing reads it.
    expect(await queued(page, 'fulfilment.dead')).toBe(0);
    await play(page, '10', 4);
    // The drawing's numbers refresh a few times a second: after the pause they settle on the paused state.
    await expect(page.getByTestId('trace-hash')).toHaveAttribute('data-status', 'paused');
    const deadNode = page.getByTestId('queue-fulfilment.dead');
    await expect.poll(async () => (await deadNode.textContent())?.includes(`${await queued(page, 'fulfilment.dead')} ready`), { timeout: 5_000 }).toBe(true);
    const deadAt4s = await queued(page, 'fulfilment.dead');
    expect(deadAt4s).toBeGreaterThan(0);
    // Under load the first play may overshoot 4 s: play on for 3 s more from wherever it paused.
    const pausedAt = seconds(await page.getByRole('timer', { name: 'Simulated time' }).textContent());
    await play(page, '10', pausedAt + 3);
    await expect.poll(() => queued(page, 'fulfilment.dead'), { timeout: 5_000 }).toBeGreaterThan(deadAt4s);
    await expect(page.locator('[data-testid="queue-topology"] path.flow-dots')).not.toHaveCount(0);
    await expect(page.getByTestId('queue-topology-legend')).toContainText(/Each moving dot is [\d,]+ messages?\./);
    await page.screenshot({ path: shot(testInfo, 'rabbit-playing.png'), fullPage: true });

    // The scenario crashes fulfil-0 at 20 s and restarts it at 25 s.
    await seekedTo(page, '/?scenario=rabbit-work-queue', 21_000);
    await expect(page.getByTestId('worker-fulfil-0')).toHaveAttribute('data-state', 'down');
    await expect(page.getByTestId('worker-fulfil-0')).toContainText('✕ fulfil-0');
    await expect(page.getByTestId('worker-fulfil-1')).not.toHaveAttribute('data-state', 'down');
    await expect(drawing).toHaveAttribute('aria-label', /2 of 3 workers up/);
    await drawing.screenshot({ path: shot(testInfo, 'rabbit-crashed-light.png') });
    expect(problems).toEqual([]);
  });

  test('SQS: the queue with its redrive to the dead-letter queue; messages go in flight as it plays', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=sqs-visibility', 30_000);
    await expect(page.getByTestId('publisher-uploads')).toBeVisible();
    await expect(page.getByTestId('queue-render-jobs')).toContainText('SQS');
    await expect(page.getByTestId('queue-render-jobs-dlq')).toContainText('✕ render-jobs-dlq');
    await expect(page.getByTestId('label-dead-letter:render-jobs')).toHaveText('redrive: 4 receives');
    for (const i of [0, 1, 2, 3]) await expect(page.getByTestId(`worker-renderer-${i}`)).toContainText('/1');
    await expect(page.getByTestId('queue-render-jobs')).toContainText(/\d+ visible · \d+ in flight/);
    // Slow jobs outlive their 2 s visibility timeout: by 30 s some have been redriven.
    expect(await queued(page, 'render-jobs-dlq')).toBeGreaterThan(0);
    const before = await page.getByTestId('queue-render-jobs').getAttribute('data-in-flight');
    await play(page, '5', 33);
    await expect.poll(() => page.getByTestId('queue-render-jobs').getAttribute('data-in-flight')).not.toBe(null);
    expect(before).not.toBeNull();
    await page.getByTestId('queue-topology').screenshot({ path: shot(testInfo, 'sqs-light.png') });
    expect(problems).toEqual([]);
  });

  test('SNS fans out to SQS queues; request-reply draws the reply queues; a mixed scenario shows Kafka and queues', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.goto('/?scenario=balanced');
    await expect(page.getByTestId('topology')).toBeVisible();
    await expect(page.getByTestId('queue-topology')).toHaveCount(0);

    await loadChapterScenario(page, 'sqs-and-sns/scenarios/fan-out.json');
    await expect(page.getByTestId('sns-orders')).toContainText('SNS topic');
    await expect(page.getByTestId('queue-billing')).toBeVisible();
    await expect(page.getByTestId('queue-email')).toBeVisible();
    await expect(page.getByTestId('queue-topology')).toHaveAttribute('aria-label', /SNS topic orders fanning out to billing, email/);
    await play(page, '5', 3);
    await expect.poll(async () => Number(await page.locator('[data-edge="fanout:orders:email"]').getAttribute('data-rate'))).toBeGreaterThan(10);
    await page.getByTestId('queue-topology').screenshot({ path: shot(testInfo, 'sns-light.png') });

    await loadChapterScenario(page, 'patterns/scenarios/price-rpc.json');
    await expect(page.getByTestId('queue-web.replies')).toContainText('reply');
    await expect(page.getByTestId('queue-web.replies')).toContainText('read by web');
    await expect(page.getByTestId('publisher-web')).toContainText('150 requests/s');
    await expect(page.locator('[data-edge="reply:web.replies:out"]')).toHaveCount(1);
    await play(page, '5', 2);
    await expect(page.getByTestId('queue-web.replies')).toContainText(/[1-9][\d,]* replies/);
    await page.getByTestId('queue-topology').screenshot({ path: shot(testInfo, 'reply-light.png') });

    await loadChapterScenario(page, 'choosing-a-broker/scenarios/same-workload.json');
    await expect(page.getByTestId('topology')).toBeVisible();
    await expect(page.getByTestId('queue-topology')).toBeVisible();
    await expect(page.getByTestId('queue-sqs-orders')).toBeVisible();
    await page.getByTestId('queue-topology').screenshot({ path: shot(testInfo, 'mixed-queues-light.png') });
    await page.screenshot({ path: shot(testInfo, 'mixed-light.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('the table fallback names every queue with what feeds it', async ({ page }) => {
    const problems = watchConsole(page);
    await seekedTo(page, '/?scenario=rabbit-work-queue', 3_000);
    const table = page.getByRole('table', { name: /Queues: what feeds them/ });
    await expect(table.getByRole('row', { name: /fulfilment quorum/ })).toContainText('exchange orders (order.*.created)');
    await expect(table.getByRole('row', { name: /^fulfilment\.dead/ })).toContainText('exchange orders.dlx (fulfilment.failed)');
    expect(problems).toEqual([]);
  });

  test('reduced motion: queue flows are widths, not moving dots', async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?scenario=rabbit-work-queue');
    await play(page, '10', 5);
    await expect(page.getByTestId('queue-topology-legend')).toContainText('Edge width shows messages per second.');
    expect(await page.locator('[data-testid="queue-topology"] path.flow-dots').count()).toBe(0);
    await page.getByTestId('queue-topology').screenshot({ path: shot(testInfo, 'rabbit-reduced-motion.png') });
    expect(problems).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`a tablet (820 px), ${colorScheme}: the queue drawing fits, nothing scrolls sideways`, async ({ page }, testInfo) => {
      const problems = watchConsole(page);
      await page.setViewportSize({ width: 820, height: 1180 });
      await page.emulateMedia({ colorScheme });
      await seekedTo(page, '/?scenario=rabbit-work-queue', 21_000);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      const axe = await new AxeBuilder({ page }).include('.topology-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await page.screenshot({ path: shot(testInfo, `rabbit-tablet-${colorScheme}.png`), fullPage: true });
      await page.getByTestId('queue-topology').screenshot({ path: shot(testInfo, `rabbit-drawing-tablet-${colorScheme}.png`) });
      expect(problems).toEqual([]);
    });
  }

  test('dark mode at desktop width', async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await seekedTo(page, '/?scenario=sqs-visibility', 30_000);
    await page.getByTestId('queue-topology').screenshot({ path: shot(testInfo, 'sqs-dark.png') });
    await seekedTo(page, '/?scenario=rabbit-work-queue', 21_000);
    await page.getByTestId('queue-topology').screenshot({ path: shot(testInfo, 'rabbit-dark.png') });
  });
});
