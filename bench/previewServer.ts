/**
 * The built site served by `vite preview` on a free loopback port, for the benches that measure
 * it in a real browser. The bench that starts a server stops it (and only it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..');
// Vite itself, not through npx: the process started here is the one stopped later.
export const viteBin = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * Where the benches build the site and serve it from: dist/, or BENCH_OUTDIR (absolute, or
 * relative to the project) so that a bench run beside other work does not overwrite their dist/.
 */
export const benchOutDir = resolve(projectRoot, process.env.BENCH_OUTDIR ?? 'dist');

export interface PreviewServer {
  baseUrl: string;
  stop(): void;
}

/** Serves outDir (default benchOutDir, which must hold a build: run `vite build` first) until `stop()`. */
export async function startPreview(outDir = benchOutDir): Promise<PreviewServer> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${join(outDir, 'index.html')} is missing: run \`npx vite build --outDir ${outDir}\` first`);
  const port = await freePort();
  const server = spawn(process.execPath, [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], {
    cwd: projectRoot,
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(baseUrl);
  } catch (error) {
    stopServer(server);
    throw error;
  }
  return { baseUrl, stop: () => stopServer(server) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within 20 s`);
}

function stopServer(server: ChildProcess): void {
  if (server.exitCode === null) server.kill('SIGTERM');
}
