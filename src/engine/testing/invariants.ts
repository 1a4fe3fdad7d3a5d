import type { World } from '../kafka/world';
import { groupAcknowledged, groupPending } from '../metrics/summary';
import { coordinatorState } from '../kafka/group/coordinator';

/**
 * What must hold after every event, whatever the scenario, seed or faults. Returns the first
 * violation as a sentence, or null. The property tests and the swarm call it after each event.
 */
export function checkInvariants(world: World): string | null {
  let highWatermarks = 0;
  let retained = 0;
  for (const log of world.partitions) {
    const where = `${world.topics[log.topicIndex]!.name}-${log.partition}`;
    if (!(log.logStartOffset <= log.memoryStartOffset && log.memoryStartOffset <= log.highWatermark && log.highWatermark <= log.logEndOffset)) {
      return `${where}: expected logStart ≤ memoryStart ≤ HW ≤ LEO, got ${log.logStartOffset} ≤ ${log.memoryStartOffset} ≤ ${log.highWatermark} ≤ ${log.logEndOffset}`;
    }
    highWatermarks += log.highWatermark;
    retained += log.retainedCount;
  }
  if (retained !== world.retainedRecords) return `retainedRecords is ${world.retainedRecords} but the logs hold ${retained}`;

  let inAccumulators = 0;
  for (const producer of world.producers) {
    for (const acc of producer.accumulators) {
      inAccumulators += acc.records.size;
      const inFlight = acc.inFlight.reduce((sum, n) => sum + n, 0);
      if (inFlight + acc.openCount !== acc.records.size) {
        return `producer ${producer.spec.id}: batches in flight (${inFlight}) + open (${acc.openCount}) ≠ records held (${acc.records.size})`;
      }
    }
  }
  if (world.produced !== world.acknowledged + world.failedSends + inAccumulators) {
    return `produced ${world.produced} ≠ acknowledged ${world.acknowledged} + failed ${world.failedSends} + in accumulators ${inAccumulators}`;
  }
  // Without replication every acknowledged record is below some high watermark and vice versa.
  if (world.acknowledged !== highWatermarks) return `acknowledged ${world.acknowledged} ≠ records below the high watermarks ${highWatermarks}`;

  for (const group of world.groups) {
    const id = group.spec.id;
    for (const t of group.topicIndexes) {
      for (const p of world.topics[t]!.partitions) {
        const log = world.partitions[p]!;
        const where = `group ${id}, ${world.topics[t]!.name}-${log.partition}`;
        const committed = group.committed[p]!;
        const position = group.position[p]!;
        const settled = group.settledUpTo[p]!;
        if (committed > log.highWatermark) return `${where}: committed ${committed} > high watermark ${log.highWatermark}`;
        if (position > log.highWatermark) return `${where}: position ${position} > high watermark ${log.highWatermark}`;
        if (settled > log.highWatermark) return `${where}: settled ${settled} > high watermark ${log.highWatermark}`;
        const owner = group.owner[p]!;
        if (owner >= 0 && !world.consumers[owner]!.assigned.includes(p)) return `${where}: owner c${owner} does not list it`;
      }
    }
    const owners = new Map<number, number>();
    for (const c of group.members) {
      const consumer = world.consumers[c]!;
      for (const p of consumer.assigned) {
        if (owners.has(p)) return `group ${id}: partition ${p} owned by consumers ${owners.get(p)} and ${c}`;
        owners.set(p, c);
        if (group.owner[p] !== c) return `group ${id}: consumer ${consumer.name} holds partition ${p} but the owner is ${group.owner[p]}`;
      }
    }
    // A stable group whose live members all hold their final assignment owns every partition once.
    const live = group.members.map((c) => world.consumers[c]!).filter((c) => c.state !== 'dead');
    const settledMembers = live.every((c) => c.membership === 'stable' && c.pendingAssignment === null && !c.rejoinNeeded);
    if (coordinatorState(group) === 'Stable' && live.length > 0 && settledMembers && group.coordinator.members.length === live.length) {
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
  }
  return null;
}
