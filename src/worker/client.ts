/**
 * The page's handle on the simulation worker: typed commands out, typed reports in. It
 * acknowledges each frame once the page has had a chance to draw it, which is what paces the
 * worker (see protocol.ts), and it turns a crashed or unloadable worker into a `sim.error`.
 *
 * Lifecycle: created with a running worker → `restart()` replaces a dead (or live) worker with a
 * fresh one, keeping the listeners → `dispose()` terminates it; after that, sends are ignored and
 * no report is delivered.
 */
import type { Command, Report } from './protocol';

/** Commands a page sends; acknowledgements are the client's own business. */
export type PageCommand = Exclude<Command, { type: 'page.ack' }>;

export type ReportListener = (report: Report) => void;

/** The part of a `Worker` the client uses, so tests can hand in a fake. */
export interface WorkerLike {
  postMessage(command: Command): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export interface SimClientOptions {
  /** Starts the worker; by default the real simulation worker. */
  createWorker?: () => WorkerLike;
  /**
   * Calls back once the page has drawn what the listeners stored, by default on the next
   * animation frame: the worker then posts at most one frame per display refresh, and none
   * while the tab is hidden.
   */
  afterPaint?: (callback: () => void) => void;
}

export interface SimClient {
  send(command: PageCommand): void;
  /** Delivers every later report to `listener`; returns the unsubscribe function. */
  subscribe(listener: ReportListener): () => void;
  /** Terminates the worker and starts a new, empty one; reports of the old one are dropped. */
  restart(): void;
  dispose(): void;
}

export function createSimClient(options: SimClientOptions = {}): SimClient {
  const createWorker = options.createWorker ?? createSimWorker;
  const afterPaint = options.afterPaint ?? defaultAfterPaint;
  const listeners = new Set<ReportListener>();
  let disposed = false;

  function emit(report: Report): void {
    for (const listener of listeners) {
      try {
        listener(report);
      } catch (error) {
        // One broken view must not stop the others from hearing about the simulation.
        console.error('A simulation report listener failed', error);
      }
    }
  }

  let worker = connect(createWorker());

  function connect(next: WorkerLike): WorkerLike {
    next.onmessage = (event) => {
      if (disposed || next !== worker) return;
      const report = event.data as Report;
      emit(report);
      if (report.type === 'sim.frame') {
        const { seq } = report;
        afterPaint(() => {
          if (!disposed && next === worker) worker.postMessage({ type: 'page.ack', seq });
        });
      }
    };
    next.onerror = (event) => {
      // Keep the browser from also reporting it as an uncaught page error: the page shows it.
      event.preventDefault();
      if (disposed || next !== worker) return;
      // A script error carries a message; a worker that failed to load fires a bare Event without one.
      const detail = typeof event.message === 'string' ? event.message : '';
      emit({
        type: 'sim.error',
        message: detail ? `The simulator crashed: ${detail}` : 'The simulator could not start.',
        fatal: true,
      });
    };
    next.onmessageerror = () => {
      if (!disposed && next === worker) emit({ type: 'sim.error', message: 'The simulator sent a message the page could not read.', fatal: true });
    };
    return next;
  }

  return {
    send(command) {
      if (!disposed) worker.postMessage(command);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restart() {
      if (disposed) return;
      const old = worker;
      worker = connect(createWorker());
      old.terminate();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      listeners.clear();
      worker.terminate();
    },
  };
}

function createSimWorker(): WorkerLike {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'queuelab-sim' });
}

function defaultAfterPaint(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
}

