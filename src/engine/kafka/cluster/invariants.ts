import { producerBuffered } from './metrics';
import { describePartition } from './describe';
import { inSyncCount } from './highWatermark';
import type { World } from '../world';

/**
 * What must hold of the cluster and the producers after every event (checked by
 * testing/invariants.ts when checkInvariants is on). Returns the first violation, or null.
 */
export function checkClusterInvariants(world: World): string | null {
  const cluster = world.cluster;
  if (cluster.partitions.length !== world.partitions.length) {
    return `${world.partitions.length} partitions but ${cluster.partitions.length} have replicas`;
  }
  const owedByTopic = world.topics.map(() => 0);
  for (let p = 0; p < world.partitions.length; p++) {
    const log = world.partitions[p]!;
    const repl = cluster.partitions[p]!;
    // Checked after every event: build the partition's name only for a violation.
    const where = () => describePartition(world, p);
    const isrSize = inSyncCount(repl);
    if (isrSize === 0) return `${where()}: the ISR is empty`;
    if (repl.leader >= 0) {
      const leader = repl.replicas[repl.leader]!;
      if (!cluster.brokers[leader.broker]!.up) return `${where()}: leader ${leader.broker} is down`;
      if (!leader.inSync) return `${where()}: leader ${leader.broker} is not in the ISR`;
      if (leader.logEndOffset !== log.logEndOffset) return `${where()}: the leader's log end ${leader.logEndOffset} ≠ the log's ${log.logEndOffset}`;
      for (const r of repl.replicas) {
        if (r.inSync && r.fetchOffset < log.highWatermark) return `${where()}: ISR member ${r.broker} has ${r.fetchOffset} < high watermark ${log.highWatermark}`;
      }
    } else if (repl.purgatory.length > 0) {
      return `${where()}: offline with ${repl.purgatory.length} writes waiting`;
    }
    for (const r of repl.replicas) {
      if (r.fetchOffset > r.logEndOffset) return `${where()}: broker ${r.broker}'s fetch offset ${r.fetchOffset} > its log end ${r.logEndOffset}`;
      if (cluster.brokers[r.broker]!.up && r.logEndOffset > log.logEndOffset) return `${where()}: broker ${r.broker} has ${r.logEndOffset} records, more than the log's ${log.logEndOffset}`;
      if (!cluster.brokers[r.broker]!.up && r.inSync && isrSize > 1) return `${where()}: crashed broker ${r.broker} is still in the ISR`;
    }
    if (log.owedAboveHighWatermark < 0 || log.owedInFlight < 0) return `${where()}: negative owed counts`;
    const owedAbove = log.countOwed(log.highWatermark, log.logEndOffset);
    if (owedAbove !== log.owedAboveHighWatermark) return `${where()}: ${owedAbove} owed entries above the high watermark, counted ${log.owedAboveHighWatermark}`;
    owedByTopic[log.topicIndex]! += log.highWatermark + log.owedAboveHighWatermark + log.owedInFlight + log.owedRemoved;
  }
  for (const topic of world.topics) {
    // Every record a group is owed is below the high watermark, owed above it, on the wire, or gone.
    if (topic.acknowledged !== owedByTopic[topic.index]) {
      return `topic ${topic.name}: owed ${topic.acknowledged} ≠ below high watermarks + owed above + in flight + removed = ${owedByTopic[topic.index]}`;
    }
  }
  let buffered = 0;
  for (const producer of world.producers) {
    buffered += producerBuffered(producer);
    for (const acc of producer.accumulators) {
      const d = acc.delivery;
      if (d === undefined) return `producer ${producer.spec.id}: an accumulator has no delivery state`;
      if (acc.openCount !== acc.records.size) return `producer ${producer.spec.id}: open count ${acc.openCount} ≠ open records ${acc.records.size}`;
      if (d.inFlight < 0 || d.inFlight > producer.spec.maxInFlightRequestsPerConnection) {
        return `producer ${producer.spec.id}: ${d.inFlight} requests in flight (max.in.flight.requests.per.connection is ${producer.spec.maxInFlightRequestsPerConnection})`;
      }
      if (acc.records.size + d.heldRecords > d.heldRecordsMax) return `producer ${producer.spec.id}: holds more records than buffer.memory allows`;
    }
  }
  if (world.produced !== world.acknowledged + world.failedSends + buffered) {
    return `produced ${world.produced} ≠ acknowledged ${world.acknowledged} + failed ${world.failedSends} + held by producers ${buffered}`;
  }
  return null;
}
