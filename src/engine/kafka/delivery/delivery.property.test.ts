import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, parseScenario } from '../../index';
import { deliveryFailuresArb } from '../../testing/arbitraries';

describe('record fates under processing failures, retries, DLQ and crashes', () => {
  it('conservation and the delivery invariants hold after every event; retries, DLQ routing, dedupe and rebalances each happen in some runs', () => {
    const seen = { retried: 0, deadLettered: 0, skippedDuplicates: 0, duplicates: 0, lost: 0, rebalances: 0, retryTopics: 0, replayed: 0 };
    fc.assert(
      fc.property(deliveryFailuresArb, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(`the generator made an invalid scenario: ${JSON.stringify(parsed.errors)}`);
        // checkInvariants throws with the seed and the violated rule after the first bad event.
        const sim = createSimulation(parsed.scenario, { checkInvariants: true });
        // Half-way, replay what each group dead-lettered so far: replayed records are owed again.
        sim.runUntil(parsed.scenario.durationMs / 2);
        for (const group of parsed.scenario.consumerGroups) {
          const waiting = sim.snapshot().groups.find((g) => g.id === group.id)!.delivery.replayable;
          expect(sim.apply({ type: 'dlq-replay', group: group.id }).ok).toBe(waiting > 0);
        }
        sim.runUntil(parsed.scenario.durationMs);
        const m = sim.metrics();
        for (const [id, g] of Object.entries(m.groups)) {
          expect(g.acknowledged, id).toBe(g.processed + g.deadLettered + g.lost + g.pending);
          expect(g.processedOnce + g.processedMoreThanOnce).toBe(g.processed);
          expect(g.duplicates).toBeGreaterThanOrEqual(g.processedMoreThanOnce);
          if (parsed.scenario.consumerGroups.find((s) => s.id === id)!.idempotent) expect(g.duplicates).toBe(0);
          seen.retried += g.retried;
          seen.deadLettered += g.deadLettered;
          seen.skippedDuplicates += g.skippedDuplicates;
          seen.duplicates += g.duplicates;
          seen.lost += g.lost;
          seen.replayed += g.replayed;
          seen.rebalances += g.rebalances.count > 1 ? 1 : 0;
          if (g.retried > 0 && parsed.scenario.consumerGroups.find((s) => s.id === id)!.retry.mode === 'retry-topics') seen.retryTopics++;
        }
      }),
      { numRuns: 40, seed: 20261124, verbose: 1 },
    );
    // "Sometimes" checks: the generator really exercises every path it claims to.
    for (const [what, count] of Object.entries(seen)) expect(count, `${what} never happened`).toBeGreaterThan(0);
  });
});
