/**
 * The "why" of each step of a record's life: a trail entry's numbers turned into a sentence and
 * the step's structured details (group, consumer, attempt, back-off, dead-letter headers).
 */
import { BatchReason, CommitReason, LossReason, TrailKind } from './recordTrail';
import { causeMessage, type FailureCause } from '../kafka/delivery/retryQueue';
import { deadLetterView } from '../kafka/delivery/deadLetter';
import { keyName } from '../kafka/delivery/failures';
import { nominalDelayMs } from '../kafka/delivery/backoff';
import type { World } from '../kafka/world';

/** One trail entry as read (fields as recordTrail.ts's TrailKind documents them). */
export interface StepFacts {
  kind: number;
  timeUs: number;
  from: number;
  to: number;
  a: number;
  b: number;
  c: number;
  /** The record asked about. */
  globalPartition: number;
  offset: number;
  /** The producer that sent it, or -1 when the trail no longer says. */
  producerIndex: number;
}

/** A step's words and details; recordLife.ts's LifeStep adds its time and kind. */
export interface StepDescription {
  /** Why it happened, in a sentence a learner understands. */
  why: string;
  /** The consumer group the step belongs to (consumer-side steps). */
  group?: string;
  /** The consumer (or retry-topic listener) that took the step. */
  consumer?: string;
  /** Processing attempt (1 = the first delivery) for processed, failed and retried steps. */
  attempt?: number;
  /** Back-off before the next attempt, ms (retried steps). */
  backoffMs?: number;
  /** Spring's dead-letter headers (dead-lettered steps). */
  headers?: Record<string, string>;
}

export function describeStep(world: World, f: StepFacts): StepDescription {
  switch (f.kind) {
    case TrailKind.produced:
      return { why: produced(world, f) };
    case TrailKind.batched:
      return { why: batched(world, f) };
    case TrailKind.appended:
      return {
        why: `Broker ${f.a}, the partition's leader, appended it at offset ${f.from}${f.b > 1 ? ` on send attempt ${f.b} (the earlier attempts failed)` : ''}.`,
      };
    case TrailKind.replicated:
      return { why: `The high watermark moved to ${f.to}: ${isrText(f)} ${f.b === 1 ? 'has' : 'have'} the record, so consumers may read it${acksAllText(world, f)}.` };
    case TrailKind.fetched: {
      const consumer = world.consumers[f.a]!;
      return {
        why: `${consumer.name}'s poll #${f.b} returned ${f.to - f.from === 1 ? 'offset' : 'offsets'} ${range(f)} of this partition (up to max.poll.records, below the high watermark).`,
        group: world.groups[consumer.groupIndex]!.spec.id,
        consumer: consumer.name,
      };
    }
    case TrailKind.processed:
      return { ...worker(world, f.a), attempt: f.b, why: `${worker(world, f.a).consumer} processed it${f.b > 1 ? ` at attempt ${f.b}` : ''}.` };
    case TrailKind.failed:
      return { ...worker(world, f.a), attempt: f.b, why: `${worker(world, f.a).consumer} failed attempt ${f.b}: ${causeMessage(f.c as FailureCause)}.` };
    case TrailKind.retried:
      return retried(world, f);
    case TrailKind.committed:
      return committed(world, f);
    case TrailKind.deadLettered: {
      const group = world.groups[f.a]!;
      const view = deadLetterView(world, group, f.c);
      return {
        group: group.spec.id,
        attempt: f.b,
        headers: view.headers,
        why: `After ${f.b} failed attempt${f.b === 1 ? '' : 's'}, the recoverer (DeadLetterPublishingRecoverer) published it to ${view.topic}-${view.partition} with headers naming where it came from and why it failed; the partition moves on past it.`,
      };
    }
    case TrailKind.lost:
      return lost(world, f);
    default:
      return { why: `Unknown step ${f.kind}.` };
  }
}

function produced(world: World, f: StepFacts): string {
  const producer = world.producers[f.a]!;
  const log = world.partitions[f.b]!;
  const topic = world.topics[log.topicIndex]!;
  if (f.c < 0) return `${producer.spec.id} called send() with a null key; the sticky partitioner put it in partition ${log.partition} (the partition of the batch being filled).`;
  return `${producer.spec.id} called send() with key ${keyName(world, log.topicIndex, f.c)}; Kafka's default partitioner (murmur2 of the key mod ${topic.partitions.length}) chose partition ${log.partition}.`;
}

function batched(world: World, f: StepFacts): string {
  const spec = world.producers[f.a]!.spec;
  const records = `its batch of ${f.c} record${f.c === 1 ? '' : 's'}`;
  if (f.b === BatchReason.full) return `${records} was sealed because one more record would pass batch.size (${spec.batchSize} bytes).`;
  if (f.b === BatchReason.expired) return `delivery.timeout.ms (${spec.deliveryTimeoutMs} ms) ran out while ${records} was still open: it was sealed to be failed.`;
  if (spec.lingerMs === 0) return `linger.ms is 0, so ${records} was sealed and sent as soon as the sender had room (at most ${spec.maxInFlightRequestsPerConnection} unanswered requests per partition).`;
  return `linger.ms (${spec.lingerMs} ms) ran out for ${records} and the sender had room (at most ${spec.maxInFlightRequestsPerConnection} unanswered requests per partition): it was sealed and sent.`;
}

