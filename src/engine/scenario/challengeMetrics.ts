/**
 * Whether a goal's metric path (metricPath.ts) can name a number of this scenario's run: its root
 * is a metric, a fixed section has the value named, and a by-name section (groups, queues…) has
 * an entry of that name in the document. Names below that (a queue's "depth") are the grader's:
 * it says "the metrics have no number at …" when one is missing.
 */
import { at, items } from './lenientRead';
import { joinPath, pathSegments } from './metricPath';
import { closestName } from './suggest';

/** The values of a fixed metric section, the ones a goal may end on. */
const CLUSTER_FIELDS = [
  'brokersUp',
  'offlinePartitions',
  'underReplicatedPartitions',
  'isrShrinks',
  'isrExpands',
  'leaderElections',
  'uncleanLeaderElections',
  'offlineEvents',
  'truncatedRecords',
  'lostInFlight',
] as const;

/** What a by-name section's entries are called in a message ("unknown queue …"). */
const ENTITY_WORDS = {
  groups: 'consumer group',
  producers: 'producer',
  queues: 'queue',
  exchanges: 'exchange',
  requesters: 'requester',
} as const;

type ByName = keyof typeof ENTITY_WORDS;

/** How each top-level metric of `sim.metrics()` continues: a number, a fixed section, or entries by name. */
const METRIC_ROOTS: Readonly<Record<string, 'number' | readonly string[] | ByName>> = {
  timeMs: 'number',
  events: 'number',
  produced: 'number',
  acknowledged: 'number',
  failedSends: 'number',
  retriedSends: 'number',
  duplicatesWritten: 'number',
  reorderedRecords: 'number',
  delivered: 'number',
  processed: 'number',
  duplicates: 'number',
  redelivered: 'number',
  lost: 'number',
  deadLettered: 'number',
  pending: 'number',
  lag: ['total', 'max', 'perPartition'],
  latencyMs: ['mean', 'p50', 'p95', 'p99'],
  rebalances: ['count', 'totalPauseMs'],
  cluster: CLUSTER_FIELDS,
  producers: 'producers',
  groups: 'groups',
  queues: 'queues',
  exchanges: 'exchanges',
  requesters: 'requesters',
};

/** The top-level metric names a goal may start with (for docs and tests). */
export const CHALLENGE_METRIC_ROOTS = Object.keys(METRIC_ROOTS);

/** The values of the fixed sections, by root (for tests that hold them to the engine's metrics). */
export const CHALLENGE_METRIC_SECTIONS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(METRIC_ROOTS).filter((entry): entry is [string, readonly string[]] => Array.isArray(entry[1])),
);

/** Why `path` (already a well-formed path) names no metric of this scenario's run, or null when it may. */
export function metricPathProblem(path: string, data: Record<string, unknown>): string | null {
  const [root, second, ...rest] = pathSegments(path) as [string, ...string[]];
  const kind = Object.hasOwn(METRIC_ROOTS, root) ? METRIC_ROOTS[root] : undefined;
  if (kind === undefined) {
    const suggestion = closestName(root, CHALLENGE_METRIC_ROOTS);
    return `unknown metric ${JSON.stringify(root)}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ` (metrics start with one of: ${CHALLENGE_METRIC_ROOTS.join(', ')})`}`;
  }
  if (kind === 'number') return second === undefined ? null : `metric ${JSON.stringify(root)} is a number: it has no ${JSON.stringify(second)}`;
  if (second === undefined) {
    return `metric ${JSON.stringify(root)} is a section, not a number: name one of its values, e.g. "${root}.${typeof kind === 'string' ? '<name>' : kind[0]}"`;
  }
  if (typeof kind !== 'string') {
    if (kind.includes(second)) return null;
    const suggestion = closestName(second, kind);
    return `metric ${JSON.stringify(root)} has no ${JSON.stringify(second)}${suggestion ? ` (did you mean ${JSON.stringify(joinPath([root, suggestion]))}?)` : `; it has ${kind.join(', ')}`}`;
  }
  const known = entityNames(kind, data);
  if (known === null || known.includes(second)) return null;
  return `unknown ${ENTITY_WORDS[kind]} ${JSON.stringify(second)}${unknownNameHint(root, [second, ...rest], known)}`;
}

/** What to write instead: a name with a dot in brackets, the closest name, or the names there are. */
function unknownNameHint(root: string, rest: readonly string[], known: readonly string[]): string {
  // queues.orders.dlq.depth reads the queue "orders"; the learner meant the queue "orders.dlq".
  const dotted = known.find((name) => name.includes('.') && rest.slice(0, name.split('.').length).join('.') === name);
  if (dotted !== undefined) {
    const after = rest.slice(dotted.split('.').length);
    return `; a name with a dot goes in brackets: ${joinPath([root, dotted, ...after])}`;
  }
  const suggestion = closestName(rest[0]!, known);
  if (suggestion !== null) return ` (did you mean ${JSON.stringify(suggestion)}?)`;
  return known.length === 0 ? `: the scenario has no ${root}` : `; known: ${known.map((name) => JSON.stringify(name)).join(', ')}`;
}

/** The names a by-name section of the metrics will have, as the document fixes them; null when a name is not valid yet. */
function entityNames(section: ByName, data: Record<string, unknown>): string[] | null {
  const ids = (list: unknown, field: string): unknown[] => items(list).map((item) => at(item, field));
  const requesters = items(data.publishers).filter((p) => typeof at(p, 'request') === 'object' && at(p, 'request') !== null);
  let names: unknown[];
  switch (section) {
    case 'groups':
      names = ids(data.consumerGroups, 'id');
      break;
    case 'producers':
      names = ids(data.producers, 'id');
      break;
    case 'queues':
      // A requester's reply queue is declared for it: "<publisher id>.replies" (queues/build.ts).
      names = [...ids(data.queues, 'name'), ...ids(data.sqsQueues, 'name'), ...ids(requesters, 'id').map((id) => (typeof id === 'string' ? `${id}.replies` : id))];
      break;
    case 'exchanges':
      // The default exchange ("") has no name a path can hold: the grammar refuses an empty name.
      names = ids(data.exchanges, 'name');
      break;
    case 'requesters':
      names = ids(requesters, 'id');
      break;
  }
  return names.every((name) => typeof name === 'string') ? (names as string[]) : null;
}
