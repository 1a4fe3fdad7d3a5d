import { msToUs } from '../kernel/time';
import { EventKind } from './eventKinds';
import { deliveryOf, drain, sealOpenBatch } from './cluster/producerDelivery';
import { TrailKind, trailAdd } from '../events/recordTrail';
import type { ProducerRt, World } from './world';

export { onBatchAppend } from './cluster/produceRequest';

/**
 * The producer's rules: arrivals of records from the application and the accumulator's
 * batching (linger.ms and batch.size). A sealed batch goes to the sender
 * (cluster/producerDelivery.ts), which sends it to the partition's leader and retries it.
 *
 * Lifecycle of a record here: created by send() → waits in the open batch of its partition →
 * the batch is sealed (it is full, or linger ran out and the sender has room for it: until then
 * it keeps filling, as Kafka's accumulator appends to the last batch until it is drained) →
 * sent, retried, acknowledged or failed with its batch. buffer.memory bounds the records a producer holds per partition: when
 * it is full, send() fails (Kafka blocks for max.block.ms, then throws).
 */

/** Schedules the producer's first arrival (at its startMs). */
export function startProducer(world: World, producer: ProducerRt): void {
  producer.nextArrivalExactUs = msToUs(producer.spec.startMs);
  scheduleNextArrival(world, producer, false);
}

/** Changes the produce rate from now on. */
export function setProducerRate(world: World, producer: ProducerRt, ratePerSec: number): void {
  producer.ratePerSec = ratePerSec;
  producer.arrivalToken++;
  producer.nextArrivalExactUs = Math.max(world.scheduler.nowUs, msToUs(producer.spec.startMs));
  scheduleNextArrival(world, producer, false);
}

function scheduleNextArrival(world: World, producer: ProducerRt, afterAnArrival: boolean): void {
  if (producer.ratePerSec <= 0) return;
  if (afterAnArrival || producer.spec.arrival === 'poisson') {
    const meanGapUs = 1e6 / producer.ratePerSec;
    const gapUs =
      producer.spec.arrival === 'poisson' ? -meanGapUs * Math.log(1 - producer.arrivalRng.nextFloat()) : meanGapUs;
    producer.nextArrivalExactUs += gapUs;
  }
  const atUs = Math.max(world.scheduler.nowUs, Math.round(producer.nextArrivalExactUs));
  const stopMs = producer.spec.stopMs;
  if (stopMs !== null && atUs >= msToUs(stopMs)) return;
  world.scheduler.schedule(atUs, EventKind.produceArrival, producer.index, producer.arrivalToken);
}

/** The application calls send(): the record joins the open batch of the partition its key maps to. */
export function onProduceArrival(world: World, producer: ProducerRt, token: number): void {
  if (token !== producer.arrivalToken) return; // superseded by a rate change
  const topic = world.topics[producer.topicIndex]!;
  const partitionCount = topic.partitions.length;
  const keyIndex = producer.keys.next();
  const partition =
    keyIndex < 0 ? producer.sticky.partition() : producer.keys.partitionOf(keyIndex, partitionCount);
  world.trace.mixWord(partition);
  world.produced++;

  const accumulator = producer.accumulators[partition]!;
  const records = accumulator.records;
  if (records.size + deliveryOf(producer, partition).heldRecords >= records.capacityMax) {
    // buffer.memory is exhausted: Kafka blocks send() for max.block.ms and then throws.
    world.failedSends++;
    producer.delivery.failed++;
  } else {
    const nowUs = world.scheduler.nowUs;
    trailAdd(world.trail, TrailKind.produced, nowUs, -1, world.nextRecordId, 0, producer.index, topic.partitions[partition]!, keyIndex);
    records.push(world.nextRecordId++, keyIndex, nowUs);
    accumulator.openCount++;
    accumulator.openBytes += producer.recordSizeBytes;
    const batchFull = accumulator.openBytes + producer.recordSizeBytes > producer.spec.batchSize;
    if (keyIndex < 0) producer.sticky.onAppend(producer.recordSizeBytes, batchFull);
    if (accumulator.openCount === 1) accumulator.lingerToken = nowUs;
    if (batchFull) {
      sealOpenBatch(world, producer, partition);
    } else if (producer.lingerUs === 0) {
      drain(world, producer, partition); // ready at once: sent if the sender has room, else it keeps filling
    } else if (accumulator.openCount === 1) {
      world.scheduler.schedule(nowUs + producer.lingerUs, EventKind.lingerExpired, producer.index, topic.partitions[partition]!);
    }
  }
  scheduleNextArrival(world, producer, true);
}

/** linger.ms ran out for the open batch of a partition: it is ready, and goes as soon as the sender has room. */
export function onLingerExpired(world: World, producer: ProducerRt, globalPartition: number): void {
  const partition = world.partitions[globalPartition]!.partition;
  const accumulator = producer.accumulators[partition]!;
  // The timer belongs to the batch opened at lingerToken; if that batch was already sealed (it
  // filled up), a newer batch may be open with its own timer.
  if (accumulator.openCount === 0) return;
  if (world.scheduler.nowUs - accumulator.lingerToken < producer.lingerUs) return;
  drain(world, producer, partition);
}
