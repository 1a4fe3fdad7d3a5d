import type { ProducerRt, World } from '../world';
import type { BatchRt } from './types';

/**
 * Sealed batches are pooled per producer: a batch returns to the pool when it is acknowledged,
 * fails for good, or (acks=0) has been delivered, so the steady state allocates nothing. The
 * pool holds at most the batches that were alive at once, which buffer.memory bounds.
 */
export function acquireBatch(world: World, producer: ProducerRt, partition: number, count: number): BatchRt {
  const batch = producer.delivery.pool.pop() ?? newBatch(count);
  if (batch.ids.length < count) {
    const capacity = Math.max(count, batch.ids.length * 2);
    batch.ids = new Float64Array(capacity);
    batch.keys = new Int32Array(capacity);
    batch.createdUs = new Float64Array(capacity);
  }
  batch.serial = world.cluster.nextBatchSerial++;
  batch.state = 'queued';
  batch.producer = producer.index;
  batch.partition = partition;
  batch.count = count;
  batch.bornUs = 0;
  batch.attempts = 0;
  batch.sentTo = -1;
  batch.sentAtUs = 0;
  batch.retryAtUs = 0;
  batch.baseSequence = -1;
  batch.writtenEnd = -1;
  batch.lastError = '';
  batch.acks = producer.spec.acks;
  return batch;
}

export function releaseBatch(producer: ProducerRt, batch: BatchRt): void {
  batch.state = 'done';
  producer.delivery.pool.push(batch);
}

function newBatch(count: number): BatchRt {
  const capacity = Math.max(count, 4);
  return {
    serial: 0,
    state: 'queued',
    producer: 0,
    partition: 0,
    count: 0,
    ids: new Float64Array(capacity),
    keys: new Int32Array(capacity),
    createdUs: new Float64Array(capacity),
    bornUs: 0,
    attempts: 0,
    sentTo: -1,
    sentAtUs: 0,
    retryAtUs: 0,
    baseSequence: -1,
    writtenEnd: -1,
    lastError: '',
    acks: 'all',
  };
}
