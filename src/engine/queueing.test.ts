import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario } from './index';
import { mm1Scenario } from '../../bench/scenarios';

describe('agreement with queueing theory', () => {
  it('M/M/1 at λ = 800/s, μ = 1000/s: mean end-to-end latency is W = 1/(μ−λ) = 5 ms within 5% over 10^6 messages', () => {
    const parsed = parseScenario(mm1Scenario(1_000_000));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const sim = createSimulation(parsed.scenario);
    sim.runUntil(parsed.scenario.durationMs);
    const m = sim.metrics();
    expect(m.processed).toBeGreaterThan(990_000);
    expect(m.latencyMs.mean).toBeGreaterThan(5 * 0.95);
    expect(m.latencyMs.mean).toBeLessThan(5 * 1.05);
    // The sojourn time of M/M/1 is exponential with mean W: its median is W·ln 2, p99 W·ln 100.
    expect(m.latencyMs.p50).toBeCloseTo(5 * Math.LN2, 0);
    expect(m.latencyMs.p99 / (5 * Math.log(100))).toBeGreaterThan(0.93);
    expect(m.latencyMs.p99 / (5 * Math.log(100))).toBeLessThan(1.07);
  });
});
