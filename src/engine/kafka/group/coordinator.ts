import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { msToUs } from '../../kernel/time';
import { assert } from '../../kernel/assert';
import { shareOnCopy } from '../../kernel/copyHooks';
import { EventKind } from '../eventKinds';
import { assign, type AssignorMember, type TopicPartition } from '../assignors';
import { coordinatorMachine, type CoordinatorEvent, type CoordinatorStateName } from './machine';
import { describePartitions } from './describe';
import type { ConsumerRt, GroupRt, World } from '../world';

/**
 * The group coordinator's side of the classic group protocol for one group: the member table,
 * generations, the join deadline, and the assignment computed when the leader syncs.
 * Lifecycle of a member record: created by its first JoinGroup → joined/not joined per
 * rebalance → removed by LeaveGroup, session expiry, or not rejoining in time.
 */
export interface MemberRecord {
  memberId: string;
  consumerIndex: number;
  groupInstanceId: string | null;
  /** Has sent JoinGroup for the current rebalance. */
  joined: boolean;
  lastHeartbeatUs: number;
  /** Identifies this record's session checks (a record replaced later gets a new token). */
  sessionToken: number;
  /** Partitions it owned and their generation, from its JoinGroup (sticky assignors' userData). */
  owned: number[];
  ownedGeneration: number;
}

export interface CoordinatorRt {
  snapshot: SnapshotFrom<typeof coordinatorMachine>;
  generation: number;
  /** In join order: the first joined member leads when the old leader is gone. */
  members: MemberRecord[];
  leaderId: string | null;
  /** Identifies the current join deadline; older deadline events are ignored. */
  deadlineToken: number;
  rebalanceStartUs: number;
  inInitialDelay: boolean;
  /** Assignment of the current generation by member.id, once the leader has synced. */
  assignment: Map<string, number[]> | null;
  awaitingSync: string[];
  nextSessionToken: number;
}

export function createCoordinator(): CoordinatorRt {
  const [snapshot] = initialTransition(coordinatorMachine);
  return {
    // xstate snapshots are immutable (a transition makes a new one), so checkpoints share them.
    snapshot: shareOnCopy(snapshot),
    generation: 0,
    members: [],
    leaderId: null,
    deadlineToken: 0,
    rebalanceStartUs: 0,
    inInitialDelay: false,
    assignment: null,
    awaitingSync: [],
    nextSessionToken: 1,
  };
}

export function coordinatorState(group: GroupRt): CoordinatorStateName {
  return group.coordinator.snapshot.value as CoordinatorStateName;
}

/** What an action needs besides the world: the member a request came from, and why. */
interface ActionContext {
  consumer: ConsumerRt | null;
  memberId: string | null;
  reason: string;
}

/** Advances the machine with one event and executes the actions it returns, in order. */
function send(world: World, group: GroupRt, event: CoordinatorEvent, context: ActionContext): void {
  const [next, actions] = transition(coordinatorMachine, group.coordinator.snapshot, event);
  group.coordinator.snapshot = shareOnCopy(next);
  for (const action of actions) execute(world, group, action.type, context);
}

// ---------------------------------------------------------------- requests from members

/** A JoinGroup reaches the coordinator. */
export function onJoinArrive(world: World, group: GroupRt, consumer: ConsumerRt): void {
  const c = group.coordinator;
  const state = coordinatorState(group);
  const memberId = consumer.memberId!;
  const existing = c.members.find((m) => m.memberId === memberId);
  // A static member that restarted (a new member id for a known group.instance.id) takes its
  // place back without a rebalance. A member that rejoins under its current id (after a
  // cooperative revocation, say) changed its owned partitions, so Kafka rebalances.
  const knownStatic =
    state === 'Stable' &&
    existing === undefined &&
    consumer.groupInstanceId !== null &&
    c.members.some((m) => m.groupInstanceId === consumer.groupInstanceId);
  const countAfter = c.members.length + (existing ? 0 : 1);
  let readyToComplete: boolean;
  if (state === 'PreparingRebalance') {
    readyToComplete = !c.inInitialDelay && c.members.every((m) => m.joined || m.memberId === memberId);
  } else {
    // From Stable or CompletingRebalance a new rebalance begins with only this member joined.
    readyToComplete = state !== 'Empty' && countAfter === 1;
  }
  send(world, group, { type: 'member.join', readyToComplete, knownStaticMember: knownStatic }, {
    consumer,
    memberId,
    reason: existing ? `${consumer.name} rejoined` : `${consumer.name} joined`,
  });
}

