import type { GroupRt, World } from '../world';

/**
 * What must hold of a group's failure handling after every event (called by
 * testing/invariants.ts). Returns the first violation as a sentence, or null.
 */
export function checkDeliveryInvariants(world: World, group: GroupRt): string | null {
  const id = group.spec.id;
  const delivery = group.delivery;
  let records = 0;
  let unsettled = 0;
  for (const queue of delivery.retryQueues) {
    records += queue.size;
    unsettled += queue.countUnsettled();
    if (queue.busy && queue.size === 0) return `group ${id}: retry topic ${queue.name} is processing a record it does not hold`;
  }
  if (records !== delivery.retryRecords) return `group ${id}: retry topics hold ${records} records but retryRecords is ${delivery.retryRecords}`;
  if (unsettled !== delivery.retryPending) return `group ${id}: retry topics hold ${unsettled} records without a fate but retryPending is ${delivery.retryPending}`;
  for (const [p, failed] of delivery.failing) {
    if (group.owner[p]! < 0) return `group ${id}: partition ${p} has no owner but a failed-record tracker entry`;
    if (failed.attempts < 1 || failed.attempts >= group.spec.retry.maxAttempts) {
      return `group ${id}: partition ${p} tracks ${failed.attempts} failed attempts (maxAttempts ${group.spec.retry.maxAttempts})`;
    }
  }
  if (group.deadLettered > delivery.deadLetters.count) {
    return `group ${id}: ${group.deadLettered} records dead-lettered but the dead-letter topics hold ${delivery.deadLetters.count}`;
  }
  if (delivery.deadLetters.replayedUpTo > delivery.deadLetters.count) return `group ${id}: replayed more dead letters than exist`;
  if (delivery.processedMoreThanOnce > group.duplicates) {
    return `group ${id}: ${delivery.processedMoreThanOnce} records processed more than once but only ${group.duplicates} duplicates`;
  }
  if (delivery.skipped > group.lost) return `group ${id}: ${delivery.skipped} records skipped after failing but only ${group.lost} lost`;
  if (delivery.dedupe !== null) {
    if (delivery.dedupe.size > delivery.dedupe.capacity) return `group ${id}: the dedupe store holds more ids than its window`;
    // The idempotent consumer's promise: until its window forgets an id, no effect runs twice.
    if (delivery.dedupe.evicted === 0 && group.duplicates > 0) return `group ${id} is idempotent but processed ${group.duplicates} records again`;
  }
  // Every completion and every failed attempt ends one delivery.
  if (group.delivered < group.processed + group.duplicates + delivery.failedAttempts) {
    return `group ${id}: delivered ${group.delivered} < processed ${group.processed} + duplicates ${group.duplicates} + failed attempts ${delivery.failedAttempts}`;
  }
  return null;
}
