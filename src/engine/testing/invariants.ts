import type { World } from '../kafka/world';
import { groupAcknowledged, groupPending } from '../metrics/summary';
import { coordinatorState } from '../kafka/group/coordinator';
import { checkDeliveryInvariants } from '../kafka/delivery/invariants';
import { checkClusterInvariants } from '../kafka/cluster/invariants';
import { checkQueueInvariants } from '../queues/invariants';

/**
 * What must hold after every event, whatever the scenario, seed or faults. Returns the first
 * violation as a sentence, or null. The property tests and the swarm call it after each event.
 */
export function checkInvariants(world: World): string | null {
  let retained = 0;
  for (const log of world.partitions) {
    if (!(log.logStartOffset <= log.memoryStartOffset && log.memoryStartOffset <= log.highWatermark && log.highWatermark <= log.logEndOffset)) {
      return `${world.topics[log.topicIndex]!.name}-${log.partition}: expected logStart ≤ memoryStart ≤ HW ≤ LEO, got ${log.logStartOffset} ≤ ${log.memoryStartOffset} ≤ ${log.highWatermark} ≤ ${log.logEndOffset}`;
    }
    retained += log.retainedCount;
  }
  if (retained !== world.retainedRecords) return `retainedRecords is ${world.retainedRecords} but the logs hold ${retained}`;

  // Replicas, ISR, high watermarks, the producers' batches and what the logs owe the groups.
  const clusterViolation = checkClusterInvariants(world);
  if (clusterViolation !== null) return clusterViolation;
  // The queue-style brokers: conservation per queue, pool and worker bookkeeping (queues/invariants.ts).
  if (world.queues !== undefined) {
    const queueViolation = checkQueueInvariants(world.queues);
    if (queueViolation !== null) return queueViolation;
  }

  for (const group of world.groups) {
    const id = group.spec.id;
    for (const t of group.topicIndexes) {
      for (const p of world.topics[t]!.partitions) {
        const log = world.partitions[p]!;
        const committed = group.committed[p]!;
        const position = group.position[p]!;
        const settled = group.settledUpTo[p]!;
        if (committed > log.highWatermark) return `${groupPartition(world, id, p)}: committed ${committed} > high watermark ${log.highWatermark}`;
        if (position > log.highWatermark) return `${groupPartition(world, id, p)}: position ${position} > high watermark ${log.highWatermark}`;
        if (settled > log.highWatermark) return `${groupPartition(world, id, p)}: settled ${settled} > high watermark ${log.highWatermark}`;
        const owner = group.owner[p]!;
        if (owner >= 0 && !world.consumers[owner]!.assigned.includes(p)) return `${groupPartition(world, id, p)}: owner c${owner} does not list it`;
      }
    }
    // Each listed partition's owner is the lister, so no partition is listed by two consumers.
    // (Plain loops: this runs after every event.)
    let live = 0;
    let settledMembers = true;
    for (const c of group.members) {
      const consumer = world.consumers[c]!;
      for (const p of consumer.assigned) {
        if (group.owner[p] !== c) return `group ${id}: consumer ${consumer.name} holds partition ${p} but the owner is ${group.owner[p]}`;
      }
      if (consumer.state === 'dead') continue;
      live++;
      if (!(consumer.membership === 'stable' && consumer.pendingAssignment === null && !consumer.rejoinNeeded)) settledMembers = false;
    }
    // A stable group whose live members all hold their final assignment owns every partition once.
    if (live > 0 && settledMembers && group.coordinator.members.length === live && coordinatorState(group) === 'Stable') {
      for (const t of group.topicIndexes) {
        for (const p of world.topics[t]!.partitions) {
          if (group.owner[p]! < 0) return `group ${id} is stable but ${world.topics[t]!.name}-${world.partitions[p]!.partition} has no owner`;
        }
      }
    }
    const pending = groupPending(world, group);
    const acknowledged = groupAcknowledged(world, group);
    if (acknowledged !== group.processed + group.deadLettered + group.lost + pending) {
      return `group ${id}: acknowledged ${acknowledged} ≠ processed ${group.processed} + dead-lettered ${group.deadLettered} + lost ${group.lost} + pending ${pending}`;
    }
    if (group.delivered < group.processed + group.duplicates) {
      return `group ${id}: delivered ${group.delivered} < processed ${group.processed} + duplicates ${group.duplicates}`;
    }
    const deliveryViolation = checkDeliveryInvariants(world, group);
    if (deliveryViolation !== null) return deliveryViolation;
  }
  return null;
}

/** Names a group's partition in a violation (built only then: the checks run after every event). */
function groupPartition(world: World, groupId: string, globalPartition: number): string {
  const log = world.partitions[globalPartition]!;
  return `group ${groupId}, ${world.topics[log.topicIndex]!.name}-${log.partition}`;
}
