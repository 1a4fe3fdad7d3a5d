import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario } from '../index';

/** Erlang C: probability that an arrival waits, with c servers and offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  const rho = a / c;
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const waiting = term / (1 - rho); // term is now a^c / c!
  return waiting / (sum + waiting);
}

/** Mean time in system of M/M/c: W = C(c, a) / (cμ − λ) + 1/μ. */
function meanSojourn(c: number, lambdaPerMs: number, muPerMs: number): number {
  return erlangC(c, lambdaPerMs / muPerMs) / (c * muPerMs - lambdaPerMs) + 1 / muPerMs;
}

const MESSAGES = 1_000_000;
const MU_PER_MS = 1;

describe('agreement with queueing theory: one RabbitMQ queue, c workers with prefetch 1 (M/M/c)', () => {
  it('the Erlang C formula gives the textbook values', () => {
    expect(meanSojourn(4, 3.2, 1)).toBeCloseTo(1.7455, 4);
    expect(meanSojourn(1, 0.8, 1)).toBeCloseTo(5, 10); // M/M/1: 1/(μ−λ)
  });

  for (const c of [1, 2, 4]) {
    const lambdaPerMs = 0.8 * c * MU_PER_MS;
    const w = meanSojourn(c, lambdaPerMs, MU_PER_MS);
    it(`c = ${c}, ρ = 0.8: mean end-to-end latency is W = ${w.toFixed(4)} ms within 5% over 10^6 messages`, () => {
      const parsed = parseScenario({
        version: 1,
        seed: 11,
        durationMs: Math.ceil(MESSAGES / lambdaPerMs) + 2000,
        queues: [{ name: 'jobs' }],
        publishers: [{ id: 'p', exchange: '', routingKeys: ['jobs'], ratePerSec: lambdaPerMs * 1000, messageCount: MESSAGES }],
        workers: [{ id: 'w', queue: 'jobs', count: c, prefetchCount: 1, processingMs: { dist: 'exponential', mean: 1 / MU_PER_MS } }],
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const sim = createSimulation(parsed.scenario);
      sim.runUntil(parsed.scenario.durationMs);
      const jobs = sim.metrics().queues!.jobs!;
      expect(jobs.published).toBe(MESSAGES);
      expect(jobs.processed).toBe(MESSAGES);
      expect(jobs.acked).toBe(MESSAGES);
      expect(jobs.depth + jobs.inFlight).toBe(0);
      expect(jobs.latencyMs.mean / w).toBeGreaterThan(0.95);
      expect(jobs.latencyMs.mean / w).toBeLessThan(1.05);
    });
  }
});
