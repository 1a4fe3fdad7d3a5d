import { createRng } from './kernel/rng';
import { msToUs } from './kernel/time';
import { createKeySampler, type KeySampler } from './kafka/keys';
import { requestRejoin } from './kafka/group/coordinator';
import { DedupeWindow } from './kafka/delivery/dedupeWindow';
import { defaultDeadLetterTopic } from './kafka/delivery/backoff';
import { DEDUPE_WINDOW_IDS } from './kafka/delivery/limits';
import { keySpecSchema } from './scenario/distribution';
import type { ApplyResult } from './changes';
import type { GroupRt, ProducerRt, TopicRt, World } from './kafka/world';
import type { AcksMode, AssignorName, CommitMode, ConsumerGroupSpec, KeySpec, ProducerSpec, RetrySpec } from './scenario';

/**
 * Live configuration changes: the knobs that are configs in Kafka rather than faults.
 *
 * What Kafka does when each changes, and so what the model does:
 * - Topic configs (min.insync.replicas) are dynamic: `kafka-configs --alter` reaches the leader
 *   and applies to the next produce request, with no restart. So here: at once.
 * - Producer and consumer configs are fixed when the client is created; changing one means a
 *   restart (a rolling restart for a group). The model restarts nothing, so nothing buffered or
 *   owned is lost: the change applies to the producer's next request / the group's next poll,
 *   failed attempt or rebalance, and every log line says when. What a restart would also do is
 *   modelled where it matters: an assignor change makes the group rebalance, as the rolling
 *   restart that deploys it would.
 * - What Kafka cannot do in one step is refused with the reason: turning enable.idempotence on
 *   for a live producer (the brokers assign a producer id only at creation), switching between eager and cooperative rebalancing in one rolling bounce, and the
 *   shape of retry topics (Spring creates them at start-up).
 *
 * Every field is checked before anything changes: a change applies whole or not at all.
 */
export type ConfigChange =
  /** Producer configs, from the producer's next produce request (acks) or next record (keys). */
  | {
      type: 'set-producer-config';
      producer: string;
      /** acks: "0", "1" or "all". Requests already sent keep the acks they were sent with. */
      acks?: AcksMode;
      /** How the producer picks keys from its next record on (the scenario's `keys` shape). */
      keys?: KeySpec;
      /** enable.idempotence: may be turned off (a restart without a producer id), never on (Kafka assigns the id at creation). */
      enableIdempotence?: boolean;
    }
  /** Dynamic topic configs, applied at once. */
  | {
      type: 'set-topic-config';
      topic: string;
      /** min.insync.replicas: 1 to the topic's replication factor. */
      minInsyncReplicas?: number;
    }
  /** Consumer-group configs (a rolling restart in Kafka). */
  | {
      type: 'set-group-config';
      group: string;
      /** partition.assignment.strategy, from the next rebalance, which the change starts. Eager ↔ cooperative is refused. */
      assignor?: AssignorName;
      /** When offsets are committed, from each consumer's next poll or finished batch. */
      commit?: CommitMode;
      /** Processing failures: transientRate (0 to 1), from the next attempt. */
      failures?: { transientRate?: number };
      /** Blocking (in-place) retries: from the next failed attempt. Refused for retry-topics groups. */
      retry?: Partial<Omit<RetrySpec, 'mode'>> & { mode?: RetrySpec['mode'] };
      /** Whether records that fail their last attempt go to a dead-letter topic (true) or are logged and skipped (false). */
      deadLetter?: boolean;
      /** Whether processing is idempotent; turned on, its store starts empty. */
      idempotent?: boolean;
    };

export const CONFIG_CHANGE_TYPES: readonly string[] = ['set-producer-config', 'set-topic-config', 'set-group-config'];

const ACKS: readonly AcksMode[] = ['0', '1', 'all'];
const ASSIGNORS: readonly AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];
const COMMITS: readonly CommitMode[] = ['after-process', 'before-process', 'auto'];
const COMMIT_WORDS: Record<CommitMode, string> = {
  'after-process': 'after processing each poll (at-least-once: a crash means duplicates)',
  'before-process': 'before processing each poll (at-most-once: a crash means losses)',
  auto: 'on auto-commit.interval.ms inside poll()',
};

