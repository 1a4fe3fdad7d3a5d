import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedCommandSchema, parseEmbedCommand } from './protocol';

/**
 * The embed's postMessage API is an input boundary any host page (or any other frame) can reach.
 * 100,000 messages — valid commands with fields broken, dropped, added or retyped, and arbitrary
 * values — must each be accepted as a command the schema accepts again, or refused with a message
 * and at least one problem naming where; never an exception.
 */

const VALID: readonly Record<string, unknown>[] = [
  { queuelab: 1, type: 'play', speed: 4 },
  { queuelab: 1, type: 'pause' },
  { queuelab: 1, type: 'step' },
  { queuelab: 1, type: 'seek', timeMs: 12_000 },
  { queuelab: 1, type: 'apply', requestId: 3, change: { type: 'consumer-add', group: 'billing', count: 1 } },
  { queuelab: 1, type: 'load', builtinId: 'balanced', seed: 7 },
  { queuelab: 1, type: 'load', scenario: { version: 1, title: 't' } },
  { queuelab: 1, type: 'configure', tickEveryMs: 1000, thresholds: [{ id: 'lagging', metric: 'lag.max', above: 500 }] },
  { queuelab: 1, type: 'check' },
];

/** A valid command with one field set to an arbitrary value, removed, or a stray field added. */
const mutated = fc
  .tuple(fc.constantFrom(...VALID), fc.constantFrom('queuelab', 'type', 'speed', 'timeMs', 'requestId', 'change', 'builtinId', 'scenario', 'seed', 'tickEveryMs', 'thresholds', 'extra'), fc.oneof(fc.anything({ maxDepth: 2 }), fc.constant(undefined), fc.constant(Number.NaN), fc.constant(-1), fc.constant(1e308), fc.string()), fc.boolean())
  .map(([base, key, value, remove]) => {
    const copy: Record<string, unknown> = { ...base };
    if (remove) delete copy[key];
    else copy[key] = value;
    return copy as unknown;
  });

const message = fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(...VALID) });

describe('embed postMessage commands under fuzzing', () => {
  it('accept or explain each of 100,000 messages, never throwing', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(message, (data) => {
        const result = parseEmbedCommand(data);
        if (result.ok) {
          accepted++;
          // Nothing half-accepted: what was accepted passes the schema again as it stands.
          expect(embedCommandSchema.safeParse(result.command).success).toBe(true);
        } else {
          refused++;
          expect(result.message.length).toBeGreaterThan(10);
          expect(result.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100_000, seed: 20_261_123 },
    );
    // Both sides of the boundary were exercised.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });
});
