import type { z } from 'zod';
import type { bindingSchema, exchangeSchema, publisherSchema, queueShape, rabbitQueueSchema, snsTopicSchema, sqsQueueSchema, workerSchema } from './queueSchema';

/** A RabbitMQ exchange as parsed (field docs: queueSchema.ts). */
export type ExchangeSpec = z.output<typeof exchangeSchema>;
/** The four exchange types. */
export type ExchangeType = ExchangeSpec['type'];
/** A RabbitMQ queue as parsed. */
export type RabbitQueueSpec = z.output<typeof rabbitQueueSchema>;
/** A RabbitMQ binding as parsed. */
export type BindingSpec = z.output<typeof bindingSchema>;
/** An SQS queue as parsed. */
export type SqsQueueSpec = z.output<typeof sqsQueueSchema>;
/** An SNS topic as parsed. */
export type SnsTopicSpec = z.output<typeof snsTopicSchema>;
/** A publisher as parsed. */
export type PublisherSpec = z.output<typeof publisherSchema>;
/** A worker pool as parsed. */
export type WorkerSpec = z.output<typeof workerSchema>;
/** Every queue-style section of a scenario, defaults filled in. */
export type QueueSections = { [K in keyof typeof queueShape]: z.output<(typeof queueShape)[K]> };
/** A scheduled worker crash. */
export type QueueFaultSpec = QueueSections['queueFaults'][number];