/** Applies a config change now, or refuses it with a reason naming the field. */
export function applyConfigChange(world: World, change: ConfigChange): ApplyResult {
  switch (change.type) {
    case 'set-producer-config':
      return setProducerConfig(world, change);
    case 'set-topic-config':
      return setTopicConfig(world, change);
    case 'set-group-config':
      return setGroupConfig(world, change);
    default:
      return refuse(`the change "${(change as { type: string }).type}" is not a config change`);
  }
}

// ---------------------------------------------------------------- producer

function setProducerConfig(world: World, change: Extract<ConfigChange, { type: 'set-producer-config' }>): ApplyResult {
  const producer = world.producers.find((p) => p.spec.id === change.producer);
  if (!producer) return refuse(`no producer "${change.producer}"`);
  const spec = producer.spec;
  const id = spec.id;
  if (change.acks === undefined && change.keys === undefined && change.enableIdempotence === undefined) {
    return refuse('set-producer-config needs acks, keys or enableIdempotence');
  }
  if (change.enableIdempotence !== undefined && typeof change.enableIdempotence !== 'boolean') {
    return refuse(`enableIdempotence must be true or false, got ${JSON.stringify(change.enableIdempotence)}`);
  }
  if (change.enableIdempotence === true && !spec.enableIdempotence) {
    return refuse(
      'enableIdempotence cannot be turned on for a running producer: the brokers must give it a producer id and start its sequence numbers, which happens only when Kafka creates a producer (set it in the scenario and run again)',
    );
  }
  const idempotent = change.enableIdempotence ?? spec.enableIdempotence;
  if (change.acks !== undefined) {
    if (!ACKS.includes(change.acks)) return refuse(`acks must be "0", "1" or "all", got ${JSON.stringify(change.acks)}`);
    if (idempotent && change.acks !== 'all') {
      return refuse(`acks must stay "all" while producer ${id} is idempotent (Kafka only allows enable.idempotence with acks=all): turn enableIdempotence off in the same change`);
    }
  }
  let keys: { spec: KeySpec; sampler: KeySampler } | null = null;
  if (change.keys !== undefined) {
    const parsed = keySpecSchema.safeParse(change.keys);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return refuse(`keys${issue.path.map((k) => `.${String(k)}`).join('')}: ${issue.message}`);
    }
    const keySpec = parsed.data as KeySpec;
    const sampler = createKeySampler(keySpec, createRng(world.seed, `producer:${id}:keys@${world.scheduler.nowUs}`));
    const clash = renamedKey(producer.keys, sampler);
    if (clash !== null) return refuse(`keys: ${clash}`);
    keys = { spec: keySpec, sampler };
  }

  const nowUs = world.scheduler.nowUs;
  const next: ProducerSpec = { ...spec };
  if (!idempotent && spec.enableIdempotence) {
    // Turning it off is a restart without a producer id: nothing to hand over, so it can be modelled.
    next.enableIdempotence = false;
    world.log.add(nowUs, 'producer.configChanged', id, `Producer ${id} is no longer idempotent, from its next produce request: a retry may now write a record twice or out of order. In Kafka this is a producer restarted with enable.idempotence=false.`);
  }
  if (change.acks !== undefined && change.acks !== spec.acks) {
    next.acks = change.acks;
    world.log.add(nowUs, 'producer.configChanged', id, `Producer ${id} now sends with acks=${change.acks} (${ACKS_WORDS[change.acks]}), from its next produce request; requests already sent keep acks=${spec.acks}. In Kafka this is a producer restarted with the new config.`);
  }
  if (keys !== null) {
    next.keys = keys.spec;
    writable(producer).keys = keys.sampler;
    world.log.add(nowUs, 'producer.configChanged', id, `Producer ${id} now draws ${describeKeys(keys.spec)}, from its next record; records already sent stay where they are.`);
  }
  writable(producer).spec = next;
  return { ok: true };
}

const ACKS_WORDS: Record<AcksMode, string> = {
  '0': 'fire and forget: nothing waits for the leader',
  '1': 'the leader alone must have a record',
  all: 'every in-sync replica must have a record',
};

/**
 * The log keeps each record's key as an index, named "k-<index>" except a hot key with a name of
 * its own, which takes the index just past `count`. A new key spec must name every index the old
 * one could have written the same way, or records already in the logs would change keys.
 */
