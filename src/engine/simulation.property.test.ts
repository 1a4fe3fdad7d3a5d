import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, parseScenario } from './index';
import { scenarioInputArb } from './testing/arbitraries';

describe('invariants over random valid scenarios', () => {
  it('offsets, commits, ownership and the conservation of records hold after every event', () => {
    fc.assert(
      fc.property(scenarioInputArb, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(`the generator made an invalid scenario: ${JSON.stringify(parsed.errors)}`);
        // checkInvariants throws with the seed and the violated rule after the first bad event.
        const sim = createSimulation(parsed.scenario, { checkInvariants: true });
        let lastEnd: number[] = [];
        for (let t = 250; t <= parsed.scenario.durationMs; t += 250) {
          sim.runUntil(t);
          const s = sim.snapshot();
          const ends = s.topics.flatMap((topic) => topic.partitions.map((p) => p.logEndOffset));
          ends.forEach((end, i) => expect(end).toBeGreaterThanOrEqual(lastEnd[i] ?? 0));
          lastEnd = ends;
          for (const group of s.groups) {
            for (const [topic, committed] of Object.entries(group.committed)) {
              const partitions = s.topics.find((x) => x.name === topic)!.partitions;
              committed.forEach((c, p) => expect(c).toBeLessThanOrEqual(partitions[p]!.highWatermark));
            }
            const g = s.metrics.groups[group.id]!;
            expect(g.acknowledged).toBe(g.processed + g.deadLettered + g.lost + g.pending);
          }
        }
      }),
      { numRuns: 60, seed: 20261123, verbose: 1 },
    );
  });
});
