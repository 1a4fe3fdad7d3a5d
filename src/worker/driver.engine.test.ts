/**
 * The driver over the real engine: however a run is sliced (playing at any speed, seeking,
 * stepping, seeking backwards), it lands on the same trace as one straight `runUntil`.
 */
import { describe, expect, it } from 'vitest';
import * as engine from '../engine';
import { builtinScenarios, getBuiltin } from '../content/builtins';
import { createDriver } from './driver';
import { createFakeHost } from './testing/fakeHost';

function straightRun(json: unknown, untilMs: number) {
  const parsed = engine.parseScenario(json);
  if (!parsed.ok) throw new Error(parsed.errors.map(engine.formatScenarioError).join('\n'));
  const sim = engine.createSimulation(parsed.scenario);
  sim.runUntil(untilMs);
  return sim.metrics();
}

function setup(json: unknown, seekSliceMsMax: number) {
  const host = createFakeHost();
  const driver = createDriver(engine, host, { seekSliceMsMax });
  driver.load(json);
  /** The page: acknowledges whatever frame is outstanding, then lets due timers run. */
  const pump = (wallMs: number) => {
    const frame = host.lastFrame();
    if (frame) driver.ack(frame.seq);
    host.advanceWallMs(wallMs);
  };
  return { host, driver, pump };
}

describe('driver over the real engine', () => {
  for (const builtin of builtinScenarios) {
    it(`${builtin.id}: seeking in uneven slices matches a straight run`, () => {
      const { host, driver, pump } = setup(builtin.json, 700);
      driver.runTo(3_000);
      for (let i = 0; i < 10; i++) pump(0);
      const frames = host.reports.flatMap((r) => (r.type === 'sim.frame' ? [r.timeMs] : []));
      expect(frames).toEqual([0, 700, 1_400, 2_100, 2_800, 3_000]);
      expect(host.lastFrame()?.metrics).toEqual(straightRun(builtin.json, 3_000));
      expect(driver.mode).toBe('paused');
    });
  }

  it('playing at changing speeds, stepping, then seeking back lands on the straight run', () => {
    const json = getBuiltin('slow-consumer')?.json;
    const { host, driver, pump } = setup(json, 5_000);
    driver.play(10);
    for (let i = 0; i < 30; i++) pump(13 + (i % 7)); // uneven display frames
    driver.step(25);
    pump(0);
    driver.play(50);
    for (let i = 0; i < 10; i++) pump(16);
    const playedToMs = host.lastFrame()?.timeMs ?? 0;
    expect(playedToMs).toBeGreaterThan(5_000);
    driver.runTo(1_234);
    for (let i = 0; i < 5; i++) pump(0);
    expect(host.lastFrame()?.timeMs).toBe(1_234);
    expect(host.lastFrame()?.metrics).toEqual(straightRun(json, 1_234));
  });

  it('runs a whole scenario to its end and reports the final trace hash', () => {
    const json = getBuiltin('balanced')?.json;
    const { host, driver, pump } = setup(json, 20_000);
    driver.runTo(Number.MAX_SAFE_INTEGER);
    for (let i = 0; i < 10; i++) pump(0);
    const finished = host.reports.filter((r) => r.type === 'sim.finished');
    const expected = straightRun(json, 60_000);
    expect(finished).toEqual([{ type: 'sim.finished', timeMs: 60_000, traceHash: expected.traceHash }]);
    expect(host.reports.at(-1)).toEqual(finished[0]);
    expect(driver.mode).toBe('finished');
  });

  it("a live change takes effect at once; the engine's refusal comes back in its own words", () => {
    const json = getBuiltin('balanced')?.json;
    const { host, driver, pump } = setup(json, 5_000);
    driver.runTo(4_000);
    for (let i = 0; i < 3; i++) pump(0);
    driver.apply(1, { type: 'consumer-add', group: 'billing', count: 1 });
    driver.apply(2, { type: 'set-partitions', topic: 'orders', partitions: 3 });
    const answers = host.reports.filter((r) => r.type === 'sim.applied');
    expect(answers[0]).toEqual({ type: 'sim.applied', requestId: 1, ok: true });
    expect(answers[1]).toMatchObject({ type: 'sim.applied', requestId: 2, ok: false });
    expect((answers[1] as { error: string }).error).toMatch(/6/);
    const frame = host.lastFrame();
    expect(frame?.layout?.groups[0]?.consumers.map((c) => c.id)).toEqual(['c-0', 'c-1', 'c-2', 'c-3']);
  });

  it('frames carry the event log as a delta: together they are the whole log, in order', () => {
    const json = getBuiltin('consumer-crash')?.json;
    const { host, driver, pump } = setup(json, 1_000);
    driver.runTo(20_000);
    for (let i = 0; i < 30; i++) pump(0);
    const frames = host.reports.flatMap((r) => (r.type === 'sim.frame' ? [r] : []));
    expect(frames.map((f) => f.fresh)).toEqual(frames.map((_, i) => i === 0));
    const parsed = engine.parseScenario(json);
    if (!parsed.ok) throw new Error('built-in does not parse');
    const sim = engine.createSimulation(parsed.scenario);
    sim.runUntil(20_000);
    const all = sim.events();
    expect(all.length).toBeLessThan(100); // the straight run's log is complete, so the comparison is too
    expect(frames.flatMap((f) => f.events)).toEqual(all);
    expect(frames.at(-1)?.eventsTotal).toBe(all.length);
  });
});