function isrText(f: StepFacts): string {
  const brokers: number[] = [];
  for (let id = 0; id < 53 && 2 ** id <= f.c; id++) if (Math.floor(f.c / 2 ** id) % 2 === 1) brokers.push(id);
  const list = brokers.map((b) => `b${b}`).join(', ');
  return f.b === 1 ? `the only in-sync replica (${list}, the leader)` : `all ${f.b} in-sync replicas (${list})`;
}

function acksAllText(world: World, f: StepFacts): string {
  const producer = f.producerIndex >= 0 ? world.producers[f.producerIndex] : undefined;
  return producer?.spec.acks === 'all' ? `; ${producer.spec.id} (acks=all) got its acknowledgement` : '';
}

function worker(world: World, a: number): { group: string; consumer: string } {
  if (a >= 0) {
    const consumer = world.consumers[a]!;
    return { group: world.groups[consumer.groupIndex]!.spec.id, consumer: consumer.name };
  }
  const group = world.groups[-a - 1]!;
  return { group: group.spec.id, consumer: `the retry-topic listener of group ${group.spec.id}` };
}

function retried(world: World, f: StepFacts): StepDescription {
  const who = worker(world, f.a);
  const group = world.groups[f.a >= 0 ? world.consumers[f.a]!.groupIndex : -f.a - 1]!;
  const retry = group.spec.retry;
  const delayMs = round(f.c / 1000);
  const formula =
    retry.multiplier === 1
      ? `a fixed back-off of ${retry.backoffMs} ms`
      : `back-off ${f.b}: min(${retry.backoffMs} × ${retry.multiplier}^${f.b - 1}, ${retry.maxBackoffMs}) = ${round(nominalDelayMs(retry, f.b))} ms`;
  const jitter = retry.jitter > 0 ? `, spread ±${Math.round(retry.jitter * 100)}% by jitter` : '';
  const base = { ...who, attempt: f.b, backoffMs: delayMs };
  if (f.a >= 0) {
    return {
      ...base,
      why:
        `DefaultErrorHandler (in place): ${who.consumer} seeks back to offset ${f.offset} and its thread sleeps ${delayMs} ms (${formula}${jitter}) before polling again; ` +
        `its partitions are blocked meanwhile and the sleep counts towards max.poll.interval.ms (${group.spec.maxPollIntervalMs} ms).`,
    };
  }
  const log = world.partitions[f.globalPartition]!;
  const plan = group.delivery.retryPlans.get(log.topicIndex);
  const topic = plan?.topics[plan.topicOfRetry[f.b - 1] ?? -1]?.name ?? 'its retry topic';
  return { ...base, why: `Non-blocking retry: published to ${topic}-${log.partition} and retried after ${delayMs} ms (${formula}${jitter}); the source partition moves on meanwhile.` };
}

const COMMIT_REASONS: Record<number, string> = {
  [CommitReason.afterProcess]: 'commitSync after processing the poll (at-least-once)',
  [CommitReason.beforeProcess]: 'a commit before processing (at-most-once: a crash now would skip it)',
  [CommitReason.auto]: 'auto-commit inside poll() (every auto.commit.interval.ms)',
  [CommitReason.afterFailure]: "the error handler's commit after a failed or recovered record (the offsets it is done with)",
  [CommitReason.revoked]: 'the commit made when the partition was revoked in a rebalance',
};

function committed(world: World, f: StepFacts): StepDescription {
  const consumer = world.consumers[f.a]!;
  const group = world.groups[consumer.groupIndex]!;
  return {
    group: group.spec.id,
    consumer: consumer.name,
    why: `${consumer.name} committed offset ${f.to} for group ${group.spec.id} by ${COMMIT_REASONS[f.b] ?? 'a commit'}: the committed offset is past the record, so the group will not read it again.`,
  };
}

function lost(world: World, f: StepFacts): StepDescription {
  switch (f.a) {
    case LossReason.acksZero:
      return { why: 'It was sent with acks=0 and its batch reached no leader (the leader was down or had moved): nobody retries an acks=0 send, so it is lost.' };
    case LossReason.sendFailed:
      return { why: `The producer gave up on its batch after ${f.c} send attempt${f.c === 1 ? '' : 's'} (delivery.timeout.ms passed or retries ran out): it was never written.` };
    case LossReason.truncated:
      return { why: `Offsets ${range(f)} were cut from the log: the new leader did not have them (an unclean election, or an acks=0/1 write whose leader crashed before the followers copied it).` };
    case LossReason.skipped:
      return { group: world.groups[f.b]!.spec.id, attempt: f.c, why: `All ${f.c} attempts failed and group ${world.groups[f.b]!.spec.id} has no dead-letter topic: the default recoverer logs it and skips it.` };
    default:
      return { why: 'It was lost.' };
  }
}

function range(f: StepFacts): string {
  return f.to - f.from === 1 ? `${f.from}` : `${f.from}..${f.to - 1}`;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
