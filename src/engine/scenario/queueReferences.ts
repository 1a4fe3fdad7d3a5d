import { bindingSchema, exchangeSchema, publisherSchema, queueShape, rabbitQueueSchema, snsTopicSchema, sqsQueueSchema, workerSchema } from './queueSchema';
import { topicPatternProblem } from '../queues/topicPattern';
import type { PathSegment } from './errors';
import type { Problem } from './sanitize';
import type { Scenario } from './types';
import { INVALID, at, isRecord, items, valid, type Checked } from './lenientRead';

type Report = (path: PathSegment[], message: string) => void;

/** Declared names of one kind, and whether every one could be read (else a dangling reference may mean the unreadable one). */
interface Names<T> {
  byName: Map<string, T>;
  complete: boolean;
}

function listNames(names: Iterable<string>): string {
  const all = [...names].map((n) => JSON.stringify(n));
  if (all.length === 0) return '(none)';
  const shown = all.slice(0, 10).join(', ');
  return all.length > 10 ? `${shown} and ${all.length - 10} more` : shown;
}

function missing(kind: string, name: string, names: Names<unknown>, plural: string): string | null {
  if (names.byName.has(name) || !names.complete) return null;
  return `${kind} ${JSON.stringify(name)} does not exist; known ${plural}: ${listNames(names.byName.keys())}`;
}

/** Collects unique names of a section; a duplicate is reported at its name. */
function collect<T>(data: Record<string, unknown>, section: string, field: string, kind: string, read: (item: Record<string, unknown>) => Checked<{ name: string; value: T }>, report: Report): Names<T> {
  const names: Names<T> = { byName: new Map(), complete: data[section] === undefined || Array.isArray(data[section]) };
  const first = new Map<string, number>();
  items(data[section]).forEach((item, i) => {
    const entry = isRecord(item) ? read(item) : INVALID;
    if (entry === INVALID) {
      names.complete = false;
      return;
    }
    const seen = first.get(entry.name);
    if (seen !== undefined) report([section, i, field], `duplicate ${kind} ${JSON.stringify(entry.name)} (${section}[${seen}] has it too): ${kind}s must be unique`);
    else {
      first.set(entry.name, i);
      names.byName.set(entry.name, entry.value);
    }
  });
  return names;
}

interface SqsInfo {
  fifo: Checked<boolean>;
}

/**
 * The rules between the queue-style sections: unique names, references that resolve, FIFO names
 * and redrive targets, settings that only one broker has. Like references.ts, each rule reads
 * only fields that are valid on their own, and every rule runs so that all problems show at once.
 */
export function checkQueueReferences(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, message) => void problems.push({ path, message });
  if (!isRecord(data)) return problems;
  checkTopicsOrQueues(data, report);

  const exchanges = collect(data, 'exchanges', 'name', 'exchange name', (item) => {
    const name = valid(exchangeSchema.shape.name, at(item, 'name'));
    return name === INVALID ? INVALID : { name, value: valid(exchangeSchema.shape.type, at(item, 'type')) };
  }, report);
  const queues = collect(data, 'queues', 'name', 'queue name', (item) => {
    const name = valid(rabbitQueueSchema.shape.name, at(item, 'name'));
    return name === INVALID ? INVALID : { name, value: true };
  }, report);
  const sqs = collect<SqsInfo>(data, 'sqsQueues', 'name', 'SQS queue name', (item) => {
    const name = valid(sqsQueueSchema.shape.name, at(item, 'name'));
    return name === INVALID ? INVALID : { name, value: { fifo: valid(sqsQueueSchema.shape.fifo, at(item, 'fifo')) } };
  }, report);
  const topics = collect(data, 'snsTopics', 'name', 'SNS topic name', (item) => {
    const name = valid(snsTopicSchema.shape.name, at(item, 'name'));
    return name === INVALID ? INVALID : { name, value: name.endsWith('.fifo') };
  }, report);
  const workers = collect(data, 'workers', 'id', 'worker id', (item) => {
    const id = valid(workerSchema.shape.id, at(item, 'id'));
    return id === INVALID ? INVALID : { name: id, value: valid(workerSchema.shape.count, at(item, 'count')) };
  }, report);
  collect(data, 'publishers', 'id', 'publisher id', (item) => {
    const id = valid(publisherSchema.shape.id, at(item, 'id'));
    return id === INVALID ? INVALID : { name: id, value: true };
  }, report);

  items(data.exchanges).forEach((item, i) => {
    const name = valid(exchangeSchema.shape.name, at(item, 'name'));
    if (name !== INVALID && name.startsWith('amq.')) report(['exchanges', i, 'name'], `${JSON.stringify(name)} starts with "amq.", which RabbitMQ reserves for its own exchanges (declaring it is refused with ACCESS_REFUSED)`);
  });
  items(data.sqsQueues).forEach((queue, i) => {
    const name = valid(sqsQueueSchema.shape.name, at(queue, 'name'));
    if (name !== INVALID && queues.byName.has(name)) report(['sqsQueues', i, 'name'], `${JSON.stringify(name)} is also the name of a RabbitMQ queue: metrics and views name queues by name, so give each its own`);
  });
  checkRabbitQueues(data, exchanges, report);
  checkBindings(data, exchanges, queues, report);
  checkSqsQueues(data, sqs, report);
  checkSnsTopics(data, sqs, report);
  checkPublishers(data, exchanges, queues, sqs, topics, report);
  checkWorkers(data, queues, sqs, report);
  items(data.queueFaults).forEach((fault, i) => {
    const worker = at(fault, 'worker');
    if (typeof worker !== 'string') return;
    const error = missing('worker pool', worker, workers, 'worker pools');
    if (error !== null) return report(['queueFaults', i, 'worker'], error);
    const count = workers.byName.get(worker);
    const instance = at(fault, 'instance');
    if (typeof count === 'number' && typeof instance === 'number' && Number.isInteger(instance) && instance >= count) {
      report(['queueFaults', i, 'instance'], `worker pool ${JSON.stringify(worker)} has ${count} worker${count === 1 ? '' : 's'}, numbered 0 to ${count - 1}, got ${instance}`);
    }
  });
  return problems;
}

