/**
 * The JavaScript the first screen loads: the entry chunk and every chunk it imports statically
 * (Vite's modulepreload links), gzipped. Lazy chunks and the worker load after first paint and
 * are not counted. Shared by `npm run budget` and `npm run bench:ui`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialChunk {
  src: string;
  gzipBytes: number;
}

/** The initial chunks of dist/index.html; throws when the page has no entry script. */
export function initialJsChunks(dist: string): InitialChunk[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  if (sources.length === 0) throw new Error('found no entry script in dist/index.html');
  return sources.map((src) => ({ src, gzipBytes: gzipSync(readFileSync(join(dist, src.replace(/^\//, '')))).length }));
}
