/**
 * The built site served by `vite preview` on a free loopback port, for the benches that measure
 * it in a real browser. The bench that starts a server stops it (and only it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..');
// Vite itself, not through npx: the process started here is the one stopped later.
export const viteBin = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');

export interface PreviewServer {
  baseUrl: string;
  stop(): void;
}

/** Serves dist/ (which must exist: run `vite build` first) until `stop()`. */
export async function startPreview(): Promise<PreviewServer> {
  if (!existsSync(join(projectRoot, 'dist', 'index.html'))) throw new Error('dist/index.html is missing: run `npx vite build` first');
  const port = await freePort();
  const server = spawn(process.execPath, [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
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
