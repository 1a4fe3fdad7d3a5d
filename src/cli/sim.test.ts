import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, ENGINE_VERSION, parseScenario } from '../engine';
import balanced from '../../content/scenarios/balanced.json';

const root = join(import.meta.dirname, '../..');

/** Runs the CLI as a user would: `npm run sim -- …` is `tsx src/cli/sim.ts …`. */
function sim(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run sim', () => {
  it('replays a recorded action log to the recorded trace hash (--actions)', () => {
    const parsed = parseScenario(balanced);
    if (!parsed.ok) throw new Error('balanced does not parse');
    const recorded = createSimulation(parsed.scenario, { seed: 3 });
    recorded.runUntil(6_000);
    recorded.apply({ type: 'consumer-add', group: 'billing', count: 2 });
    recorded.runUntil(9_500);
    recorded.apply({ type: 'set-rate', producer: 'checkout', ratePerSec: 700 });
    recorded.runUntil(15_000);
    const dir = mkdtempSync(join(tmpdir(), 'queuelab-'));
    const logPath = join(dir, 'run.json');
    writeFileSync(logPath, JSON.stringify({ version: 1, engineVersion: ENGINE_VERSION, seed: 3, actions: recorded.actions() }));

    const replay = sim('balanced', '--actions', logPath, '--until', '15s', '--json');
    expect(replay.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(replay.status).toBe(0);
    expect(JSON.parse(replay.stdout).traceHash).toBe(recorded.traceHash());

    expect(sim('balanced', '--actions', logPath, '--seed', '4')).toMatchObject({
      status: 2,
      stderr: '--seed 4 contradicts the action log, which was recorded with seed 3: drop --seed\n',
    });
    writeFileSync(logPath, JSON.stringify({ version: 1, engineVersion: ENGINE_VERSION, seed: 3, actions: [{ timeMs: 'soon' }] }));
    const bad = sim('balanced', '--actions', logPath);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('actions[0].timeMs: Invalid input: expected number, received string');
  });

  it('reports the spread of every metric over seeds (--seeds)', () => {
    const run = sim('hot-key', '--seeds', '3', '--until', '5s', '--json');
    expect(run.status).toBe(0);
    const { seeds, spread } = JSON.parse(run.stdout);
    expect(seeds).toEqual([3, 4, 5]);
    expect(spread.produced.min).toBeLessThanOrEqual(spread.produced.median);
    expect(spread.produced.median).toBeLessThanOrEqual(spread.produced.max);
    expect(spread.produced.min).toBeLessThan(spread.produced.max); // Poisson arrivals: seeds differ
    expect(spread.lost).toEqual({ median: 0, min: 0, max: 0 });
  });

  it('explains invalid input with exit code 2', () => {
    const run = sim('content/scenarios/invalid/typo-and-range.json');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('topics[0].partitons: unknown field "partitons" (did you mean "partitions"?)');
    expect(sim('balanced', '--seeds', '0')).toMatchObject({ status: 2, stderr: '--seeds must be a whole number from 1 to 1000, got "0"\n' });
  });
});
