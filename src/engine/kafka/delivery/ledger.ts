import { assert } from '../../kernel/assert';
import type { GroupRt, World } from '../world';

/**
 * The per-record fate ledger of a consumer group, per log entry (a partition offset):
 *
 * - **fate**, decided once, when the group's `settledUpTo` passes the entry: processed,
 *   dead-lettered, lost (skipped with no DLT, or committed past unprocessed), or handed to a
 *   retry topic (then pending until the retry copy's fate is decided);
 * - **effects**: how many times its processing completed. One is the rule, so the ledger keeps
 *   only the exceptions, per partition: entries settled with no effect yet (`noEffect`), and
 *   entries whose effect ran two or more times (`multi`, with the count). `duplicates` counts
 *   completions beyond the first; `processedMoreThanOnce` counts entries that reached two.
 *
 * Memory: `multi` is pruned below each log's memory start (those entries can never be
 * delivered again); `noEffect` holds at most the group's failed records (bounded by the DLT and
 * retry-topic limits), and in in-place mode is pruned the same way.
 */

/** The entry at settledUpTo gets its fate: settledUpTo moves past it. */
function settleNext(group: GroupRt, globalPartition: number, offset: number): void {
  const settled = group.settledUpTo[globalPartition]!;
  assert(offset === settled, () => `group ${group.spec.id} settled offset ${offset} of partition ${globalPartition} before ${settled}`);
  group.settledUpTo[globalPartition] = offset + 1;
}

/** Whether the entry already has a fate (it is below settledUpTo). */
export function isSettled(group: GroupRt, globalPartition: number, offset: number): boolean {
  return offset < group.settledUpTo[globalPartition]!;
}

/** Processing of a log entry delivered from the partition completed successfully (`recordId` matters only to a dedupe store). */
export function completeFromLog(world: World, group: GroupRt, globalPartition: number, offset: number, recordId: number, createdAtUs: number): void {
  if (isSettled(group, globalPartition, offset)) {
    addEffect(group, globalPartition, offset);
  } else {
    settleNext(group, globalPartition, offset);
    group.processed++;
    world.latency.record(world.scheduler.nowUs - createdAtUs);
  }
  group.delivery.dedupe?.add(recordId);
}

/**
 * A retry-topic copy of an entry completed. Its fate is decided now unless a redelivered copy
 * already decided it (`settledBefore`).
 */
export function completeFromRetry(world: World, group: GroupRt, globalPartition: number, offset: number, recordId: number, createdAtUs: number, settledBefore: boolean, detached: boolean): void {
  // A detached copy's entry is gone from the log: its effect is not tied to an offset any more.
  if (!detached) addEffect(group, globalPartition, offset);
  if (!settledBefore) {
    group.delivery.retryPending--;
    group.processed++;
    world.latency.record(world.scheduler.nowUs - createdAtUs);
  }
  group.delivery.dedupe?.add(recordId);
}

/**
 * The idempotent consumer skipped an entry whose record it has processed already (under
 * another offset, e.g. a replayed or re-sent copy): a new entry is settled as processed, since
 * the record's effect exists; a redelivered one changes nothing.
 */
export function skipFromLog(group: GroupRt, globalPartition: number, offset: number): void {
  group.delivery.skippedDuplicates++;
  if (isSettled(group, globalPartition, offset)) return;
  settleNext(group, globalPartition, offset);
  group.processed++;
}

/** The same for a retry-topic copy. */
export function skipFromRetry(group: GroupRt, settledBefore: boolean): void {
  group.delivery.skippedDuplicates++;
  if (settledBefore) return;
  group.delivery.retryPending--;
  group.processed++;
}

/**
 * The entry leaves the partition without an effect: to a retry topic (`fate` "retry": pending
 * until its copy settles), to the dead-letter topic, or skipped (no DLT: lost). Returns whether
 * this decided the entry's fate (false for a redelivered entry that already had one).
 */
export function settleWithoutEffect(group: GroupRt, globalPartition: number, offset: number, fate: 'retry' | 'dead-lettered' | 'skipped'): boolean {
  if (isSettled(group, globalPartition, offset)) return false;
  settleNext(group, globalPartition, offset);
  noEffectSet(group, globalPartition).add(offset);
  if (fate === 'retry') group.delivery.retryPending++;
  else countFinal(group, fate);
  return true;
}

/** A retry-topic copy whose entry was pending ends without an effect: dead-lettered or skipped. */
export function finishRetryWithoutEffect(group: GroupRt, fate: 'dead-lettered' | 'skipped'): void {
  group.delivery.retryPending--;
  countFinal(group, fate);
}

function countFinal(group: GroupRt, fate: 'dead-lettered' | 'skipped'): void {
  if (fate === 'dead-lettered') {
    group.deadLettered++;
  } else {
    group.lost++;
    group.delivery.skipped++;
  }
}

/** One more completed processing of an entry that was settled before. */
function addEffect(group: GroupRt, globalPartition: number, offset: number): void {
  const delivery = group.delivery;
  const noEffect = delivery.noEffect.get(globalPartition);
  if (noEffect !== undefined && noEffect.delete(offset)) return; // its first effect
  let multi = delivery.duplicated.get(globalPartition);
  if (multi === undefined) {
    multi = new Map();
    delivery.duplicated.set(globalPartition, multi);
  }
  const before = multi.get(offset) ?? 1;
  multi.set(offset, before + 1);
  group.duplicates++;
  if (before === 1) delivery.processedMoreThanOnce++;
}

function noEffectSet(group: GroupRt, globalPartition: number): Set<number> {
  let set = group.delivery.noEffect.get(globalPartition);
  if (set === undefined) {
    set = new Set();
    group.delivery.noEffect.set(globalPartition, set);
  }
  return set;
}

/** Forgets ledger exceptions of entries no group can be handed again (below the log's memory start). */
export function pruneLedgers(world: World): void {
  for (const group of world.groups) {
    const delivery = group.delivery;
    for (const [globalPartition, multi] of delivery.duplicated) {
      const start = world.partitions[globalPartition]!.memoryStartOffset;
      for (const offset of multi.keys()) if (offset < start) multi.delete(offset);
    }
    // A retry-topic copy may still complete an entry long trimmed from the log.
    if (group.spec.retry.mode === 'retry-topics') continue;
    for (const [globalPartition, noEffect] of delivery.noEffect) {
      const start = world.partitions[globalPartition]!.memoryStartOffset;
      for (const offset of noEffect) if (offset < start) noEffect.delete(offset);
    }
  }
}

/**
 * The partition's log was cut back to `toOffset` (an unclean leader election; truncation.ts
 * rewinds the group's settledUpTo). Entries from there on are gone and their offsets will name
 * new records, so their ledger exceptions go, and retry-topic copies of them are detached.
 */
export function forgetTruncatedEntries(group: GroupRt, globalPartition: number, toOffset: number): void {
  const delivery = group.delivery;
  const multi = delivery.duplicated.get(globalPartition);
  if (multi !== undefined) for (const offset of multi.keys()) if (offset >= toOffset) multi.delete(offset);
  const noEffect = delivery.noEffect.get(globalPartition);
  if (noEffect !== undefined) for (const offset of noEffect) if (offset >= toOffset) noEffect.delete(offset);
  for (const queue of delivery.retryQueues) if (queue.sourcePartition === globalPartition) queue.detachFrom(toOffset);
}
