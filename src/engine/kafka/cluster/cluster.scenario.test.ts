import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, type Scenario } from '../../index';

function scenarioOf(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

type Sim = ReturnType<typeof createSimulation>;

/** One partition on three brokers, a steady producer that stops at 8 s, one consumer that keeps up. */
function replicated(options: { cluster?: object; topic?: object; producer?: object; faults?: unknown[] } = {}): Scenario {
  return scenarioOf({
    version: 1,
    seed: 5,
    durationMs: 14_000,
    cluster: { brokers: 3, networkLatencyMs: 1, replicaFetchMs: 5, ...options.cluster },
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2, ...options.topic }],
    producers: [
      { id: 'p', topic: 'orders', ratePerSec: 400, arrival: 'constant', lingerMs: 2, stopMs: 8000, keys: { distribution: 'uniform', count: 50 }, ...options.producer },
    ],
    consumerGroups: [{ id: 'g', topic: 'orders', processingMs: { dist: 'constant', value: 0.5 }, initialRebalanceDelayMs: 0, autoOffsetReset: 'earliest' }],
    faults: options.faults ?? [],
  });
}

const partition0 = (sim: Sim) => sim.snapshot().topics[0]!.partitions[0]!;
const clusterLines = (sim: Sim, types: string[]) => sim.events().filter((e) => types.includes(e.type)).map((e) => `${e.timeMs} ${e.type}: ${e.text}`);

describe('placement and the snapshot', () => {
  it('shows each partition\'s leader, replicas and ISR, and the brokers', () => {
    const sim = createSimulation(replicated({ topic: { partitions: 3 } }), { checkInvariants: true });
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.brokers).toEqual([0, 1, 2].map((id) => ({ id, up: true, fetchDelayMs: 0 })));
    for (const p of snap.topics[0]!.partitions) {
      // Three distinct brokers, the first (preferred) one leads, all in sync.
      expect(new Set(p.replicas.map((r) => r.broker)).size).toBe(3);
      expect(p.leader).toBe(p.replicas[0]!.broker);
      expect(p.isr).toEqual(p.replicas.map((r) => r.broker));
      expect(p.replicas[0]!.logEndOffset).toBe(p.logEndOffset);
      for (const r of p.replicas) expect(r.logEndOffset).toBeGreaterThanOrEqual(p.highWatermark);
    }
    // Rack-unaware placement: consecutive partitions' leaders are consecutive brokers.
    const leaders = snap.topics[0]!.partitions.map((p) => p.leader!);
    expect([(leaders[1]! - leaders[0]! + 3) % 3, (leaders[2]! - leaders[1]! + 3) % 3]).toEqual([1, 1]);
  });
});

