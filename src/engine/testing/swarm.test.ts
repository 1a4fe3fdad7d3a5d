import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runChecked, runCheckedMetrics, runSwarmSeed, swarmScenarioArb } from './swarm';
import { emptyTally, tallyRun } from './sometimes';

/** Seeds the CI swarm runs on every change; `npm run swarm -- --seeds N --from S` runs more. */
const CI_SEEDS = 10_000;

describe('the simulation swarm', () => {
  it(`${CI_SEEDS.toLocaleString('en-US')} random scenarios hold every invariant after every event`, () => {
    const failures: string[] = [];
    const tally = emptyTally();
    for (let seed = 0; seed < CI_SEEDS && failures.length < 3; seed++) {
      const result = runSwarmSeed(seed, (input) => tallyRun(tally, runCheckedMetrics(input)));
      if (!result.ok) failures.push(`seed ${seed}: ${result.error}\nminimal scenario: ${JSON.stringify(result.scenario)}`);
    }
    expect(failures).toEqual([]);
    // "Sometimes" checks: each fault path and recovery ran in some of the runs (and not in all:
    // a path every run takes means the generator has lost its variety).
    for (const [what, runs] of Object.entries(tally)) {
      if (what === 'runs') continue;
      expect(runs, `${what} happened in ${runs} of ${tally.runs} runs`).toBeGreaterThan(0);
      expect(runs, `${what} happened in ${runs} of ${tally.runs} runs`).toBeLessThan(tally.runs);
    }
  }, 600_000);

  it('generates a different, valid scenario per seed, the same one for the same seed', () => {
    const first = fc.sample(swarmScenarioArb, { seed: 42, numRuns: 20 });
    expect(fc.sample(swarmScenarioArb, { seed: 42, numRuns: 20 })).toEqual(first);
    expect(new Set(first.map((s) => JSON.stringify(s))).size).toBe(20);
    for (const input of first) expect(runChecked(input)).toBeGreaterThan(0);
  });

  it('reports a failing seed with a shrunk scenario that still fails', () => {
    // A stand-in bug: any group with two or more consumers breaks.
    const check = (input: unknown) => {
      const groups = (input as { consumerGroups: { consumers: number }[] }).consumerGroups;
      if (groups.some((g) => g.consumers >= 2)) throw new Error('a group has two consumers');
    };
    let seed = 0;
    let result = runSwarmSeed(seed, check);
    while (result.ok) result = runSwarmSeed(++seed, check);
    expect(result.error).toContain('a group has two consumers');
    // Shrunk: the smallest failing group, nothing else left that does not matter.
    const minimal = result.scenario as { consumerGroups: { consumers: number }[]; producers: unknown[]; faults: unknown[] };
    expect(minimal.consumerGroups.map((g) => g.consumers)).toEqual([2]);
    expect(minimal.producers).toEqual([]);
    expect(minimal.faults).toEqual([]);
  });
});
