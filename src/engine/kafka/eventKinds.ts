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

  // Consumer-side delivery (codes 30–49).
  /** a = consumer index, b = consumer epoch: the in-place error handler's back-off is over; poll again. */
  retryBackoffEnd: 30,
  /** a = group index, b = retry queue index: a retry-topic partition's listener looks at its head record. */
  retryTopicPoll: 31,
  /** a = group index, b = retry queue index: the retry attempt of that partition's head record ends. */
  retryTopicProcessed: 32,

  // Cluster and producer delivery (codes 50–69).
  /** a = producer index, b = batch serial: an error answer to a produce request reaches the producer. */
  produceError: 50,
  /** a = producer index, b = batch serial: request.timeout.ms of a produce request waiting for the ISR ran out. */
  produceTimeout: 51,
  /** a = producer index, b = global partition index: a retry back-off or a delivery timeout is due. */
  producerWake: 52,
  /** a = broker id, b = fetch token: the broker's replica fetch request is at its leaders. */
  replicaFetch: 53,
  /** a = broker id, b = fetch token: the fetch response reaches the follower broker. */
  replicaFetchResponse: 54,
  /** The periodic ISR check (every replica.lag.time.max.ms / 2; a, b unused). */
  isrCheck: 55,
  /** a = broker id, b = crash token: a crashed broker restarts (broker-crash's restartAfterMs). */
  brokerRestart: 56,
  /** a = broker id, b = slow token: a slow-follower fault ends. */
  slowFollowerEnd: 57,
} as const;

export type EventKindCode = (typeof EventKind)[keyof typeof EventKind];
