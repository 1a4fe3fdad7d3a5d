/**
 * Kinds of simulated event of the queue-style brokers: codes 70–99 (the Kafka model owns the
 * codes below 70). They are folded into the trace hash, so never renumber one.
 */
export const QueueEventKind = {
  /** a = publisher index, b = arrival token: the publisher sends its next message. */
  publish: 70,
  /** a = worker index, b = worker epoch: the worker finishes processing its current delivery. */
  workerDone: 71,
  /** a = worker index, b = poll token: an SQS worker's long poll ran out, or its wait after an empty receive is over. */
  workerPoll: 72,
  /** a = slot, b = receipt serial: an SQS message's visibility timeout ends. */
  visibilityTimeout: 73,
  /** a = queue index, b = expiry token: the message at the head of a RabbitMQ queue reaches its TTL. */
  queueExpiry: 74,
  /** a = publisher index, b = request message id: a request's reply timeout ends. */
  requestTimeout: 75,
  /** a = worker index, b = worker epoch: a crashed worker starts again. */
  workerRestart: 76,
  /** a = index into the scenario's queueFaults: a scheduled worker crash. */
  queueFault: 77,
} as const;

/** The first and last codes of the range the queue brokers own. */
export const QUEUE_EVENT_KIND_MIN = 70;
export const QUEUE_EVENT_KIND_MAX = 99;
