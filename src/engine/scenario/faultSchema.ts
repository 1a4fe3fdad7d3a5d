import { z } from 'zod';
import { int, intOrNull, num, object, str, taggedUnionError } from './fields';
import { distributionSchema } from './distribution';
import { entityId, topicName } from './names';

const atMs = () => int(0, null).describe('Simulated time the fault happens, ms (after durationMs it never fires).');
// Static bounds only: the cross-reference pass checks them against the cluster and the groups.
const broker = () => int(0, 31).describe('Broker number, from 0 to cluster.brokers - 1.');
const group = () => entityId().describe('Id of a consumer group of the scenario.');
const consumer = () => int(0, 255).describe("Consumer number within the group, from 0 to the group's consumers - 1.");
const restartAfterMs = () =>
  intOrNull(1, null).default(null).describe('Restart it this long after the crash, ms, or null: it stays down.');
const durationMs = () => intOrNull(1, null).default(null).describe('How long it lasts, ms, or null: until the end.');

const faultOptions = [
  object({
    atMs: atMs(),
    type: z.literal('broker-crash').describe('A broker stops; its partitions elect new leaders.'),
    broker: broker(),
    restartAfterMs: restartAfterMs(),
  }),
  object({ atMs: atMs(), type: z.literal('broker-restart').describe('A crashed broker starts again.'), broker: broker() }),
  object({
    atMs: atMs(),
    type: z.literal('slow-follower').describe("A broker's replicas fetch late, so it may drop out of the ISR."),
    broker: broker(),
    delayMs: int(0, null).describe('Extra delay on each of its fetches, ms.'),
    durationMs: durationMs(),
  }),
  object({
    atMs: atMs(),
    type: z.literal('consumer-crash').describe('A consumer process dies without leaving the group.'),
    group: group(),
    consumer: consumer(),
    restartAfterMs: restartAfterMs(),
  }),
  object({
    atMs: atMs(),
    type: z.literal('consumer-leave').describe('A consumer shuts down cleanly and leaves the group.'),
    group: group(),
    consumer: consumer(),
  }),
  object({
    atMs: atMs(),
    type: z.literal('consumer-add').describe('New consumers start and join the group.'),
    group: group(),
    count: int(1, 64).default(1).describe('How many consumers join.'),
  }),
  object({
    atMs: atMs(),
    type: z.literal('consumer-slow').describe('A consumer processes more slowly for a while.'),
    group: group(),
    consumer: consumer(),
    processingMs: distributionSchema,
    durationMs: durationMs(),
  }),
  object({
    atMs: atMs(),
    type: z.literal('poison-key').describe("From now on, the group's processing always fails for this key."),
    group: group(),
    key: str(1, 200).describe('The record key that becomes poison.'),
  }),
  object({
    atMs: atMs(),
    type: z.literal('set-partitions').describe('The topic gets more partitions (Kafka can only add partitions).'),
    topic: topicName().describe('A topic of the scenario.'),
    partitions: int(1, 1024).describe('The new partition count: more than the current one, at most 1024.'),
  }),
  object({
    atMs: atMs(),
    type: z.literal('set-rate').describe("A producer's send rate changes."),
    producer: entityId().describe('Id of a producer of the scenario.'),
    ratePerSec: num(0, 1_000_000).describe('The new rate, records per second.'),
  }),
] as const;

/** Every fault type, in the order the docs list them. */
export const FAULT_TYPES = faultOptions.map((option) => option.shape.type.value);

/** A fault scheduled at a simulated time. */
export const faultSchema = z
  .discriminatedUnion('type', [...faultOptions], {
    error: taggedUnionError('type', FAULT_TYPES, '{ "atMs": 1000, "type": "broker-crash", "broker": 0 }'),
  })
  .describe('A fault that happens at atMs: its `type` says which.');