/** A SyncGroup reaches the coordinator. */
export function onSyncArrive(world: World, group: GroupRt, consumer: ConsumerRt, generation: number): void {
  const c = group.coordinator;
  const memberId = consumer.memberId;
  const state = coordinatorState(group);
  if (generation !== c.generation || memberId === null || !c.members.some((m) => m.memberId === memberId) || state === 'PreparingRebalance') {
    // REBALANCE_IN_PROGRESS / ILLEGAL_GENERATION / UNKNOWN_MEMBER_ID: the member must rejoin.
    if (!consumer.pendingAssignment) requestRejoin(world, consumer);
    return;
  }
  send(world, group, { type: 'member.sync', fromLeader: memberId === c.leaderId }, { consumer, memberId, reason: '' });
}

/** A LeaveGroup reaches the coordinator. */
export function onLeaveArrive(world: World, group: GroupRt, memberId: string, reason: string): void {
  removeMemberEvent(world, group, memberId, 'member.leave', reason);
}

/** A heartbeat reaches the coordinator. Returns false when the member is unknown (removed). */
export function onHeartbeat(world: World, group: GroupRt, consumer: ConsumerRt): boolean {
  const record = group.coordinator.members.find((m) => m.memberId === consumer.memberId);
  if (!record) return false;
  record.lastHeartbeatUs = world.scheduler.nowUs;
  return true;
}

/** Whether the member must rejoin because a rebalance is in progress it has not joined. */
export function rebalanceAwaits(group: GroupRt, consumer: ConsumerRt): boolean {
  const state = coordinatorState(group);
  if (state !== 'PreparingRebalance') return false;
  const record = group.coordinator.members.find((m) => m.memberId === consumer.memberId);
  return record !== undefined && !record.joined;
}

// ---------------------------------------------------------------- coordinator timers

/** The join deadline (initial delay or rebalance timeout) fires. */
export function onJoinDeadline(world: World, group: GroupRt, token: number): void {
  const c = group.coordinator;
  if (token !== c.deadlineToken || coordinatorState(group) !== 'PreparingRebalance') return;
  const joinedCount = c.members.filter((m) => m.joined).length;
  send(world, group, { type: 'timer.joinDeadline', joinedCount }, { consumer: null, memberId: null, reason: '' });
}

/** A member's session may have expired. */
export function onSessionCheck(world: World, group: GroupRt, consumerIndex: number, token: number): void {
  const c = group.coordinator;
  const record = c.members.find((m) => m.consumerIndex === consumerIndex && m.sessionToken === token);
  if (!record) return;
  const sessionTimeoutUs = msToUs(group.spec.sessionTimeoutMs);
  const awaitingJoinResponse = record.joined && coordinatorState(group) === 'PreparingRebalance';
  const deadlineUs = record.lastHeartbeatUs + sessionTimeoutUs;
  if (awaitingJoinResponse || deadlineUs > world.scheduler.nowUs) {
    // Kafka does not expire a member whose JoinGroup is parked; otherwise check again later.
    const nextUs = Math.max(deadlineUs, world.scheduler.nowUs + (awaitingJoinResponse ? sessionTimeoutUs : 0));
    world.scheduler.schedule(nextUs, EventKind.sessionCheck, consumerIndex, token);
    return;
  }
  const consumer = world.consumers[consumerIndex]!;
  removeMemberEvent(
    world,
    group,
    record.memberId,
    'member.sessionExpired',
    `${consumer.name} sent no heartbeat for session.timeout.ms (${group.spec.sessionTimeoutMs} ms)`,
  );
}

/** A subscribed topic gained partitions: the leader notices and the group rebalances. */
export function onMetadataChanged(world: World, group: GroupRt, topicName: string): void {
  send(world, group, { type: 'cluster.metadataChanged' }, { consumer: null, memberId: null, reason: `topic ${topicName} has new partitions` });
}

function removeMemberEvent(
  world: World,
  group: GroupRt,
  memberId: string,
  type: 'member.leave' | 'member.sessionExpired',
  reason: string,
): void {
  const c = group.coordinator;
  if (!c.members.some((m) => m.memberId === memberId)) return;
  const remaining = c.members.filter((m) => m.memberId !== memberId);
  const readyToComplete =
    coordinatorState(group) === 'PreparingRebalance' && !c.inInitialDelay && remaining.length > 0 && remaining.every((m) => m.joined);
  send(world, group, { type, membersLeft: remaining.length, readyToComplete }, { consumer: null, memberId, reason });
}

// ---------------------------------------------------------------- actions

