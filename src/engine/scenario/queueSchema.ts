import { z } from 'zod';
import { bool, int, intOrNull, list, num, object, oneOf, str } from './fields';
import { distributionSchema } from './distribution';
import { describeValue } from './errors';
import { entityId } from './names';

/**
 * The queue-style broker sections of scenario v1: RabbitMQ exchanges, queues and bindings, SQS
 * queues, SNS topics, and the publishers and workers that use them. Field names are the ones
 * RabbitMQ and AWS users know (x-message-ttl → messageTtlMs, MaxNumberOfMessages → maxMessages).
 * Rules between fields (references, .fifo names, redrive targets) are in queueReferences.ts.
 */

/** RabbitMQ's rule, narrowed to characters that are safe in a URL and a log line. */
export const RABBIT_NAME_PATTERN = /^[a-zA-Z0-9._:-]{1,255}$/;
/** SQS and SNS names: letters, digits, "-" and "_", and for FIFO the ".fifo" suffix. */
export const AWS_NAME_PATTERN = /^[a-zA-Z0-9_-]+(\.fifo)?$/;
/** SQS keeps a FIFO deduplication id for 5 minutes, ms. */
export const FIFO_DEDUP_WINDOW_MS = 300_000;
/** A quorum queue's delivery-limit when none is set (RabbitMQ 4.x's ?DEFAULT_DELIVERY_LIMIT). */
export const QUORUM_DELIVERY_LIMIT_DEFAULT = 20;

const rabbitName = () => str(1, 255, RABBIT_NAME_PATTERN, 'letters, digits, ".", "_", ":" and "-"');
const awsName = (max: number) => str(1, max, AWS_NAME_PATTERN, 'letters, digits, "-" and "_", and for a FIFO queue or topic the ".fifo" suffix');
const routingKey = () => str(0, 255);

/** A headers table: string values by header name (AMQP headers, or a binding's match arguments). */
const headersSchema = z
  .record(str(1, 255), str(0, 255), {
    error: (issue) => (issue.input === undefined ? 'required' : `must be an object of text values like { "region": "eu" }, got ${describeValue(issue.input)}`),
  })
  .refine((headers) => Object.keys(headers).length <= 64, { message: 'must have at most 64 headers' });

export const exchangeSchema = object({
  name: rabbitName().describe('Unique exchange name. "" is the default exchange, which exists already; names starting "amq." are reserved.'),
  type: oneOf(['direct', 'topic', 'fanout', 'headers']).describe(
    '"direct": routing key equals the binding key; "topic": binding key is a pattern of "."-separated words where "*" is one word and "#" zero or more; "fanout": every bound queue; "headers": headers match the binding\'s (x-match all/any).',
  ),
}).describe('A RabbitMQ exchange: it routes each published message to the queues bound to it.');

export const rabbitQueueSchema = object({
  name: rabbitName().describe('Unique queue name; the default exchange routes a message whose routing key is this name here.'),
  type: oneOf(['classic', 'quorum']).default('classic').describe('x-queue-type: "classic" or "quorum" (replicated; has deliveryLimit).'),
  messageTtlMs: intOrNull(0, 2_147_483_647)
    .default(null)
    .describe('x-message-ttl: a message waiting longer than this in the queue expires (and is dead-lettered if deadLetterExchange is set), ms, or null: never.'),
  maxLength: intOrNull(0, 10_000_000)
    .default(null)
    .describe('x-max-length: most ready messages the queue holds (unacknowledged ones do not count), or null: no limit.'),
  overflow: oneOf(['drop-head', 'reject-publish', 'reject-publish-dlx'])
    .default('drop-head')
    .describe('x-overflow: at maxLength, "drop-head" drops (or dead-letters) the oldest message, "reject-publish" refuses the new one, "reject-publish-dlx" refuses and dead-letters it.'),
  deadLetterExchange: z
    .union([rabbitName(), z.literal('')])
    .nullable()
    .default(null)
    .describe('x-dead-letter-exchange: exchange that receives rejected, expired, overflowed and over-delivery-limit messages ("" is the default exchange), or null: they are dropped.'),
  deadLetterRoutingKey: routingKey()
    .nullable()
    .default(null)
    .describe('x-dead-letter-routing-key: routing key of dead-lettered messages, or null: their original routing key.'),
  deliveryLimit: intOrNull(-1, 1_000_000)
    .default(null)
    .describe('x-delivery-limit (quorum queues only): a message returned more times than this is dead-lettered or dropped; -1: no limit; null: 20 for quorum queues.'),
}).describe('A RabbitMQ queue.');

