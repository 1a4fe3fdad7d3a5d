/**
 * A tiny stand-in for the engine, for driver and client tests that need exact control over
 * simulated time: one event every `EVENT_INTERVAL_MS`, each producing one record. The trace hash
 * is the list of event times seen, so it shows exactly how a run was advanced.
 */
import type { Metrics, Scenario, ScenarioError, Simulation, Snapshot } from '../../engine';
import type { EngineApi } from '../driver';

/** Simulated time between two fake events, ms. */
export const EVENT_INTERVAL_MS = 10;

/** The fake's scenario document: only what the driver reads. */
export interface FakeScenarioJson {
  title: string;
  durationMs: number;
  seed: number;
}

export interface FakeEngine extends EngineApi {
  /** Every simulation created, oldest first. */
  readonly created: { seed: number | undefined }[];
  /** When set, the next runUntil call throws this error. */
  failNextRunUntil: Error | null;
}

export function createFakeEngine(): FakeEngine {
  const fake: FakeEngine = {
    created: [],
    failNextRunUntil: null,

    parseScenario(input: unknown) {
      const errors: ScenarioError[] = [];
      const doc = (typeof input === 'object' && input !== null ? input : {}) as Partial<FakeScenarioJson>;
      if (typeof doc.title !== 'string') errors.push({ path: 'title', message: 'must be a string' });
      if (typeof doc.durationMs !== 'number' || doc.durationMs <= 0) {
        errors.push({ path: 'durationMs', message: `must be above 0, got ${String(doc.durationMs)}` });
      }
      if (errors.length > 0) return { ok: false, errors };
      // The fake reads only title, durationMs and seed; the rest of Scenario is never touched.
      const scenario = { seed: 1, ...doc } as unknown as Scenario;
      return { ok: true, scenario };
    },

    formatScenarioError(error: ScenarioError) {
      return `${error.path}: ${error.message}`;
    },

    createSimulation(scenario: Scenario, options?: { seed?: number }) {
      fake.created.push({ seed: options?.seed });
      return createFakeSimulation(scenario, options?.seed ?? scenario.seed, fake);
    },
  };
  return fake;
}

/** The fake's whole state: what its checkpoints copy. */
interface FakeState {
  nowMs: number;
  produced: number;
  eventTimesMs: number[];
}

function createFakeSimulation(scenario: Scenario, seed: number, fake: FakeEngine, from: FakeState = { nowMs: 0, produced: 0, eventTimesMs: [] }): Simulation {
  const durationMs = scenario.durationMs;
  let nowMs = from.nowMs;
  let produced = from.produced;
  const eventTimesMs: number[] = [...from.eventTimesMs];

  function processUntil(untilMs: number, eventsMax: number): number {
    let done = 0;
    let nextMs = (produced + 1) * EVENT_INTERVAL_MS;
    while (done < eventsMax && nextMs <= untilMs) {
      produced += 1;
      eventTimesMs.push(nextMs);
      nowMs = nextMs;
      done += 1;
      nextMs = (produced + 1) * EVENT_INTERVAL_MS;
    }
    return done;
  }

  function metrics(): Metrics {
    return {
      timeMs: nowMs,
      events: produced,
      produced,
      acknowledged: produced,
      failedSends: 0,
      retriedSends: 0,
      duplicatesWritten: 0,
      reorderedRecords: 0,
      producers: {},
      // The driver never reads the cluster's figures; the fake models no brokers.
      cluster: {} as Metrics['cluster'],
      delivered: produced,
      processed: produced,
      duplicates: 0,
      redelivered: 0,
      lost: 0,
      deadLettered: 0,
      pending: 0,
      lag: { total: 0, max: 0, perPartition: [0] },
      latencyMs: { mean: 1, p50: 1, p95: 1, p99: 1 } as Metrics['latencyMs'],
      rebalances: { count: 0, totalPauseMs: 0 },
      traceHash: traceHash(),
      groups: {},
    };
  }

  function traceHash(): string {
    return eventTimesMs.join(',');
  }

  return {
    get now() {
      return nowMs;
    },
    durationMs,
    get finished() {
      return nowMs >= durationMs;
    },
    seed,
    scenario,
    runUntil(timeMs: number) {
      if (fake.failNextRunUntil) {
        const error = fake.failNextRunUntil;
        fake.failNextRunUntil = null;
        throw error;
      }
      processUntil(timeMs, Number.POSITIVE_INFINITY);
      nowMs = Math.max(nowMs, timeMs);
    },
    step(events = 1) {
      return processUntil(Number.POSITIVE_INFINITY, events);
    },
    apply() {
      return { ok: true };
    },
    snapshot(): Snapshot {
      return {
        timeMs: nowMs,
        durationMs,
        finished: nowMs >= durationMs,
        metrics: metrics(),
        topics: [],
        producers: [],
        groups: [],
        events: [],
        eventsTotal: 0,
        brokers: [],
      };
    },
    metrics,
    traceHash,
    series() {
      throw new Error('the fake engine keeps no series');
    },
    events() {
      return [];
    },
    recordLife() {
      return null;
    },
    recordsOfKey() {
      return [];
    },
    actions() {
      return [];
    },
    checkpoint() {
      const state: FakeState = { nowMs, produced, eventTimesMs: [...eventTimesMs] };
      return Object.freeze({
        timeMs: nowMs,
        events: produced,
        approxBytes: 8 * eventTimesMs.length,
        restore: () => createFakeSimulation(scenario, seed, fake, state),
      });
    },
  };
}
