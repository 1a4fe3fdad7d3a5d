import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as engine from '../engine';
import type { Snapshot } from '../engine';
import { getBuiltin } from '../content/builtins';
import { createFrameEncoder, decodeFrame } from './frameCodec';

const chapters = join(import.meta.dirname, '..', '..', 'content', 'chapters');

function scenarioJson(id: string): unknown {
  const builtin = getBuiltin(id);
  if (builtin) return builtin.json;
  return JSON.parse(readFileSync(join(chapters, `${id}.json`), 'utf8')) as unknown;
}

function simulation(id: string) {
  const parsed = engine.parseScenario(scenarioJson(id));
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  return engine.createSimulation(parsed.scenario);
}

function snapshotAt(id: string, timeMs: number): Snapshot {
  const sim = simulation(id);
  sim.runUntil(timeMs);
  return sim.snapshot();
}

function withoutEvents(snapshot: Snapshot) {
  const { events: _events, ...rest } = snapshot;
  return rest;
}

describe('frame codec: queue brokers', () => {
  const cases = [
    ['rabbit-work-queue', 22_000], // worker fulfil-0 is down (crashed at 20 s)
    ['sqs-visibility', 30_000],
    ['patterns/scenarios/price-rpc', 12_000], // reply queues
    ['sqs-and-sns/scenarios/fan-out', 8_000], // SNS fan-out and an SQS redrive
    ['choosing-a-broker/scenarios/same-workload', 5_000], // Kafka and queues side by side
  ] as const;
  for (const [id, timeMs] of cases) {
    it(`${id} at ${timeMs} ms: decode(encode(snapshot)) gives the snapshot back`, () => {
      const snapshot = snapshotAt(id, timeMs);
      expect(snapshot.queues?.length).toBeGreaterThan(0);
      const { layout, numbers } = createFrameEncoder().encode(snapshot);
      if (!layout) throw new Error('the first frame must carry a layout');
      expect(decodeFrame(layout, numbers, snapshot.metrics)).toEqual(withoutEvents(snapshot));
    });
  }

  it('keeps depths and worker activity out of the layout, so a running queue scenario sends its layout once', () => {
    const sim = simulation('rabbit-work-queue');
    const encoder = createFrameEncoder();
    sim.runUntil(5_000);
    const first = encoder.encode(sim.snapshot());
    sim.runUntil(5_100);
    const second = encoder.encode(sim.snapshot());
    expect(first.layout?.queueBrokers?.queues.map((q) => [q.name, q.deadLetterTo, q.workers.map((w) => w.id)])).toEqual([
      ['fulfilment', 'orders.dlx', ['fulfil-0', 'fulfil-1', 'fulfil-2']],
      ['audit', null, ['auditor-0']],
      ['fulfilment.dead', null, []],
    ]);
    expect(first.layout?.queueBrokers?.exchanges.map((e) => [e.name, e.type, e.bindings.map((b) => `${b.routingKey}>${b.queue}`)])).toEqual([
      ['', 'direct', []],
      ['orders', 'topic', ['order.*.created>fulfilment', 'order.#>audit']],
      ['orders.dlx', 'direct', ['fulfilment.failed>fulfilment.dead']],
    ]);
    expect(second.layout).toBeNull();
    // No partitions or groups: 3 header, 3 exchanges × 2, 3 queues × 6, 4 workers × 4.
    expect(second.numbers.length).toBe(3 + 3 * 2 + 3 * 6 + 4 * 4);
    expect(sim.apply({ type: 'worker-add', worker: 'auditor', count: 1 })).toEqual({ ok: true });
    const third = encoder.encode(sim.snapshot());
    expect(third.layout?.queueBrokers?.queues[1]?.workers.map((w) => w.id)).toEqual(['auditor-0', 'auditor-1']);
  });

  it('carries a crashed worker as down in the numbers, without a new layout', () => {
    const sim = simulation('rabbit-work-queue');
    const encoder = createFrameEncoder();
    sim.runUntil(19_900);
    const before = encoder.encode(sim.snapshot());
    sim.runUntil(20_100);
    const after = encoder.encode(sim.snapshot());
    expect(after.layout).toBeNull();
    const layout = before.layout;
    if (!layout) throw new Error('the first frame must carry a layout');
    const workers = (numbers: Float64Array) => decodeFrame(layout, numbers, sim.metrics()).queues?.[0]?.workers.map((w) => w.alive);
    expect(workers(before.numbers)).toEqual([true, true, true]);
    expect(workers(after.numbers)).toEqual([false, true, true]);
  });

  it('leaves Kafka-only frames without queue brokers', () => {
    const { layout } = createFrameEncoder().encode(snapshotAt('balanced', 1_000));
    expect(layout).not.toBeNull();
    expect(layout?.queueBrokers).toBeUndefined();
  });
});
