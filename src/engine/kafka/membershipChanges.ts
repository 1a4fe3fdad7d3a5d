import { msToUs } from '../kernel/time';
import { makeSampler } from '../kernel/distributions';
import { createRng } from '../kernel/rng';
import { EventKind } from './eventKinds';
import { createConsumer } from './build';
import { PartitionLog } from './partitionLog';
import { RecordQueue } from './recordQueue';
import { crashConsumer, leaveConsumer, restartConsumer, startConsumer } from './group/member';
import { coordinatorState, onMetadataChanged } from './group/coordinator';
import type { Distribution } from '../kernel/distributions';
import type { ConsumerRt, GroupRt, World } from './world';

/**
 * Changes to who consumes and what there is to consume: consumers crash, restart, leave, join
 * or slow down; topics gain partitions. Each is a fault in a scenario or a live `sim.apply`.
 */

export function findConsumer(group: GroupRt, world: World, memberIndex: number): ConsumerRt | undefined {
  const index = group.members[memberIndex];
  return index === undefined ? undefined : world.consumers[index];
}

export function crash(world: World, group: GroupRt, consumer: ConsumerRt, restartAfterMs: number | null): void {
  crashConsumer(world, group, consumer);
  if (restartAfterMs !== null && !consumer.permanentlyStopped) {
    world.scheduler.schedule(world.scheduler.nowUs + msToUs(restartAfterMs), EventKind.consumerRestart, consumer.index, consumer.epoch);
  }
}

export function onConsumerRestart(world: World, consumer: ConsumerRt, epoch: number): void {
  if (epoch !== consumer.epoch || consumer.permanentlyStopped) return;
  restartConsumer(world, world.groups[consumer.groupIndex]!, consumer);
}

export function leave(world: World, group: GroupRt, consumer: ConsumerRt): void {
  leaveConsumer(world, group, consumer);
}

/** New consumer processes start in the group and join it. */
export function addConsumers(world: World, group: GroupRt, count: number): ConsumerRt[] {
  const added: ConsumerRt[] = [];
  for (let i = 0; i < count; i++) {
    const consumer = createConsumer(world.seed, group.spec, world.consumers.length, group.index, group.members.length);
    world.consumers.push(consumer);
    group.members.push(consumer.index);
    world.log.add(world.scheduler.nowUs, 'consumer.added', group.spec.id, `${consumer.name} started and joins group ${group.spec.id}.`);
    startConsumer(world, group, consumer);
    added.push(consumer);
  }
  return added;
}

/** The consumer's processing time follows `processingMs` (for durationMs, or until changed again). */
export function slowDown(world: World, group: GroupRt, consumer: ConsumerRt, processingMs: Distribution, durationMs: number | null): void {
  const nowUs = world.scheduler.nowUs;
  consumer.slowToken++;
  consumer.processingMs = makeSampler(processingMs, createRng(world.seed, `group:${group.spec.id}:${consumer.name}:slow@${nowUs}`));
  world.log.add(nowUs, 'consumer.slowed', group.spec.id, `${consumer.name} slowed down${durationMs === null ? '' : ` for ${durationMs} ms`}.`);
  if (durationMs !== null) {
    world.scheduler.schedule(nowUs + msToUs(durationMs), EventKind.slowEnd, consumer.index, consumer.slowToken);
  }
}

export function onSlowEnd(world: World, consumer: ConsumerRt, token: number): void {
  if (token !== consumer.slowToken) return;
  consumer.processingMs = consumer.normalProcessingMs;
  world.log.add(world.scheduler.nowUs, 'consumer.recovered', world.groups[consumer.groupIndex]!.spec.id, `${consumer.name} processes at its normal speed again.`);
}

/**
 * The topic grows to `partitions` (Kafka can only add partitions). Keys now hash over more
 * partitions, so most keys move: per-key order across the change is no longer guaranteed.
 * Clients are told at once (the model skips metadata.max.age.ms).
 */
export function growTopic(world: World, topicIndex: number, partitions: number): string | null {
  const topic = world.topics[topicIndex]!;
  const before = topic.partitions.length;
  if (partitions <= before) return `Kafka can only add partitions: ${topic.name} has ${before}, asked for ${partitions}`;
  for (let p = before; p < partitions; p++) {
    const globalIndex = world.partitions.length;
    world.partitions.push(new PartitionLog(globalIndex, topicIndex, p));
    topic.partitions.push(globalIndex);
    for (const group of world.groups) {
      group.committed.push(-1);
      group.position.push(0);
      group.owner.push(-1);
      group.settledUpTo.push(0);
      group.deliveredUpTo.push(0);
      group.pausedSinceUs.push(-1);
      group.releasedBy.push(-1);
    }
  }
  for (const producer of world.producers) {
    if (producer.topicIndex !== topicIndex) continue;
    const capacityMax = producer.accumulators[0]!.records.capacityMax;
    for (let p = before; p < partitions; p++) {
      producer.accumulators.push({
        records: new RecordQueue(capacityMax, `producer ${producer.spec.id} accumulator for ${topic.name}-${p}`),
        openCount: 0,
        openBytes: 0,
        inFlight: [],
        lingerToken: 0,
      });
    }
    producer.sticky.resize(partitions);
  }
  world.log.add(world.scheduler.nowUs, 'topic.partitionsAdded', 'cluster', `Topic ${topic.name} grew from ${before} to ${partitions} partitions: keyed records now spread over ${partitions}, so most keys move to another partition.`);
  for (const groupIndex of topic.subscribers) {
    const group = world.groups[groupIndex]!;
    if (coordinatorState(group) === 'Stable' || coordinatorState(group) === 'CompletingRebalance') {
      onMetadataChanged(world, group, topic.name);
    }
  }
  return null;
}