export const bindingSchema = object({
  exchange: z
    .union([rabbitName(), z.literal('')])
    .describe('The exchange the binding is on (must be declared; the default exchange cannot be bound).'),
  queue: rabbitName().describe('The queue that receives the matching messages.'),
  routingKey: routingKey()
    .default('')
    .describe('Binding key: equal to the routing key for "direct"; a pattern for "topic" ("order.*.created", "order.#", "#"); ignored by "fanout" and "headers".'),
  headers: headersSchema.default({}).describe('For "headers" exchanges: header values a message must carry.'),
  xMatch: oneOf(['all', 'any']).default('all').describe('For "headers" exchanges: x-match "all" (every header must match) or "any" (one is enough).'),
}).describe('A binding: messages the exchange routes by this rule go to the queue.');

const redrivePolicySchema = object({
  deadLetterQueue: awsName(80).describe('The SQS queue that receives messages received more than maxReceiveCount times (FIFO for a FIFO queue).'),
  maxReceiveCount: int(1, 1000).describe('maxReceiveCount: receives after which a message that is still not deleted moves to the dead-letter queue.'),
}).describe('redrivePolicy: where messages that keep failing go.');

export const sqsQueueSchema = object({
  name: awsName(80).describe('Unique SQS queue name, up to 80 characters; a FIFO queue\'s ends with ".fifo".'),
  fifo: bool().default(false).describe('FifoQueue: messages of one message group are delivered in order, one batch in flight per group, duplicates within 5 minutes dropped.'),
  visibilityTimeoutMs: int(0, 43_200_000)
    .default(30_000)
    .describe('VisibilityTimeout: a received message stays invisible this long; not deleted by then, it is delivered again, ms (0 to 12 h).'),
  receiveWaitTimeMs: int(0, 20_000)
    .default(0)
    .describe('ReceiveMessageWaitTimeSeconds, ms: 0 is short polling; more is long polling, a receive waits up to this for a message (0 to 20 s).'),
  redrivePolicy: redrivePolicySchema.nullable().default(null).describe('RedrivePolicy: where messages that keep failing go, or null: they are retried until they succeed.'),
}).describe('An Amazon SQS queue.');

export const snsTopicSchema = object({
  name: awsName(256).describe('Unique SNS topic name; a FIFO topic\'s ends with ".fifo".'),
  subscriptions: list(awsName(80), 0, 64).default([]).describe('SQS queues subscribed to the topic: each gets a copy of every message.'),
}).describe('An Amazon SNS topic fanning out to SQS queues.');

const requestSchema = object({
  timeoutMs: int(1, 3_600_000).describe('How long the requester waits for a reply, ms; later replies are counted as late.'),
}).describe('Request-reply: each message carries replyTo (the queue "<publisher id>.replies") and a correlation id.');

export const publisherSchema = object({
  id: entityId().describe('Unique name of this publisher.'),
  exchange: z
    .union([rabbitName(), z.literal('')])
    .optional()
    .describe('RabbitMQ exchange it publishes to ("" is the default exchange). Give exactly one of exchange, sqsQueue, snsTopic.'),
  sqsQueue: awsName(80).optional().describe('SQS queue it sends to.'),
  snsTopic: awsName(256).optional().describe('SNS topic it publishes to.'),
  ratePerSec: num(0, 1_000_000).describe('Messages published per second, on average.'),
  arrival: oneOf(['poisson', 'constant']).default('poisson').describe('How publishes are spaced: "poisson" (random, memoryless) or "constant" (evenly).'),
  messageCount: intOrNull(1, 100_000_000).default(null).describe('Stop after publishing this many messages, or null: no limit.'),
  startMs: int(0, null).default(0).describe('Simulated time the publisher starts, ms.'),
  stopMs: intOrNull(1, null).default(null).describe('Simulated time it stops, ms (after startMs), or null: never.'),
  routingKeys: list(routingKey(), 1, 1000)
    .default([''])
    .describe('Routing keys, one drawn at random per message (for SQS and SNS: a message attribute workers may fail on).'),
  headers: list(headersSchema, 1, 100).default([{}]).describe('Header tables, one drawn at random per message (for headers exchanges).'),
  expirationMs: intOrNull(0, 2_147_483_647).default(null).describe('AMQP expiration: per-message TTL, ms, or null: none.'),
  messageGroups: intOrNull(1, 100_000)
    .default(null)
    .describe('FIFO targets only: MessageGroupId drawn uniformly from "g-0" … "g-{n-1}".'),
  duplicateRate: num(0, 1).default(0).describe('Probability (0 to 1) that a message is sent twice, as a retry after a lost response would (FIFO queues drop the copy).'),
  request: requestSchema.nullable().default(null).describe('Request-reply settings, or null: fire-and-forget messages.'),
}).describe('An application publishing messages to an exchange, an SQS queue or an SNS topic.');

