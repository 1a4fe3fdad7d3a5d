import { msToUs } from '../../kernel/time';
import { assert } from '../../kernel/assert';
import { EventKind } from '../eventKinds';
import { acquireBatch, releaseBatch } from './batches';
import { retryBackoffMs } from './backoff';
import { leaderBroker } from './highWatermark';
import { BatchReason, LossReason, TrailKind, trailAdd } from '../../events/recordTrail';
import type { AccumulatorDeliveryRt, BatchRt } from './types';
import type { ProducerRt, World } from '../world';

/**
 * The producer's sender: it sends sealed batches to their partition's leader (at most
 * max.in.flight.requests.per.connection unanswered per partition), and handles the answers:
 * success, or a retriable error followed by an exponential back-off, until retries or
 * delivery.timeout.ms run out and the send fails for good.
 *
 * Simplifications, each with the reason it does not change what a learner sees: one request
 * carries one batch and the in-flight bound applies per partition (Kafka packs the batches for
 * one broker into one request and bounds requests per connection: what matters for ordering —
 * how many batches of one partition can be in flight at once — is the same); the producer knows
 * each partition's leader at once (no metadata refresh delay); a successful answer is counted
 * when the broker decides it, not one network latency later.
 */

export function deliveryOf(producer: ProducerRt, partition: number): AccumulatorDeliveryRt {
  const delivery = producer.accumulators[partition]!.delivery;
  assert(delivery !== undefined, () => `producer ${producer.spec.id} has no delivery state for partition ${partition}`);
  return delivery;
}

/** The batch is acknowledged (acks 1 / all): the producer's send() completes. */
export function acknowledgeBatch(world: World, producer: ProducerRt, batch: BatchRt): void {
  const delivery = deliveryOf(producer, batch.partition);
  world.acknowledged += batch.count;
  producer.delivery.acknowledged += batch.count;
  delivery.heldRecords -= batch.count;
  delivery.inFlight--;
  releaseBatch(producer, batch);
  drain(world, producer, batch.partition);
}

/** The broker answers the request with a retriable error; the answer reaches the producer one latency later. */
export function rejectBatch(world: World, producer: ProducerRt, batch: BatchRt, error: string): void {
  batch.state = 'failing';
  batch.lastError = error;
  world.cluster.batchesBySerial.set(batch.serial, batch);
  world.scheduler.schedule(world.scheduler.nowUs + world.networkLatencyUs, EventKind.produceError, producer.index, batch.serial);
}

/** An acks=all write waits for the ISR; the producer gives up on it after request.timeout.ms. */
export function enterPurgatory(world: World, producer: ProducerRt, batch: BatchRt, globalPartition: number): void {
  const purgatory = world.cluster.partitions[globalPartition]!.purgatory;
  batch.state = 'purgatory';
  // Offset order: an idempotent duplicate waits for its original's offsets, which may be older.
  let at = purgatory.length;
  while (at > 0 && purgatory[at - 1]!.writtenEnd > batch.writtenEnd) at--;
  purgatory.splice(at, 0, batch);
  world.cluster.batchesBySerial.set(batch.serial, batch);
  world.scheduler.schedule(batch.sentAtUs + msToUs(producer.spec.requestTimeoutMs), EventKind.produceTimeout, producer.index, batch.serial);
}

/** The error answer reaches the producer. */
export function onProduceError(world: World, producer: ProducerRt, serial: number): void {
  const batch = world.cluster.batchesBySerial.get(serial);
  if (batch === undefined || batch.state !== 'failing') return;
  world.cluster.batchesBySerial.delete(serial);
  deliveryOf(producer, batch.partition).inFlight--;
  retryOrFail(world, producer, batch);
}

/** request.timeout.ms passed without an answer: the producer treats the request as failed. */
export function onProduceTimeout(world: World, producer: ProducerRt, serial: number): void {
  const batch = world.cluster.batchesBySerial.get(serial);
  const timeoutUs = msToUs(producer.spec.requestTimeoutMs);
  if (batch === undefined || batch.state !== 'purgatory' || world.scheduler.nowUs - batch.sentAtUs < timeoutUs) return;
  world.cluster.batchesBySerial.delete(serial);
  const globalPartition = world.topics[producer.topicIndex]!.partitions[batch.partition]!;
  const purgatory = world.cluster.partitions[globalPartition]!.purgatory;
  purgatory.splice(purgatory.indexOf(batch), 1);
  // The records stay in the leader's log and will be committed: a retry writes them again
  // unless the producer is idempotent.
  batch.lastError = `REQUEST_TIMED_OUT after request.timeout.ms (${producer.spec.requestTimeoutMs} ms)`;
  deliveryOf(producer, batch.partition).inFlight--;
  retryOrFail(world, producer, batch);
}

