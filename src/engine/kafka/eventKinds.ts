/**
 * Kinds of simulated event. The numbers are part of the canonical trace (they are folded into
 * `traceHash`), so never renumber one: add new kinds at the end.
 */
export const EventKind = {
  /** a = producer index: the producer's application calls send() for the next record. */
  produceArrival: 1,
  /** a = producer index, b = global partition index: a batch's linger.ms ran out. */
  lingerExpired: 2,
  /** a = producer index, b = global partition index: the oldest in-flight batch reaches the leader. */
  batchAppend: 3,
  /** a = consumer index, b = consumer epoch: the consumer calls poll(). */
  consumerPoll: 4,
  /** a = consumer index, b = consumer epoch: processing of the current record completes. */
  processDone: 5,
  /** Metrics sampling tick (a, b unused). */
  sample: 6,
  /** a = index into the scenario's fault list: a scheduled fault fires. */
  fault: 7,
  /** a = consumer index, b = consumer epoch: its JoinGroup reaches the coordinator. */
  joinArrive: 8,
  /** a = group index, b = deadline token: the join phase's deadline (initial delay or rebalance timeout). */
  joinDeadline: 9,
  /** a = consumer index, b = generation: the JoinGroup response reaches the consumer. */
  joinResponse: 10,
  /** a = consumer index, b = generation: its SyncGroup reaches the coordinator. */
  syncArrive: 11,
  /** a = consumer index, b = generation: the SyncGroup response (the assignment) reaches the consumer. */
  syncResponse: 12,
  /** a = consumer index, b = consumer epoch: the consumer's heartbeat thread ticks. */
  heartbeat: 13,
  /** a = consumer index, b = member session token: the coordinator checks a member's session. */
  sessionCheck: 14,
  /** a = consumer index, b = consumer epoch: a heartbeat response says a rebalance is in progress. */
  rebalanceNotice: 15,
  /** a = consumer index, b = consumer epoch: its LeaveGroup reaches the coordinator. */
  leaveArrive: 16,
  /** a = consumer index: a crashed consumer starts again. */
  consumerRestart: 17,
  /** a = consumer index, b = slow token: a consumer-slow fault ends. */
  slowEnd: 18,
} as const;

export type EventKindCode = (typeof EventKind)[keyof typeof EventKind];
