import { clusterSchema, topicSchema } from './schema';
import { producerSchema } from './producerSchema';
import { groupSchema } from './groupSchema';
import { faultSchema } from './faultSchema';
import { distributionSchema } from './distribution';
import type { PathSegment } from './errors';
import type { Problem } from './sanitize';
import { INVALID, at, isRecord, items, valid, type Checked } from './lenientRead';

/** "orders, payments" (the first ten names, then how many more). */
function listNames(names: Iterable<string>): string {
  const all = [...names];
  if (all.length === 0) return '(none)';
  const shown = all.slice(0, 10).join(', ');
  return all.length > 10 ? `${shown} and ${all.length - 10} more` : shown;
}

/** Names of one kind of thing, and whether every one of them could be read. */
interface Names<T> {
  byName: Map<string, T>;
  /** false when a name is invalid: then a reference that matches nothing may mean that one. */
  complete: boolean;
}

/**
 * The rules that relate one field to another: names unique, references that resolve, and bounds
 * that depend on other fields (replicationFactor ≤ brokers, heartbeat < session timeout…).
 * Each rule only looks at fields that are valid on their own, so it never repeats a field
 * error, and it runs even when other fields are wrong, so that every problem is reported at once.
 */
export function checkReferences(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PathSegment[], message: string): void => void problems.push({ path, message });
  if (!isRecord(data)) return problems;

  const cluster = data.cluster;
  const brokers = cluster === undefined || isRecord(cluster) ? valid(clusterSchema.shape.brokers, at(cluster, 'brokers')) : INVALID;

  const topics = checkTopics(data, brokers, report);
  const producers = checkProducers(data, topics, report);
  const groups = checkGroups(data, topics, report);
  checkFaults(data, brokers, topics, producers, groups, report);
  return problems;
}

type Report = (path: PathSegment[], message: string) => void;

function missing(kind: string, name: string, names: Names<unknown>, plural: string): string | null {
  if (names.byName.has(name) || !names.complete) return null;
  return `${kind} ${JSON.stringify(name)} does not exist; known ${plural}: ${listNames(names.byName.keys())}`;
}

/** Topic names (unique), replication factor within the cluster; returns each topic's partitions. */
function checkTopics(data: Record<string, unknown>, brokers: Checked<number>, report: Report): Names<number> {
  const names: Names<number> = { byName: new Map(), complete: Array.isArray(data.topics) };
  const firstIndex = new Map<string, number>();
  const shape = topicSchema.shape;
  items(data.topics).forEach((topic, i) => {
    if (!isRecord(topic)) {
      names.complete = false; // its name is unknown: a reference may mean it
      return;
    }
    const path = ['topics', i];
    const name = valid(shape.name, at(topic, 'name'));
    const partitions = valid(shape.partitions, at(topic, 'partitions'));
    if (name === INVALID) names.complete = false;
    else if (firstIndex.has(name)) report([...path, 'name'], `duplicate topic name ${JSON.stringify(name)} (topics[${firstIndex.get(name)}] has it too): topic names must be unique`);
    else {
      firstIndex.set(name, i);
      names.byName.set(name, partitions === INVALID ? -1 : partitions);
    }

    const rf = valid(shape.replicationFactor, at(topic, 'replicationFactor'));
    if (rf !== INVALID && rf !== undefined && brokers !== INVALID && rf > brokers) {
      report([...path, 'replicationFactor'], `is ${rf} but the cluster has only ${brokers} broker${brokers === 1 ? '' : 's'}: a partition cannot have more copies than there are brokers`);
    }
    const effectiveRf = rf === undefined ? (brokers === INVALID ? INVALID : Math.min(3, brokers)) : rf;
    const minIsr = valid(shape.minInsyncReplicas, at(topic, 'minInsyncReplicas'));
    if (minIsr !== INVALID && effectiveRf !== INVALID && minIsr > effectiveRf) {
      report([...path, 'minInsyncReplicas'], `must be at most the topic's replicationFactor (${effectiveRf}), got ${minIsr}`);
    }
  });
  return names;
}