function execute(world: World, group: GroupRt, action: string, context: ActionContext): void {
  const c = group.coordinator;
  const nowUs = world.scheduler.nowUs;
  const source = group.spec.id;
  switch (action) {
    case 'addMember': {
      const consumer = context.consumer!;
      let record = c.members.find((m) => m.memberId === context.memberId);
      if (!record) {
        record = {
          memberId: context.memberId!,
          consumerIndex: consumer.index,
          groupInstanceId: consumer.groupInstanceId,
          joined: false,
          lastHeartbeatUs: nowUs,
          sessionToken: c.nextSessionToken++,
          owned: [],
          ownedGeneration: -1,
        };
        c.members.push(record);
        scheduleSessionCheck(world, group, record);
      }
      record.joined = true;
      record.lastHeartbeatUs = nowUs;
      // What the JoinGroup's metadata claims. CooperativeStickyAssignor sends the partitions the
      // consumer owns right now (none after they were lost); the eager StickyAssignor sends its
      // remembered last assignment (userData), even though it revoked it before rejoining.
      record.owned = group.spec.assignor === 'cooperative-sticky' ? [...consumer.assigned] : [...consumer.previousAssignment];
      record.ownedGeneration = consumer.previousGeneration;
      return;
    }
    case 'removeMember': {
      const index = c.members.findIndex((m) => m.memberId === context.memberId);
      assert(index >= 0, () => `removing unknown member ${context.memberId}`);
      const [removed] = c.members.splice(index, 1);
      if (c.leaderId === removed!.memberId) c.leaderId = null;
      world.log.add(nowUs, 'group.memberRemoved', source, `${world.consumers[removed!.consumerIndex]!.name} left group ${source}: ${context.reason}.`);
      return;
    }
    case 'beginInitialDelay': {
      c.inInitialDelay = true;
      c.rebalanceStartUs = nowUs;
      c.assignment = null;
      const delayUs = Math.min(msToUs(group.spec.initialRebalanceDelayMs), msToUs(group.spec.maxPollIntervalMs));
      scheduleDeadline(world, group, nowUs + delayUs);
      world.log.add(nowUs, 'group.rebalanceStarted', source, `Group ${source} is forming: ${context.reason}; the coordinator waits group.initial.rebalance.delay.ms (${group.spec.initialRebalanceDelayMs} ms) for others.`);
      return;
    }
    case 'extendInitialDelay': {
      if (!c.inInitialDelay) return;
      // Kafka's InitialDelayedJoin: each new member extends the wait, up to the rebalance timeout.
      const capUs = c.rebalanceStartUs + msToUs(group.spec.maxPollIntervalMs);
      scheduleDeadline(world, group, Math.min(nowUs + msToUs(group.spec.initialRebalanceDelayMs), capUs));
      return;
    }
    case 'beginRebalance': {
      for (const m of c.members) m.joined = false;
      c.inInitialDelay = false;
      c.rebalanceStartUs = nowUs;
      c.assignment = null;
      c.awaitingSync = [];
      scheduleDeadline(world, group, nowUs + msToUs(group.spec.maxPollIntervalMs));
      world.log.add(nowUs, 'group.rebalanceStarted', source, `Rebalance started in group ${source}: ${context.reason}. Members learn of it at their next heartbeat and rejoin at their next poll.`);
      return;
    }
    case 'completeJoin': {
      const missing = c.members.filter((m) => !m.joined);
      for (const m of missing) {
        world.log.add(nowUs, 'group.memberRemoved', source, `${world.consumers[m.consumerIndex]!.name} did not rejoin within the rebalance timeout (max.poll.interval.ms ${group.spec.maxPollIntervalMs} ms) and was removed from group ${source}.`);
      }
      c.members = c.members.filter((m) => m.joined);
      c.generation++;
      c.deadlineToken++; // cancels the pending deadline
      c.inInitialDelay = false;
      if (c.leaderId === null || !c.members.some((m) => m.memberId === c.leaderId)) c.leaderId = c.members[0]!.memberId;
      c.awaitingSync = [];
      for (const m of c.members) {
        world.scheduler.schedule(nowUs + world.networkLatencyUs, EventKind.joinResponse, m.consumerIndex, c.generation);
      }
      return;
    }
    case 'resetGroup': {
      c.members = [];
      c.leaderId = null;
      c.assignment = null;
      c.awaitingSync = [];
      c.deadlineToken++;
      c.inInitialDelay = false;
      world.log.add(nowUs, 'group.empty', source, `Group ${source} has no members: its partitions are not being read.`);
      return;
    }
    case 'computeAssignment': {
      c.assignment = computeAssignment(world, group);
      group.rebalances++;
      const lines = c.members.map((m) => {
        const parts = c.assignment!.get(m.memberId) ?? [];
        return `${world.consumers[m.consumerIndex]!.name} → ${parts.length ? describePartitions(world, parts) : 'nothing (idle)'}`;
      });
      world.log.add(nowUs, 'group.rebalanceCompleted', source, `Rebalance completed in group ${source}, generation ${c.generation} (${group.spec.assignor}): ${lines.join('; ')}.`);
      return;
    }
    case 'awaitSync': {
      if (context.memberId !== null && !c.awaitingSync.includes(context.memberId)) c.awaitingSync.push(context.memberId);
      return;
    }
    case 'answerSyncs': {
      for (const memberId of c.awaitingSync) {
        const record = c.members.find((m) => m.memberId === memberId);
        if (!record) continue;
        const consumer = world.consumers[record.consumerIndex]!;
        consumer.syncInbox = [...(c.assignment?.get(memberId) ?? [])];
        world.scheduler.schedule(nowUs + world.networkLatencyUs, EventKind.syncResponse, consumer.index, c.generation);
      }
      c.awaitingSync = [];
      return;
    }
    case 'rejoinStaticMember': {
      const consumer = context.consumer!;
      const record = c.members.find((m) => m.groupInstanceId === consumer.groupInstanceId)!;
      const oldId = record.memberId;
      record.memberId = context.memberId!;
      record.consumerIndex = consumer.index;
      record.lastHeartbeatUs = nowUs;
      record.joined = true;
      record.sessionToken = c.nextSessionToken++;
      scheduleSessionCheck(world, group, record);
      if (c.leaderId === oldId) c.leaderId = record.memberId;
      if (c.assignment?.has(oldId)) {
        c.assignment.set(record.memberId, c.assignment.get(oldId)!);
        c.assignment.delete(oldId);
      }
      world.log.add(nowUs, 'group.staticRejoin', source, `Static member ${consumer.groupInstanceId} (${consumer.name}) rejoined within its session timeout and takes its partitions back: no rebalance.`);
      world.scheduler.schedule(nowUs + world.networkLatencyUs, EventKind.joinResponse, consumer.index, c.generation);
      return;
    }
    default:
      throw new Error(`coordinator action ${action} is not implemented`);
  }
}

