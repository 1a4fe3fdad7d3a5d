/**
 * The driver's "see why" side over the real engine: chart samples are the same however a run is
 * advanced (so a seek shows exactly what play showed), a change in the past forks the timeline
 * and drops the later changes, and the inspector answers from the run.
 */
import { describe, expect, it } from 'vitest';
import * as engine from '../engine';
import { getBuiltin } from '../content/builtins';
import { createDriver } from './driver';
import { createFakeHost } from './testing/fakeHost';
import type { Report } from './protocol';
import type { TimelineMarker } from './insightRecorder';

interface Table {
  columns: string[];
  values: Map<string, number[]>;
  length: number;
  markers: TimelineMarker[];
}

/** The page's view of the deltas (the page's own copy lives in app/insight/seriesTable.ts). */
function collect(reports: Report[]): Table {
  let table: Table = { columns: [], values: new Map(), length: 0, markers: [] };
  for (const r of reports) {
    if (r.type !== 'sim.series') continue;
    const d = r.delta;
    if (d.fresh) table = { columns: [], values: new Map(), length: 0, markers: [] };
    const columns = d.columns ?? table.columns;
    const keep = d.fromIndex;
    const values = new Map<string, number[]>();
    columns.forEach((name, c) => {
      const column = (table.values.get(name) ?? new Array<number>(table.length).fill(Number.NaN)).slice(0, keep);
      for (let i = 0; i < d.count; i++) column.push(d.data[i * columns.length + c]!);
      values.set(name, column);
    });
    table = { columns, values, length: keep + d.count, markers: [...table.markers, ...d.markers] };
  }
  return table;
}

function setup(json: unknown) {
  const host = createFakeHost();
  const driver = createDriver(engine, host, { seekSliceMsMax: 700 });
  driver.watchSeries(true);
  driver.load(json);
  const settle = () => {
    for (let i = 0; i < 200; i++) {
      const frame = host.lastFrame();
      if (frame) driver.ack(frame.seq);
      host.advanceWallMs(300);
    }
  };
  const table = () => collect(host.reports);
  return { host, driver, settle, table };
}

const of = <T extends Report['type']>(reports: Report[], type: T) => reports.filter((r): r is Extract<Report, { type: T }> => r.type === type);

describe('driver: chart samples, forks and the inspector', () => {
  const json = getBuiltin('consumer-crash')!.json;

  it('samples every 100 ms of simulated time, identically whether the run was played in slices or re-run after a seek back', () => {
    const a = setup(json);
    a.driver.runTo(20_000);
    a.settle();
    const straight = a.table();
    expect(straight.length).toBe(201);
    expect(straight.values.get('t')!.slice(0, 3)).toEqual([0, 100, 200]);
    expect(straight.markers.some((m) => m.kind === 'fault' && m.timeMs === 15_000)).toBe(true);

    const b = setup(json);
    b.driver.runTo(27_300);
    b.settle();
    b.driver.runTo(20_000);
    b.settle();
    const replayed = b.table();
    expect(replayed.length).toBe(201);
    for (const name of straight.columns) expect(replayed.values.get(name), name).toEqual(straight.values.get(name));
  });

  it('a change in the past forks: the later changes are discarded and the run describes only the new timeline', () => {
    const { host, driver, settle } = setup(json);
    driver.runTo(5_000);
    settle();
    driver.apply(1, { type: 'set-rate', producer: 'gateway', ratePerSec: 600 });
    driver.runTo(12_000);
    settle();
    driver.runTo(3_000);
    settle();
    expect(of(host.reports, 'sim.forked')).toEqual([]);
    driver.apply(2, { type: 'set-rate', producer: 'gateway', ratePerSec: 200 });
    expect(of(host.reports, 'sim.forked')).toEqual([{ type: 'sim.forked', atMs: 3_000, discardedUntilMs: 12_000, discardedActions: 1 }]);
    expect(of(host.reports, 'sim.applied').map((r) => r.ok)).toEqual([true, true]);
    driver.runTo(12_000);
    settle();
    driver.describeRun(3);
    const run = of(host.reports, 'sim.run')[0]!.run!;
    expect(run.actions.map((a) => [a.timeMs, a.change])).toEqual([[3_000, { type: 'set-rate', producer: 'gateway', ratePerSec: 200 }]]);
  });

  it('inspects a record: where it stands and when it passed the markers, to one sample', () => {
    const { host, driver, settle } = setup(json);
    driver.runTo(10_000);
    settle();
    driver.inspect(7, { kind: 'offset', topic: 'payments', partition: 0, offset: 10 });
    const result = of(host.reports, 'sim.inspect')[0]!.result;
    expect(result.position?.appended).toBe(true);
    expect(result.position?.visible).toBe(true);
    expect(result.position?.groups.map((g) => [g.id, g.committedPast])).toEqual([['ledger', true]]);
    const visible = result.position!.visibleByMs!;
    const committed = result.position!.groups[0]!.committedByMs!;
    expect(visible % 100).toBe(0);
    expect(committed).toBeGreaterThanOrEqual(visible);
    driver.inspect(8, { kind: 'offset', topic: 'payments', partition: 99, offset: 0 });
    expect(of(host.reports, 'sim.inspect')[1]!.result.problem).toBe('There is no partition payments-99. Partitions: payments (0..7).');
  });
});
