import { z } from 'zod';
import { bool, int, intOrNull, num, object, oneOf, oneOfMessage } from './fields';
import { keySpecSchema } from './distribution';
import { entityId, topicName } from './names';

/** Kafka accepts acks as 0, 1, all or -1; the output always says "0", "1" or "all". */
const acksSchema = z
  .union([z.enum(['0', '1', 'all']), z.literal(0), z.literal(1), z.literal(-1), z.literal('-1')], {
    error: (issue) => oneOfMessage(['0', '1', 'all'], issue.input),
  })
  .default('all')
  .transform((acks): '0' | '1' | 'all' => (acks === 0 || acks === '0' ? '0' : acks === 1 || acks === '1' ? '1' : 'all'))
  .describe(
    'acks: how many replicas must have a record before the leader acknowledges it: "0" (none, fire-and-forget), ' +
      '"1" (the leader), "all" (every in-sync replica). 0, 1, -1 and "-1" are accepted too.',
  );

/** One producer application. Fields named after Kafka's producer configs, in camelCase. */
export const producerSchema = object({
  id: entityId().describe('Unique name of this producer.'),
  topic: topicName().describe('The topic it sends to (must be one of the scenario\'s topics).'),
  ratePerSec: num(0, 1_000_000).describe('Records the application sends per second, on average.'),
  arrival: oneOf(['poisson', 'constant'])
    .default('poisson')
    .describe('How sends are spaced: "poisson" (random, memoryless) or "constant" (evenly).'),
  keys: keySpecSchema.prefault({ distribution: 'uniform', count: 1000 }),
  recordSizeBytes: int(1, 1_048_576).default(100).describe('Size of each record, bytes.'),
  acks: acksSchema,
  lingerMs: num(0, 60_000).default(5).describe('linger.ms: how long a batch waits for more records before it is sent, ms.'),
  batchSize: int(1, 16_777_216).default(16_384).describe('batch.size: most bytes in one batch to one partition.'),
  enableIdempotence: bool()
    .optional()
    .meta({
      default: true,
      description:
        'enable.idempotence: the broker drops duplicate retries. Needs acks "all", retries > 0 and ' +
        'maxInFlightRequestsPerConnection ≤ 5; if not set and those do not hold, it is turned off.',
    }),
  retries: int(0, 2_147_483_647).default(2_147_483_647).describe('retries: how many times a failed send is retried.'),
  retryBackoffMs: int(0, 60_000).default(100).describe('retry.backoff.ms: wait before the first retry, ms.'),
  retryBackoffMaxMs: int(0, null)
    .optional()
    .meta({
      default: 1000,
      description: 'retry.backoff.max.ms: the most the exponential back-off grows to, ms (at least retryBackoffMs).',
    }),
  deliveryTimeoutMs: int(1, 3_600_000).default(120_000).describe('delivery.timeout.ms: a send fails if not acknowledged within this, ms.'),
  requestTimeoutMs: int(1, 3_600_000).default(30_000).describe('request.timeout.ms: how long to wait for one produce response, ms.'),
  maxInFlightRequestsPerConnection: int(1, 100)
    .default(5)
    .describe('max.in.flight.requests.per.connection: unacknowledged batches per broker.'),
  startMs: int(0, null).default(0).describe('Simulated time the producer starts sending, ms.'),
  stopMs: intOrNull(1, null).default(null).describe('Simulated time it stops sending, ms (after startMs), or null: never.'),
}).describe('A producer application sending records to one topic.');
