import { msToUs } from '../../kernel/time';
import { EventKind } from '../eventKinds';
import { commitPositions, schedulePoll } from '../consumer';
import { onHeartbeat, rebalanceAwaits, requestRejoin, coordinatorState } from './coordinator';
import { releaseAll, releasePartition, takePartition } from './ownership';
import { describePartitions } from './describe';
import { CommitReason, TrailKind, trailAdd } from '../../events/recordTrail';
import type { ConsumerRt, GroupRt, World } from '../world';

/**
 * The consumer's side of the group protocol, as Kafka's ConsumerCoordinator runs it inside
 * poll(): join, sync, apply the assignment (revoking first), heartbeat in the background, and
 * leave when max.poll.interval.ms is exceeded or on close.
 *
 * Eager (range, roundrobin, sticky): before rejoining, the member revokes everything, and
 * poll() blocks until the new assignment arrives: the whole group stops.
 * Cooperative (cooperative-sticky): the member keeps processing what it owns while the group
 * rebalances, revokes only what moved, and rejoins once more to hand those partitions over.
 */

export function isCooperative(group: GroupRt): boolean {
  return group.spec.assignor === 'cooperative-sticky';
}

/** Sends a JoinGroup (from inside poll()). */
export function joinGroup(world: World, group: GroupRt, consumer: ConsumerRt): void {
  const nowUs = world.scheduler.nowUs;
  if (!isCooperative(group) && consumer.assigned.length > 0) {
    // onJoinPrepare, eager: commit (auto-commit does it here; the other modes committed when
    // their last batch finished) and revoke every owned partition before rejoining.
    if (group.spec.commit === 'auto') commitPositions(world, group, consumer, CommitReason.revoked);
    const revoked = releaseAll(world, group, consumer);
    world.log.add(nowUs, 'consumer.revoked', group.spec.id, `${consumer.name} revoked ${describePartitions(world, revoked)} before rejoining (eager protocol: processing stops until the new assignment).`);
  }
  if (consumer.memberId === null) consumer.memberId = `${consumer.name}-${++consumer.joinCount}`;
  consumer.membership = 'joining';
  consumer.rejoinNeeded = false;
  consumer.pendingAssignment = null;
  world.scheduler.schedule(nowUs + world.networkLatencyUs, EventKind.joinArrive, consumer.index, consumer.epoch);
}

/** The JoinGroup response arrives: send SyncGroup (the leader's carries the assignment). */
export function onJoinResponse(world: World, consumer: ConsumerRt, generation: number): void {
  if (consumer.state === 'dead' || consumer.membership !== 'joining') return;
  consumer.membership = 'syncing';
  consumer.generation = generation;
  world.scheduler.schedule(world.scheduler.nowUs + world.networkLatencyUs, EventKind.syncArrive, consumer.index, generation);
}

/** The SyncGroup response arrives with this member's assignment. */
export function onSyncResponse(world: World, consumer: ConsumerRt, generation: number): void {
  if (consumer.state === 'dead' || consumer.membership !== 'syncing' || generation !== consumer.generation) return;
  consumer.membership = 'stable';
  consumer.pendingAssignment = consumer.syncInbox;
  consumer.syncInbox = [];
  if (consumer.state === 'idle') {
    // poll() is waiting for this response: the assignment takes effect at once.
    consumer.pollScheduled = false;
    schedulePoll(world, consumer, world.scheduler.nowUs);
  }
}

