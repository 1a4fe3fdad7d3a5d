/** The queue-style brokers (RabbitMQ, SQS, SNS) on the simulation kernel: what the rest of the engine uses. */
export { buildQueueWorld, hasQueueSections, startQueues } from './build';
export { dispatchQueueEvent } from './dispatch';
export { QueueEventKind, QUEUE_EVENT_KIND_MIN, QUEUE_EVENT_KIND_MAX } from './eventKinds';
export { checkQueueInvariants } from './invariants';
export { withQueueMetrics, queueBrokerMetrics } from './metrics';
export type { QueueMetrics, ExchangeMetrics, RequesterMetrics, QueueBrokerMetrics } from './metrics';
export { queueSnapshot } from './views';
export type { ExchangeView, QueueView, QueueWorkerView, SnsTopicView, QueueSnapshot } from './views';
export { applyQueueChange, QUEUE_CHANGE_TYPES } from './queueChanges';
export type { QueueChange, QueueChangeResult } from './queueChanges';
export { defaultQueueLimits } from './types';
export type { QueueWorld, QueueLimits } from './types';
