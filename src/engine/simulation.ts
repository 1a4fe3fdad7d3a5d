import { msToUs } from './kernel/time';
import { InvariantError, LimitError } from './kernel/assert';
import { checkInvariants } from './testing/invariants';
import { EventKind } from './kafka/eventKinds';
import { buildWorld, defaultLimits, type WorldLimits } from './kafka/build';
import { onBatchAppend, onLingerExpired, onProduceArrival, startProducer } from './kafka/producer';
import { onProduceError, onProduceTimeout, onProducerWake } from './kafka/cluster/producerDelivery';
import { onIsrCheck, onReplicaFetch, onReplicaFetchResponse, startReplication } from './kafka/cluster/fetcher';
import { onBrokerRestart, onSlowFollowerEnd } from './kafka/cluster/brokerFaults';
import { onConsumerPoll, onProcessDone, onRetryBackoffEnd } from './kafka/consumer';
import { onRetryTopicPoll, onRetryTopicProcessed } from './kafka/delivery/retryTopics';
import { pruneLedgers } from './kafka/delivery/ledger';
import { startConsumer, onHeartbeatTick, onJoinResponse, onRebalanceNotice, onSyncResponse } from './kafka/group/member';
import { onJoinArrive, onJoinDeadline, onLeaveArrive, onSessionCheck, onSyncArrive } from './kafka/group/coordinator';
import { onConsumerRestart, onSlowEnd } from './kafka/membershipChanges';
import { trimConsumedRecords } from './kafka/retention';
import { SeriesSet } from './metrics/seriesSet';
import { summarize, type Metrics } from './metrics/summary';
import { buildSnapshot, type Snapshot } from './snapshot';
import { buildQueueWorld, defaultQueueLimits, dispatchQueueEvent, hasQueueSections, startQueues, QUEUE_EVENT_KIND_MAX, QUEUE_EVENT_KIND_MIN, type QueueLimits } from './queues';
import { applyChange, type Change, type ApplyResult } from './changes';
import { ActionRecorder } from './replay/actionRecorder';
import type { RecordedAction } from './replay/actionLog';
import { rebindOnCopy } from './kernel/copyHooks';
import { takeCheckpoint, type Checkpoint } from './checkpoint';
import type { World } from './kafka/world';
import type { EngineEvent } from './events/eventLog';
import { recordLife, recordsOfKey, type RecordLife, type RecordRef } from './events/recordLife';
import type { Scenario } from './scenario';

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Most events one simulation may process in its whole life (a guard against runaway runs). */
  eventsMax?: number;
  limits?: Partial<WorldLimits>;
  /** Bounds of the queue-style brokers (queues/types.ts QueueLimits). */
  queueLimits?: Partial<QueueLimits>;
  /**
   * Checks every invariant after every event and throws InvariantError on the first violation
   * (slow: for tests and the swarm).
   */
  checkInvariants?: boolean;
  /** Called with every event as it is processed: for tests that assert whole traces. */
  traceListener?: (timeUs: number, kind: number, a: number, b: number) => void;
  /**
   * A recorded action log (`sim.actions()` of an earlier run) to replay: each change is applied
   * after the same number of events, at the same simulated time, so the run reproduces the
   * recorded trace hash. A log that does not fit the run throws InvariantError naming the action.
   */
  actions?: readonly RecordedAction[];
}

/**
 * A running simulation of one scenario. Lifecycle: created at simulated time 0 with every
 * producer and consumer started; advanced only by `runUntil` / `step`; changed only by `apply`.
 * It never reads the wall clock, so the same scenario and seed always give the same trace.
 */
