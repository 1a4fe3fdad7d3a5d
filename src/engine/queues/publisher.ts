import { msToUs } from '../kernel/time';
import { QueueEventKind } from './eventKinds';
import { route } from './exchangeRouting';
import { admit, newCopy, queueWorld } from './enqueue';
import { publishToTopic } from './snsFanout';
import { registerRequest } from './requestReply';
import type { PublisherRt } from './types';
import type { World } from '../kafka/world';

/**
 * A publisher: messages arrive at its rate (Poisson or evenly spaced) from startMs until stopMs
 * or messageCount; each draws a routing key, a header table and (for FIFO) a message group, and
 * goes to its exchange, SQS queue or SNS topic. With duplicateRate, a message is sometimes sent
 * twice with the same id, as a client retrying after a lost response does.
 */

/** Schedules the publisher's first message. */
export function startPublisher(world: World, publisher: PublisherRt): void {
  publisher.nextArrivalExactUs = msToUs(publisher.spec.startMs);
  scheduleNext(world, publisher, false);
}

/** Changes the publish rate from now on. */
export function setPublisherRate(world: World, publisher: PublisherRt, ratePerSec: number): void {
  publisher.ratePerSec = ratePerSec;
  publisher.arrivalToken++;
  publisher.nextArrivalExactUs = Math.max(world.scheduler.nowUs, msToUs(publisher.spec.startMs));
  scheduleNext(world, publisher, false);
}

function scheduleNext(world: World, publisher: PublisherRt, afterAnArrival: boolean): void {
  if (publisher.ratePerSec <= 0) return;
  const spec = publisher.spec;
  if (spec.messageCount !== null && publisher.sent - publisher.duplicateSends >= spec.messageCount) return;
  if (afterAnArrival || spec.arrival === 'poisson') {
    const meanGapUs = 1e6 / publisher.ratePerSec;
    publisher.nextArrivalExactUs += spec.arrival === 'poisson' ? -meanGapUs * Math.log(1 - publisher.arrivalRng.nextFloat()) : meanGapUs;
  }
  const atUs = Math.max(world.scheduler.nowUs, Math.round(publisher.nextArrivalExactUs));
  if (spec.stopMs !== null && atUs >= msToUs(spec.stopMs)) return;
  world.scheduler.schedule(atUs, QueueEventKind.publish, publisher.index, publisher.arrivalToken);
}

/** The application publishes its next message. */
export function onPublish(world: World, publisher: PublisherRt, token: number): void {
  if (token !== publisher.arrivalToken) return; // superseded by a rate change
  const qw = queueWorld(world);
  const rng = publisher.pickRng;
  const keys = publisher.keys;
  const headerSets = publisher.headerSets;
  const key = keys.length === 1 ? keys[0]! : keys[rng.nextInt(keys.length)]!;
  const headers = headerSets.length === 1 ? headerSets[0]! : headerSets[rng.nextInt(headerSets.length)]!;
  const groups = publisher.groups;
  const group = groups === null ? -1 : groups[rng.nextInt(groups.length)]!;
  const messageId = qw.nextMessageId++;
  if (publisher.replyQueue >= 0) registerRequest(world, publisher, messageId);
  send(world, publisher, messageId, key, headers, group);
  const duplicateRate = publisher.spec.duplicateRate;
  if (duplicateRate > 0 && rng.nextFloat() < duplicateRate) {
    publisher.duplicateSends++;
    send(world, publisher, messageId, key, headers, group);
  }
  scheduleNext(world, publisher, true);
}

function send(world: World, publisher: PublisherRt, messageId: number, key: number, headers: number, group: number): void {
  const qw = queueWorld(world);
  const nowUs = world.scheduler.nowUs;
  publisher.sent++;
  if (publisher.target === 'sns') {
    publishToTopic(world, qw.snsTopics[publisher.targetIndex]!, messageId, key, headers, group);
    return;
  }
  const replyTo = publisher.replyQueue >= 0 ? publisher.index : -1;
  const correlation = replyTo >= 0 ? messageId : -1;
  if (publisher.target === 'sqs') {
    const q = qw.queues[publisher.targetIndex]!;
    admit(world, q, newCopy(qw, q, messageId, nowUs, key, headers, group, publisher.expirationUs, replyTo, correlation));
    return;
  }
  const exchange = qw.exchanges[publisher.targetIndex]!;
  const targets = route(qw, exchange, key, headers);
  if (targets.length === 0) {
    exchange.unroutable++;
    return;
  }
  exchange.routed++;
  for (let i = 0; i < targets.length; i++) {
    const q = qw.queues[targets[i]!]!;
    admit(world, q, newCopy(qw, q, messageId, nowUs, key, headers, group, publisher.expirationUs, replyTo, correlation));
  }
}
