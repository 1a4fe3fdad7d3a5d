/**
 * Seeking through checkpoints over the real engine: wherever a seek lands, backwards or forwards,
 * after a fork or in a shared run, the frame, the run's description and the chart table are
 * exactly those of a straight run, and the run was restored from a checkpoint, not re-run from 0.
 */
import { describe, expect, it } from 'vitest';
import * as engine from '../engine';
import { getBuiltin } from '../content/builtins';
import { createEngineDriver } from './testing/engineDriver';
import type { Report } from './protocol';
import type { RecordedAction, Scenario } from '../engine';

const json = getBuiltin('consumer-crash')?.json;

function scenario(): Scenario {
  const parsed = engine.parseScenario(json);
  if (!parsed.ok) throw new Error('built-in does not parse');
  return parsed.scenario;
}

/** The chart table as the page rebuilds it from deltas: column name → values, from the last fresh delta. */
function chartTable(reports: Report[]): Record<string, number[]> {
  let table: Record<string, number[]> = {};
  let length = 0;
  for (const r of reports) {
    if (r.type !== 'sim.series') continue;
    const d = r.delta;
    if (d.fresh) {
      table = {};
      length = 0;
    }
    const columns = d.columns ?? Object.keys(table);
    const next: Record<string, number[]> = {};
    columns.forEach((name, c) => {
      const column = (table[name] ?? new Array<number>(length).fill(Number.NaN)).slice(0, d.fromIndex);
      for (let i = 0; i < d.count; i++) column.push(d.data[i * columns.length + c]!);
      next[name] = column;
    });
    table = next;
    length = d.fromIndex + d.count;
  }
  return table;
}

/** A driver over the real engine whose seeks must land exactly on their target. */
function setup(checkpointIntervalMs = 1_000) {
  const harness = createEngineDriver({ checkpointIntervalMs });
  harness.driver.watchSeries(true);
  const seek = (timeMs: number) => expect(harness.seek(timeMs)).toBe(timeMs);
  return { ...harness, seek };
}

/** What a straight driver run (no seeks, no checkpoints) shows at timeMs. */
function straight(timeMs: number, seed?: number, actions: readonly RecordedAction[] = []) {
  const { host, driver, seek, describeRun } = setup(0);
  driver.load(json, seed, actions);
  seek(timeMs);
  return { metrics: host.lastFrame()?.metrics, run: describeRun(), table: chartTable(host.reports) };
}

describe('driver seeks through checkpoints', () => {
  it('lands exactly where a straight run does, backwards and forwards, re-running only from checkpoints', () => {
    const { host, driver, seek, describeRun, created } = setup();
    driver.load(json);
    seek(12_000);
    for (const targetMs of [3_500, 9_250, 7_000, 12_000, 500]) {
      seek(targetMs);
      const expected = straight(targetMs);
      expect(host.lastFrame()?.metrics, `at ${targetMs} ms`).toEqual(expected.metrics);
      expect(describeRun()).toEqual(expected.run);
      expect(chartTable(host.reports)).toEqual(expected.table);
    }
    // Only the seek to 500 ms, before the first checkpoint (1 s), started over from 0.
    expect(created()).toBe(2);
  });

  it('after a fork, forgets the old timeline beyond the fork and seeks exactly on the new one', () => {
    const { host, driver, seek, describeRun, apply } = setup();
    driver.load(json);
    seek(10_000);
    seek(4_500);
    apply({ type: 'set-rate', producer: 'gateway', ratePerSec: 1500 });
    expect(host.reports.filter((r) => r.type === 'sim.forked')).toEqual([{ type: 'sim.forked', atMs: 4_500, discardedUntilMs: 10_000, discardedActions: 0 }]);
    seek(9_000);
    const forked = describeRun()!;
    expect(forked.actions.map((a) => [a.timeMs, a.change.type])).toEqual([[4_500, 'set-rate']]);
    const expected = straight(9_000, undefined, forked.actions);
    expect(forked).toEqual(expected.run);
    expect(host.lastFrame()?.metrics).toEqual(expected.metrics);
    // Back before the fork, then forward from a checkpoint taken before the change (4 s): it must replay it.
    seek(3_000);
    seek(4_800);
    expect(describeRun()).toEqual(straight(4_800, undefined, forked.actions).run);
    seek(9_000);
    expect(describeRun()).toEqual(expected.run);
    expect(chartTable(host.reports)).toEqual(expected.table);
  });

  it('keeps a shared run’s changes not reached yet, and a fork drops them', () => {
    const parsed = scenario();
    const recorded = engine.createSimulation(parsed, { seed: 31 });
    recorded.runUntil(2_500);
    recorded.apply({ type: 'consumer-add', group: 'ledger', count: 1 });
    recorded.runUntil(6_000);
    recorded.apply({ type: 'set-rate', producer: 'gateway', ratePerSec: 1200 });
    recorded.runUntil(12_000);

    const { host, driver, seek, describeRun, apply } = setup();
    driver.load(json, 31, recorded.actions());
    seek(12_000);
    seek(4_000);
    seek(12_000);
    expect(host.lastFrame()?.metrics).toEqual(recorded.metrics());
    expect(describeRun()?.traceHash).toBe(recorded.traceHash());

    seek(4_000);
    apply({ type: 'set-rate', producer: 'gateway', ratePerSec: 300 });
    expect(host.reports.filter((r) => r.type === 'sim.forked').at(-1)).toEqual({ type: 'sim.forked', atMs: 4_000, discardedUntilMs: 12_000, discardedActions: 1 });
    seek(12_000);
    const run = describeRun()!;
    expect(run.actions.map((a) => [a.timeMs, a.change.type])).toEqual([
      [2_500, 'consumer-add'],
      [4_000, 'set-rate'],
    ]);
    expect(run).toEqual(straight(12_000, 31, run.actions).run);
  });
});
