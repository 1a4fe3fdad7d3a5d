/**
 * Where the main thread's time goes on a page of the built site: records a CPU profile in real
 * Chromium (CDP Profiler) and prints the functions with the most self time, mapped back to their
 * source files through the build's source maps. A tool for work on `npm run bench:ui`'s targets;
 * it asserts nothing.
 *
 *   npx tsx bench/profile.ts '/#/learn/the-log'            the page's load, 8 s
 *   npx tsx bench/profile.ts '/?bench=churn&speed=10' play  pressing Play, 10 s
 *
 * Serves BENCH_OUTDIR (or dist/), which must hold a build. PROFILE_MS sets the length, real ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import playwrightConfig from '../playwright.config';
import { benchOutDir, startPreview } from './previewServer';

const PROFILE_MS = Number(process.env.PROFILE_MS ?? 8_000);
/** How many functions, and how many source files, the report lists. */
const TOP = 25;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  const path = process.argv[2] ?? '/';
  const pressPlay = process.argv[3] === 'play';
  const server = await startPreview();
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    if (pressPlay) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByRole('button', { name: 'Play' }).click({ timeout: 30_000 });
    }
    await cdp.send('Profiler.start');
    if (!pressPlay) await page.goto(`${server.baseUrl}${path}`);
    await page.waitForTimeout(PROFILE_MS);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    report(profile, server.baseUrl);
  } finally {
    await browser.close();
    server.stop();
  }
}

function report(profile: CpuProfile, baseUrl: string): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const maps = new Map<string, SourceMapConsumer | null>();
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    totalUs += us;
    const { file, name } = locate(frame, baseUrl, maps);
    if (file === '(idle)') continue;
    byFunction.set(`${name} ${file}`, (byFunction.get(`${name} ${file}`) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const busyUs = [...byFile.values()].reduce((a, b) => a + b, 0);
  const lines = [`profiled ${(totalUs / 1000).toFixed(0)} ms, main thread busy ${(busyUs / 1000).toFixed(0)} ms`, '', 'self time by source file:'];
  for (const [file, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, TOP)) lines.push(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${file}`);
  lines.push('', 'self time by function:');
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP)) lines.push(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The source file and function a profile frame ran, through the chunk's source map when it has one. */
function locate(frame: ProfileNode['callFrame'], baseUrl: string, maps: Map<string, SourceMapConsumer | null>): { file: string; name: string } {
  if (!frame.url) return { file: frame.functionName === '(idle)' ? '(idle)' : `(${frame.functionName || 'native'})`, name: frame.functionName || '(anonymous)' };
  if (!frame.url.startsWith(baseUrl)) return { file: frame.url, name: frame.functionName || '(anonymous)' };
  const asset = frame.url.slice(baseUrl.length).split('?')[0]!;
  if (!maps.has(asset)) {
    try {
      maps.set(asset, new SourceMapConsumer(JSON.parse(readFileSync(join(benchOutDir, `${asset}.map`), 'utf8')) as RawSourceMap));
    } catch {
      maps.set(asset, null);
    }
  }
  const map = maps.get(asset);
  const position = map?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
  if (!position?.source) return { file: asset, name: frame.functionName || '(anonymous)' };
  const file = position.source.replace(/^(\.\.\/)+(work\/main\/)?/, '').replace(/.*node_modules\//, 'node_modules/');
  return { file, name: `${position.name ?? (frame.functionName || "(anonymous)")} [${asset}:${frame.lineNumber + 1}:${frame.columnNumber}]` };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench profile failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