/** A scenario needs Kafka topics unless it has queue-style content instead. */
function checkTopicsOrQueues(data: Record<string, unknown>, report: Report): void {
  const hasQueues = Object.keys(queueShape).some((section) => section !== 'queueFaults' && Array.isArray(data[section]) && (data[section] as unknown[]).length > 0);
  if (hasQueues) return;
  if (data.topics === undefined) report(['topics'], 'required');
  else if (Array.isArray(data.topics) && data.topics.length === 0) report(['topics'], 'must have at least 1 item, got 0');
}

function checkRabbitQueues(data: Record<string, unknown>, exchanges: Names<unknown>, report: Report): void {
  const shape = rabbitQueueSchema.shape;
  items(data.queues).forEach((queue, i) => {
    const path = ['queues', i];
    const name = valid(shape.name, at(queue, 'name'));
    if (name !== INVALID && name.startsWith('amq.')) report([...path, 'name'], `${JSON.stringify(name)} starts with "amq.", which RabbitMQ reserves for server-named queues (declaring it is refused with ACCESS_REFUSED)`);
    const dlx = valid(shape.deadLetterExchange, at(queue, 'deadLetterExchange'));
    if (dlx !== INVALID && dlx !== null && dlx !== '') {
      const error = missing('exchange', dlx, exchanges, 'exchanges');
      if (error !== null) report([...path, 'deadLetterExchange'], error);
    }
    const type = valid(shape.type, at(queue, 'type'));
    if (type === 'classic' && at(queue, 'deliveryLimit') !== undefined && at(queue, 'deliveryLimit') !== null) {
      report([...path, 'deliveryLimit'], 'applies only to quorum queues (x-delivery-limit): set "type": "quorum" or remove it');
    }
    if (type === 'quorum' && valid(shape.overflow, at(queue, 'overflow')) === 'reject-publish-dlx') {
      report([...path, 'overflow'], 'quorum queues do not support "reject-publish-dlx": use "drop-head" or "reject-publish"');
    }
    const dlKey = at(queue, 'deadLetterRoutingKey');
    const dlxRaw = at(queue, 'deadLetterExchange');
    if (dlKey !== undefined && dlKey !== null && (dlxRaw === undefined || dlxRaw === null)) {
      report([...path, 'deadLetterRoutingKey'], 'has no effect without a deadLetterExchange');
    }
  });
}

function checkBindings(data: Record<string, unknown>, exchanges: Names<unknown>, queues: Names<unknown>, report: Report): void {
  const shape = bindingSchema.shape;
  items(data.bindings).forEach((binding, i) => {
    const path = ['bindings', i];
    const exchange = valid(shape.exchange, at(binding, 'exchange'));
    let type: unknown = INVALID;
    if (at(binding, 'exchange') === '') report([...path, 'exchange'], 'the default exchange "" binds every queue by its name already and cannot be bound explicitly');
    else if (exchange !== INVALID) {
      const error = missing('exchange', exchange, exchanges, 'exchanges');
      if (error !== null) report([...path, 'exchange'], error);
      type = exchanges.byName.get(exchange);
    }
    const queue = valid(shape.queue, at(binding, 'queue'));
    if (queue !== INVALID) {
      const error = missing('queue', queue, queues, 'queues');
      if (error !== null) report([...path, 'queue'], error);
    }
    const key = valid(shape.routingKey, at(binding, 'routingKey'));
    if (type === 'topic' && key !== INVALID) {
      const problem = topicPatternProblem(key);
      if (problem !== null) report([...path, 'routingKey'], problem);
    }
    const headers = valid(shape.headers, at(binding, 'headers'));
    if (type === 'headers' && headers !== INVALID && Object.keys(headers).length === 0) {
      report([...path, 'headers'], 'a binding on a headers exchange needs at least one header to match, like { "region": "eu" }');
    }
  });
}

