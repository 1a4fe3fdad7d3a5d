/**
 * `npm run budget` (run by `npm test` after the production build): the JavaScript the first
 * screen loads — the entry chunk and every chunk it imports statically (Vite's modulepreload
 * links) — must stay within INITIAL_JS_GZIP_BYTES_MAX gzipped. Lazy chunks and the worker are
 * not counted: they load after first paint. Exit code 1 names the chunks when over budget.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { initialJsChunks } from './initialJs.ts';

/** Issue 6 / issue 10 budget: 200 KB gzipped. */
export const INITIAL_JS_GZIP_BYTES_MAX = 200 * 1024;

const dist = join(import.meta.dirname, '..', 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  process.stderr.write('budget: dist/index.html is missing: run `npx vite build` first\n');
  process.exit(2);
}
const chunks = initialJsChunks(dist);
const total = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
const lines = chunks.map((chunk) => `  ${chunk.src}  ${(chunk.gzipBytes / 1024).toFixed(1)} KB gzipped`);
const verdict = total <= INITIAL_JS_GZIP_BYTES_MAX ? 'OK' : 'OVER BUDGET';
process.stdout.write(
  `initial JS: ${(total / 1024).toFixed(1)} KB gzipped of ${INITIAL_JS_GZIP_BYTES_MAX / 1024} KB allowed: ${verdict}\n${lines.join('\n')}\n`,
);
process.exitCode = total <= INITIAL_JS_GZIP_BYTES_MAX ? 0 : 1;