/** Applies a received assignment inside poll(): revoke what moved away, then take what is new. */
export function applyPendingAssignment(world: World, group: GroupRt, consumer: ConsumerRt): void {
  const next = consumer.pendingAssignment!;
  consumer.pendingAssignment = null;
  const nowUs = world.scheduler.nowUs;
  const revoked = consumer.assigned.filter((p) => !next.includes(p));
  const added = next.filter((p) => !consumer.assigned.includes(p) || group.owner[p] !== consumer.index);
  if (revoked.length > 0) {
    // onPartitionsRevoked: commit what was processed, then give the partitions up.
    for (const p of revoked) {
      if (group.spec.commit !== 'before-process' && group.owner[p] === consumer.index) {
        if (group.position[p]! > group.committed[p]!) trailAdd(world.trail, TrailKind.committed, nowUs, p, Math.max(0, group.committed[p]!), group.position[p]!, consumer.index, CommitReason.revoked, group.index);
        group.committed[p] = group.position[p]!;
      }
      releasePartition(world, group, consumer, p);
    }
    world.log.add(nowUs, 'consumer.revoked', group.spec.id, `${consumer.name} revoked ${describePartitions(world, revoked)}${isCooperative(group) ? ' and rejoins so they can move (cooperative protocol, second round)' : ''}.`);
    if (isCooperative(group)) consumer.rejoinNeeded = true;
  }
  for (const p of added) takePartition(world, group, consumer, p);
  if (added.length > 0) {
    world.log.add(nowUs, 'consumer.assigned', group.spec.id, `${consumer.name} was assigned ${describePartitions(world, added)}; it resumes from the committed offsets.`);
  }
  consumer.previousAssignment = [...next];
  consumer.previousGeneration = consumer.generation;
}

/** The heartbeat thread ticks: heartbeat, and enforce max.poll.interval.ms. */
export function onHeartbeatTick(world: World, group: GroupRt, consumer: ConsumerRt, epoch: number): void {
  if (epoch !== consumer.epoch || consumer.state === 'dead') return;
  const nowUs = world.scheduler.nowUs;
  world.scheduler.schedule(nowUs + msToUs(group.spec.heartbeatIntervalMs), EventKind.heartbeat, consumer.index, epoch);
  if (consumer.memberId === null || consumer.membership === 'joining') return;
  if (enforcePollInterval(world, group, consumer, epoch)) return;

  if (!onHeartbeat(world, group, consumer)) {
    // UNKNOWN_MEMBER_ID: the coordinator removed this member; it must rejoin as a new one.
    consumer.memberId = consumer.groupInstanceId === null ? null : consumer.memberId;
    consumer.membership = 'unjoined';
    releaseAll(world, group, consumer);
    requestRejoin(world, consumer);
    return;
  }
  if (rebalanceAwaits(group, consumer)) {
    world.scheduler.schedule(nowUs + 2 * world.networkLatencyUs, EventKind.rebalanceNotice, consumer.index, epoch);
  }
}

/**
 * max.poll.interval.ms, as the heartbeat thread enforces it: a member busy for longer than that
 * since its last poll() leaves the group. Returns whether it is past the limit (then it sends no
 * heartbeat). Also called when an error handler's back-off sleep outlasts the limit
 * (consumer.ts), because Kafka's heartbeat thread notices within retry.backoff.ms, not at the
 * next heartbeat.
 */
export function enforcePollInterval(world: World, group: GroupRt, consumer: ConsumerRt, epoch: number): boolean {
  const nowUs = world.scheduler.nowUs;
  if (consumer.memberId === null || consumer.membership === 'joining') return false;
  // Kafka's poll timer expires at lastPoll + max.poll.interval.ms (Timer.isExpired: now >= deadline).
  if (consumer.state !== 'processing' || nowUs - consumer.lastPollUs < msToUs(group.spec.maxPollIntervalMs)) return false;
  if (consumer.groupInstanceId === null) {
    // A dynamic member leaves the group; its commits will now fail and its records move.
    world.log.add(nowUs, 'consumer.pollTimeout', group.spec.id, `${consumer.name} spent longer than max.poll.interval.ms (${group.spec.maxPollIntervalMs} ms) without polling: it leaves group ${group.spec.id} and its partitions move.`);
    consumer.leavingMemberId = consumer.memberId;
    consumer.memberId = null;
    consumer.membership = 'unjoined';
    releaseAll(world, group, consumer);
    world.scheduler.schedule(nowUs + world.networkLatencyUs, EventKind.leaveArrive, consumer.index, epoch);
  }
  // A static member never sends LeaveGroup: it stops heartbeating until it polls again, so
  // only session.timeout.ms moves its partitions.
  return true;
}

