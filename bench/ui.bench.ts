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
 * page showed the exact state there (issue 7's target: under 200 ms), and how many simulated
 * seconds it re-ran from the worker's nearest checkpoint (a checkpoint every
 * DEFAULT_DRIVER_OPTIONS.checkpointIntervalMs; targets off the grid are the worst case).
 *
 * BENCH_OUTDIR=/tmp/dist-x builds and serves there instead of dist/ (--no-build: serves the build
 * already there); BENCH_UI_ONLY=seek measures only the seeks, BENCH_UI_ONLY=frames only the frame
 * rates.
 */
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { initialJsChunks } from '../scripts/initialJs';
import { benchOutDir, projectRoot, startPreview, viteBin } from './previewServer';
import { DEFAULT_DRIVER_OPTIONS } from '../src/worker/driver';

/** How long each speed plays, real ms. */
const PLAY_MS = 20_000;
const SPEEDS = [1, 10];
const TARGETS = { fpsMedianMin: 55, frameP95MsMax: 25, longTasksMax: 0, initialJsGzipKbMax: 200, seekMsMax: 200 };
/** Where the time-travel measurement runs to, then the points it seeks back to, simulated ms. */
const SEEK_FROM_MS = 600_000;
const SEEK_TO_MS = [300_000, 590_000, 309_900, 599_900];
/** Only the seeks (BENCH_UI_ONLY=seek), e.g. while working on time travel. */
const SEEKS_ONLY = process.env.BENCH_UI_ONLY === 'seek';
/** Only the frame rates (BENCH_UI_ONLY=frames), e.g. while working on smoothness. */
const FRAMES_ONLY = process.env.BENCH_UI_ONLY === 'frames';

interface SeekSample {
  targetMs: number;
  wallMs: number;
}

interface TimeTravel {
  /** Wall ms from opening the page to the frame at SEEK_FROM_MS: this machine's speed right now. */
  runToWallMs: number;
  seeks: SeekSample[];
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
  // --no-build measures the build already there (e.g. one an e2e run is serving at the same time).
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync(process.execPath, [viteBin, 'build', '--outDir', benchOutDir, '--emptyOutDir'], { cwd: projectRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const initialJsGzipKb = initialJsChunks(benchOutDir).reduce((sum, chunk) => sum + chunk.gzipBytes, 0) / 1024;

  const server = await startPreview();
  try {
    const baseUrl = server.baseUrl;
    const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
    const samples: Sample[] = [];
    let timeTravel: TimeTravel = { runToWallMs: Number.NaN, seeks: [] };
    try {
      for (const speed of SEEKS_ONLY ? [] : SPEEDS) {
        const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
        samples.push(await measure(page, `${baseUrl}/?bench=churn&speed=${speed}`, speed));
        await page.close();
      }
      if (!FRAMES_ONLY) {
        const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
        timeTravel = await measureSeeks(page, `${baseUrl}/?bench=churn&runTo=${SEEK_FROM_MS}`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    report(samples, initialJsGzipKb, timeTravel);
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
async function measureSeeks(page: Page, url: string): Promise<TimeTravel> {
  const openedMs = performance.now();
  await page.goto(url);
  const traceHash = page.getByTestId('trace-hash');
  await traceHash.and(page.locator(`[data-time-ms="${SEEK_FROM_MS}"]`)).waitFor({ timeout: 600_000 });
  const runToWallMs = performance.now() - openedMs;
  const out: SeekSample[] = [];
  for (const targetMs of SEEK_TO_MS) {
    await page.getByRole('spinbutton', { name: 'Go to (s)' }).fill(String(targetMs / 1000));
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await page.locator(`[data-testid="trace-hash"][data-time-ms="${targetMs}"][data-status="paused"]`).waitFor({ timeout: 600_000 });
    const scrubber = page.getByTestId('scrubber');
    await page.waitForFunction(() => document.querySelector('[data-testid="scrubber"]')?.getAttribute('data-last-seek-ms') !== '', undefined, { timeout: 10_000 });
    out.push({ targetMs, wallMs: Number(await scrubber.getAttribute('data-last-seek-ms')) });
  }
  return { runToWallMs, seeks: out };
}

function report(samples: Sample[], initialJsGzipKb: number, { runToWallMs, seeks }: TimeTravel): void {
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
  if (seeks.length > 0) {
    // Seek times scale with the machine's load: the run there says how fast it is now (idle: ~14 ms per simulated second).
    lines.push(`  time travel: ran to ${SEEK_FROM_MS / 1000} s in ${(runToWallMs / 1000).toFixed(1)} s, ${(runToWallMs / (SEEK_FROM_MS / 1000)).toFixed(1)} ms per simulated second`);
  }
  for (const seek of seeks) {
    // The worker restores the latest checkpoint at or before the target: on the grid, within the last 10 minutes.
    const rerunSeconds = (seek.targetMs % DEFAULT_DRIVER_OPTIONS.checkpointIntervalMs) / 1000;
    lines.push(
      `  seek ${SEEK_FROM_MS / 1000} s → ${seek.targetMs / 1000} s: ${seek.wallMs} ms, from the checkpoint at ${(seek.targetMs / 1000 - rerunSeconds).toFixed(0)} s, ` +
        `${rerunSeconds.toFixed(1)} simulated s re-run (≤ ${TARGETS.seekMsMax}: ${ok(seek.wallMs <= TARGETS.seekMsMax)})`,
    );
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
