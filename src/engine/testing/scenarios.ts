/**
 * Scenarios for engine tests, written once: a test states only what its case changes, so the
 * numbers it asserts (a record every 10 ms, 1 ms on the wire, 2 ms of processing) are those
 * documented here.
 */
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/types';

/** The parsed scenario; a document that does not parse is a broken test, so it throws with every problem. */
export function scenarioOf(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** What a test changes in onePartitionScenario: each object is spread over that section's fields. */
export interface OnePartitionChanges {
  /** Simulated length of the run, ms (default 10 000). */
  durationMs?: number;
  /** Fields of `cluster` (default: 1 broker, networkLatencyMs 1). */
  cluster?: object;
  /** Fields of the one topic "orders" (default: 1 partition, replicationFactor 1). */
  topic?: object;
  /** Fields of producer "p" (default: 100 records/s at constant spacing, lingerMs 0, one key "k-0"). */
  producer?: object;
  /** Fields of consumer group "g" (default: 2 ms processing, earliest, initialRebalanceDelayMs 0). */
  group?: object;
  /** Top-level sections added as they are (faults, more topics…). */
  extra?: Record<string, unknown>;
}

/**
 * One partition, seed 11: producer p sends a record every 10 ms from 0 ms, all with key k-0; the
 * broker is 1 ms away; group g's one consumer (c-0) forms the group at once and processes each
 * record in 2 ms. Times in a trace are then easy to derive by hand.
 */
export function onePartitionScenario(changes: OnePartitionChanges = {}): Scenario {
  return scenarioOf({
    version: 1,
    seed: 11,
    durationMs: changes.durationMs ?? 10_000,
    cluster: { brokers: 1, networkLatencyMs: 1, ...changes.cluster },
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 1, ...changes.topic }],
    producers: [{ id: 'p', topic: 'orders', ratePerSec: 100, arrival: 'constant', lingerMs: 0, keys: { distribution: 'uniform', count: 1 }, ...changes.producer }],
    consumerGroups: [{ id: 'g', topic: 'orders', processingMs: { dist: 'constant', value: 2 }, autoOffsetReset: 'earliest', initialRebalanceDelayMs: 0, ...changes.group }],
    ...changes.extra,
  });
}
