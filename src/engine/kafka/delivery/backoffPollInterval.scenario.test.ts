import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index';
import { onePartitionScenario } from '../../testing/scenarios';

/**
 * Spring Kafka's DefaultErrorHandler sleeps the back-off on the consumer thread (its default
 * DefaultBackOffHandler, spring-kafka 2.9+), so the sleep counts towards max.poll.interval.ms and
 * a back-off longer than it makes the member leave the group: Spring's docs point to
 * ContainerPausingBackOffHandler "when the delays are longer than the max.poll.interval.ms"
 * (spring-kafka-docs, kafka/annotation-error-handling.adoc, "Back Off Handlers").
 */
function scenario(retry: object, group: object = {}) {
  return onePartitionScenario({
    durationMs: 20_000,
    // One poison record, sent at 1100 ms: its first poll is at 1102, so the poll deadline (6102)
    // falls between two heartbeat ticks (6000 and 9000) and before the back-off ends (7106).
    producer: { startMs: 1100, stopMs: 1105 },
    group: { failures: { poisonKeys: ['k-0'] }, retry: { mode: 'in-place', maxAttempts: 3, ...retry }, maxPollIntervalMs: 5000, heartbeatIntervalMs: 3000, ...group },
  });
}

const groupLines = (sim: ReturnType<typeof createSimulation>, until: number) =>
  sim.events().filter((e) => e.timeMs <= until && (e.type.startsWith('consumer.') || e.type.startsWith('group.') || e.type === 'delivery.retryInPlace')).map((e) => `${e.timeMs} ${e.type}`);

describe('an in-place back-off longer than max.poll.interval.ms', () => {
  it('makes the sleeping consumer leave at its poll deadline, not at the next heartbeat, and the group rebalances', () => {
    const sim = createSimulation(scenario({ backoffMs: 6000, multiplier: 1 }), { checkInvariants: true });
    sim.runUntil(7200);
    expect(groupLines(sim, 7200)).toEqual([
      '1 group.rebalanceStarted',
      '3 group.rebalanceCompleted',
      '4 consumer.assigned',
      '1104 delivery.retryInPlace',
      // 1102 (last poll) + 5000: the heartbeat thread notices at once; LeaveGroup arrives 1 ms later.
      '6102 consumer.pollTimeout',
      '6103 group.memberRemoved',
      '6103 group.empty',
      // The sleep ends at 7106 (1104 + 2 ms commit round trip + 6000); poll() rejoins.
      '7107 group.rebalanceStarted',
      '7109 group.rebalanceCompleted',
      '7110 consumer.assigned',
      // The new owner's FailedRecordTracker starts again at attempt 1: with this back-off the
      // record never reaches maxAttempts, and the group rebalances every ~6 s.
      '7112 delivery.retryInPlace',
    ]);
    expect(sim.metrics().groups['g']!.rebalances.count).toBe(2);
  });

  it('a back-off that ends before the deadline causes no rebalance', () => {
    const sim = createSimulation(scenario({ backoffMs: 4000, multiplier: 1 }), { checkInvariants: true });
    sim.runUntil(20_000);
    expect(sim.events().filter((e) => e.type === 'consumer.pollTimeout')).toEqual([]);
    expect(sim.metrics().groups['g']!.rebalances.count).toBe(1);
    expect(sim.metrics().groups['g']!.deadLettered + sim.metrics().groups['g']!.lost).toBe(1);
  });

  it('a static member (group.instance.id) sends no LeaveGroup: only session.timeout.ms could move its partitions', () => {
    const sim = createSimulation(scenario({ backoffMs: 6000, multiplier: 1 }, { staticMembership: true }), { checkInvariants: true });
    sim.runUntil(20_000);
    expect(sim.events().filter((e) => e.type === 'consumer.pollTimeout' || e.type === 'group.memberRemoved')).toEqual([]);
  });
});