export interface Simulation {
  /** Simulated time, ms. */
  readonly now: number;
  /** The scenario's nominal length, ms. */
  readonly durationMs: number;
  /** Whether simulated time has reached durationMs. */
  readonly finished: boolean;
  readonly seed: number;
  readonly scenario: Scenario;
  /** Processes every event up to and including timeMs, then sets the clock to timeMs. */
  runUntil(timeMs: number): void;
  /** Processes the next `events` events (default 1). Returns how many were processed. */
  step(events?: number): number;
  /** A live knob change or fault, applied at the current simulated time, after every event of that instant. */
  apply(change: Change): ApplyResult;
  /** Every change applied so far (live or replayed), with when: the run's action log. */
  actions(): RecordedAction[];
  snapshot(): Snapshot;
  metrics(): Metrics;
  traceHash(): string;
  /** Sampled time series (lag, throughput) for charts. */
  series(): SeriesSet;
  /** The most recent `limit` entries of the event log (all retained ones by default), oldest first. */
  events(limit?: number): EngineEvent[];
  /**
   * Every step of one record's life with exact times and why (the message inspector), as far as
   * the bounded record trail remembers; null when the topic or partition does not exist.
   */
  recordLife(topic: string, partition: number, offset: number): RecordLife | null;
  /** The records of a key the record trail remembers being appended, newest first, at most `limit`. */
  recordsOfKey(key: string, limit: number): RecordRef[];
  /**
   * The whole state now, frozen: `checkpoint.restore()` gives a new run that continues exactly
   * as this one would (same trace hash, metrics, snapshots, events and actions). Costs a deep
   * copy (see approxBytes); a run that never takes one pays nothing.
   */
  checkpoint(): SimulationCheckpoint;
}

/** Metrics are sampled at this simulated interval, ms. */
export const SAMPLE_INTERVAL_MS = 100;

/** How a checkpoint's run is restored (`checkpoint.restore(options)`). */
export interface RestoreOptions {
  /**
   * The whole action log the restored run follows: the changes the checkpoint had applied, then
   * those still to replay (which replace the checkpoint's own). For continuing on a timeline
   * whose later changes the checkpoint never saw. A log that does not start with the
   * checkpoint's changes throws InvariantError naming the entry.
   */
  actions?: readonly RecordedAction[];
  /** As SimulationOptions.checkInvariants; by default the original run's choice. */
  checkInvariants?: boolean;
  /** As SimulationOptions.traceListener (never carried over: it belongs to the original's host). */
  traceListener?: SimulationOptions['traceListener'];
}

/** A frozen instant of a run, restorable any number of times (checkpoint/checkpoint.ts). */
export type SimulationCheckpoint = Checkpoint<Simulation, RestoreOptions>;

/** Everything a run owns, reached from one root: exactly what a checkpoint copies. */
interface SimState {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly eventsMax: number;
  readonly checkInvariants: boolean;
  readonly world: World;
  readonly series: SeriesSet;
  readonly recorder: ActionRecorder;
}

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? scenario.seed;
  const world = buildWorld(scenario, seed, { ...defaultLimits, ...options.limits });
  if (hasQueueSections(scenario)) world.queues = buildQueueWorld(scenario, seed, { ...defaultQueueLimits, ...options.queueLimits });
  const series = new SeriesSet(world);
  const scheduler = world.scheduler;

  world.log.add(0, 'sim.started', 'simulation', `Simulation started with seed ${seed}.`);
  for (const producer of world.producers) startProducer(world, producer);
  startReplication(world);
  for (const group of world.groups) {
    for (const c of group.members) startConsumer(world, group, world.consumers[c]!);
  }
  scenario.faults.forEach((fault, index) => scheduler.schedule(msToUs(fault.atMs), EventKind.fault, index, 0));
  scheduler.schedule(msToUs(SAMPLE_INTERVAL_MS), EventKind.sample, 0, 0);
  startQueues(world);

  const recorder = new ActionRecorder(scheduler, changeApplier(world), options.actions);
  const state = { scenario, seed, eventsMax: options.eventsMax ?? 2e9, checkInvariants: options.checkInvariants ?? false, world, series, recorder };
  return bindSimulation(state, options.traceListener);
}

