import { makeSampler } from './kernel/distributions';
import { createRng } from './kernel/rng';
import { setProducerRate } from './kafka/producer';
import { addConsumers, crash, findConsumer, growTopic, leave, slowDown } from './kafka/membershipChanges';
import { addPoisonKey } from './kafka/delivery/failures';
import { replayDeadLetters } from './kafka/delivery/deadLetter';
import { applyBrokerFault } from './kafka/cluster/brokerChanges';
import { syncClusterWithTopics } from './kafka/cluster/setup';
import { applyQueueChange, QUEUE_CHANGE_TYPES, type QueueChange } from './queues/queueChanges';
import { applyConfigChange, type ConfigChange } from './configChanges';
import type { Distribution } from './kernel/distributions';
import type { FaultSpec } from './scenario';
import type { World } from './kafka/world';

/**
 * A live change to a running simulation: the same shapes as the scenario's faults (without
 * `atMs`: a change applies at the current simulated time), plus knob changes.
 */
export type Change =
  | DistributiveOmit<FaultSpec, 'atMs'>
  | { type: 'set-processing'; group: string; processingMs: Distribution }
  /** Re-publishes the group's dead-lettered records (oldest not yet replayed first, at most `limit`, default all) to their source topics. */
  | { type: 'dlq-replay'; group: string; limit?: number }
  /** The queue-style brokers' changes (worker-crash, worker-add, set-prefetch…): queues/queueChanges.ts. */
  | QueueChange
  /** Producer, topic and group configs changed live (acks, keys, min.insync.replicas, assignor, commit…): configChanges.ts. */
  | ConfigChange;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Most consumers one group may have (the scenario format's limit on `consumers`). */
const MEMBERS_MAX = 256;

export type ApplyResult = { ok: true } | { ok: false; error: string };

/** Applies a change at the current simulated time. Invalid changes are refused with a reason. */
export function applyChange(world: World, change: Change): ApplyResult {
  const nowUs = world.scheduler.nowUs;
  switch (change.type) {
    case 'set-rate': {
      const producer = world.producers.find((p) => p.spec.id === change.producer);
      if (!producer) return refuse(`no producer "${change.producer}"`);
      if (!(change.ratePerSec >= 0 && change.ratePerSec <= 1_000_000)) {
        return refuse(`ratePerSec must be between 0 and 1000000, got ${change.ratePerSec}`);
      }
      setProducerRate(world, producer, change.ratePerSec);
      world.log.add(nowUs, 'producer.rateChanged', producer.spec.id, `Producer ${producer.spec.id} now sends ${change.ratePerSec} records/s.`);
      return { ok: true };
    }
    case 'set-processing': {
      const group = world.groups.find((g) => g.spec.id === change.group);
      if (!group) return refuse(`no consumer group "${change.group}"`);
      for (const c of group.members) {
        const consumer = world.consumers[c]!;
        consumer.processingMs = makeSampler(
          change.processingMs,
          createRng(world.seed, `group:${group.spec.id}:${consumer.name}:processing@${nowUs}`),
        );
      }
      world.log.add(nowUs, 'group.processingChanged', group.spec.id, `Group ${group.spec.id} now takes ${describe(change.processingMs)} per record.`);
      return { ok: true };
    }
    case 'consumer-crash':
    case 'consumer-leave':
    case 'consumer-slow': {
      const group = world.groups.find((g) => g.spec.id === change.group);
      if (!group) return refuse(`no consumer group "${change.group}"`);
      const consumer = findConsumer(group, world, change.consumer);
      if (!consumer) return refuse(`group ${change.group} has no consumer ${change.consumer} (it has ${group.members.length})`);
      if (consumer.state === 'dead') return refuse(`${consumer.name} of group ${change.group} is not running`);
      if (change.type === 'consumer-crash') crash(world, group, consumer, change.restartAfterMs);
      else if (change.type === 'consumer-leave') leave(world, group, consumer);
      else slowDown(world, group, consumer, change.processingMs, change.durationMs);
      return { ok: true };
    }
    case 'consumer-add': {
      const group = world.groups.find((g) => g.spec.id === change.group);
      if (!group) return refuse(`no consumer group "${change.group}"`);
      if (group.members.length + change.count > MEMBERS_MAX) return refuse(`a group may have at most ${MEMBERS_MAX} consumers`);
      addConsumers(world, group, change.count);
      return { ok: true };
    }
    case 'set-partitions': {
      const topic = world.topics.find((t) => t.name === change.topic);
      if (!topic) return refuse(`no topic "${change.topic}"`);
      if (!(Number.isInteger(change.partitions) && change.partitions <= 1024)) return refuse(`partitions must be an integer up to 1024, got ${change.partitions}`);
      const error = growTopic(world, topic.index, change.partitions);
      if (error === null) syncClusterWithTopics(world); // the new partitions get replicas
      return error === null ? { ok: true } : refuse(error);
    }
    case 'broker-crash':
    case 'broker-restart':
    case 'slow-follower': {
      const error = applyBrokerFault(world, change);
      return error === null ? { ok: true } : refuse(error);
    }
    case 'poison-key': {
      const group = world.groups.find((g) => g.spec.id === change.group);
      if (!group) return refuse(`no consumer group "${change.group}"`);
      if (!(typeof change.key === 'string' && change.key.length >= 1 && change.key.length <= 200)) return refuse('key must be a string of 1 to 200 characters');
      addPoisonKey(world, group, change.key);
      return { ok: true };
    }
    case 'dlq-replay': {
      const group = world.groups.find((g) => g.spec.id === change.group);
      if (!group) return refuse(`no consumer group "${change.group}"`);
      const limit = change.limit ?? Number.MAX_SAFE_INTEGER;
      if (!(Number.isInteger(limit) && limit >= 1)) return refuse(`limit must be a whole number of records, at least 1, got ${change.limit}`);
      const waiting = group.delivery.deadLetters.count - group.delivery.deadLetters.replayedUpTo;
      if (waiting === 0) return refuse(`group ${change.group} has no dead-lettered records left to replay`);
      if (replayDeadLetters(world, group, limit) === 0) return refuse(`the source partition of the oldest dead-lettered record of group ${change.group} has no leader`);
      return { ok: true };
    }
    case 'set-producer-config':
    case 'set-topic-config':
    case 'set-group-config':
      return applyConfigChange(world, change);
    default:
      if (QUEUE_CHANGE_TYPES.includes(change.type)) return applyQueueChange(world, change);
      // Every type is handled; this guards against shapes from outside the type system.
      return refuse(`the change "${(change as { type: string }).type}" is not modelled yet`);
  }
}

function refuse(error: string): ApplyResult {
  return { ok: false, error };
}

function describe(d: Distribution): string {
  switch (d.dist) {
    case 'constant':
      return `${d.value} ms`;
    case 'exponential':
      return `an exponential time with mean ${d.mean} ms`;
    case 'uniform':
      return `between ${d.min} and ${d.max} ms`;
    case 'lognormal':
      return `a lognormal time with mean ${d.mean} ms`;
  }
}