function renamedKey(before: KeySampler, after: KeySampler): string | null {
  if (before.keyCount === 0) return null;
  const last = before.keyCount - 1; // the only index whose name may not be "k-<index>"
  const oldName = before.keyName(last);
  const newName = last < after.keyCount ? after.keyName(last) : `k-${last}`;
  if (oldName === newName) return null;
  return `records with key "${oldName}" may still be in the logs, and the new keys would call them "${newName}": keep hotKey "${oldName}" and count ${last}, or use a hot key named k-<n> below count`;
}

function describeKeys(keys: KeySpec): string {
  switch (keys.distribution) {
    case 'none':
      return 'null keys (the sticky partitioner places records)';
    case 'uniform':
      return `keys uniformly from ${keys.count}`;
    case 'zipf':
      return `keys from ${keys.count} with zipf skew ${keys.skew}`;
    case 'hot':
      return `key ${keys.hotKey} for ${Math.round(keys.hotShare * 1000) / 10}% of records, the rest uniformly from ${keys.count} keys`;
  }
}

// ---------------------------------------------------------------- topic

function setTopicConfig(world: World, change: Extract<ConfigChange, { type: 'set-topic-config' }>): ApplyResult {
  const topic = world.topics.find((t) => t.name === change.topic);
  if (!topic) return refuse(`no topic "${change.topic}"`);
  const minIsr = change.minInsyncReplicas;
  if (minIsr === undefined) return refuse('set-topic-config needs minInsyncReplicas');
  const rf = topic.spec.replicationFactor;
  if (!(Number.isInteger(minIsr) && minIsr >= 1 && minIsr <= rf)) {
    return refuse(`minInsyncReplicas must be a whole number from 1 to the topic's replicationFactor (${rf}), got ${minIsr}`);
  }
  const before = topic.spec.minInsyncReplicas;
  writable(topic).spec = { ...topic.spec, minInsyncReplicas: minIsr };
  world.log.add(
    world.scheduler.nowUs,
    'topic.configChanged',
    'cluster',
    `Topic ${topic.name}: min.insync.replicas ${before} → ${minIsr}. A dynamic topic config in Kafka: it applies from the next produce request, and acks=all writes are refused (NOT_ENOUGH_REPLICAS) while the ISR has fewer than ${minIsr}.`,
  );
  return { ok: true };
}

// ---------------------------------------------------------------- group

type GroupConfigChange = Extract<ConfigChange, { type: 'set-group-config' }>;

function setGroupConfig(world: World, change: GroupConfigChange): ApplyResult {
  const group = world.groups.find((g) => g.spec.id === change.group);
  if (!group) return refuse(`no consumer group "${change.group}"`);
  const spec = group.spec;
  const { assignor, commit, failures, retry, deadLetter, idempotent } = change;
  if ([assignor, commit, failures, retry, deadLetter, idempotent].every((v) => v === undefined)) {
    return refuse('set-group-config needs assignor, commit, failures, retry, deadLetter or idempotent');
  }
  const error =
    checkAssignor(spec, assignor) ??
    checkCommit(commit) ??
    checkFailures(failures) ??
    checkRetry(spec, retry) ??
    checkDeadLetter(spec, deadLetter) ??
    (idempotent === undefined || typeof idempotent === 'boolean' ? null : `idempotent must be true or false, got ${JSON.stringify(idempotent)}`);
  if (error !== null) return refuse(error);

  const next: ConsumerGroupSpec = { ...spec };
  writable(group).spec = next;
  const log = (message: string): void => world.log.add(world.scheduler.nowUs, 'group.configChanged', spec.id, message);
  if (commit !== undefined && commit !== spec.commit) {
    next.commit = commit;
    if (commit === 'auto') {
      // A restarted consumer starts its auto-commit timer afresh.
      for (const c of group.members) world.consumers[c]!.nextAutoCommitUs = world.scheduler.nowUs + msToUs(spec.autoCommitIntervalMs);
    }
    log(`Group ${spec.id} now commits ${COMMIT_WORDS[commit]}, from each consumer's next poll (in Kafka: the consumers redeployed with the new commit code).`);
  }
  if (failures?.transientRate !== undefined) setTransientRate(world, group, failures.transientRate, log);
  if (retry !== undefined) setRetry(group, next, retry, log);
  if (deadLetter !== undefined) setDeadLetter(world, group, next, deadLetter, log);
  if (idempotent !== undefined && idempotent !== (group.delivery.dedupe !== null)) {
    next.idempotent = idempotent;
    writable(group.delivery).dedupe = idempotent ? freshDedupeWindow(group) : null;
    log(
      idempotent
        ? `Group ${spec.id} now processes idempotently, from the next record: its store of processed ids starts empty, so a redelivery of a record processed before now still runs twice.`
        : `Group ${spec.id} no longer processes idempotently: from the next record, a redelivered record takes effect again.`,
    );
  }
  if (assignor !== undefined && assignor !== spec.assignor) {
    next.assignor = assignor;
    const rejoining = group.members.map((c) => world.consumers[c]!).filter((c) => c.state !== 'dead' && c.membership === 'stable');
    for (const consumer of rejoining) requestRejoin(world, consumer);
    log(
      `Group ${spec.id} now assigns partitions with ${assignor} (was ${spec.assignor}). It takes effect at the next rebalance` +
        (rejoining.length > 0 ? `, which starts now: the members rejoin as a rolling restart would make them.` : ': the group has no stable member to rejoin now.'),
    );
  }
  return { ok: true };
}

