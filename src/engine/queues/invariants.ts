import { SlotState } from './messagePool';
import { depthOf } from './enqueue';
import type { QueueWorld } from './types';

/**
 * What must hold in the queue brokers after every event; the first violation as a sentence, or
 * null. Per queue, every copy that arrived has exactly one fate or place:
 * published = acked + depth + inFlight + deadLettered + expired + dropped + rejected + deduplicated.
 * Scans the whole pool, so it is for tests and the swarm (checkInvariants), not for normal runs.
 */
export function checkQueueInvariants(qw: QueueWorld): string | null {
  const pool = qw.pool;
  const readyByQueue = new Array<number>(qw.queues.length).fill(0);
  const inFlightByQueue = new Array<number>(qw.queues.length).fill(0);
  const holdersBySlot = new Map<number, number>();
  let used = 0;
  for (let slot = 0; slot < pool.state.length; slot++) {
    const state = pool.state[slot]!;
    if (state === SlotState.free) continue;
    used++;
    if (state === SlotState.ready) readyByQueue[pool.queue[slot]!]!++;
    else if (state === SlotState.inFlight) inFlightByQueue[pool.queue[slot]!]!++;
    else if (pool.holders[slot] === 0) return `slot ${slot} is gone from queue ${qw.queues[pool.queue[slot]!]!.name} but nobody holds it and it was not freed`;
  }
  if (used !== pool.used) return `the message pool counts ${pool.used} slots in use but ${used} are`;

  for (const worker of qw.workers) {
    const held: number[] = [];
    if (worker.current >= 0) held.push(worker.current);
    for (let i = 0; i < worker.buffer.size; i++) held.push(worker.buffer.at(i));
    if (!worker.alive && held.length > 0) return `worker ${worker.name} is down but holds ${held.length} deliveries`;
    for (const slot of held) {
      if (pool.queue[slot] !== worker.queue) return `worker ${worker.name} holds slot ${slot} of another queue`;
      holdersBySlot.set(slot, (holdersBySlot.get(slot) ?? 0) + 1);
    }
    const workerPool = worker.pool;
    const prefetch = workerPool.spec.autoAck || workerPool.spec.prefetchCount === 0 ? Infinity : workerPool.spec.prefetchCount;
    // A live set-prefetch may lower the limit below what a worker already holds: check only the declared one.
    if (qw.queues[worker.queue]!.broker === 'rabbitmq' && workerPool.prefetch === prefetch && held.length > prefetch) {
      return `worker ${worker.name} holds ${held.length} unacknowledged deliveries, more than its prefetch ${prefetch}`;
    }
  }
  for (let slot = 0; slot < pool.state.length; slot++) {
    if (pool.state[slot] === SlotState.free) continue;
    const holders = holdersBySlot.get(slot) ?? 0;
    if (pool.holders[slot] !== holders) return `slot ${slot} counts ${pool.holders[slot]} holders but ${holders} workers hold it`;
  }

  for (const q of qw.queues) {
    const depth = depthOf(q);
    if (readyByQueue[q.index] !== depth) return `queue ${q.name}: depth ${depth} but ${readyByQueue[q.index]} copies are ready`;
    if (inFlightByQueue[q.index] !== q.inFlight) return `queue ${q.name}: inFlight ${q.inFlight} but ${inFlightByQueue[q.index]} copies are in flight`;
    const fates = q.acked + depth + q.inFlight + q.deadLettered + q.expired + q.dropped + q.rejected + q.deduplicated;
    if (q.published !== fates) {
      return (
        `queue ${q.name}: published ${q.published} ≠ acked ${q.acked} + depth ${depth} + in flight ${q.inFlight} + dead-lettered ${q.deadLettered} + ` +
        `expired ${q.expired} + dropped ${q.dropped} + rejected ${q.rejected} + deduplicated ${q.deduplicated}`
      );
    }
    if (q.delivered < q.processed + q.duplicates) return `queue ${q.name}: delivered ${q.delivered} < processed ${q.processed} + duplicates ${q.duplicates}`;
    if (q.maxLength !== Infinity && q.ready.size > q.maxLength) return `queue ${q.name}: ${q.ready.size} ready messages, more than maxLength ${q.maxLength}`;
    for (let i = 0; i < q.ready.size; i++) {
      const slot = q.ready.at(i);
      if (pool.state[slot] !== SlotState.ready || pool.queue[slot] !== q.index) return `queue ${q.name}: slot ${slot} in its ready list is not a ready copy of it`;
    }
    if (q.fifo !== null) {
      const inFlightByGroup = new Map<number, number>();
      for (let slot = 0; slot < pool.state.length; slot++) {
        if (pool.state[slot] === SlotState.inFlight && pool.queue[slot] === q.index) inFlightByGroup.set(pool.group[slot]!, (inFlightByGroup.get(pool.group[slot]!) ?? 0) + 1);
      }
      for (const g of q.fifo.groupsInUse()) {
        const inFlight = inFlightByGroup.get(g) ?? 0;
        if (q.fifo.inFlight(g) !== inFlight) return `FIFO queue ${q.name}: group ${qw.groupNames[g]} counts ${q.fifo.inFlight(g)} in flight but ${inFlight} are`;
        if (inFlight > 0 && q.fifo.isActive(g)) return `FIFO queue ${q.name}: group ${qw.groupNames[g]} is deliverable while ${inFlight} of its messages are in flight`;
        if (inFlight === 0 && q.fifo.backlogSize(g) > 0 && !q.fifo.isActive(g)) return `FIFO queue ${q.name}: group ${qw.groupNames[g]} has a backlog and nothing in flight but is not deliverable`;
      }
    }
  }
  return null;
}
