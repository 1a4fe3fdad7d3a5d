import { createSimulation, type Simulation, type SimulationOptions } from '../simulation';
import { parseScenario } from '../scenario';
import { buildWorld, defaultLimits } from '../kafka/build';
import { msToUs } from '../kernel/time';
import { buildQueueWorld, startQueues } from './build';
import { dispatchQueueEvent } from './dispatch';
import { checkQueueInvariants } from './invariants';
import type { World } from '../kafka/world';

/** Parses a queue scenario (throwing with its errors if it is invalid) and runs it to untilMs with invariants checked. */
export function runQueueScenario(input: Record<string, unknown>, untilMs: number, options: SimulationOptions = {}): Simulation {
  const parsed = parseScenario({ version: 1, durationMs: untilMs, ...input });
  if (!parsed.ok) throw new Error(`invalid test scenario: ${JSON.stringify(parsed.errors)}`);
  const sim = createSimulation(parsed.scenario, { checkInvariants: true, ...options });
  sim.runUntil(untilMs);
  return sim;
}

/** A queue world driven event by event, for tests that look inside between events. */
export interface QueueHarness {
  readonly world: World;
  /**
   * Runs queue events up to untilMs with invariants checked after each; `before` and `after` see
   * each event (kind, a, b) around its handling.
   */
  runUntil(untilMs: number, hooks?: { before?: (kind: number, a: number, b: number) => void; after?: (kind: number, a: number, b: number) => void }): void;
}

/** Builds the world of a queue-only scenario without the Kafka model's periodic events. */
export function queueHarness(input: Record<string, unknown>): QueueHarness {
  const parsed = parseScenario({ version: 1, ...input });
  if (!parsed.ok) throw new Error(`invalid test scenario: ${JSON.stringify(parsed.errors)}`);
  const world = buildWorld(parsed.scenario, parsed.scenario.seed, defaultLimits);
  world.queues = buildQueueWorld(parsed.scenario, parsed.scenario.seed);
  startQueues(world);
  return {
    world,
    runUntil(untilMs, hooks = {}) {
      const scheduler = world.scheduler;
      while (scheduler.pop(msToUs(untilMs))) {
        const { eventKind: kind, eventA: a, eventB: b } = scheduler;
        hooks.before?.(kind, a, b);
        dispatchQueueEvent(world, kind, a, b);
        hooks.after?.(kind, a, b);
        const violation = checkQueueInvariants(world.queues!);
        if (violation !== null) throw new Error(`t=${scheduler.nowUs} µs, after event kind ${kind}: ${violation}`);
      }
    },
  };
}