function retryOrFail(world: World, producer: ProducerRt, batch: BatchRt): void {
  const nowUs = world.scheduler.nowUs;
  const spec = producer.spec;
  producer.delivery.errors++;
  const where = `${spec.topic}-${batch.partition}`;
  if (batch.attempts > spec.retries) {
    failBatch(world, producer, batch, `${batch.lastError}, and its ${spec.retries} retr${spec.retries === 1 ? 'y is' : 'ies are'} used up`);
    return;
  }
  const deadlineUs = batch.bornUs + msToUs(spec.deliveryTimeoutMs);
  if (nowUs >= deadlineUs) {
    failBatch(world, producer, batch, `${batch.lastError}, and delivery.timeout.ms (${spec.deliveryTimeoutMs} ms) has passed`);
    return;
  }
  const backoffMs = retryBackoffMs(batch.attempts, spec.retryBackoffMs, spec.retryBackoffMaxMs, producer.delivery.jitterRng);
  batch.retryAtUs = nowUs + msToUs(backoffMs);
  batch.state = 'queued';
  const delivery = deliveryOf(producer, batch.partition);
  // Back in creation order, so the oldest batch is always first (delivery timeouts expire from the front).
  let at = delivery.queued.length;
  while (at > 0 && delivery.queued[at - 1]!.serial > batch.serial) at--;
  delivery.queued.splice(at, 0, batch);
  world.log.add(nowUs, 'producer.retry', spec.id, `${spec.id}: a batch of ${batch.count} record${batch.count === 1 ? '' : 's'} to ${where} failed (${batch.lastError}); retry ${batch.attempts} in ${backoffMs} ms.`);
  drain(world, producer, batch.partition);
}

/** The send fails for good: the application's callback gets the error. */
export function failBatch(world: World, producer: ProducerRt, batch: BatchRt, reason: string): void {
  const delivery = deliveryOf(producer, batch.partition);
  world.failedSends += batch.count;
  producer.delivery.failed += batch.count;
  delivery.heldRecords -= batch.count;
  if (producer.spec.enableIdempotence && batch.writtenEnd < 0) resequenceAfter(producer, batch);
  if (batch.writtenEnd < 0) {
    for (let i = 0; i < batch.count; i++) trailAdd(world.trail, TrailKind.lost, world.scheduler.nowUs, -1, batch.ids[i]!, 0, LossReason.sendFailed, -1, batch.attempts);
  }
  const written = batch.writtenEnd >= 0 ? ' (an earlier attempt is in the log, so consumers may still read it)' : '';
  world.log.add(world.scheduler.nowUs, 'producer.sendFailed', producer.spec.id, `${producer.spec.id}: ${batch.count} record${batch.count === 1 ? '' : 's'} to ${producer.spec.topic}-${batch.partition} failed for good: ${reason}${written}.`);
  releaseBatch(producer, batch);
}

/**
 * An idempotent batch that failed unwritten leaves a gap in the sequence numbers, which the
 * leader would refuse for ever (OUT_OF_ORDER_SEQUENCE_NUMBER). Kafka's producer then bumps its
 * epoch and renumbers the batches after it; renumbering is the same for the log.
 */
function resequenceAfter(producer: ProducerRt, failed: BatchRt): void {
  const delivery = deliveryOf(producer, failed.partition);
  const shift = failed.count;
  for (const b of delivery.queued) if (b.baseSequence > failed.baseSequence) b.baseSequence -= shift;
  for (const b of delivery.sending) if (b.baseSequence > failed.baseSequence) b.baseSequence -= shift;
  delivery.nextSequence -= shift;
}

/**
 * Sends what can be sent now, oldest first: not while the partition has no leader, not beyond
 * the in-flight bound, not while the oldest batch backs off (Kafka's accumulator only ever looks
 * at the head of a partition's queue, so a retry is never overtaken by a queued batch; retries
 * reorder records only when a later batch was already in flight and succeeded). When every
 * sealed batch is out and the open batch is ready (linger.ms ran out), it is sealed and sent too;
 * while the sender has no room it keeps filling, so batches grow under back-pressure.
 */
export function drain(world: World, producer: ProducerRt, partition: number): void {
  const accumulator = producer.accumulators[partition]!;
  const delivery = deliveryOf(producer, partition);
  const queued = delivery.queued;
  const nowUs = world.scheduler.nowUs;
  const spec = producer.spec;
  const deliveryTimeoutUs = msToUs(spec.deliveryTimeoutMs);
  const openDeadlineUs = accumulator.openCount > 0 ? accumulator.records.createdAt(0) + deliveryTimeoutUs : Infinity;
  if (nowUs >= openDeadlineUs) {
    // Kafka expires the batch being filled too; every sealed batch is older, so all expire.
    sealOpenBatch(world, producer, partition);
    return;
  }
  while (queued.length > 0 && nowUs >= queued[0]!.bornUs + deliveryTimeoutUs) {
    const batch = queued.shift()!;
    failBatch(world, producer, batch, `delivery.timeout.ms (${spec.deliveryTimeoutMs} ms) passed before it was acknowledged${batch.lastError ? ` (last error: ${batch.lastError})` : ' (the partition had no leader)'}`);
  }
  const globalPartition = world.topics[producer.topicIndex]!.partitions[partition]!;
  const leader = leaderBroker(world, globalPartition);
  const acksZero = spec.acks === '0';
  let nextWakeUs = Math.min(openDeadlineUs, queued.length > 0 ? queued[0]!.bornUs + deliveryTimeoutUs : Infinity);
  while (queued.length > 0 && leader >= 0 && (acksZero || delivery.inFlight < spec.maxInFlightRequestsPerConnection)) {
    const batch = queued[0]!;
    if (batch.retryAtUs > nowUs) {
      if (batch.retryAtUs < nextWakeUs) nextWakeUs = batch.retryAtUs;
      break;
    }
    queued.shift();
    send(world, producer, batch, globalPartition, leader);
  }
  const room = leader >= 0 && (acksZero || delivery.inFlight < spec.maxInFlightRequestsPerConnection);
  const openReady = accumulator.openCount > 0 && nowUs - accumulator.lingerToken >= producer.lingerUs;
  if (queued.length === 0 && room && openReady) {
    sealOpenBatch(world, producer, partition); // drains again, sending it
    return;
  }
  if (nextWakeUs < Infinity && (queued.length > 0 || openReady)) scheduleWake(world, producer, delivery, globalPartition, nextWakeUs);
}

