/**
 * One run in a worker of its own, fast-forwarded to a time with no drawing: for comparisons.
 * Lifecycle: started → samples arrive as it goes (`onProgress`) → resolves once the worker has
 * reached the time and sent its last samples, or rejects with the worker's error → `cancel()`
 * terminates the worker at any point (always call it when done).
 */
import type { Metrics } from '../../engine';
import { createSimClient, type SimClient } from '../../worker/client';
import { applyDelta, EMPTY_TABLE, type SeriesTable } from '../insight/seriesTable';

export interface HeadlessResult {
  table: SeriesTable;
  metrics: Metrics;
  traceHash: string;
}

export interface HeadlessRun {
  result: Promise<HeadlessResult>;
  cancel(): void;
}

export function runHeadless(scenarioJson: unknown, seed: number, untilMs: number, onProgress: (timeMs: number) => void, makeClient: () => SimClient = createSimClient): HeadlessRun {
  const client = makeClient();
  let table: SeriesTable = EMPTY_TABLE;
  let metrics: Metrics | null = null;
  let reachedMs = 0;
  const result = new Promise<HeadlessResult>((resolve, reject) => {
    client.subscribe((report) => {
      switch (report.type) {
        case 'sim.ready':
          client.send({ type: 'page.watchSeries', enabled: true });
          client.send({ type: 'page.runTo', timeMs: Math.min(untilMs, report.durationMs) });
          untilMs = Math.min(untilMs, report.durationMs);
          break;
        case 'sim.frame':
          metrics = report.metrics;
          reachedMs = report.timeMs;
          onProgress(report.timeMs);
          break;
        case 'sim.series':
          table = applyDelta(table, report.delta);
          // The worker posts a run's last samples right after its last frame.
          if (reachedMs >= untilMs && metrics) resolve({ table, metrics, traceHash: metrics.traceHash });
          break;
        case 'sim.error':
          reject(new Error(report.message));
          break;
        default:
          break;
      }
    });
    client.send({ type: 'page.load', scenarioJson, seed });
  });
  return { result, cancel: () => client.dispose() };
}