function checkAssignor(spec: ConsumerGroupSpec, assignor: AssignorName | undefined): string | null {
  if (assignor === undefined) return null;
  if (!ASSIGNORS.includes(assignor)) return `assignor must be one of ${ASSIGNORS.join(', ')}, got ${JSON.stringify(assignor)}`;
  const cooperativeBefore = spec.assignor === 'cooperative-sticky';
  if (cooperativeBefore !== (assignor === 'cooperative-sticky')) {
    return (
      `assignor cannot switch from ${spec.assignor} to ${assignor} in one step: ${cooperativeBefore ? 'cooperative' : 'eager'} and ${cooperativeBefore ? 'eager' : 'cooperative'} members cannot share a generation. ` +
      `Kafka does it in two rolling bounces (the first lists both assignors, the second only ${assignor}); here, run the scenario again with assignor ${assignor}`
    );
  }
  return null;
}

function checkCommit(commit: CommitMode | undefined): string | null {
  if (commit === undefined || COMMITS.includes(commit)) return null;
  return `commit must be one of ${COMMITS.join(', ')}, got ${JSON.stringify(commit)}`;
}

function checkFailures(failures: GroupConfigChange['failures']): string | null {
  if (failures === undefined) return null;
  const rate = failures.transientRate;
  if (rate === undefined) return 'failures needs transientRate';
  if (!(typeof rate === 'number' && rate >= 0 && rate <= 1)) return `failures.transientRate must be a number from 0 to 1, got ${rate}`;
  return null;
}

function checkRetry(spec: ConsumerGroupSpec, retry: GroupConfigChange['retry']): string | null {
  if (retry === undefined) return null;
  if (retry.mode !== undefined && retry.mode !== spec.retry.mode) {
    return `retry.mode cannot change while running: ${spec.retry.mode} and ${retry.mode} keep failed records in different places (the consumer's seek vs retry topics)`;
  }
  if (spec.retry.mode === 'retry-topics') {
    return 'retry cannot change for a retry-topics group while running: Spring creates its <topic>-retry-<delay> topics from the back-off when the application starts';
  }
  const ranges: [keyof Omit<RetrySpec, 'mode'>, number, number, boolean][] = [
    ['maxAttempts', 1, 100, true],
    ['backoffMs', 0, 3_600_000, true],
    ['multiplier', 1, 10, false],
    ['maxBackoffMs', 0, 3_600_000, true],
    ['jitter', 0, 1, false],
  ];
  for (const [field, min, max, whole] of ranges) {
    const value = retry[field];
    if (value === undefined) continue;
    if (!(typeof value === 'number' && value >= min && value <= max && (!whole || Number.isInteger(value)))) {
      return `retry.${field} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${value}`;
    }
  }
  const backoffMs = retry.backoffMs ?? spec.retry.backoffMs;
  const maxBackoffMs = retry.maxBackoffMs ?? spec.retry.maxBackoffMs;
  if (maxBackoffMs < backoffMs) return `retry.maxBackoffMs (${maxBackoffMs}) must be at least retry.backoffMs (${backoffMs})`;
  return null;
}

function checkDeadLetter(spec: ConsumerGroupSpec, deadLetter: boolean | undefined): string | null {
  if (deadLetter === undefined) return null;
  if (typeof deadLetter !== 'boolean') return `deadLetter must be true or false, got ${JSON.stringify(deadLetter)}`;
  if (!deadLetter && spec.retry.mode === 'retry-topics') {
    return 'deadLetter cannot be turned off for a retry-topics group: Spring\'s @RetryableTopic always ends in a dead-letter topic';
  }
  return null;
}