/** Producer ids (unique), topics that exist, idempotence, back-off and start/stop bounds. */
function checkProducers(data: Record<string, unknown>, topics: Names<number>, report: Report): Names<true> {
  const names: Names<true> = { byName: new Map(), complete: data.producers === undefined || Array.isArray(data.producers) };
  const shape = producerSchema.shape;
  items(data.producers).forEach((producer, i) => {
    if (!isRecord(producer)) {
      names.complete = false; // its name is unknown: a reference may mean it
      return;
    }
    const path = ['producers', i];
    const raw = (key: string): unknown => at(producer, key);
    const id = valid(shape.id, raw('id'));
    if (id === INVALID) names.complete = false;
    else if (names.byName.has(id)) report([...path, 'id'], `duplicate producer id ${JSON.stringify(id)}: producer ids must be unique`);
    else names.byName.set(id, true);

    const topic = valid(shape.topic, raw('topic'));
    const topicError = topic === INVALID ? null : missing('topic', topic, topics, 'topics');
    if (topicError !== null) report([...path, 'topic'], topicError);

    const acks = valid(shape.acks, raw('acks'));
    const retries = valid(shape.retries, raw('retries'));
    const inFlight = valid(shape.maxInFlightRequestsPerConnection, raw('maxInFlightRequestsPerConnection'));
    if (valid(shape.enableIdempotence, raw('enableIdempotence')) === true && acks !== INVALID && retries !== INVALID && inFlight !== INVALID) {
      const conflicts = [
        ...(acks === 'all' ? [] : [`acks is "${acks}"`]),
        ...(retries > 0 ? [] : ['retries is 0']),
        ...(inFlight <= 5 ? [] : [`maxInFlightRequestsPerConnection is ${inFlight}`]),
      ];
      if (conflicts.length > 0) {
        report(
          [...path, 'enableIdempotence'],
          `is true, but idempotence needs acks "all", retries > 0 and maxInFlightRequestsPerConnection ≤ 5, and ${conflicts.join(' and ')} ` +
            '(Kafka refuses this with a ConfigException): set enableIdempotence to false or fix the conflict',
        );
      }
    }

    const backoff = valid(shape.retryBackoffMs, raw('retryBackoffMs'));
    const backoffMax = valid(shape.retryBackoffMaxMs, raw('retryBackoffMaxMs'));
    if (backoff !== INVALID && backoffMax !== INVALID && backoffMax !== undefined && backoffMax < backoff) {
      report([...path, 'retryBackoffMaxMs'], `must be at least retryBackoffMs (${backoff}), got ${backoffMax}`);
    }
    const startMs = valid(shape.startMs, raw('startMs'));
    const stopMs = valid(shape.stopMs, raw('stopMs'));
    if (startMs !== INVALID && stopMs !== INVALID && stopMs !== null && stopMs <= startMs) {
      report([...path, 'stopMs'], `must be later than startMs (${startMs}), got ${stopMs}`);
    }
  });
  return names;
}

/** Group ids (unique), subscriptions that exist, heartbeat within the session, retry bounds. */
function checkGroups(data: Record<string, unknown>, topics: Names<number>, report: Report): Names<number> {
  const names: Names<number> = { byName: new Map(), complete: data.consumerGroups === undefined || Array.isArray(data.consumerGroups) };
  const shape = groupSchema.shape;
  items(data.consumerGroups).forEach((group, i) => {
    if (!isRecord(group)) {
      names.complete = false; // its name is unknown: a reference may mean it
      return;
    }
    const path = ['consumerGroups', i];
    const raw = (key: string): unknown => at(group, key);
    const id = valid(shape.id, raw('id'));
    const consumers = valid(shape.consumers, raw('consumers'));
    if (id === INVALID) names.complete = false;
    else if (names.byName.has(id)) report([...path, 'id'], `duplicate consumer group id ${JSON.stringify(id)}: group ids must be unique`);
    else names.byName.set(id, consumers === INVALID ? -1 : consumers);

    checkSubscription(group, path, topics, report);

    const session = valid(shape.sessionTimeoutMs, raw('sessionTimeoutMs'));
    const heartbeat = valid(shape.heartbeatIntervalMs, raw('heartbeatIntervalMs'));
    if (session !== INVALID && heartbeat !== INVALID && heartbeat >= session) {
      report([...path, 'heartbeatIntervalMs'], `must be less than sessionTimeoutMs (${session}), got ${heartbeat} (Kafka advises at most a third of it)`);
    }
    checkDistribution(at(group, 'processingMs'), [...path, 'processingMs'], report);

    const retry = at(group, 'retry');
    if (isRecord(retry)) {
      const retryShape = shape.retry.unwrap().shape;
      const backoff = valid(retryShape.backoffMs, at(retry, 'backoffMs'));
      const backoffMax = valid(retryShape.maxBackoffMs, at(retry, 'maxBackoffMs'));
      if (backoff !== INVALID && backoffMax !== INVALID && backoffMax !== undefined && backoffMax < backoff) {
        report([...path, 'retry', 'maxBackoffMs'], `must be at least backoffMs (${backoff}), got ${backoffMax}`);
      }
    }
  });
  return names;
}

