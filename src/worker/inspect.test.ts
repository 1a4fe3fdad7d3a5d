import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import { onePartitionScenario } from '../engine/testing/scenarios';
import { createInsightRecorder } from './insightRecorder';
import { KEY_RECORDS_MAX, inspectRecord } from './inspect';

function run(untilMs: number) {
  const scenario = onePartitionScenario({
    producer: { stopMs: 45, keys: { distribution: 'uniform', count: 2 } },
    group: { failures: { poisonKeys: ['k-1'] }, retry: { mode: 'in-place', maxAttempts: 2, backoffMs: 10, multiplier: 1 }, deadLetterTopic: 'orders-dlt' },
  });
  const sim = createSimulation(scenario);
  sim.runUntil(untilMs);
  return { sim, recorder: createInsightRecorder(100) };
}

describe('inspectRecord: the record trail answers with exact times', () => {
  it('an offset query carries the whole life, oldest first, ending in the dead-letter topic', () => {
    const { sim, recorder } = run(200);
    const poisoned = sim.recordsOfKey('k-1', KEY_RECORDS_MAX).at(-1)!; // the oldest record of the poison key
    const answer = inspectRecord(sim, recorder, { kind: 'offset', ...poisoned });
    expect(answer.life?.key).toBe('k-1');
    const kinds = answer.life!.steps.map((s) => s.kind);
    expect(kinds.slice(0, 6)).toEqual(['produced', 'batched', 'appended', 'replicated', 'fetched', 'failed']);
    expect(kinds.filter((k) => k === 'failed')).toHaveLength(2);
    expect(kinds).toContain('dead-lettered');
    const times = answer.life!.steps.map((s) => s.timeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(answer.keyRecords).toEqual([]);
  });

  it('a key query lists the key\'s records newest first, each of that key', () => {
    const { sim, recorder } = run(200);
    const answer = inspectRecord(sim, recorder, { kind: 'key', key: 'k-1' });
    expect(answer.life).toBeNull();
    expect(answer.keyRecords.length).toBeGreaterThan(0);
    expect(answer.keyRecords.map((r) => r.offset)).toEqual([...answer.keyRecords.map((r) => r.offset)].sort((a, b) => b - a));
    for (const ref of answer.keyRecords) expect(sim.recordLife(ref.topic, ref.partition, ref.offset)!.key).toBe('k-1');
  });

  it('no such partition: no life, and a problem in words', () => {
    const { sim, recorder } = run(50);
    const answer = inspectRecord(sim, recorder, { kind: 'offset', topic: 'orders', partition: 4, offset: 0 });
    expect([answer.life, answer.problem]).toEqual([null, 'There is no partition orders-4. Partitions: orders (0..0).']);
  });
});
