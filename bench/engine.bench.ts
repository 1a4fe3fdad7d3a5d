/**
 * `npm run bench`: engine throughput, reported (never asserted: CI machines are shared and noisy).
 *
 * 1. Kernel vs floor: the Scheduler + seeded streams against a minimal hand-written typed-array
 *    heap loop on the same hold-model workload. Target: within 1.5× of the floor.
 * 2. The M/M/1 workload through the full Kafka path (producer → log → consumer → metrics).
 *    Target: 10^6 messages in under 2 s on a 2-core machine.
 * 3. Consumer churn (12 partitions, 6 consumers, 10,000 msg/s, a crash every 30 s): simulated
 *    messages per second, and the heap after 2.5, 5, 7.5 and 10 million messages, which must not
 *    grow with run length. Run with `--expose-gc` (the npm script does) for exact heap figures.
 */
import { runFloor, runKernel } from './kernelFloor';
import { churnScenario, mm1Scenario } from './scenarios';
import { createSimulation, parseScenario } from '../src/engine';

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function bestOf<T extends { seconds: number }>(runs: number, run: () => T): T {
  let best: T | null = null;
  for (let i = 0; i < runs; i++) {
    const result = run();
    if (best === null || result.seconds < best.seconds) best = result;
  }
  return best!;
}

function benchKernel(): void {
  const events = 5_000_000;
  runFloor(events / 10); // warm up both paths
  runKernel(events / 10);
  const floor = bestOf(3, () => runFloor(events));
  const kernel = bestOf(3, () => runKernel(events));
  const ratio = kernel.seconds / floor.seconds;
  console.log('kernel vs floor (hold model, best of 3)');
  console.log(`  floor   ${fmt(floor.events / floor.seconds)} events/s`);
  console.log(`  kernel  ${fmt(kernel.events / kernel.seconds)} events/s`);
  console.log(`  ratio   ${ratio.toFixed(2)}× the floor's time (target ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'MISSED'}`);
}

function benchMm1(): void {
  const messages = 1_000_000;
  const parsed = parseScenario(mm1Scenario(messages));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const run = () => {
    const start = process.hrtime.bigint();
    const sim = createSimulation(parsed.scenario);
    sim.runUntil(parsed.scenario.durationMs);
    return { seconds: seconds(start), metrics: sim.metrics() };
  };
  run();
  const { seconds: s, metrics } = bestOf(3, run);
  console.log('M/M/1 through the full Kafka path (1 partition, 1 consumer, best of 3)');
  console.log(`  messages   ${fmt(metrics.processed)} processed in ${s.toFixed(3)} s (target < 2 s) ${s < 2 ? 'OK' : 'MISSED'}`);
  console.log(`  throughput ${fmt(metrics.processed / s)} messages/s, ${fmt(metrics.events / s)} events/s`);
  console.log(`  latency    mean ${metrics.latencyMs.mean.toFixed(3)} ms (M/M/1: 5 ms)`);
}

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function benchChurn(): void {
  const messages = 10_000_000;
  const ratePerSec = 10_000;
  const parsed = parseScenario(churnScenario(Math.ceil((messages / ratePerSec) * 1000)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const heapBefore = heapMiB();
  const start = process.hrtime.bigint();
  const sim = createSimulation(parsed.scenario);
  const checkpoints = 4;
  const heaps: string[] = [];
  let simSeconds = 0;
  for (let i = 1; i <= checkpoints; i++) {
    const lap = process.hrtime.bigint();
    sim.runUntil((parsed.scenario.durationMs * i) / checkpoints);
    simSeconds += seconds(lap);
    heaps.push(`${(sim.metrics().produced / 1e6).toFixed(1)}M → ${heapMiB().toFixed(1)} MiB`);
  }
  const m = sim.metrics();
  console.log('consumer churn (3 brokers, 12 partitions, 6 consumers, 10,000 msg/s, a crash every 30 s)');
  console.log(`  messages   ${fmt(m.produced)} produced, ${fmt(m.processed)} processed in ${seconds(start).toFixed(2)} s`);
  console.log(`  throughput ${fmt(m.produced / simSeconds)} simulated messages/s, ${fmt(m.events / simSeconds)} events/s`);
  console.log(`  group      ${fmt(m.rebalances.count)} rebalances, ${fmt(m.redelivered)} redelivered, ${fmt(m.duplicates)} duplicates`);
  console.log(`  heap       ${heapBefore.toFixed(1)} MiB before; ${heaps.join(', ')}`);
}

benchKernel();
console.log();
benchMm1();
console.log();
benchChurn();
