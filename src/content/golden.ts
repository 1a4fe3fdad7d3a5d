/**
 * Golden traces: what each built-in scenario's run must produce. The engine is deterministic, so
 * a built-in run that changes its trace hash means the engine's behaviour changed — on purpose
 * (then bump ENGINE_VERSION, run `npm run golden`, and say why in the README's release notes) or
 * by accident (then the golden test caught a regression). Old share links and action logs say
 * which engine recorded them, so they can tell which behaviour they reproduce.
 */
import { createSimulation, parseScenario, type Metrics } from '../engine';
import { builtinScenarios } from './builtins';

/** The figures a golden run pins, beside its trace hash: few, and the ones learners read. */
export interface GoldenFigures {
  traceHash: string;
  events: number;
  produced: number;
  processed: number;
  duplicates: number;
  lost: number;
  deadLettered: number;
  lagTotal: number;
  latencyP99Ms: number;
}

export interface GoldenFile {
  /** ENGINE_VERSION that produced these runs. */
  engineVersion: string;
  /** By built-in id: the run to the scenario's end with its own seed. */
  runs: Record<string, GoldenFigures>;
}

export function goldenFigures(metrics: Metrics): GoldenFigures {
  return {
    traceHash: metrics.traceHash,
    events: metrics.events,
    produced: metrics.produced,
    processed: metrics.processed,
    duplicates: metrics.duplicates,
    lost: metrics.lost,
    deadLettered: metrics.deadLettered,
    lagTotal: metrics.lag.total,
    // Rounded: the figure is for people; the hash already pins every bit.
    latencyP99Ms: Math.round(metrics.latencyMs.p99 * 1000) / 1000,
  };
}

/** Runs one built-in to its end and returns its golden figures. */
export function runGolden(id: string): GoldenFigures {
  const builtin = builtinScenarios.find((b) => b.id === id);
  if (!builtin) throw new Error(`no built-in scenario "${id}"`);
  const parsed = parseScenario(builtin.json);
  if (!parsed.ok) throw new Error(`built-in "${id}" does not parse`);
  const sim = createSimulation(parsed.scenario);
  sim.runUntil(sim.durationMs);
  return goldenFigures(sim.metrics());
}
