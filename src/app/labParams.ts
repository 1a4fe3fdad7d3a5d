/**
 * What the lab's URL asks for: `?scenario=<id>&seed=<n>&runTo=<ms>&speed=<x>&bench=<name>`. Shareable links
 * and the e2e tests both use it. Values that do not make sense are dropped, never thrown.
 */
import { DEFAULT_SCENARIO_ID } from '../content/builtins';
import { SPEED_MAX, SPEED_MIN } from '../worker/protocol';

export interface LabParams {
  /** Built-in scenario id; the default scenario when absent. */
  scenarioId: string;
  /** Seed override; the scenario's own seed when absent. */
  seed?: number;
  /** Run straight to this simulated time after loading, ms. */
  runToMs?: number;
  /** Playback speed, SPEED_MIN..SPEED_MAX. */
  speed?: number;
  /** A bundled benchmark workload to load instead of a built-in (only names in BENCH_WORKLOADS). */
  bench?: BenchWorkload;
}

/** The workloads `?bench=` may name: bundled with the page, never fetched from a URL. */
export const BENCH_WORKLOADS = ['churn'] as const;
export type BenchWorkload = (typeof BENCH_WORKLOADS)[number];

export function readLabParams(search: string): LabParams {
  const query = new URLSearchParams(search);
  const params: LabParams = { scenarioId: query.get('scenario')?.trim() || DEFAULT_SCENARIO_ID };
  const seed = numberParam(query, 'seed');
  if (seed !== undefined && Number.isSafeInteger(seed)) params.seed = seed;
  const runToMs = numberParam(query, 'runTo');
  if (runToMs !== undefined && runToMs >= 0) params.runToMs = runToMs;
  const speed = numberParam(query, 'speed');
  if (speed !== undefined && speed >= SPEED_MIN && speed <= SPEED_MAX) params.speed = speed;
  const bench = query.get('bench');
  if (bench !== null && (BENCH_WORKLOADS as readonly string[]).includes(bench)) params.bench = bench as BenchWorkload;
  return params;
}

/** The query string for a scenario id, keeping the other parameters that still apply. */
export function withScenario(search: string, scenarioId: string): string {
  const query = new URLSearchParams(search);
  query.set('scenario', scenarioId);
  // A seed or a seek target belonged to the previous scenario.
  query.delete('seed');
  query.delete('runTo');
  query.delete('bench');
  return `?${query.toString()}`;
}

function numberParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}
