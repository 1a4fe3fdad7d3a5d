/**
 * Lighthouse performance and accessibility scores of the built site (issue 10: ≥ 95 each on the
 * lab and a chapter), run by `npm run bench:ui` after the frame-rate bench. Uses Debian's
 * Chromium when present (Lighthouse, like Playwright, cannot download a browser here) and
 * Lighthouse's desktop preset as well as its default mobile preset (simulated slow 4G and a 4×
 * slower CPU), because classrooms have both. Prints scores with OK / MISSED; asserts nothing.
 *
 * Reuses the build in dist/ (or BENCH_OUTDIR, see previewServer.ts) when there is one (bench:ui
 * builds it first); pass --build to rebuild.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import playwrightConfig from '../playwright.config';
import { benchOutDir, projectRoot, startPreview, viteBin } from './previewServer';

const SCORE_MIN = 95;

/** The pages issue 10 names: the lab, and a chapter of the course. */
const PAGES = [
  { name: 'lab', path: '/' },
  { name: 'chapter', path: '/#/learn/the-log' },
];

const PRESETS = [
  { name: 'desktop', config: desktopConfig },
  { name: 'mobile', config: undefined },
];

/** BENCH_LH_ONLY=lab:mobile (or `chapter`, or `mobile`) runs only the matching page/preset pairs, e.g. while working on one. */
const ONLY = process.env.BENCH_LH_ONLY?.split(',').map((s) => s.trim()).filter((s) => s !== '') ?? [];

function selected(page: string, preset: string): boolean {
  return ONLY.length === 0 || ONLY.some((only) => only === page || only === preset || only === `${page}:${preset}`);
}

interface Score {
  page: string;
  preset: string;
  performance: number;
  accessibility: number;
  /** The metrics behind the performance score, so a miss says where the time went. */
  details: string;
}

const METRIC_AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

async function main(): Promise<void> {
  if (process.argv.includes('--build') || !existsSync(join(benchOutDir, 'index.html'))) {
    const build = spawnSync(process.execPath, [viteBin, 'build', '--outDir', benchOutDir, '--emptyOutDir'], { cwd: projectRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const server = await startPreview();
  const userDataDir = mkdtempSync(join(tmpdir(), 'queuelab-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: playwrightConfig.use?.launchOptions?.executablePath ?? chromium.executablePath(),
    chromeFlags: ['--headless=new', ...(playwrightConfig.use?.launchOptions?.args ?? [])],
    userDataDir,
  });
  const scores: Score[] = [];
  try {
    for (const page of PAGES) {
      for (const preset of PRESETS) {
        if (!selected(page.name, preset.name)) continue;
        const result = await lighthouse(
          `${server.baseUrl}${page.path}`,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
          preset.config,
        );
        if (!result) throw new Error(`lighthouse returned nothing for ${page.name}`);
        const { audits, categories, runtimeError } = result.lhr;
        if (runtimeError) throw new Error(`lighthouse on ${page.name} (${preset.name}): ${runtimeError.code} ${runtimeError.message}`);
        scores.push({
          page: page.name,
          preset: preset.name,
          performance: Math.round((categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
          details: [
            METRIC_AUDITS.map((id) => `${id.replace(/-/g, ' ')} ${audits[id]?.displayValue ?? '?'}`).join(', '),
            ...failedAudits(categories.accessibility?.auditRefs ?? [], audits).map((title) => `accessibility: ${title}`),
            ...scriptTimes(audits['bootup-time']),
          ].join('\n      '),
        });
      }
    }
  } finally {
    chrome.kill();
    server.stop();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  report(scores);
}

/**
 * The scripts that kept the main thread busiest (Lighthouse's "JavaScript execution time"), so a
 * total blocking time says which chunk to look at.
 */
function scriptTimes(audit: { details?: unknown } | undefined): string[] {
  const items = (audit?.details as { items?: { url?: string; scripting?: number; scriptParseCompile?: number }[] } | undefined)?.items ?? [];
  return items
    .filter((item) => item.url !== undefined && item.url.startsWith('http'))
    .slice(0, 4)
    .map((item) => `script ${new URL(item.url!).pathname}: run ${Math.round(item.scripting ?? 0)} ms, parse ${Math.round(item.scriptParseCompile ?? 0)} ms`);
}

/** Titles of the scored audits of a category that did not fully pass. */
function failedAudits(refs: { id: string; weight: number }[], audits: Record<string, { score: number | null; title: string }>): string[] {
  return refs.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1).map((ref) => audits[ref.id]?.title ?? ref.id);
}

function report(scores: Score[]): void {
  const verdict = (score: number) => (score >= SCORE_MIN ? 'OK' : 'MISSED');
  const lines = scores.map(
    (s) =>
      `  ${s.page.padEnd(8)} ${s.preset.padEnd(8)} performance ${String(s.performance).padStart(3)} ${verdict(s.performance).padEnd(6)}  accessibility ${String(s.accessibility).padStart(3)} ${verdict(s.accessibility)}\n      ${s.details}`,
  );
  process.stdout.write(`Lighthouse (target ≥ ${SCORE_MIN} each)\n${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench lighthouse failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
