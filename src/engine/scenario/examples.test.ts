import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from './errors';
import { parseScenarioJson } from './parse';

/** The example bad files in content/scenarios/invalid, and what a learner is told about each. */
const expected: Record<string, string[]> = {
  'typo-and-range.json': [
    'topics[0].partitons: unknown field "partitons" (did you mean "partitions"?)',
    'topics[0].partitions: required',
    'producers[0].ratePerSec: must be between 0 and 1000000, got -5',
  ],
  'missing-topic.json': [
    'topics[0].replicationFactor: is 3 but the cluster has only 2 brokers: a partition cannot have more copies than there are brokers',
    'producers[0].topic: topic "ordres" does not exist; known topics: orders',
    'faults[0].consumer: group "billing" has 2 consumers, numbered 0 to 1, got 2',
  ],
  'idempotence-conflict.json': [
    'producers[0].enableIdempotence: is true, but idempotence needs acks "all", retries > 0 and maxInFlightRequestsPerConnection ≤ 5, and acks is "1" (Kafka refuses this with a ConfigException): set enableIdempotence to false or fix the conflict',
  ],
  'wrong-version.json': [
    'version: must be 1 (this engine reads scenario format v1), got 2',
  ],
};

describe('content/scenarios/invalid', () => {
  for (const [file, messages] of Object.entries(expected)) {
    it(`${file} is refused with its errors`, () => {
      const text = readFileSync(new URL(`../../../content/scenarios/invalid/${file}`, import.meta.url), 'utf8');
      const result = parseScenarioJson(text);
      expect(result.ok ? [] : result.errors.map(formatScenarioError)).toEqual(messages);
    });
  }
});