function checkSqsQueues(data: Record<string, unknown>, sqs: Names<SqsInfo>, report: Report): void {
  const shape = sqsQueueSchema.shape;
  items(data.sqsQueues).forEach((queue, i) => {
    const path = ['sqsQueues', i];
    const name = valid(shape.name, at(queue, 'name'));
    const fifo = valid(shape.fifo, at(queue, 'fifo'));
    if (name !== INVALID && fifo !== INVALID) {
      if (fifo && !name.endsWith('.fifo')) report([...path, 'name'], `a FIFO queue's name must end with ".fifo" (SQS requires it), got ${JSON.stringify(name)}`);
      if (!fifo && name.endsWith('.fifo')) report([...path, 'fifo'], `must be true for a queue named ${JSON.stringify(name)}: only FIFO queues may end with ".fifo"`);
    }
    const redrive = at(queue, 'redrivePolicy');
    const target = valid(shape.redrivePolicy.unwrap().unwrap().shape.deadLetterQueue, at(redrive, 'deadLetterQueue'));
    if (target === INVALID || name === INVALID) return;
    const targetPath = [...path, 'redrivePolicy', 'deadLetterQueue'];
    const error = missing('SQS queue', target, sqs, 'SQS queues');
    if (error !== null) return report(targetPath, `${error} (the dead-letter queue must be declared in sqsQueues)`);
    if (target === name) return report(targetPath, 'is the queue itself: a queue cannot be its own dead-letter queue');
    const targetFifo = sqs.byName.get(target)?.fifo;
    if (fifo !== INVALID && targetFifo !== undefined && targetFifo !== INVALID && fifo !== targetFifo) {
      report(targetPath, fifo ? `the dead-letter queue of a FIFO queue must be FIFO too, got the standard queue ${JSON.stringify(target)}` : `the dead-letter queue of a standard queue must be standard too, got the FIFO queue ${JSON.stringify(target)}`);
    }
  });
}

function checkSnsTopics(data: Record<string, unknown>, sqs: Names<SqsInfo>, report: Report): void {
  items(data.snsTopics).forEach((topic, i) => {
    const name = valid(snsTopicSchema.shape.name, at(topic, 'name'));
    const seen = new Set<string>();
    items(at(topic, 'subscriptions')).forEach((queue, j) => {
      if (typeof queue !== 'string') return;
      const path = ['snsTopics', i, 'subscriptions', j];
      if (seen.has(queue)) return report(path, `subscribes ${JSON.stringify(queue)} twice`);
      seen.add(queue);
      const error = missing('SQS queue', queue, sqs, 'SQS queues');
      if (error !== null) return report(path, error);
      const fifo = sqs.byName.get(queue)?.fifo;
      if (name === INVALID || fifo === undefined || fifo === INVALID) return;
      if (name.endsWith('.fifo') && !fifo) report(path, `a FIFO topic delivers only to FIFO queues, got the standard queue ${JSON.stringify(queue)}`);
      if (!name.endsWith('.fifo') && fifo) report(path, `a standard topic cannot deliver to the FIFO queue ${JSON.stringify(queue)}: make the topic FIFO (its name ending ".fifo")`);
    });
  });
}

