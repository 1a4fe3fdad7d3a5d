import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, parseScenario, type Scenario } from '../../index';
import { groupChurnArb } from '../../testing/arbitraries';

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`the generator made an invalid scenario: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

/**
 * Group membership under churn. `checkInvariants` runs after every event and throws on the first
 * violation: no partition has two owners in one group, a stable group owns every partition, and
 * every acknowledged record is processed, dead-lettered, lost or still pending.
 */
describe('consumer groups under random membership changes', () => {
  it('ownership is exclusive and complete, and records are conserved, after every event', () => {
    fc.assert(
      fc.property(groupChurnArb(), (input) => {
        const sim = createSimulation(parsed(input), { checkInvariants: true });
        sim.runUntil(30_000);
        const snapshot = sim.snapshot();
        for (const group of snapshot.groups) {
          // Every live member ends the run knowing which partitions it owns, and no two agree.
          const owned = group.consumers.flatMap((c) => c.assigned.map(([t, p]) => `${t}-${p}`));
          expect(new Set(owned).size).toBe(owned.length);
        }
      }),
      { numRuns: 40, seed: 3, verbose: 1 },
    );
  });

  it('cooperative rebalancing never pauses a partition that does not move', () => {
    // Members only arrive and partitions only grow: nobody leaves, so no owner ever comes back.
    const arb = groupChurnArb({ assignors: ['cooperative-sticky'], faultTypes: ['consumer-add', 'set-partitions'] });
    fc.assert(
      fc.property(arb, (input) => {
        const sim = createSimulation(parsed(input), { checkInvariants: true });
        sim.runUntil(30_000);
        for (const g of Object.values(sim.metrics().groups)) expect(g.rebalances.unmovedPauses).toBe(0);
      }),
      { numRuns: 30, seed: 5, verbose: 1 },
    );
  });

  it('eager rebalancing pauses the partitions that stay put too (so the check above can fail)', () => {
    const arb = groupChurnArb({ assignors: ['range', 'roundrobin', 'sticky'], faultTypes: ['consumer-add'] });
    // The first addition comes after the group formed (at 0 or 3 s), so members own partitions.
    const withAdd = arb.filter((input) => input.faults.some((f) => f.group === 'g0') && input.faults[0]!.atMs >= 5000);
    fc.assert(
      fc.property(withAdd, (input) => {
        const sim = createSimulation(parsed({ ...input, topics: [{ name: 't', partitions: 8, replicationFactor: 1 }] }));
        sim.runUntil(30_000);
        // Every member revoked everything, though some partitions went back to the same member.
        expect(sim.metrics().groups['g0']!.rebalances.unmovedPauses).toBeGreaterThan(0);
      }),
      { numRuns: 15, seed: 8, verbose: 1 },
    );
  });
});