/** A heartbeat response said REBALANCE_IN_PROGRESS: rejoin at the next poll. */
export function onRebalanceNotice(world: World, group: GroupRt, consumer: ConsumerRt, epoch: number): void {
  if (epoch !== consumer.epoch || consumer.state === 'dead') return;
  if (consumer.membership !== 'stable' || coordinatorState(group) !== 'PreparingRebalance') return;
  requestRejoin(world, consumer);
}

/** Starts a consumer process: it joins at its first poll and its heartbeat thread starts. */
export function startConsumer(world: World, group: GroupRt, consumer: ConsumerRt): void {
  const nowUs = world.scheduler.nowUs;
  consumer.state = 'idle';
  consumer.membership = 'unjoined';
  consumer.lastPollUs = nowUs;
  consumer.pollScheduled = false;
  schedulePoll(world, consumer, nowUs);
  world.scheduler.schedule(nowUs + msToUs(group.spec.heartbeatIntervalMs), EventKind.heartbeat, consumer.index, consumer.epoch);
}

/** The process dies: no commit, no LeaveGroup; the coordinator notices after session.timeout.ms. */
export function crashConsumer(world: World, group: GroupRt, consumer: ConsumerRt): void {
  if (consumer.state === 'dead') return;
  stopProcess(world, consumer);
  const lost = releaseAll(world, group, consumer);
  world.log.add(world.scheduler.nowUs, 'consumer.crashed', group.spec.id, `${consumer.name} crashed${lost.length ? ` while owning ${describePartitions(world, lost)}` : ''}: they stay unprocessed until the coordinator misses its heartbeats for session.timeout.ms (${group.spec.sessionTimeoutMs} ms).`);
}

/** A crashed consumer starts again: a new member.id (a static member keeps its group.instance.id). */
export function restartConsumer(world: World, group: GroupRt, consumer: ConsumerRt): void {
  if (consumer.state !== 'dead') return;
  consumer.epoch++;
  consumer.memberId = null;
  consumer.batchLength = 0;
  consumer.batchPosition = 0;
  consumer.pendingAssignment = null;
  // A new process remembers no previous assignment to be sticky to.
  consumer.previousAssignment = [];
  consumer.previousGeneration = -1;
  world.log.add(world.scheduler.nowUs, 'consumer.restarted', group.spec.id, `${consumer.name} restarted${consumer.groupInstanceId ? ` as static member ${consumer.groupInstanceId}` : ''} and joins group ${group.spec.id}.`);
  startConsumer(world, group, consumer);
}

/** close(): commit what was processed, give the partitions up, and leave the group. */
export function leaveConsumer(world: World, group: GroupRt, consumer: ConsumerRt): void {
  if (consumer.state === 'dead') return;
  for (const p of consumer.assigned) {
    if (group.spec.commit !== 'before-process') group.committed[p] = Math.max(group.committed[p]!, group.settledUpTo[p]!);
  }
  const memberId = consumer.memberId;
  stopProcess(world, consumer);
  releaseAll(world, group, consumer);
  consumer.permanentlyStopped = true;
  if (memberId !== null && consumer.groupInstanceId === null) {
    consumer.leavingMemberId = memberId;
    world.scheduler.schedule(world.scheduler.nowUs + world.networkLatencyUs, EventKind.leaveArrive, consumer.index, consumer.epoch);
  }
  world.log.add(world.scheduler.nowUs, 'consumer.left', group.spec.id, `${consumer.name} shut down cleanly${consumer.groupInstanceId ? ' (a static member sends no LeaveGroup: its partitions move after session.timeout.ms)' : ' and sent LeaveGroup: the group rebalances now'}.`);
}

function stopProcess(world: World, consumer: ConsumerRt): void {
  const nowUs = world.scheduler.nowUs;
  if (consumer.state === 'processing') consumer.busyUs += nowUs - consumer.busySinceUs;
  consumer.state = 'dead';
  // The process no longer takes part (the coordinator may still count it until its session expires).
  consumer.membership = 'unjoined';
  consumer.epoch++; // drops its pending poll, processing and heartbeat events
  consumer.pollScheduled = false;
  consumer.batchLength = 0;
  consumer.batchPosition = 0;
}
