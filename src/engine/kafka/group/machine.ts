import { setup } from 'xstate';

/**
 * The classic group coordinator's states and transitions (Kafka's ClassicGroupState):
 *
 * - `Empty`: no members. A JoinGroup starts the first rebalance, which waits
 *   group.initial.rebalance.delay.ms so that members starting together join one generation.
 * - `PreparingRebalance`: collecting JoinGroups. Completes when every known member has rejoined
 *   or the rebalance timeout (the largest max.poll.interval.ms) expires.
 * - `CompletingRebalance`: waiting for the leader's SyncGroup with the assignment.
 * - `Stable`: members heartbeat; a join, leave, session expiry or metadata change starts a
 *   rebalance. A static member (group.instance.id) that rejoins takes its old assignment back.
 * - `Dead`: the group was removed (terminal).
 *
 * The machine is pure: the engine works out the facts a guard needs (how many members have
 * joined, whether the sender is the leader...) and puts them in the event, advances the machine
 * with xstate's `transition()`, and executes the returned actions itself. xstate's own timers
 * are not used: every timeout is a simulated event, so the coordinator runs on simulated time.
 */
export type CoordinatorEvent =
  | {
      type: 'member.join';
      /**
       * After this join every known member has joined the current rebalance, and the group is
       * not inside its initial delay: the join phase can complete now.
       */
      readyToComplete: boolean;
      /** A static member the coordinator already knows, rejoining with a new member.id. */
      knownStaticMember: boolean;
    }
  | { type: 'member.sync'; fromLeader: boolean }
  | {
      type: 'member.leave' | 'member.sessionExpired';
      /** Members left after removing this one. */
      membersLeft: number;
      /** As for a join: every remaining member has joined and no initial delay is running. */
      readyToComplete: boolean;
    }
  | { type: 'timer.joinDeadline'; joinedCount: number }
  | { type: 'cluster.metadataChanged' }
  | { type: 'group.delete' };

const leaveOrExpire = [
  { guard: 'noMembersLeft', target: 'Empty', actions: ['removeMember', 'resetGroup'] },
  { target: 'PreparingRebalance', actions: ['removeMember', 'beginRebalance'] },
] as const;

export const coordinatorMachine = setup({
  types: { events: {} as CoordinatorEvent },
  // Implemented by the engine (coordinator.ts), which executes the actions transition() returns.
  actions: {
    addMember: () => {},
    removeMember: () => {},
    beginInitialDelay: () => {},
    extendInitialDelay: () => {},
    beginRebalance: () => {},
    completeJoin: () => {},
    resetGroup: () => {},
    computeAssignment: () => {},
    awaitSync: () => {},
    answerSyncs: () => {},
    rejoinStaticMember: () => {},
  },
  guards: {
    readyToComplete: ({ event }) => 'readyToComplete' in event && event.readyToComplete,
    noMembersLeft: ({ event }) => 'membersLeft' in event && event.membersLeft === 0,
    noneJoined: ({ event }) => event.type === 'timer.joinDeadline' && event.joinedCount === 0,
    fromLeader: ({ event }) => event.type === 'member.sync' && event.fromLeader,
    knownStaticMember: ({ event }) => event.type === 'member.join' && event.knownStaticMember,
  },
}).createMachine({
  id: 'groupCoordinator',
  initial: 'Empty',
  states: {
    Empty: {
      on: {
        'member.join': { target: 'PreparingRebalance', actions: ['addMember', 'beginInitialDelay'] },
        'group.delete': { target: 'Dead' },
      },
    },
    PreparingRebalance: {
      // Checked after every event handled here: the join phase ends as soon as every known
      // member has rejoined (outside the initial delay), whichever event made that true.
      always: { guard: 'readyToComplete', target: 'CompletingRebalance', actions: ['completeJoin'] },
      on: {
        'member.join': { actions: ['addMember', 'extendInitialDelay'] },
        'member.leave': [
          { guard: 'noMembersLeft', target: 'Empty', actions: ['removeMember', 'resetGroup'] },
          { actions: ['removeMember'] },
        ],
        'member.sessionExpired': [
          { guard: 'noMembersLeft', target: 'Empty', actions: ['removeMember', 'resetGroup'] },
          { actions: ['removeMember'] },
        ],
        'timer.joinDeadline': [
          { guard: 'noneJoined', target: 'Empty', actions: ['resetGroup'] },
          { target: 'CompletingRebalance', actions: ['completeJoin'] },
        ],
      },
    },
    CompletingRebalance: {
      on: {
        'member.sync': [
          { guard: 'fromLeader', target: 'Stable', actions: ['awaitSync', 'computeAssignment', 'answerSyncs'] },
          { actions: ['awaitSync'] },
        ],
        'member.join': { target: 'PreparingRebalance', actions: ['beginRebalance', 'addMember'] },
        'member.leave': leaveOrExpire,
        'member.sessionExpired': leaveOrExpire,
        'cluster.metadataChanged': { target: 'PreparingRebalance', actions: ['beginRebalance'] },
      },
    },
    Stable: {
      on: {
        'member.join': [
          { guard: 'knownStaticMember', actions: ['rejoinStaticMember'] },
          { target: 'PreparingRebalance', actions: ['beginRebalance', 'addMember'] },
        ],
        'member.sync': { actions: ['awaitSync', 'answerSyncs'] },
        'member.leave': leaveOrExpire,
        'member.sessionExpired': leaveOrExpire,
        'cluster.metadataChanged': { target: 'PreparingRebalance', actions: ['beginRebalance'] },
      },
    },
    Dead: { type: 'final' },
  },
});

export type CoordinatorStateName = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';
