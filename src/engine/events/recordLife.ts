/**
 * One record's whole life, read from the record trail (events/recordTrail.ts): every step with
 * its exact simulated time and, in words, why it happened. Pure: it reads the world, never
 * changes it.
 */
import { TrailKind, trailEvictedBeforeUs, trailSlots, type RecordTrail } from './recordTrail';
import { describeStep, type StepDescription, type StepFacts } from './describeStep';
import { keyName } from '../kafka/delivery/failures';
import type { World } from '../kafka/world';

/** What one step of a record's life was. */
export type LifeStepKind =
  /** The application called send(). */
  | 'produced'
  /** Its producer batch was sealed (full, or linger.ms ran out). */
  | 'batched'
  /** The partition leader wrote it: it got its offset. */
  | 'appended'
  /** The high watermark passed it: every in-sync replica has it, consumers may read it. */
  | 'replicated'
  /** A consumer's poll returned it. */
  | 'fetched'
  /** A processing attempt completed. */
  | 'processed'
  /** A processing attempt failed. */
  | 'failed'
  /** A retry was scheduled after a failed attempt, with a back-off. */
  | 'retried'
  /** A commit moved its group's offset past it. */
  | 'committed'
  /** Recovered to a dead-letter topic after its last attempt. */
  | 'dead-lettered'
  /** It can never be processed. */
  | 'lost';

/** One step of a record's life: when, what, and (StepDescription) why and who. */
export interface LifeStep extends StepDescription {
  /** Exact simulated time, ms. */
  timeMs: number;
  kind: LifeStepKind;
}

export interface RecordLife {
  topic: string;
  partition: number;
  offset: number;
  /** The record's id, or null when the log no longer holds the offset (not yet written, truncated or trimmed). */
  recordId: number | null;
  /** The record's key as the producers name it ("k-17", "null"), or null when unknown. */
  key: string | null;
  /** Steps oldest first; ties keep the order the engine took them in. */
  steps: LifeStep[];
  /** Time of the oldest entry the trail still holds when older ones were overwritten, ms; else null. */
  evictedBeforeMs: number | null;
}

/** Steps a record can have are bounded in practice; this caps a pathological life (e.g. endless redelivery). */
export const LIFE_STEPS_MAX = 500;

const KIND_NAMES: Record<number, LifeStepKind> = {
  [TrailKind.produced]: 'produced',
  [TrailKind.batched]: 'batched',
  [TrailKind.appended]: 'appended',
  [TrailKind.replicated]: 'replicated',
  [TrailKind.fetched]: 'fetched',
  [TrailKind.processed]: 'processed',
  [TrailKind.failed]: 'failed',
  [TrailKind.retried]: 'retried',
  [TrailKind.committed]: 'committed',
  [TrailKind.deadLettered]: 'dead-lettered',
  [TrailKind.lost]: 'lost',
};

/** The life of the record at `offset` of a global partition, as far as the trail remembers it. */
export function recordLife(world: World, globalPartition: number, offset: number): RecordLife {
  const log = world.partitions[globalPartition]!;
  const trail = world.trail;
  const inMemory = offset >= log.memoryStartOffset && offset < log.logEndOffset;
  const slots = trailSlots(trail);
  // An offset can be written twice (truncated, then reused by a new record): the record at the
  // offset now is the one of its latest append, so offset steps before that belong to another.
  let since = 0;
  let recordId: number | null = inMemory ? log.recordIdAt(offset) : null;
  for (let i = slots.length - 1; i >= 0; i--) {
    if (coversOffset(trail, slots[i]!, globalPartition, offset) && trail.kind[slots[i]!] === TrailKind.appended) {
      since = i;
      recordId = trail.c[slots[i]!]!;
      break;
    }
  }
  const steps: LifeStep[] = [];
  let keyIndex: number | null = inMemory ? log.keyIndexAt(offset) : null;
  let producerIndex = inMemory ? log.producerAt(offset) : -1;
  for (let i = 0; i < slots.length && steps.length < LIFE_STEPS_MAX; i++) {
    const slot = slots[i]!;
    const byId = trail.partition[slot] === -1;
    if (byId ? recordId === null || trail.from[slot] !== recordId : i < since || !coversOffset(trail, slot, globalPartition, offset)) continue;
    if (byId && trail.kind[slot] === TrailKind.produced) {
      keyIndex ??= trail.c[slot]!;
      producerIndex = trail.a[slot]!;
    }
    steps.push(toStep(world, trail, slot, { globalPartition, offset, producerIndex }));
  }
  const evictedUs = trailEvictedBeforeUs(trail);
  return {
    topic: world.topics[log.topicIndex]!.name,
    partition: log.partition,
    offset,
    recordId,
    key: keyIndex === null ? null : keyName(world, log.topicIndex, keyIndex),
    steps,
    evictedBeforeMs: evictedUs === null ? null : evictedUs / 1000,
  };
}

/** Where a record sits: "topic-partition@offset". */
export interface RecordRef {
  topic: string;
  partition: number;
  offset: number;
}

/**
 * The records of a key the trail remembers being appended, newest first (at most `limit`): the
 * key's produced entries give record ids, their appended entries give offsets.
 */
export function recordsOfKey(world: World, key: string, limit: number): RecordRef[] {
  const trail = world.trail;
  const slots = trailSlots(trail);
  const ids = new Set<number>();
  for (const slot of slots) {
    if (trail.kind[slot] !== TrailKind.produced) continue;
    const topicIndex = world.partitions[trail.b[slot]!]!.topicIndex;
    if (keyName(world, topicIndex, trail.c[slot]!) === key) ids.add(trail.from[slot]!);
  }
  const out: RecordRef[] = [];
  for (let i = slots.length - 1; i >= 0 && out.length < limit; i--) {
    const slot = slots[i]!;
    if (trail.kind[slot] !== TrailKind.appended || !ids.has(trail.c[slot]!)) continue;
    const log = world.partitions[trail.partition[slot]!]!;
    out.push({ topic: world.topics[log.topicIndex]!.name, partition: log.partition, offset: trail.from[slot]! });
  }
  return out;
}

function coversOffset(trail: RecordTrail, slot: number, globalPartition: number, offset: number): boolean {
  return trail.partition[slot] === globalPartition && trail.from[slot]! <= offset && offset < trail.to[slot]!;
}

function toStep(world: World, trail: RecordTrail, slot: number, where: { globalPartition: number; offset: number; producerIndex: number }): LifeStep {
  const facts: StepFacts = {
    kind: trail.kind[slot]!,
    timeUs: trail.timeUs[slot]!,
    from: trail.from[slot]!,
    to: trail.to[slot]!,
    a: trail.a[slot]!,
    b: trail.b[slot]!,
    c: trail.c[slot]!,
    ...where,
  };
  return { timeMs: facts.timeUs / 1000, kind: KIND_NAMES[facts.kind]!, ...describeStep(world, facts) };
}