function checkSubscription(group: unknown, path: PathSegment[], topics: Names<number>, report: Report): void {
  const shape = groupSchema.shape;
  const topic = at(group, 'topic');
  const list = at(group, 'topics');
  if (topic !== undefined && list !== undefined) {
    report([...path, 'topics'], 'give either "topic" or "topics", not both');
    return;
  }
  if (topic === undefined && list === undefined) {
    report([...path, 'topic'], 'required (or "topics": a list of topic names)');
    return;
  }
  const checkOne = (name: unknown, at: PathSegment[]): void => {
    const checked = valid(shape.topic, name);
    const error = checked === INVALID || checked === undefined ? null : missing('topic', checked, topics, 'topics');
    if (error !== null) report(at, error);
  };
  if (topic !== undefined) checkOne(topic, [...path, 'topic']);
  const seen = new Set<string>();
  items(list).forEach((name, i) => {
    if (typeof name === 'string' && seen.has(name)) report([...path, 'topics', i], `lists topic ${JSON.stringify(name)} twice`);
    else if (typeof name === 'string') seen.add(name);
    checkOne(name, [...path, 'topics', i]);
  });
}

function checkDistribution(value: unknown, path: PathSegment[], report: Report): void {
  const d = valid(distributionSchema, value);
  if (d !== INVALID && d.dist === 'uniform' && d.max < d.min) report([...path, 'max'], `must be at least min (${d.min}), got ${d.max}`);
}

/** Faults that name brokers, groups, consumers, topics and producers that exist. */
function checkFaults(
  data: Record<string, unknown>,
  brokers: Checked<number>,
  topics: Names<number>,
  producers: Names<true>,
  groups: Names<number>,
  report: Report,
): void {
  const faults = items(data.faults)
    .flatMap((raw, index) => {
      const fault = valid(faultSchema, raw);
      return fault === INVALID ? [] : [{ index, fault }];
    })
    // Partition counts change in time order, whatever the order the faults are written in.
    .sort((a, b) => a.fault.atMs - b.fault.atMs);
  const partitionsNow = new Map(topics.byName);
  for (const { index, fault } of faults) {
    const path = ['faults', index];
    switch (fault.type) {
      case 'broker-crash':
      case 'broker-restart':
      case 'slow-follower':
        if (brokers !== INVALID && fault.broker >= brokers) {
          report([...path, 'broker'], `broker ${fault.broker} does not exist: the cluster has ${brokers} broker${brokers === 1 ? '' : 's'}, numbered 0 to ${brokers - 1}`);
        }
        break;
      case 'consumer-crash':
      case 'consumer-leave':
      case 'consumer-slow':
      case 'consumer-add':
      case 'poison-key': {
        const error = missing('consumer group', fault.group, groups, 'groups');
        if (error !== null) {
          report([...path, 'group'], error);
          break;
        }
        const consumers = groups.byName.get(fault.group);
        if ('consumer' in fault && consumers !== undefined && consumers >= 0 && fault.consumer >= consumers) {
          report(
            [...path, 'consumer'],
            consumers === 0
              ? `group ${JSON.stringify(fault.group)} starts with no consumers, got consumer ${fault.consumer}`
              : `group ${JSON.stringify(fault.group)} has ${consumers} consumer${consumers === 1 ? '' : 's'}, numbered 0 to ${consumers - 1}, got ${fault.consumer}`,
          );
        }
        if (fault.type === 'consumer-slow') checkDistribution(fault.processingMs, [...path, 'processingMs'], report);
        break;
      }
      case 'set-partitions': {
        const error = missing('topic', fault.topic, topics, 'topics');
        if (error !== null) {
          report([...path, 'topic'], error);
          break;
        }
        const current = partitionsNow.get(fault.topic);
        if (current === undefined || current < 0) break;
        if (fault.partitions <= current) {
          report([...path, 'partitions'], `must be more than the topic's ${current} partitions at that time, got ${fault.partitions} (Kafka can only add partitions)`);
        } else {
          partitionsNow.set(fault.topic, fault.partitions);
        }
        break;
      }
      case 'set-rate': {
        const error = missing('producer', fault.producer, producers, 'producers');
        if (error !== null) report([...path, 'producer'], error);
        break;
      }
    }
  }
}