/** Applies changes to `world`; a checkpoint's copy applies them to the copy of world. */
function changeApplier(world: World): (change: Change) => ApplyResult {
  return rebindOnCopy((change: Change) => applyChange(world, change), (copyOf) => changeApplier(copyOf(world)));
}

function restoreSimulation(state: SimState, options: RestoreOptions = {}): Simulation {
  if (options.actions !== undefined) state.recorder.replayFrom(options.actions);
  const restored = options.checkInvariants === undefined ? state : { ...state, checkInvariants: options.checkInvariants };
  return bindSimulation(restored, options.traceListener);
}

/** The run loop and the public face over a run's state, new or restored. */
function bindSimulation(state: SimState, traceListener: SimulationOptions['traceListener']): Simulation {
  const { scenario, seed, eventsMax, world, series, recorder } = state;
  const sampleUs = msToUs(SAMPLE_INTERVAL_MS);
  const scheduler = world.scheduler;

  function dispatch(w: World): void {
    const a = scheduler.eventA;
    const b = scheduler.eventB;
    w.trace.fold(scheduler.eventTimeUs, scheduler.eventKind, a, b);
    traceListener?.(scheduler.eventTimeUs, scheduler.eventKind, a, b);
    switch (scheduler.eventKind) {
      case EventKind.produceArrival:
        onProduceArrival(w, w.producers[a]!, b);
        break;
      case EventKind.lingerExpired:
        onLingerExpired(w, w.producers[a]!, b);
        break;
      case EventKind.batchAppend:
        onBatchAppend(w, w.producers[a]!, b);
        break;
      case EventKind.consumerPoll:
        onConsumerPoll(w, w.consumers[a]!, b);
        break;
      case EventKind.processDone:
        onProcessDone(w, w.consumers[a]!, b);
        break;
      case EventKind.sample:
        trimConsumedRecords(w);
        pruneLedgers(w);
        series.sample(w);
        scheduler.schedule(scheduler.nowUs + sampleUs, EventKind.sample, 0, 0);
        break;
      case EventKind.fault:
        applyChange(w, scenario.faults[a]!);
        break;
      case EventKind.joinArrive: {
        const consumer = w.consumers[a]!;
        if (b === consumer.epoch) onJoinArrive(w, w.groups[consumer.groupIndex]!, consumer);
        break;
      }
      case EventKind.joinDeadline:
        onJoinDeadline(w, w.groups[a]!, b);
        break;
      case EventKind.joinResponse:
        onJoinResponse(w, w.consumers[a]!, b);
        break;
      case EventKind.syncArrive: {
        const consumer = w.consumers[a]!;
        onSyncArrive(w, w.groups[consumer.groupIndex]!, consumer, b);
        break;
      }
      case EventKind.syncResponse:
        onSyncResponse(w, w.consumers[a]!, b);
        break;
      case EventKind.heartbeat: {
        const consumer = w.consumers[a]!;
        onHeartbeatTick(w, w.groups[consumer.groupIndex]!, consumer, b);
        break;
      }
      case EventKind.sessionCheck:
        onSessionCheck(w, w.groups[w.consumers[a]!.groupIndex]!, a, b);
        break;
      case EventKind.rebalanceNotice: {
        const consumer = w.consumers[a]!;
        onRebalanceNotice(w, w.groups[consumer.groupIndex]!, consumer, b);
        break;
      }
      case EventKind.leaveArrive: {
        const consumer = w.consumers[a]!;
        const memberId = consumer.leavingMemberId;
        consumer.leavingMemberId = null;
        if (memberId !== null) onLeaveArrive(w, w.groups[consumer.groupIndex]!, memberId, `${consumer.name} sent LeaveGroup`);
        break;
      }
      case EventKind.consumerRestart:
        onConsumerRestart(w, w.consumers[a]!, b);
        break;
      case EventKind.slowEnd:
        onSlowEnd(w, w.consumers[a]!, b);
        break;
      case EventKind.retryBackoffEnd:
        onRetryBackoffEnd(w, w.consumers[a]!, b);
        break;
      case EventKind.retryTopicPoll:
        onRetryTopicPoll(w, w.groups[a]!, b);
        break;
      case EventKind.retryTopicProcessed:
        onRetryTopicProcessed(w, w.groups[a]!, b);
        break;
      case EventKind.produceError:
        onProduceError(w, w.producers[a]!, b);
        break;
      case EventKind.produceTimeout:
        onProduceTimeout(w, w.producers[a]!, b);
        break;
      case EventKind.producerWake:
        onProducerWake(w, w.producers[a]!, b);
        break;
      case EventKind.replicaFetch:
        onReplicaFetch(w, a, b);
        break;
      case EventKind.replicaFetchResponse:
        onReplicaFetchResponse(w, a, b);
        break;
      case EventKind.isrCheck:
        onIsrCheck(w);
        break;
      case EventKind.brokerRestart:
        onBrokerRestart(w, a, b);
        break;
      case EventKind.slowFollowerEnd:
        onSlowFollowerEnd(w, a, b);
        break;
      default:
        if (scheduler.eventKind >= QUEUE_EVENT_KIND_MIN && scheduler.eventKind <= QUEUE_EVENT_KIND_MAX) dispatchQueueEvent(w, scheduler.eventKind, a, b);
        else throw new InvariantError(`unknown event kind ${scheduler.eventKind}`);
    }
    if (state.checkInvariants) {
      const violation = checkInvariants(w);
      if (violation !== null) {
        throw new InvariantError(`seed ${seed}, t=${scheduler.nowUs} µs, after event kind ${scheduler.eventKind}: ${violation}`);
      }
    }
  }

  function checkEventBudget(): void {
    if (scheduler.poppedCount > eventsMax) {
      throw new LimitError('eventsMax', eventsMax, 'the simulation processed more events than allowed');
    }
  }

  return {
    get now() {
      return scheduler.nowUs / 1000;
    },
    durationMs: scenario.durationMs,
    get finished() {
      return scheduler.nowUs >= msToUs(scenario.durationMs);
    },
    seed,
    scenario,
    runUntil(timeMs: number) {
      const untilUs = msToUs(timeMs);
      if (untilUs <= scheduler.nowUs) return;
      let sinceCheck = 0;
      for (;;) {
        if (scheduler.poppedCount === recorder.nextDueEvents) recorder.applyDue(untilUs);
        if (!scheduler.pop(untilUs)) break;
        dispatch(world);
        if (++sinceCheck === 65536) {
          sinceCheck = 0;
          checkEventBudget();
        }
      }
      checkEventBudget();
      scheduler.advanceTo(untilUs);
    },
    step(events = 1) {
      let done = 0;
      while (done < events) {
        if (scheduler.poppedCount === recorder.nextDueEvents) recorder.applyDue(Infinity);
        if (!scheduler.pop()) break;
        dispatch(world);
        done++;
      }
      checkEventBudget();
      return done;
    },
    apply(change: Change) {
      return recorder.apply(change);
    },
    actions() {
      return recorder.actions();
    },
    snapshot() {
      return buildSnapshot(world);
    },
    metrics() {
      return summarize(world);
    },
    traceHash() {
      return world.trace.hex();
    },
    series() {
      return series;
    },
    events(limit = world.log.capacity) {
      return world.log.recent(limit);
    },
    recordLife(topic, partition, offset) {
      const globalPartition = world.topics.find((t) => t.name === topic)?.partitions[partition];
      return globalPartition === undefined ? null : recordLife(world, globalPartition, offset);
    },
    recordsOfKey(key, limit) {
      return recordsOfKey(world, key, limit);
    },
    checkpoint() {
      return takeCheckpoint(state, { timeMs: scheduler.nowUs / 1000, events: scheduler.poppedCount }, restoreSimulation);
    },
  };
}