function scheduleDeadline(world: World, group: GroupRt, atUs: number): void {
  const token = ++group.coordinator.deadlineToken;
  world.scheduler.schedule(atUs, EventKind.joinDeadline, group.index, token);
}

function scheduleSessionCheck(world: World, group: GroupRt, record: MemberRecord): void {
  world.scheduler.schedule(
    record.lastHeartbeatUs + msToUs(group.spec.sessionTimeoutMs),
    EventKind.sessionCheck,
    record.consumerIndex,
    record.sessionToken,
  );
}

/** The leader's assignment, computed with Kafka's assignor of the group's strategy. */
function computeAssignment(world: World, group: GroupRt): Map<string, number[]> {
  const c = group.coordinator;
  const topics: Record<string, number> = {};
  for (const t of group.topicIndexes) topics[world.topics[t]!.name] = world.topics[t]!.partitions.length;
  const toPair = (p: number): TopicPartition => {
    const log = world.partitions[p]!;
    return [world.topics[log.topicIndex]!.name, log.partition];
  };
  const members: AssignorMember[] = c.members.map((m) => ({
    memberId: m.memberId,
    ...(m.groupInstanceId !== null ? { groupInstanceId: m.groupInstanceId } : {}),
    topics: group.spec.topics,
    owned: m.owned.filter((p) => group.topicIndexes.includes(world.partitions[p]!.topicIndex)).map(toPair),
    ...(m.ownedGeneration >= 0 ? { generation: m.ownedGeneration } : {}),
  }));
  const result = assign(group.spec.assignor, { topics, members });
  const byMember = new Map<string, number[]>();
  for (const m of c.members) {
    const pairs = result[m.memberId] ?? [];
    byMember.set(
      m.memberId,
      pairs.map(([topic, partition]) => world.topics.find((t) => t.name === topic)!.partitions[partition]!),
    );
  }
  return byMember;
}

/** The consumer must rejoin at its next poll (it learned the group moved on without it). */
export function requestRejoin(world: World, consumer: ConsumerRt): void {
  consumer.rejoinNeeded = true;
  if (consumer.state === 'idle' && !consumer.pollScheduled && consumer.membership !== 'joining') {
    consumer.pollScheduled = true;
    world.scheduler.schedule(world.scheduler.nowUs, EventKind.consumerPoll, consumer.index, consumer.epoch);
  }
}
