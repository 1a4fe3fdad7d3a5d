import { describe, expect, it } from 'vitest';
import type { Metrics } from '../../engine';
import type { HeadlessResult, HeadlessRun } from '../compare/headlessRun';
import { EMPTY_TABLE } from '../insight/seriesTable';
import { runSeeds, type SeedRunProgress } from './seedRunner';

/** A fake worker run per seed: the test decides when it reports, finishes or fails. */
function fakeRuns() {
  const started: { seed: number; progress: (timeMs: number) => void; finish: () => void; fail: (message: string) => void; cancelled: boolean }[] = [];
  const runOne = (_json: unknown, seed: number, _untilMs: number, onProgress: (timeMs: number) => void): HeadlessRun => {
    let resolve!: (r: HeadlessResult) => void;
    let reject!: (e: Error) => void;
    const result = new Promise<HeadlessResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const entry = {
      seed,
      progress: onProgress,
      finish: () => resolve({ table: EMPTY_TABLE, metrics: { produced: seed } as unknown as Metrics, traceHash: `h${seed}` }),
      fail: (message: string) => reject(new Error(message)),
      cancelled: false,
    };
    started.push(entry);
    return { result, cancel: () => void (entry.cancelled = true) };
  };
  return { started, runOne };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('runSeeds', () => {
  it('runs at most `parallel` at once, reports progress, and resolves in seed order', async () => {
    const { started, runOne } = fakeRuns();
    const progress: SeedRunProgress[] = [];
    const runs = runSeeds({}, [10, 11, 12], 1000, (p) => progress.push(p), 2, runOne);
    expect(started.map((s) => s.seed)).toEqual([10, 11]);
    started[1]!.progress(400);
    expect(progress.at(-1)).toEqual({ done: 0, total: 3, reachedMs: 400, targetMs: 3000 });
    started[1]!.finish();
    await tick();
    expect(started.map((s) => s.seed)).toEqual([10, 11, 12]);
    expect(started[1]!.cancelled).toBe(true);
    expect(progress.at(-1)).toEqual({ done: 1, total: 3, reachedMs: 1000, targetMs: 3000 });
    started[2]!.progress(5000);
    expect(progress.at(-1)!.reachedMs).toBe(2000);
    started[2]!.finish();
    started[0]!.finish();
    const results = await runs.result;
    expect(results.map((r) => [r.seed, r.traceHash])).toEqual([[10, 'h10'], [11, 'h11'], [12, 'h12']]);
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, reachedMs: 3000, targetMs: 3000 });
  });

  it('rejects naming the seed that failed, and stops the others', async () => {
    const { started, runOne } = fakeRuns();
    const runs = runSeeds({}, [1, 2, 3], 1000, () => {}, 2, runOne);
    started[1]!.fail('a limit was breached');
    await expect(runs.result).rejects.toThrow('seed 2: a limit was breached');
    expect(started[0]!.cancelled).toBe(true);
    expect(started).toHaveLength(2);
  });

  it('cancel stops every live run and starts no more', async () => {
    const { started, runOne } = fakeRuns();
    const progress: SeedRunProgress[] = [];
    const runs = runSeeds({}, [1, 2, 3], 1000, (p) => progress.push(p), 2, runOne);
    runs.cancel();
    expect(started.map((s) => s.cancelled)).toEqual([true, true]);
    started[0]!.finish();
    started[1]!.progress(10);
    await tick();
    expect(started).toHaveLength(2);
    expect(progress).toEqual([]);
  });

  it('refuses no seeds and a parallelism below one', () => {
    const { runOne } = fakeRuns();
    expect(() => runSeeds({}, [], 1000, () => {}, 2, runOne)).toThrow('at least one seed');
    expect(() => runSeeds({}, [1], 1000, () => {}, 0, runOne)).toThrow('at least 1, got 0');
  });
});