function checkPublishers(
  data: Record<string, unknown>,
  exchanges: Names<unknown>,
  queues: Names<unknown>,
  sqs: Names<SqsInfo>,
  topics: Names<boolean>,
  report: Report,
): void {
  const shape = publisherSchema.shape;
  items(data.publishers).forEach((publisher, i) => {
    const path = ['publishers', i];
    const given = (['exchange', 'sqsQueue', 'snsTopic'] as const).filter((field) => at(publisher, field) !== undefined);
    if (given.length === 0) return report([...path, 'exchange'], 'required: give one of "exchange", "sqsQueue" or "snsTopic"');
    if (given.length > 1) return report([...path, given[1]!], `give only one of "exchange", "sqsQueue" or "snsTopic", not both ${given[0]} and ${given[1]}`);
    const target = given[0]!;
    let fifo: Checked<boolean> | undefined;
    if (target === 'exchange') {
      const exchange = valid(shape.exchange, at(publisher, 'exchange'));
      if (exchange !== INVALID && exchange !== undefined && exchange !== '') {
        const error = missing('exchange', exchange, exchanges, 'exchanges (or "" for the default exchange)');
        if (error !== null) report([...path, 'exchange'], error);
      }
      fifo = false;
    } else if (target === 'sqsQueue') {
      const queue = valid(shape.sqsQueue, at(publisher, 'sqsQueue'));
      if (queue !== INVALID && queue !== undefined) {
        const error = missing('SQS queue', queue, sqs, 'SQS queues');
        if (error !== null) report([...path, 'sqsQueue'], error);
        fifo = sqs.byName.get(queue)?.fifo;
      }
    } else {
      const topic = valid(shape.snsTopic, at(publisher, 'snsTopic'));
      if (topic !== INVALID && topic !== undefined) {
        const error = missing('SNS topic', topic, topics, 'SNS topics');
        if (error !== null) report([...path, 'snsTopic'], error);
        fifo = topics.byName.get(topic);
      }
    }
    const groups = at(publisher, 'messageGroups');
    const hasGroups = groups !== undefined && groups !== null;
    if (fifo === true && !hasGroups) report([...path, 'messageGroups'], `required for the FIFO ${target === 'snsTopic' ? 'topic' : 'queue'}: every message needs a MessageGroupId`);
    if (fifo === false && hasGroups) report([...path, 'messageGroups'], 'applies only to FIFO queues and topics');
    const request = at(publisher, 'request');
    const id = valid(shape.id, at(publisher, 'id'));
    if (request !== undefined && request !== null) {
      if (target !== 'exchange') report([...path, 'request'], 'request-reply is modelled for RabbitMQ: publish to an exchange');
      else if (id !== INVALID && queues.byName.has(`${id}.replies`)) report([...path, 'request'], `needs the reply queue ${JSON.stringify(`${id}.replies`)}, but a queue of that name is declared in queues`);
    }
    const startMs = valid(shape.startMs, at(publisher, 'startMs'));
    const stopMs = valid(shape.stopMs, at(publisher, 'stopMs'));
    if (startMs !== INVALID && stopMs !== INVALID && stopMs !== null && stopMs <= startMs) report([...path, 'stopMs'], `must be later than startMs (${startMs}), got ${stopMs}`);
  });
}

const RABBIT_ONLY = ['prefetchCount', 'autoAck', 'onFailure'] as const;
const SQS_ONLY = ['maxMessages', 'waitTimeMs', 'pollIntervalMs'] as const;

function checkWorkers(data: Record<string, unknown>, queues: Names<unknown>, sqs: Names<SqsInfo>, report: Report): void {
  const shape = workerSchema.shape;
  items(data.workers).forEach((worker, i) => {
    const path = ['workers', i];
    const queue = at(worker, 'queue');
    const sqsQueue = at(worker, 'sqsQueue');
    if (queue === undefined && sqsQueue === undefined) return report([...path, 'queue'], 'required: give "queue" (RabbitMQ) or "sqsQueue"');
    if (queue !== undefined && sqsQueue !== undefined) return report([...path, 'sqsQueue'], 'give either "queue" or "sqsQueue", not both');
    if (queue !== undefined) {
      const name = valid(shape.queue, queue);
      const error = name === INVALID || name === undefined ? null : missing('queue', name, queues, 'queues');
      if (error !== null) report([...path, 'queue'], error);
      for (const field of SQS_ONLY) if (at(worker, field) !== undefined) report([...path, field], 'applies only to SQS workers (sqsQueue)');
    } else {
      const name = valid(shape.sqsQueue, sqsQueue);
      const error = name === INVALID || name === undefined ? null : missing('SQS queue', name, sqs, 'SQS queues');
      if (error !== null) report([...path, 'sqsQueue'], error);
      for (const field of RABBIT_ONLY) if (at(worker, field) !== undefined) report([...path, field], 'applies only to RabbitMQ workers (queue); SQS workers delete a message after processing it');
    }
    const processing = valid(shape.processingMs, at(worker, 'processingMs'));
    if (processing !== INVALID && processing.dist === 'uniform' && processing.max < processing.min) {
      report([...path, 'processingMs', 'max'], `must be at least min (${processing.min}), got ${processing.max}`);
    }
  });
}

/**
 * The scenario without its empty queue-style sections, so that a Kafka-only scenario parses to
 * exactly what it did before those sections existed (its links, snapshots and traces unchanged).
 */
export function withoutEmptyQueueSections(scenario: Scenario): Scenario {
  const out: Record<string, unknown> = { ...scenario };
  for (const section of Object.keys(queueShape)) {
    const value = out[section];
    if (Array.isArray(value) && value.length === 0) delete out[section];
  }
  return out as Scenario;
}
