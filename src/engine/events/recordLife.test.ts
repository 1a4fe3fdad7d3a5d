import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { onePartitionScenario as base, type OnePartitionChanges } from '../testing/scenarios';
import type { LifeStep } from './recordLife';

/** Runs the scenario to untilMs with the invariants checked, and tells the life of orders-0 at `offset`. */
function lifeAt(changes: OnePartitionChanges, untilMs: number, offset: number) {
  const sim = createSimulation(base(changes), { checkInvariants: true });
  sim.runUntil(untilMs);
  return { sim, life: sim.recordLife('orders', 0, offset)! };
}

/** One record (sent at 0 ms) with the poison key k-0, which fails every attempt; `retry` says how it is retried. */
const poisoned = (retry: object, deadLetterTopic: string | null = 'orders-dlt'): OnePartitionChanges => ({
  producer: { stopMs: 5 },
  group: { failures: { poisonKeys: ['k-0'] }, retry, deadLetterTopic },
});

const brief = (steps: LifeStep[]) => steps.map((s) => `${s.timeMs} ${s.kind}${s.attempt === undefined ? '' : ` #${s.attempt}`}${s.backoffMs === undefined ? '' : ` ${s.backoffMs}ms`}${s.consumer ? ` ${s.consumer}` : ''}`);

describe('a record\'s whole life, with exact times', () => {
  it('replicated to three brokers, fetched, processed and committed', () => {
    const { life } = lifeAt({ cluster: { brokers: 3, replicaFetchMs: 5 }, topic: { replicationFactor: 3, minInsyncReplicas: 2 }, producer: { lingerMs: 5, acks: 'all', stopMs: 25 } }, 200, 1);
    // Sent at 10 ms; linger.ms 5 seals its batch at 15; the leader appends one latency later; the
    // followers' next fetch (every 5 ms) brings the high watermark past it at 21; the idle
    // consumer's long poll is answered one latency later; 2 ms of processing; commitSync.
    expect(brief(life.steps)).toEqual([
      '10 produced',
      '15 batched',
      '16 appended',
      '21 replicated',
      '22 fetched c-0',
      '24 processed #1 c-0',
      '24 committed c-0',
    ]);
    expect([life.topic, life.partition, life.offset, life.recordId, life.key, life.evictedBeforeMs]).toEqual(['orders', 0, 1, 1, 'k-0', null]);
    const why = life.steps.map((s) => s.why);
    expect(why[0]).toBe("p called send() with key k-0; Kafka's default partitioner (murmur2 of the key mod 1) chose partition 0.");
    expect(why[1]).toBe('linger.ms (5 ms) ran out for its batch of 1 record and the sender had room (at most 5 unanswered requests per partition): it was sealed and sent.');
    expect(why[3]).toMatch(/^The high watermark moved to 2: all 3 in-sync replicas \(b0, b1, b2\) have the record, so consumers may read it; p \(acks=all\) got its acknowledgement\.$/);
    expect(why[4]).toBe("c-0's poll #2 returned offset 1 of this partition (up to max.poll.records, below the high watermark).");
    expect(why[6]).toBe('c-0 committed offset 2 for group g by commitSync after processing the poll (at-least-once): the committed offset is past the record, so the group will not read it again.');
    expect(life.steps.find((s) => s.kind === 'committed')!.group).toBe('g');
  });

  it('a batch sealed because batch.size is full says so', () => {
    // 100-byte records, batch.size 250: the second record of a batch would make the third not fit.
    const sim = createSimulation(base({ producer: { lingerMs: 1000, batchSize: 250, recordSizeBytes: 100, stopMs: 35 } }));
    sim.runUntil(100);
    const batched = sim.recordLife('orders', 0, 0)!.steps.find((s) => s.kind === 'batched')!;
    expect([batched.timeMs, batched.why]).toEqual([10, 'its batch of 2 records was sealed because one more record would pass batch.size (250 bytes).']);
  });

  it('in-place retries: each failed attempt, its back-off, then the dead-letter topic with its headers', () => {
    const { sim, life } = lifeAt(poisoned({ mode: 'in-place', maxAttempts: 3, backoffMs: 10, multiplier: 2 }), 100, 0);
    // Attempt 1 fails at 6; commitSync's round trip (2 ms) + 10 ms sleep → re-polled at 18, fails
    // at 20; 2 + 20 ms → re-polled at 42, fails at 44 and is dead-lettered; the recovered offset is committed.
    expect(brief(life.steps)).toEqual([
      '0 produced',
      '0 batched',
      '1 appended',
      '1 replicated',
      '4 fetched c-0',
      '6 failed #1 c-0',
      '6 retried #1 10ms c-0',
      '18 fetched c-0',
      '20 failed #2 c-0',
      '20 retried #2 20ms c-0',
      '42 fetched c-0',
      '44 failed #3 c-0',
      '44 dead-lettered #3',
      '44 committed c-0',
    ]);
    expect(life.steps[6]!.why).toBe(
      'DefaultErrorHandler (in place): c-0 seeks back to offset 0 and its thread sleeps 10 ms (back-off 1: min(10 × 2^0, 30000) = 10 ms) before polling again; its partitions are blocked meanwhile and the sleep counts towards max.poll.interval.ms (300000 ms).',
    );
    // The step carries the headers the dead-letter topic holds (their values: delivery.scenario.test.ts).
    const [deadLetter] = sim.snapshot().groups[0]!.delivery.recentDeadLetters;
    expect(life.steps[12]!.headers).toEqual(deadLetter!.headers);
    expect(life.steps[12]!.headers).toMatchObject({ 'kafka_dlt-original-offset': '0', 'retry_topic-attempts': '3' });
  });

  it('retry topics: the main partition commits at once, the retry-topic listener makes the later attempts', () => {
    const { life } = lifeAt(poisoned({ mode: 'retry-topics', maxAttempts: 3, backoffMs: 10, multiplier: 2 }), 100, 0);
    expect(brief(life.steps).slice(4)).toEqual([
      '4 fetched c-0',
      '6 failed #1 c-0',
      '6 retried #1 10ms the retry-topic listener of group g',
      '6 committed c-0',
      '18 failed #2 the retry-topic listener of group g',
      '18 retried #2 20ms the retry-topic listener of group g',
      '40 failed #3 the retry-topic listener of group g',
      '40 dead-lettered #3',
    ]);
    expect(life.steps[6]!.why).toMatch(/^Non-blocking retry: published to orders-retry-10-0 and retried after 10 ms/);
  });

  it('lost: retries used up with no dead-letter topic', () => {
    const last = lifeAt(poisoned({ maxAttempts: 2, backoffMs: 10 }, null), 100, 0).life.steps.filter((s) => s.kind === 'lost');
    expect(last.map((s) => [s.timeMs, s.why])).toEqual([[20, 'All 2 attempts failed and group g has no dead-letter topic: the default recoverer logs it and skips it.']]);
  });

  it('lost: an acks=1 write cut from the log when its leader crashes before the followers copied it', () => {
    const sim = createSimulation(
      base({ cluster: { brokers: 3, replicaFetchMs: 300 }, topic: { replicationFactor: 3, minInsyncReplicas: 2 }, producer: { acks: '1', enableIdempotence: false, ratePerSec: 400 } }),
    );
    sim.runUntil(3000);
    const before = sim.snapshot().topics[0]!.partitions[0]!;
    const newLeader = before.replicas.find((r) => r.broker !== before.leader && r.inSync)!;
    const lostOffset = newLeader.logEndOffset; // the first record the new leader does not have
    sim.apply({ type: 'broker-crash', broker: before.leader!, restartAfterMs: null });
    const life = sim.recordLife('orders', 0, lostOffset)!;
    expect(life.steps.map((s) => s.kind)).toEqual(['produced', 'batched', 'appended', 'lost']);
    expect(life.steps.at(-1)!.timeMs).toBe(3000);
    expect(life.steps.at(-1)!.why).toMatch(/^Offsets \d+\.\.\d+ were cut from the log: the new leader did not have them/);
  });

  it('a checkpoint carries the trail: a restored run tells the same lives as the original', () => {
    const scenario = base({ ...poisoned({ mode: 'in-place', maxAttempts: 3, backoffMs: 10 }), producer: { stopMs: 95 } });
    const sim = createSimulation(scenario);
    sim.runUntil(30);
    const restored = sim.checkpoint().restore();
    sim.runUntil(400);
    restored.runUntil(400);
    for (const offset of [0, 4, 9]) expect(restored.recordLife('orders', 0, offset)).toEqual(sim.recordLife('orders', 0, offset));
    expect(sim.recordLife('orders', 0, 9)!.steps.at(-1)!.kind).toBe('committed');
  });

  it('finds the records of a key, newest first, and answers null for an unknown partition', () => {
    const sim = createSimulation(base({ producer: { stopMs: 35, keys: { distribution: 'uniform', count: 2 } } }));
    sim.runUntil(100);
    const keys = sim.snapshot().topics[0]!.partitions[0]!.logEndOffset;
    expect(keys).toBe(4);
    const refs = sim.recordsOfKey('k-1', 10);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(sim.recordLife(ref.topic, ref.partition, ref.offset)!.key).toBe('k-1');
    expect(refs.map((r) => r.offset)).toEqual([...refs.map((r) => r.offset)].sort((a, b) => b - a));
    expect(sim.recordLife('orders', 5, 0)).toBeNull();
    expect(sim.recordLife('nope', 0, 0)).toBeNull();
  });
});
