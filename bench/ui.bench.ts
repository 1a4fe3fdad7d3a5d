/**
 * `npm run bench:ui`: how smooth the lab is while it plays, measured in real Chromium.
 *
 * Builds the site, serves it with `vite preview` on a free port, opens `?bench=churn` (the
 * 12-partition, 6-consumer churn workload of bench/scenarios.ts, bundled with the page) and plays
 * it at 1× and at 10× for 20 s each, recording on the main thread: requestAnimationFrame deltas
 * (median fps, p95 frame time) and long tasks (PerformanceObserver 'longtask', > 50 ms). Also
 * reports the initial JavaScript the first screen loads, gzipped. Prints figures against the
 * issue's targets with OK / MISSED; it asserts nothing.
 *
 * Time travel: runs the same workload to 10 simulated minutes, then seeks back to points inside
 * those 10 minutes with the lab's "Go to" control and reports how long each seek took until the
 * page showed the exact state there (issue 7's target: under 200 ms).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { initialJsChunks } from '../scripts/initialJs';
import { projectRoot, startPreview, viteBin } from './previewServer';

/** How long each speed plays, real ms. */
const PLAY_MS = 20_000;
const SPEEDS = [1, 10];
const TARGETS = { fpsMedianMin: 55, frameP95MsMax: 25, longTasksMax: 0, initialJsGzipKbMax: 200, seekMsMax: 200 };
/** Where the time-travel measurement runs to, then the points it seeks back to, simulated ms. */
const SEEK_FROM_MS = 600_000;
const SEEK_TO_MS = [300_000, 590_000];

interface SeekSample {
  targetMs: number;
  wallMs: number;
}

interface Sample {
  speed: number;
  fpsMedian: number;
  frameP95Ms: number;
  longTasks: number;
  longTaskMsMax: number;
  simulatedSeconds: number;
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, [viteBin, 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const initialJsGzipKb = initialJsChunks(join(projectRoot, 'dist')).reduce((sum, chunk) => sum + chunk.gzipBytes, 0) / 1024;

  const server = await startPreview();
  try {
    const baseUrl = server.baseUrl;
    const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
    const samples: Sample[] = [];
    let seeks: SeekSample[] = [];
    try {
      for (const speed of SPEEDS) {
        const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
        samples.push(await measure(page, `${baseUrl}/?bench=churn&speed=${speed}`, speed));
        await page.close();
      }
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      seeks = await measureSeeks(page, `${baseUrl}/?bench=churn&runTo=${SEEK_FROM_MS}`);
      await page.close();
    } finally {
      await browser.close();
    }
    report(samples, initialJsGzipKb, seeks);
  } finally {
    server.stop();
  }
}

async function measure(page: Page, url: string, speed: number): Promise<Sample> {
  await page.goto(url);
  await page.getByRole('heading', { level: 2, name: /Consumer churn/ }).waitFor({ timeout: 30_000 });
  const play = page.getByRole('button', { name: 'Play' });
  await play.waitFor();
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.benchFrames = [];
    window.benchLongTasks = [];
    window.benchStop = false;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (now) => {
      window.benchFrames.push(now - last);
      last = now;
      if (!window.benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await play.click();
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  const startText = await clock.textContent();
  await page.waitForTimeout(PLAY_MS);
  const endText = await clock.textContent();
  const { frames, longTasks } = (await page.evaluate(`(() => {
    window.benchStop = true;
    return { frames: window.benchFrames.slice(1), longTasks: window.benchLongTasks };
  })()`)) as { frames: number[]; longTasks: number[] };
  await page.getByRole('button', { name: 'Pause' }).click();
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    speed,
    fpsMedian: 1000 / quantile(sorted, 0.5),
    frameP95Ms: quantile(sorted, 0.95),
    longTasks: longTasks.length,
    longTaskMsMax: Math.max(0, ...longTasks),
    simulatedSeconds: parseSeconds(endText) - parseSeconds(startText),
  };
}

/** Seeks back with the "Go to" control; the page measures from the request to the exact frame there. */
async function measureSeeks(page: Page, url: string): Promise<SeekSample[]> {
  await page.goto(url);
  const traceHash = page.getByTestId('trace-hash');
  await traceHash.and(page.locator(`[data-time-ms="${SEEK_FROM_MS}"]`)).waitFor({ timeout: 600_000 });
  const out: SeekSample[] = [];
  for (const targetMs of SEEK_TO_MS) {
    await page.getByRole('spinbutton', { name: 'Go to (s)' }).fill(String(targetMs / 1000));
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await page.locator(`[data-testid="trace-hash"][data-time-ms="${targetMs}"][data-status="paused"]`).waitFor({ timeout: 600_000 });
    const scrubber = page.getByTestId('scrubber');
    await page.waitForFunction(() => document.querySelector('[data-testid="scrubber"]')?.getAttribute('data-last-seek-ms') !== '', undefined, { timeout: 10_000 });
    out.push({ targetMs, wallMs: Number(await scrubber.getAttribute('data-last-seek-ms')) });
  }
  return out;
}

function report(samples: Sample[], initialJsGzipKb: number, seeks: SeekSample[]): void {
  const ok = (pass: boolean) => (pass ? 'OK' : 'MISSED');
  const lines = ['', `bench:ui — churn workload (12 partitions, 6 consumers, 10,000 msg/s), ${PLAY_MS / 1000} s per speed`];
  for (const s of samples) {
    lines.push(
      `  ${String(s.speed).padStart(3)}×  median ${s.fpsMedian.toFixed(1)} fps (≥ ${TARGETS.fpsMedianMin}: ${ok(s.fpsMedian >= TARGETS.fpsMedianMin)})` +
        `  p95 frame ${s.frameP95Ms.toFixed(1)} ms (≤ ${TARGETS.frameP95MsMax}: ${ok(s.frameP95Ms <= TARGETS.frameP95MsMax)})` +
        `  long tasks ${s.longTasks}${s.longTasks > 0 ? ` (max ${s.longTaskMsMax.toFixed(0)} ms)` : ''} (≤ ${TARGETS.longTasksMax}: ${ok(s.longTasks <= TARGETS.longTasksMax)})` +
        `  simulated ${s.simulatedSeconds.toFixed(1)} s`,
    );
  }
  lines.push(`  initial JS ${initialJsGzipKb.toFixed(1)} KB gzipped (≤ ${TARGETS.initialJsGzipKbMax}: ${ok(initialJsGzipKb <= TARGETS.initialJsGzipKbMax)})`);
  for (const seek of seeks) {
    lines.push(`  seek ${SEEK_FROM_MS / 1000} s → ${seek.targetMs / 1000} s: ${seek.wallMs} ms, exact re-run from 0 (≤ ${TARGETS.seekMsMax}: ${ok(seek.wallMs <= TARGETS.seekMsMax)})`);
  }
  lines.push('');
  process.stdout.write(lines.join('\n'));
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function parseSeconds(text: string | null): number {
  const value = Number.parseFloat(text ?? '');
  return Number.isFinite(value) ? value : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:ui failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
