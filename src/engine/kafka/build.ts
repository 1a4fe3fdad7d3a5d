import { Scheduler } from '../kernel/scheduler';
import { createRng } from '../kernel/rng';
import { makeSampler } from '../kernel/distributions';
import { msToUs } from '../kernel/time';
import { EventLog } from '../events/eventLog';
import { createRecordTrail } from '../events/recordTrail';
import { Histogram } from '../metrics/histogram';
import { TraceHash } from '../metrics/traceHash';
import { PartitionLog } from './partitionLog';
import { RecordQueue } from './recordQueue';
import { createKeySampler } from './keys';
import { StickyPartitioner } from './partitioner';
import { createCoordinator } from './group/coordinator';
import { createGroupDelivery } from './delivery/state';
import { createCluster } from './cluster/placement';
import { createAccumulatorDelivery, createProducerDelivery } from './cluster/setup';
import type { ConsumerRt, GroupRt, ProducerRt, TopicRt, World } from './world';
import type { Scenario } from '../scenario';

/** Bounds that keep a run's memory flat; breaching one stops the run with an error naming it. */
export interface WorldLimits {
  /** Most records held in memory across all logs (unconsumed records of every group). */
  retainedRecordsMax: number;
  /** Most events pending in the scheduler at once. */
  pendingEventsMax: number;
  /** Entries of the event log kept for the page. */
  eventLogCapacity: number;
}

export const defaultLimits: WorldLimits = {
  retainedRecordsMax: 8_000_000,
  pendingEventsMax: 1 << 22,
  eventLogCapacity: 2000,
};

/** Kafka's buffer.memory default (32 MiB): bounds each producer's accumulator. */
const BUFFER_MEMORY_BYTES = 32 * 1024 * 1024;

/** Builds the simulated system of a scenario at time zero (nothing scheduled yet). */
export function buildWorld(scenario: Scenario, seed: number, limits: WorldLimits): World {
  const topics: TopicRt[] = [];
  const partitions: PartitionLog[] = [];
  scenario.topics.forEach((spec, index) => {
    const topic: TopicRt = { index, name: spec.name, spec, partitions: [], subscribers: [], acknowledged: 0 };
    for (let p = 0; p < spec.partitions; p++) {
      topic.partitions.push(partitions.length);
      partitions.push(new PartitionLog(partitions.length, index, p));
    }
    topics.push(topic);
  });
  const topicIndex = (name: string): number => topics.findIndex((t) => t.name === name);

  const producers: ProducerRt[] = scenario.producers.map((spec, index) => {
    const topic = topics[topicIndex(spec.topic)]!;
    const stream = `producer:${spec.id}`;
    const capacityMax = Math.max(1, Math.floor(BUFFER_MEMORY_BYTES / spec.recordSizeBytes));
    return {
      index,
      spec,
      topicIndex: topic.index,
      ratePerSec: spec.ratePerSec,
      nextArrivalExactUs: 0,
      arrivalToken: 0,
      arrivalRng: createRng(seed, `${stream}:arrivals`),
      keys: createKeySampler(spec.keys, createRng(seed, `${stream}:keys`)),
      sticky: new StickyPartitioner(topic.partitions.length, spec.batchSize, createRng(seed, `${stream}:partitioner`)),
      accumulators: topic.partitions.map((_, p) => ({
        records: new RecordQueue(capacityMax, `producer ${spec.id} accumulator for ${topic.name}-${p}`),
        openCount: 0,
        openBytes: 0,
        inFlight: [],
        lingerToken: 0,
        delivery: createAccumulatorDelivery(capacityMax),
      })),
      lingerUs: msToUs(spec.lingerMs),
      recordSizeBytes: spec.recordSizeBytes,
      delivery: createProducerDelivery(seed, spec.id),
    };
  });

  const consumers: ConsumerRt[] = [];
  const groups: GroupRt[] = scenario.consumerGroups.map((spec, index) => {
    const topicIndexes = spec.topics.map(topicIndex);
    for (const t of topicIndexes) topics[t]!.subscribers.push(index);
    const members: number[] = [];
    for (let m = 0; m < spec.consumers; m++) {
      const consumer = createConsumer(seed, spec, consumers.length, index, m);
      members.push(consumer.index);
      consumers.push(consumer);
    }
    const perPartition = (value = 0): number[] => new Array<number>(partitions.length).fill(value);
    return {
      index,
      spec,
      topicIndexes,
      members,
      committed: perPartition(-1), // -1: no committed offset yet (auto.offset.reset applies)
      commitWindows: [],
      position: perPartition(),
      owner: perPartition(-1),
      settledUpTo: perPartition(),
      deliveredUpTo: perPartition(),
      delivered: 0,
      redelivered: 0,
      processed: 0,
      duplicates: 0,
      lost: 0,
      deadLettered: 0,
      coordinator: createCoordinator(),
      pausedSinceUs: perPartition(-1),
      releasedBy: perPartition(-1),
      rebalances: 0,
      pauseUs: 0,
      pauses: 0,
      unmovedPauses: 0,
      delivery: createGroupDelivery(seed, spec, topicIndexes.map((t) => topics[t]!)),
    };
  });

  return {
    scenario,
    seed,
    scheduler: new Scheduler({ pendingMax: limits.pendingEventsMax }),
    trace: new TraceHash(),
    log: new EventLog(limits.eventLogCapacity),
    trail: createRecordTrail(),
    latency: new Histogram(),
    topics,
    partitions,
    producers,
    groups,
    consumers,
    networkLatencyUs: msToUs(scenario.cluster.networkLatencyMs),
    retainedRecordsMax: limits.retainedRecordsMax,
    retainedRecords: 0,
    nextRecordId: 0,
    produced: 0,
    acknowledged: 0,
    failedSends: 0,
    cluster: createCluster(scenario, seed),
  };
}

/** A consumer process of a group, not yet started. */
export function createConsumer(
  seed: number,
  spec: Scenario['consumerGroups'][number],
  index: number,
  groupIndex: number,
  memberIndex: number,
): ConsumerRt {
  const name = `c-${memberIndex}`;
  const processingMs = makeSampler(spec.processingMs, createRng(seed, `group:${spec.id}:${name}:processing`));
  return {
    index,
    groupIndex,
    memberIndex,
    name,
    state: 'idle',
    epoch: 0,
    pollScheduled: false,
    assigned: [],
    fetchCursor: 0,
    batchPartitions: new Int32Array(spec.maxPollRecords),
    batchOffsets: new Float64Array(spec.maxPollRecords),
    batchLength: 0,
    batchPosition: 0,
    processingMs,
    nextAutoCommitUs: 0,
    busyUs: 0,
    busySinceUs: 0,
    membership: 'unjoined',
    memberId: null,
    groupInstanceId: spec.staticMembership ? `${spec.id}-${memberIndex}` : null,
    joinCount: 0,
    generation: -1,
    rejoinNeeded: false,
    syncInbox: [],
    leavingMemberId: null,
    pendingAssignment: null,
    previousAssignment: [],
    previousGeneration: -1,
    lastPollUs: 0,
    normalProcessingMs: processingMs,
    slowToken: 0,
    permanentlyStopped: false,
  };
}