/** The open batch is complete: it gets its sequence numbers and goes to the sender. */
export function sealOpenBatch(world: World, producer: ProducerRt, partition: number): void {
  const accumulator = producer.accumulators[partition]!;
  const delivery = deliveryOf(producer, partition);
  const records = accumulator.records;
  const count = records.size;
  assert(count > 0 && count === accumulator.openCount, () => `${producer.spec.id}: sealing an open batch of ${count} records (open count ${accumulator.openCount})`);
  const batch = acquireBatch(world, producer, partition, count);
  const nowUs = world.scheduler.nowUs;
  const reason = sealReason(world, producer, accumulator.openBytes, records.createdAt(0));
  for (let i = 0; i < count; i++) {
    batch.ids[i] = records.idAt(i);
    batch.keys[i] = records.keyAt(i);
    batch.createdUs[i] = records.createdAt(i);
    trailAdd(world.trail, TrailKind.batched, nowUs, -1, batch.ids[i]!, 0, producer.index, reason, count);
  }
  batch.bornUs = batch.createdUs[0]!;
  records.drop(count);
  accumulator.openCount = 0;
  accumulator.openBytes = 0;
  if (producer.spec.enableIdempotence) {
    batch.baseSequence = delivery.nextSequence;
    delivery.nextSequence += count;
  }
  delivery.heldRecords += count;
  delivery.queued.push(batch);
  drain(world, producer, partition);
}

/** Why the open batch is sealed now (for the message inspector): full, linger over, or expired. */
function sealReason(world: World, producer: ProducerRt, openBytes: number, oldestCreatedUs: number): number {
  if (openBytes + producer.recordSizeBytes > producer.spec.batchSize) return BatchReason.full;
  if (world.scheduler.nowUs >= oldestCreatedUs + msToUs(producer.spec.deliveryTimeoutMs)) return BatchReason.expired;
  return BatchReason.linger;
}

function send(world: World, producer: ProducerRt, batch: BatchRt, globalPartition: number, leader: number): void {
  const nowUs = world.scheduler.nowUs;
  const delivery = deliveryOf(producer, batch.partition);
  batch.attempts++;
  batch.sentTo = leader;
  batch.sentAtUs = nowUs;
  batch.state = 'sending';
  batch.acks = producer.spec.acks;
  if (batch.attempts > 1) producer.delivery.retried += batch.count;
  if (batch.acks === '0') {
    // Fire and forget: acknowledged as it leaves; whatever does not arrive is lost.
    world.acknowledged += batch.count;
    producer.delivery.acknowledged += batch.count;
    world.topics[producer.topicIndex]!.acknowledged += batch.count;
    world.partitions[globalPartition]!.owedInFlight += batch.count;
    delivery.heldRecords -= batch.count;
  } else {
    delivery.inFlight++;
  }
  delivery.sending.push(batch);
  world.scheduler.schedule(nowUs + world.networkLatencyUs, EventKind.batchAppend, producer.index, globalPartition);
}

function scheduleWake(world: World, producer: ProducerRt, delivery: AccumulatorDeliveryRt, globalPartition: number, atUs: number): void {
  if (delivery.wakeAtUs > world.scheduler.nowUs && delivery.wakeAtUs <= atUs) return; // an earlier wake-up will look again
  delivery.wakeAtUs = atUs;
  world.scheduler.schedule(atUs, EventKind.producerWake, producer.index, globalPartition);
}

/** A back-off ended or a delivery timeout is due: look at the accumulator again. */
export function onProducerWake(world: World, producer: ProducerRt, globalPartition: number): void {
  const partition = world.partitions[globalPartition]!.partition;
  const delivery = deliveryOf(producer, partition);
  if (delivery.wakeAtUs !== world.scheduler.nowUs) return; // superseded by an earlier wake-up
  delivery.wakeAtUs = -1;
  drain(world, producer, partition);
}

/** The partition has a leader again (or a new one): every producer of its topic may send. */
export function drainPartition(world: World, globalPartition: number): void {
  const log = world.partitions[globalPartition]!;
  for (const producer of world.producers) {
    if (producer.topicIndex === log.topicIndex) drain(world, producer, log.partition);
  }
}
