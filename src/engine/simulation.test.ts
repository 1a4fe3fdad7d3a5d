import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, type Scenario } from './index';
import { EventKind } from './kafka/eventKinds';
import balanced from '../../content/scenarios/balanced.json';
import slowConsumer from '../../content/scenarios/slow-consumer.json';
import hotKey from '../../content/scenarios/hot-key.json';
import consumerCrash from '../../content/scenarios/consumer-crash.json';

function scenarioOf(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const kindName = Object.fromEntries(Object.entries(EventKind).map(([name, code]) => [code, name]));

describe('the Kafka data path, event by event', () => {
  // One record every 10 ms, 1 ms network latency, 2 ms processing, linger 0.
  const tiny = scenarioOf({
    version: 1,
    durationMs: 30,
    cluster: { brokers: 1, networkLatencyMs: 1 },
    topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
    producers: [{ id: 'p', topic: 't', ratePerSec: 100, arrival: 'constant', lingerMs: 0 }],
    consumerGroups: [
      { id: 'g', topic: 't', processingMs: { dist: 'constant', value: 2 }, autoOffsetReset: 'earliest', initialRebalanceDelayMs: 0 },
    ],
  });

  it('follows send → append → wake → process → commit → poll, exactly', () => {
    const trace: string[] = [];
    const sim = createSimulation(tiny, { traceListener: (t, k) => trace.push(`${t / 1000} ${kindName[k]}`) });
    sim.runUntil(25);
    expect(trace).toEqual([
      '0 produceArrival',
      '0 consumerPoll', // the consumer's first poll sends JoinGroup
      '1 batchAppend', // one network latency later the leader appends
      '1 joinArrive', // the coordinator forms the group…
      '1 joinDeadline', // …and group.initial.rebalance.delay.ms is 0
      '2 joinResponse', // the only member is the leader: it computes the assignment
      '3 syncArrive',
      '4 syncResponse', // assigned t-0, from the earliest offset
      '4 consumerPoll', // the fetch returns the record appended at 1 ms
      '6 processDone', // 2 ms of processing
      '8 consumerPoll', // commitSync took a round trip; nothing new: the fetch waits
      '10 produceArrival',
      '11 batchAppend',
      '12 consumerPoll', // the broker answers the waiting fetch one latency later
      '14 processDone',
      '16 consumerPoll',
      '20 produceArrival',
      '21 batchAppend',
      '22 consumerPoll',
      '24 processDone',
    ]);
    const m = sim.metrics();
    expect([m.produced, m.acknowledged, m.delivered, m.processed, m.duplicates, m.lost, m.pending]).toEqual([3, 3, 3, 3, 0, 0, 0]);
    // Send → processed: 6 ms for the record that waited for the group to form, then 4 ms.
    expect(m.latencyMs.mean).toBeCloseTo((6 + 4 + 4) / 3, 9);
    expect(m.lag).toEqual({ total: 0, max: 0, perPartition: [0] });
  });

  it('batches by linger.ms: records sent within the linger share one append', () => {
    const batched = scenarioOf({
      version: 1,
      durationMs: 100,
      cluster: { brokers: 1, networkLatencyMs: 1 },
      topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
      producers: [{ id: 'p', topic: 't', ratePerSec: 1000, arrival: 'constant', lingerMs: 5 }],
      consumerGroups: [],
    });
    const appends: number[] = [];
    const sim = createSimulation(batched, { traceListener: (t, k) => k === EventKind.batchAppend && appends.push(t / 1000) });
    sim.runUntil(20);
    // A batch opens at 0 ms and is sent when linger.ms expires at 5 ms, with the records of
    // 0..4 ms: the record of 5 ms was scheduled after the expiry, so it opens the next batch.
    // Each batch reaches the leader 1 ms after it is sent.
    expect(appends).toEqual([6, 11, 16]);
    expect(sim.snapshot().topics[0]!.partitions[0]!.logEndOffset).toBe(15);
  });
});

describe('determinism', () => {
  for (const [id, json] of Object.entries({ balanced, 'slow-consumer': slowConsumer, 'hot-key': hotKey, 'consumer-crash': consumerCrash })) {
    it(`${id}: the same seed gives the same trace, another seed another`, () => {
      const scenario = scenarioOf(json);
      const run = (seed?: number) => {
        const sim = createSimulation(scenario, seed === undefined ? {} : { seed });
        sim.runUntil(10_000);
        return sim.metrics();
      };
      const first = run();
      const second = run();
      expect(second).toEqual(first);
      expect(run(scenario.seed + 1).traceHash).not.toBe(first.traceHash);
    });
  }

  it('stepping event by event reaches the same state as running', () => {
    const scenario = scenarioOf(balanced);
    const a = createSimulation(scenario);
    a.runUntil(2000);
    const events = a.metrics().events;
    const b = createSimulation(scenario);
    for (let i = 0; i < events; i++) expect(b.step(1)).toBe(1);
    // runUntil also moves the clock to 2000 ms; stepping stops at the last event's time.
    expect({ ...b.metrics(), timeMs: 2000 }).toEqual(a.metrics());
  });
});

describe('what the built-in scenarios teach', () => {
  it('balanced: lag stays small and nothing is lost or duplicated', () => {
    const sim = createSimulation(scenarioOf(balanced));
    sim.runUntil(60_000);
    const m = sim.metrics();
    expect(m.processed).toBeGreaterThan(17_000);
    expect(m.lag.max).toBeLessThan(50);
    expect([m.lost, m.duplicates, m.deadLettered]).toEqual([0, 0, 0]);
    // 13 ms without replication; acks=all on 3 replicas adds the followers' fetch round (a fetch
    // every replicaFetchMs = 5 ms, 1 ms each way) before the high watermark shows a record.
    expect(m.latencyMs.p50).toBeLessThan(23);
  });

  it('slow consumer: lag grows on every partition', () => {
    const sim = createSimulation(scenarioOf(slowConsumer));
    sim.runUntil(30_000);
    const lagAt30 = sim.metrics().lag.total;
    sim.runUntil(60_000);
    const m = sim.metrics();
    expect(m.lag.total).toBeGreaterThan(lagAt30 * 1.5);
    expect(Math.min(...m.lag.perPartition)).toBeGreaterThan(500);
  });

  it('hot key: one partition lags while the others keep up', () => {
    const sim = createSimulation(scenarioOf(hotKey));
    sim.runUntil(60_000);
    const perPartition = [...sim.metrics().lag.perPartition].sort((x, y) => y - x);
    expect(perPartition[0]).toBeGreaterThan(1000);
    expect(perPartition[1]).toBeLessThan(50);
  });

  it('consumer crash: partitions wait out session.timeout.ms, then move; every join rebalances', () => {
    const sim = createSimulation(scenarioOf(consumerCrash));
    sim.runUntil(60_000);
    const m = sim.metrics();
    // Forming, the expired session, the restart, the added consumer.
    expect(m.rebalances.count).toBe(4);
    const types = sim.events().map((e) => `${e.timeMs} ${e.type}`);
    expect(types).toContain('15000 consumer.crashed');
    // c-1's last heartbeat before the crash was at 12 s; session.timeout.ms is 10 s.
    expect(types).toContain('22000 group.memberRemoved');
    expect(m.lost).toBe(0);
    // The crashed consumer's two partitions waited 7 s for the session to expire, then everyone's
    // paused while the eager rebalances ran.
    expect(m.rebalances.totalPauseMs).toBeGreaterThan(2 * 7000);
    expect(m.groups['ledger']!.rebalances.unmovedPauses).toBeGreaterThan(0);
  });
});
