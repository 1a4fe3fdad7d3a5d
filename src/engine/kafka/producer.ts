import { msToUs } from '../kernel/time';
import { LimitError } from '../kernel/assert';
import { EventKind } from './eventKinds';
import { onHighWatermarkAdvanced } from './consumer';
import type { ProducerRt, World } from './world';

/**
 * The producer's rules: arrivals of records from the application, the accumulator's batching
 * (linger.ms and batch.size), and the leader appending a batch when it arrives.
 *
 * Lifecycle of a record here: created by send() → waits in the open batch of its partition →
 * the batch is sent (linger ran out or the batch is full) → in flight for one network latency →
 * appended by the leader, which acknowledges it.
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
  if (accumulator.records.isFull) {
    // buffer.memory is exhausted: Kafka blocks send() for max.block.ms and then throws.
    world.failedSends++;
  } else {
    const nowUs = world.scheduler.nowUs;
    accumulator.records.push(world.nextRecordId++, keyIndex, nowUs);
    accumulator.openCount++;
    accumulator.openBytes += producer.recordSizeBytes;
    const batchFull = accumulator.openBytes + producer.recordSizeBytes > producer.spec.batchSize;
    if (keyIndex < 0) producer.sticky.onAppend(producer.recordSizeBytes, batchFull);
    if (batchFull || producer.lingerUs === 0) {
      sendOpenBatch(world, producer, partition);
    } else if (accumulator.openCount === 1) {
      world.scheduler.schedule(
        nowUs + producer.lingerUs,
        EventKind.lingerExpired,
        producer.index,
        topic.partitions[partition]!,
      );
      accumulator.lingerToken = world.scheduler.nowUs;
    }
  }
  scheduleNextArrival(world, producer, true);
}

/** linger.ms ran out for the open batch of a partition: send it. */
export function onLingerExpired(world: World, producer: ProducerRt, globalPartition: number): void {
  const partition = world.partitions[globalPartition]!.partition;
  const accumulator = producer.accumulators[partition]!;
  // The timer belongs to the batch opened at lingerToken; if that batch was already sent (it
  // filled up), a newer batch may be open with its own timer.
  if (accumulator.openCount === 0) return;
  if (world.scheduler.nowUs - accumulator.lingerToken < producer.lingerUs) return;
  sendOpenBatch(world, producer, partition);
}

function sendOpenBatch(world: World, producer: ProducerRt, partition: number): void {
  const accumulator = producer.accumulators[partition]!;
  accumulator.inFlight.push(accumulator.openCount);
  accumulator.openCount = 0;
  accumulator.openBytes = 0;
  const globalPartition = world.topics[producer.topicIndex]!.partitions[partition]!;
  world.scheduler.schedule(
    world.scheduler.nowUs + world.networkLatencyUs,
    EventKind.batchAppend,
    producer.index,
    globalPartition,
  );
}

/** The oldest in-flight batch reaches the partition leader, which appends and acknowledges it. */
export function onBatchAppend(world: World, producer: ProducerRt, globalPartition: number): void {
  const log = world.partitions[globalPartition]!;
  const accumulator = producer.accumulators[log.partition]!;
  const count = accumulator.inFlight.shift()!;
  const records = accumulator.records;
  if (world.retainedRecords + count > world.retainedRecordsMax) {
    throw new LimitError(
      'retainedRecordsMax',
      world.retainedRecordsMax,
      'the logs hold more unconsumed records than the simulator keeps in memory; ' +
        'lower the produce rate, add consumers or shorten the run',
    );
  }
  for (let i = 0; i < count; i++) {
    log.append(records.idAt(i), records.keyAt(i), records.createdAt(i));
  }
  records.drop(count);
  world.retainedRecords += count;
  // Without replication every append is immediately visible and acknowledged.
  log.highWatermark = log.logEndOffset;
  world.acknowledged += count;
  world.topics[log.topicIndex]!.acknowledged += count;
  onHighWatermarkAdvanced(world, globalPartition);
}