function setTransientRate(world: World, group: GroupRt, rate: number, log: (message: string) => void): void {
  const delivery = writable(group.delivery);
  const before = delivery.transientRate;
  if (rate === before) return;
  delivery.transientRate = rate;
  // A stream of its own, named by the instant: the draws before the change are not disturbed.
  delivery.failureRng = createRng(world.seed, `group:${group.spec.id}:failures@${world.scheduler.nowUs}`);
  // Once on, the flag stays on: it only lets the hot path skip checks, and attempts already
  // failing must still be tracked to the end.
  delivery.failuresPossible = delivery.failuresPossible || rate > 0;
  group.spec.failures = { ...group.spec.failures, transientRate: rate };
  log(`Group ${group.spec.id}: each processing attempt now fails with probability ${rate} (was ${before}), from the next attempt.`);
}

function setRetry(group: GroupRt, next: ConsumerGroupSpec, retry: NonNullable<GroupConfigChange['retry']>, log: (message: string) => void): void {
  const merged: RetrySpec = { ...next.retry };
  for (const field of ['maxAttempts', 'backoffMs', 'multiplier', 'maxBackoffMs', 'jitter'] as const) {
    const value = retry[field];
    if (value !== undefined) merged[field] = value;
  }
  next.retry = merged;
  // A record already failing keeps its count, capped so that it gets one more attempt: it never
  // holds more attempts than the new maxAttempts allows.
  let capped = 0;
  for (const failed of group.delivery.failing.values()) {
    if (failed.attempts >= merged.maxAttempts) {
      failed.attempts = merged.maxAttempts - 1;
      capped++;
    }
  }
  log(
    `Group ${group.spec.id} now retries in place up to ${merged.maxAttempts} attempt${merged.maxAttempts === 1 ? '' : 's'}, backing off ${merged.backoffMs} ms × ${merged.multiplier} per retry (at most ${merged.maxBackoffMs} ms, jitter ±${merged.jitter * 100}%), from the next failed attempt` +
      (capped > 0 ? `; ${capped} record${capped === 1 ? '' : 's'} already at the new limit get${capped === 1 ? 's' : ''} one last attempt.` : '.'),
  );
}

function setDeadLetter(world: World, group: GroupRt, next: ConsumerGroupSpec, on: boolean, log: (message: string) => void): void {
  const topics = group.delivery.deadLetterTopics;
  const wasOn = [...topics.values()].some((name) => name !== null);
  if (on === wasOn) return;
  // The scenario's own name when it had one, else Spring's default <topic>-dlt.
  const named = world.scenario.consumerGroups[group.index]!.deadLetterTopic;
  for (const t of group.topicIndexes) topics.set(t, on ? (named ?? defaultDeadLetterTopic(world.topics[t]!.name)) : null);
  next.deadLetterTopic = on ? (named ?? defaultDeadLetterTopic(world.topics[group.topicIndexes[0]!]!.name)) : null;
  log(
    on
      ? `Group ${group.spec.id} now dead-letters records that fail their last attempt (to ${[...new Set(topics.values())].join(', ')}), from the next record to run out of attempts.`
      : `Group ${group.spec.id} no longer has a dead-letter topic: a record that fails its last attempt is logged and skipped (lost), from the next one. Records already dead-lettered stay there.`,
  );
}

/**
 * The store of an idempotent consumer turned on mid-run: empty, and it says so. The records
 * processed before it existed count as ids it has forgotten, so the promise "no effect runs
 * twice until the window forgets an id" is not claimed for them.
 */
function freshDedupeWindow(group: GroupRt): DedupeWindow {
  const window = new DedupeWindow(DEDUPE_WINDOW_IDS);
  window.evicted = group.processed;
  return window;
}

// ---------------------------------------------------------------- helpers

function refuse(error: string): ApplyResult {
  return { ok: false, error };
}

/**
 * The runtime's fields are readonly so the rules cannot swap them by accident; a config change is
 * the one place that replaces a spec, a sampler or a store, and it says so here.
 */
function writable<T extends TopicRt | ProducerRt | GroupRt | GroupRt['delivery']>(target: T): { -readonly [K in keyof T]: T[K] } {
  return target;
}