describe('acks=all, replication factor 3, min.insync.replicas 2', () => {
  for (const broker of [0, 1, 2]) {
    it(`loses nothing when broker ${broker} crashes and restarts`, () => {
      const sim = createSimulation(replicated({ producer: { acks: 'all' }, faults: [{ atMs: 3000, type: 'broker-crash', broker, restartAfterMs: 2000 }] }), {
        checkInvariants: true,
      });
      sim.runUntil(14_000);
      const m = sim.metrics();
      const g = m.groups['g']!;
      expect(m.produced).toBe(3200);
      expect([m.acknowledged, m.failedSends, g.lost, g.duplicates, g.pending, g.processed]).toEqual([3200, 0, 0, 0, 0, 3200]);
      expect([m.cluster.brokersUp, m.cluster.underReplicatedPartitions, m.cluster.offlinePartitions, m.cluster.uncleanLeaderElections]).toEqual([3, 0, 0, 0]);
      // The crashed broker left the ISR and came back once it had caught up.
      expect(partition0(sim).isr).toHaveLength(3);
      expect(m.cluster.isrExpands).toBeGreaterThanOrEqual(1);
      const led = clusterLines(sim, ['partition.leaderElected']);
      if (led.length > 0) expect(led[0]).toMatch(/^3000 partition.leaderElected: Broker \d now leads orders-0 \(broker \d, its leader, crashed; elected from the ISR/);
    });
  }

  it('refuses writes with NOT_ENOUGH_REPLICAS while the ISR is too small, and retries them', () => {
    // Two of three brokers down: one in-sync copy is left, below min.insync.replicas.
    const sim = createSimulation(
      replicated({
        producer: { acks: 'all' },
        faults: [
          { atMs: 3000, type: 'broker-crash', broker: 1, restartAfterMs: 1500 },
          { atMs: 3000, type: 'broker-crash', broker: 2, restartAfterMs: 1500 },
        ],
      }),
      { checkInvariants: true },
    );
    sim.runUntil(14_000);
    const m = sim.metrics();
    expect(sim.events().some((e) => e.type === 'producer.retry' && e.text.includes('NOT_ENOUGH_REPLICAS'))).toBe(true);
    expect(m.producers['p']!.errors).toBeGreaterThan(0);
    expect(m.retriedSends).toBeGreaterThan(0);
    // Idempotence (the default with acks=all) keeps the retries from writing twice or out of order.
    expect([m.acknowledged, m.failedSends, m.groups['g']!.lost, m.duplicatesWritten, m.reorderedRecords, m.groups['g']!.processed]).toEqual([3200, 0, 0, 0, 0, 3200]);
  });

  it('fails sends for good once delivery.timeout.ms passes and counts them in failedSends', () => {
    const sim = createSimulation(
      replicated({
        producer: { acks: 'all', deliveryTimeoutMs: 1000, requestTimeoutMs: 500 },
        faults: [
          { atMs: 3000, type: 'broker-crash', broker: 1, restartAfterMs: null },
          { atMs: 3000, type: 'broker-crash', broker: 2, restartAfterMs: null },
        ],
      }),
      { checkInvariants: true },
    );
    sim.runUntil(14_000);
    const m = sim.metrics();
    const g = m.groups['g']!;
    // Nothing after the crash is ever acknowledged: every later send fails, none is lost.
    expect(m.failedSends).toBeGreaterThan(1500);
    expect(m.acknowledged + m.failedSends).toBe(3200);
    expect(sim.events().some((e) => e.type === 'producer.sendFailed' && e.text.includes('delivery.timeout.ms (1000 ms)'))).toBe(true);
    // Writes waiting for the ISR when it shrank were committed by the leader alone
    // (NOT_ENOUGH_REPLICAS_AFTER_APPEND): their sends failed, yet consumers read them, as in Kafka.
    const writtenYetFailed = sim.events().filter((e) => e.type === 'producer.sendFailed' && e.text.includes('an earlier attempt is in the log'));
    expect(writtenYetFailed.length).toBeGreaterThan(0);
    expect(g.acknowledged).toBeGreaterThan(m.acknowledged);
    expect([g.lost, g.pending, g.duplicates, g.processed]).toEqual([0, 0, 0, g.acknowledged]);
  });
});

describe('acks=1: a leader crash while its followers lag', () => {
  it('loses exactly the acknowledged records above the new leader\'s log end', () => {
    // Followers fetch every 300 ms: at 400 records/s the leader is up to ~120 records ahead.
    const scenario = replicated({ cluster: { replicaFetchMs: 300 }, producer: { acks: '1', enableIdempotence: false } });
    const sim = createSimulation(scenario, { checkInvariants: true });
    sim.runUntil(3000);
    const before = partition0(sim);
    const oldLeader = before.leader!;
    const newLeader = before.replicas.find((r) => r.broker !== oldLeader && r.inSync)!; // the first in-sync follower in assignment order
    const oldEnd = before.logEndOffset;
    const newEnd = newLeader.logEndOffset;
    expect(oldEnd - newEnd).toBeGreaterThan(0);
    expect(sim.apply({ type: 'broker-crash', broker: oldLeader, restartAfterMs: 2000 })).toEqual({ ok: true });
    const after = partition0(sim);
    expect([after.leader, after.logEndOffset, after.highWatermark]).toEqual([newLeader.broker, newEnd, Math.min(before.highWatermark, newEnd)]);
    expect(clusterLines(sim, ['partition.truncated'])[0]).toMatch(
      new RegExp(`^3000 partition.truncated: orders-0 loses offsets ${newEnd}\\.\\.${oldEnd - 1} \\(${oldEnd - newEnd} records\\): broker ${newLeader.broker}, the new leader, has only ${newEnd} records\\. ${oldEnd - newEnd} of them had been acknowledged or were visible \\(lost: ${oldEnd - newEnd} for group g\\)`),
    );
    sim.runUntil(14_000);
    const m = sim.metrics();
    const g = m.groups['g']!;
    expect([g.lost, m.cluster.truncatedRecords]).toEqual([oldEnd - newEnd, oldEnd - newEnd]);
    expect([m.acknowledged, g.processed + g.lost, g.pending, g.duplicates]).toEqual([3200, 3200, 0, 0]);
    // The old leader came back as a follower, cut its log back to the new leader's and caught up.
    expect(clusterLines(sim, ['replica.truncated'])[0]).toMatch(new RegExp(`^5000 replica.truncated: Broker ${oldLeader} truncates its copy of orders-0 from ${oldEnd} to ${newEnd} records`));
    expect(partition0(sim).isr).toHaveLength(3);
  });

  it('with acks=all the same crash loses nothing', () => {
    const sim = createSimulation(replicated({ cluster: { replicaFetchMs: 300 }, producer: { acks: 'all' } }), { checkInvariants: true });
    sim.runUntil(3000);
    sim.apply({ type: 'broker-crash', broker: partition0(sim).leader!, restartAfterMs: 2000 });
    sim.runUntil(14_000);
    const m = sim.metrics();
    expect([m.acknowledged, m.failedSends, m.groups['g']!.lost, m.groups['g']!.processed]).toEqual([3200, 0, 0, 3200]);
  });
});

describe('ISR and leader election', () => {
  it('a slow follower leaves the ISR after replica.lag.time.max.ms and rejoins once caught up', () => {
    const sim = createSimulation(
      replicated({ cluster: { replicaLagTimeMaxMs: 1000 }, faults: [{ atMs: 2000, type: 'slow-follower', broker: 1, delayMs: 1500, durationMs: 3000 }] }),
      { checkInvariants: true },
    );
    sim.runUntil(14_000);
    const lines = clusterLines(sim, ['isr.shrunk', 'isr.expanded']);
    expect(lines[0]).toMatch(/^\d+ isr.shrunk: Broker 1 leaves the ISR of orders-0: it has not caught up with the leader for \d+(\.\d+)? ms \(replica.lag.time.max.ms is 1000 ms\)/);
    const shrunkAtMs = Number(lines[0]!.split(' ')[0]);
    expect(shrunkAtMs).toBeGreaterThanOrEqual(3000);
    expect(shrunkAtMs).toBeLessThanOrEqual(3600); // checked every replica.lag.time.max.ms / 2
    expect(lines[1]).toMatch(/isr.expanded: Broker 1 caught up on orders-0/);
    expect(Number(lines[1]!.split(' ')[0])).toBeGreaterThan(5000);
    const m = sim.metrics();
    expect([m.cluster.isrShrinks, m.cluster.isrExpands, m.groups['g']!.lost, m.groups['g']!.processed]).toEqual([1, 1, 0, 3200]);
  });

  it('without unclean election a partition whose ISR is down stays offline; with it, an out-of-sync replica leads and loses data', () => {
    const run = (uncleanLeaderElection: boolean) => {
      const sim = createSimulation(
        replicated({
          cluster: { replicaLagTimeMaxMs: 500, uncleanLeaderElection },
          topic: { minInsyncReplicas: 1 },
          producer: { acks: '1', enableIdempotence: false },
        }),
        { checkInvariants: true },
      );
      // Both followers fall out of the ISR; then the leader dies.
      sim.runUntil(1000);
      for (const r of partition0(sim).replicas.slice(1)) sim.apply({ type: 'slow-follower', broker: r.broker, delayMs: 5000, durationMs: null });
      sim.runUntil(3000);
      expect(partition0(sim).isr).toEqual([partition0(sim).leader]);
      sim.apply({ type: 'broker-crash', broker: partition0(sim).leader!, restartAfterMs: null });
      sim.runUntil(6000);
      return sim;
    };
    const clean = run(false);
    expect(partition0(clean).leader).toBeNull();
    expect(clusterLines(clean, ['partition.offline'])).toHaveLength(1);
    expect(clean.metrics().cluster.offlinePartitions).toBe(1);
    expect(clean.metrics().groups['g']!.lost).toBe(0);
    // Only the requests in flight to the dead leader fail; then the sender waits for a leader
    // and records pile up in the producer: back-pressure, not a stream of errors.
    const producer = clean.metrics().producers['p']!;
    expect(producer.errors).toBeLessThanOrEqual(5);
    expect(producer.buffered).toBeGreaterThan(1000);

    const unclean = run(true);
    expect(partition0(unclean).leader).not.toBeNull();
    expect(unclean.metrics().cluster.uncleanLeaderElections).toBe(1);
    expect(clusterLines(unclean, ['partition.uncleanLeaderElected'])[0]).toMatch(/UNCLEAN election: it was not in the ISR/);
    // The new leader's log ends where its copy stopped: every acknowledged record above it is gone
    // (this consumer had already processed them, so it lost none; a slower reader would have).
    const truncated = clusterLines(unclean, ['partition.truncated']);
    expect(truncated).toHaveLength(1);
    expect(truncated[0]).toMatch(/^3000 partition.truncated: orders-0 loses offsets \d+\.\.\d+ \(\d+ records\).* The high watermark falls from \d+ to \d+\./);
    expect(unclean.metrics().cluster.truncatedRecords).toBeGreaterThan(500);
  });
});

describe('acks=0', () => {
  it('counts every send as acknowledged and loses what was on its way to a crashed leader', () => {
    const sim = createSimulation(replicated({ cluster: { networkLatencyMs: 5 }, producer: { acks: '0', enableIdempotence: false, lingerMs: 0 } }), { checkInvariants: true });
    sim.runUntil(3000);
    sim.apply({ type: 'broker-crash', broker: partition0(sim).leader!, restartAfterMs: 1000 });
    sim.runUntil(14_000);
    const m = sim.metrics();
    const g = m.groups['g']!;
    expect([m.acknowledged, m.failedSends, m.retriedSends]).toEqual([3200, 0, 0]);
    expect(m.cluster.lostInFlight).toBeGreaterThan(0);
    expect(g.lost).toBeGreaterThanOrEqual(m.cluster.lostInFlight);
    expect(g.processed + g.lost + g.pending).toBe(3200);
  });
});
