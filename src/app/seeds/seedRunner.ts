/**
 * One scenario over many seeds, each seed a headless run in a worker of its own (the compare
 * panel's mechanism), at most `parallel` workers at a time so 50 seeds do not start 50 workers.
 * Lifecycle: started → `onProgress` after every frame of any run → resolves with the runs in seed
 * order once all have finished, or rejects with the first failure (naming its seed) → `cancel()`
 * terminates every live worker and starts no more (always call it when done).
 */
import { runHeadless, type HeadlessResult, type HeadlessRun } from '../compare/headlessRun';

/** Workers run at once: enough to use a few cores, few enough that each gets one. */
export const SEED_WORKERS_MAX = 4;

export interface SeedRunProgress {
  /** Runs finished so far. */
  done: number;
  /** Runs in all. */
  total: number;
  /** Simulated time reached summed over every run (finished runs count in full), ms. */
  reachedMs: number;
  /** `total` × the time each run goes to, ms: `reachedMs / targetMs` is the fraction done. */
  targetMs: number;
}

export interface SeedResult extends HeadlessResult {
  seed: number;
}

export interface SeedRuns {
  result: Promise<SeedResult[]>;
  cancel(): void;
}

type RunOne = (scenarioJson: unknown, seed: number, untilMs: number, onProgress: (timeMs: number) => void) => HeadlessRun;

export function runSeeds(scenarioJson: unknown, seeds: readonly number[], untilMs: number, onProgress: (progress: SeedRunProgress) => void, parallel = SEED_WORKERS_MAX, runOne: RunOne = runHeadless): SeedRuns {
  if (seeds.length === 0) throw new Error('runSeeds needs at least one seed');
  if (!Number.isInteger(parallel) || parallel < 1) throw new Error(`parallel must be a whole number of at least 1, got ${parallel}`);
  const live = new Set<HeadlessRun>();
  const reached = new Array<number>(seeds.length).fill(0);
  const results = new Array<SeedResult | undefined>(seeds.length);
  let next = 0;
  let done = 0;
  let cancelled = false;
  const report = () => onProgress({ done, total: seeds.length, reachedMs: reached.reduce((a, b) => a + b, 0), targetMs: seeds.length * untilMs });
  const cancel = () => {
    cancelled = true;
    for (const run of live) run.cancel();
    live.clear();
  };

  const result = new Promise<SeedResult[]>((resolve, reject) => {
    const startNext = () => {
      if (cancelled || next >= seeds.length) return;
      const index = next++;
      const seed = seeds[index]!;
      const run = runOne(scenarioJson, seed, untilMs, (timeMs) => {
        if (cancelled) return;
        reached[index] = Math.min(timeMs, untilMs);
        report();
      });
      live.add(run);
      run.result.then(
        (outcome) => {
          run.cancel();
          live.delete(run);
          if (cancelled) return;
          results[index] = { ...outcome, seed };
          reached[index] = untilMs;
          done++;
          report();
          if (done === seeds.length) resolve(results.map((r) => r!));
          else startNext();
        },
        (error: unknown) => {
          if (cancelled) return;
          cancel();
          reject(new Error(`seed ${seed}: ${error instanceof Error ? error.message : String(error)}`));
        },
      );
    };
    for (let i = 0; i < Math.min(parallel, seeds.length); i++) startNext();
  });
  return { result, cancel };
}