const failuresSchema = object({
  rate: num(0, 1).default(0).describe('Probability (0 to 1) that processing one delivery fails.'),
  poisonKeys: list(str(0, 255), 0, 1000).default([]).describe('Routing keys or message group ids whose messages always fail.'),
}).describe('Processing failures to simulate.');

export const workerSchema = object({
  id: entityId().describe('Unique name of this pool of workers.'),
  queue: rabbitName().optional().describe('RabbitMQ queue the workers consume (give queue or sqsQueue).'),
  sqsQueue: awsName(80).optional().describe('SQS queue the workers poll.'),
  count: int(0, 256).default(1).describe('Number of competing worker processes (consumers) at the start.'),
  prefetchCount: int(0, 65_535)
    .default(0)
    .describe('RabbitMQ basic.qos prefetch_count: most unacknowledged deliveries per worker; 0: unlimited (RabbitMQ\'s default).'),
  autoAck: bool().default(false).describe('RabbitMQ autoAck (noAck): a message counts as acknowledged on delivery: at-most-once.'),
  onFailure: oneOf(['requeue', 'reject'])
    .default('requeue')
    .describe('RabbitMQ: after a failed processing, basic.nack with requeue (back near the head) or basic.reject without requeue (dead-lettered or dropped). SQS workers never delete a failed message: it returns after the visibility timeout.'),
  maxMessages: int(1, 10).default(1).describe('SQS MaxNumberOfMessages: most messages one receive returns (1 to 10).'),
  waitTimeMs: intOrNull(0, 20_000).default(null).describe("SQS WaitTimeSeconds, ms: long-poll wait of each receive, or null: the queue's receiveWaitTimeMs."),
  pollIntervalMs: int(1, 60_000).default(20).describe('SQS: wait after an empty receive before the next one, ms.'),
  processingMs: distributionSchema.prefault({ dist: 'constant', value: 1 }),
  failures: failuresSchema.prefault({}),
}).describe('A pool of competing workers consuming one queue.');

const workerCrashSchema = object({
  atMs: int(0, null).describe('Simulated time of the crash, ms.'),
  type: z.literal('worker-crash').describe('A worker process dies: RabbitMQ requeues its unacknowledged messages; SQS messages it held return after their visibility timeout.'),
  worker: entityId().describe('Id of the worker pool.'),
  instance: int(0, 255).describe('Which worker of the pool, from 0 to count - 1.'),
  restartAfterMs: intOrNull(1, null).default(null).describe('Restart it this long after the crash, ms, or null: it stays down.'),
}).describe('A scheduled crash of one worker.');

/** The queue-style sections of the document's root, spread into schema.ts's rootShape. */
export const queueShape = {
  exchanges: list(exchangeSchema, 0, 64).default([]).describe('RabbitMQ exchanges (the default exchange "" always exists).'),
  queues: list(rabbitQueueSchema, 0, 256).default([]).describe('RabbitMQ queues.'),
  bindings: list(bindingSchema, 0, 1024).default([]).describe('RabbitMQ bindings from exchanges to queues.'),
  sqsQueues: list(sqsQueueSchema, 0, 256).default([]).describe('Amazon SQS queues.'),
  snsTopics: list(snsTopicSchema, 0, 64).default([]).describe('Amazon SNS topics with SQS subscriptions.'),
  publishers: list(publisherSchema, 0, 64).default([]).describe('Applications publishing to exchanges, SQS queues or SNS topics.'),
  workers: list(workerSchema, 0, 64).default([]).describe('Worker pools consuming RabbitMQ or SQS queues.'),
  queueFaults: list(workerCrashSchema, 0, 1000).default([]).describe('Worker crashes scheduled during the run.'),
};

/** The names of the queue-style sections, in document order. */
export const QUEUE_SECTIONS = Object.keys(queueShape) as (keyof typeof queueShape)[];
