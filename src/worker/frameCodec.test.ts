import { describe, expect, it } from 'vitest';
import * as engine from '../engine';
import type { Snapshot } from '../engine';
import { getBuiltin } from '../content/builtins';
import { createFrameEncoder, decodeFrame } from './frameCodec';
import type { LabPartition } from './labSnapshot';

function snapshotAt(id: string, timeMs: number): Snapshot {
  const parsed = engine.parseScenario(getBuiltin(id)?.json);
  if (!parsed.ok) throw new Error('built-in does not parse');
  const sim = engine.createSimulation(parsed.scenario);
  sim.runUntil(timeMs);
  return sim.snapshot();
}

/** The snapshot minus what does not travel in the frame's layout and numbers. */
function withoutEvents(snapshot: Snapshot) {
  const { events: _events, ...rest } = snapshot;
  return rest;
}

describe('frame codec', () => {
  for (const [id, timeMs] of [['balanced', 5_000], ['consumer-crash', 40_000], ['hot-key', 12_345]] as const) {
    it(`${id} at ${timeMs} ms: decode(encode(snapshot)) gives the snapshot back`, () => {
      const snapshot = snapshotAt(id, timeMs);
      const { layout, numbers } = createFrameEncoder().encode(snapshot);
      if (!layout) throw new Error('the first frame must carry a layout');
      expect(decodeFrame(layout, numbers, snapshot.metrics)).toEqual(withoutEvents(snapshot));
    });
  }

  it('sends the layout only when it changed, and again after reset', () => {
    const parsed = engine.parseScenario(getBuiltin('balanced')?.json);
    if (!parsed.ok) throw new Error('built-in does not parse');
    const sim = engine.createSimulation(parsed.scenario);
    const encoder = createFrameEncoder();
    sim.runUntil(4_000);
    const first = encoder.encode(sim.snapshot());
    sim.runUntil(4_050); // the group is stable: offsets move, membership does not
    const second = encoder.encode(sim.snapshot());
    expect(first.layout).not.toBeNull();
    expect(second.layout).toBeNull();
    // The scenario's 6 partitions keep 3 replicas each (its cluster default).
    expect(first.layout?.topics[0]?.partitions.map((p) => p.replicaBrokers?.length)).toEqual([3, 3, 3, 3, 3, 3]);
    // 3 header, 6 partitions × (5 + 3 replicas × 2), then 6 × (committed, lag) + 3 consumers × (state, utilisation).
    expect(second.numbers.length).toBe(3 + 6 * (5 + 3 * 2) + 6 * 2 + 3 * 2);
    expect(sim.apply({ type: 'consumer-add', group: 'billing', count: 1 })).toEqual({ ok: true });
    const third = encoder.encode(sim.snapshot());
    expect(third.layout?.groups[0]?.consumers.map((c) => c.id)).toEqual(['c-0', 'c-1', 'c-2', 'c-3']);
    encoder.reset();
    expect(encoder.encode(sim.snapshot()).layout).not.toBeNull();
  });

  it('carries brokers, leaders, replicas and the ISR when the engine reports them', () => {
    const base = snapshotAt('balanced', 1_000);
    const partitions: LabPartition[] = [
      { partition: 0, logStartOffset: 0, logEndOffset: 12, highWatermark: 10, leader: 1, replicas: [
        { broker: 1, logEndOffset: 12, inSync: true },
        { broker: 2, logEndOffset: 10, inSync: true },
        { broker: 0, logEndOffset: 4, inSync: false },
      ], isr: [1, 2] },
      { partition: 1, logStartOffset: 3, logEndOffset: 5, highWatermark: 5, leader: null, replicas: [{ broker: 0, logEndOffset: 5, inSync: false }], isr: [] },
    ];
    const snapshot = {
      ...base,
      brokers: [{ id: 0, up: false }, { id: 1, up: true }, { id: 2, up: true }],
      topics: [{ name: 'orders', partitions }],
      groups: [],
    } as unknown as Snapshot;
    const { layout, numbers } = createFrameEncoder().encode(snapshot);
    if (!layout) throw new Error('the first frame must carry a layout');
    expect(decodeFrame(layout, numbers, base.metrics)).toEqual(withoutEvents(snapshot));
  });

  it('refuses a consumer state it cannot encode, naming it', () => {
    const snapshot = snapshotAt('balanced', 4_000);
    const consumer = snapshot.groups[0]?.consumers[0];
    if (!consumer) throw new Error('no consumer');
    (consumer as { state: string }).state = 'hibernating';
    expect(() => createFrameEncoder().encode(snapshot)).toThrow('unknown consumer state "hibernating"');
  });

  it('refuses numbers that do not match the layout', () => {
    const snapshot = snapshotAt('balanced', 1_000);
    const { layout, numbers } = createFrameEncoder().encode(snapshot);
    if (!layout) throw new Error('the first frame must carry a layout');
    expect(() => decodeFrame(layout, numbers.subarray(0, numbers.length - 1), snapshot.metrics)).toThrow('the numbers end');
  });
});
