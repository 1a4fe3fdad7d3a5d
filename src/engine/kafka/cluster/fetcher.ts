import { msToUs } from '../../kernel/time';
import { assert } from '../../kernel/assert';
import { EventKind } from '../eventKinds';
import { updateHighWatermark } from './highWatermark';
import { describePartition } from './describe';
import type { BrokerRt, PartitionReplicationRt, ReplicaRt } from './types';
import type { World } from '../world';

/**
 * Followers copy their leaders by fetching, as Kafka's replica fetcher does: each broker sends
 * one fetch request to the leaders of the partitions it follows; the request carries each
 * follower's log end, from which the leader learns how far it got (and moves the high
 * watermark); the response carries the records above it and arrives one network latency later
 * (plus a slow-follower fault's delay). The next request leaves replicaFetchMs after a response.
 * A request that finds nothing new waits at the leader for new data (long poll) for at most
 * replica.fetch.wait.max.ms.
 *
 * The ISR is checked every replica.lag.time.max.ms / 2 (Kafka's isr-expiration task): a
 * follower that has not caught up with the leader's log end within replica.lag.time.max.ms
 * leaves it; a follower whose fetch reaches the high watermark joins it again.
 */

/** replica.fetch.wait.max.ms: the longest a fetch request waits at the leader for new data. */
const FETCH_WAIT_MAX_MS = 500;

/** Starts every broker's fetcher and the ISR check, if any partition has followers. */
export function startReplication(world: World): void {
  const cluster = world.cluster;
  if (!cluster.replicated) return;
  for (const broker of cluster.brokers) scheduleFetch(world, broker, world.scheduler.nowUs + world.networkLatencyUs);
  world.scheduler.schedule(world.scheduler.nowUs + isrCheckIntervalUs(world), EventKind.isrCheck, 0, 0);
}

function isrCheckIntervalUs(world: World): number {
  return Math.max(1, Math.floor(world.cluster.replicaLagTimeMaxUs / 2));
}

/** A fetch request of `broker` reaches its leaders at `atUs`. */
export function scheduleFetch(world: World, broker: BrokerRt, atUs: number): void {
  world.scheduler.schedule(atUs, EventKind.replicaFetch, broker.id, broker.fetchToken);
}

/** The replica of partition `repl` on `broker`, or undefined. */
export function replicaOn(repl: PartitionReplicationRt, broker: number): ReplicaRt | undefined {
  const replicas = repl.replicas;
  for (let i = 0; i < replicas.length; i++) if (replicas[i]!.broker === broker) return replicas[i];
  return undefined;
}

/** The leader appended: answer at once the parked fetch requests of this partition's followers. */
export function wakeFollowers(world: World, globalPartition: number): void {
  const repl = world.cluster.partitions[globalPartition]!;
  const replicas = repl.replicas;
  if (replicas.length === 1) return;
  for (let i = 0; i < replicas.length; i++) {
    if (i === repl.leader) continue;
    const broker = world.cluster.brokers[replicas[i]!.broker]!;
    if (broker.up && broker.fetchParked) {
      broker.fetchToken++; // its pending empty answer is void
      scheduleFetch(world, broker, world.scheduler.nowUs);
    }
  }
}

/** a = broker, b = fetch token: the broker's fetch request is at its leaders. */
export function onReplicaFetch(world: World, brokerId: number, token: number): void {
  const cluster = world.cluster;
  const broker = cluster.brokers[brokerId]!;
  if (token !== broker.fetchToken || !broker.up) return;
  const nowUs = world.scheduler.nowUs;
  // A parked request was caught up all along: its followers were in sync until now.
  const woken = broker.fetchParked;
  broker.fetchParked = false;
  broker.lastFetchAtUs = nowUs;
  let anyData = false;
  for (let p = 0; p < cluster.partitions.length; p++) {
    const repl = cluster.partitions[p]!;
    if (repl.leader < 0 || repl.replicas.length === 1) continue;
    const replica = replicaOn(repl, brokerId);
    if (replica === undefined || replica === repl.replicas[repl.leader]) continue;
    if (woken) replica.lastCaughtUpUs = nowUs;
    recordFetch(world, p, repl, replica, nowUs);
    const leaderEnd = world.partitions[p]!.logEndOffset;
    if (leaderEnd > replica.logEndOffset) {
      replica.fetchingTo = leaderEnd;
      replica.fetchEpoch = repl.leaderEpoch;
      anyData = true;
    }
  }
  if (anyData) {
    world.scheduler.schedule(nowUs + world.networkLatencyUs + broker.fetchDelayUs, EventKind.replicaFetchResponse, brokerId, broker.fetchToken);
  } else {
    broker.fetchParked = true;
    const waitUs = Math.min(msToUs(FETCH_WAIT_MAX_MS), isrCheckIntervalUs(world));
    world.scheduler.schedule(nowUs + waitUs + world.networkLatencyUs, EventKind.replicaFetchResponse, brokerId, broker.fetchToken);
  }
}

/**
 * The leader learns a follower's log end from its fetch (Kafka's Replica.updateFetchState and
 * Partition.maybeExpandIsr): it was caught up at this fetch if it had everything the leader had,
 * or at its previous fetch if it has everything the leader had then.
 */
function recordFetch(world: World, globalPartition: number, repl: PartitionReplicationRt, replica: ReplicaRt, nowUs: number): void {
  const log = world.partitions[globalPartition]!;
  const leaderEnd = log.logEndOffset;
  const fetchOffset = replica.logEndOffset;
  if (fetchOffset >= leaderEnd) replica.lastCaughtUpUs = Math.max(replica.lastCaughtUpUs, nowUs);
  else if (fetchOffset >= replica.lastFetchLeaderEndOffset) replica.lastCaughtUpUs = Math.max(replica.lastCaughtUpUs, replica.lastFetchUs);
  replica.fetchOffset = fetchOffset;
  replica.lastFetchLeaderEndOffset = leaderEnd;
  replica.lastFetchUs = nowUs;
  if (!replica.inSync && fetchOffset >= log.highWatermark && fetchOffset >= repl.leaderEpochStartOffset) {
    replica.inSync = true;
    world.cluster.counters.isrExpands++;
    world.log.add(nowUs, 'isr.expanded', 'cluster', `Broker ${replica.broker} caught up on ${describePartition(world, globalPartition)} (log end ${fetchOffset}) and rejoins the ISR: ${isrText(repl)}.`);
  }
  updateHighWatermark(world, globalPartition);
}

/** a = broker, b = fetch token: the fetch response reaches the follower, which appends what it carries. */
export function onReplicaFetchResponse(world: World, brokerId: number, token: number): void {
  const cluster = world.cluster;
  const broker = cluster.brokers[brokerId]!;
  if (token !== broker.fetchToken || !broker.up) return;
  broker.fetchParked = false;
  for (let p = 0; p < cluster.partitions.length; p++) {
    const repl = cluster.partitions[p]!;
    const replica = replicaOn(repl, brokerId);
    if (replica === undefined || replica.fetchingTo < 0) continue;
    if (replica.fetchEpoch === repl.leaderEpoch) {
      assert(replica.fetchingTo <= world.partitions[p]!.logEndOffset, () => `broker ${brokerId} fetched past the log end of partition ${p}`);
      replica.logEndOffset = Math.max(replica.logEndOffset, replica.fetchingTo);
    }
    replica.fetchingTo = -1;
  }
  // Fetches start every replicaFetchMs, or as soon as the previous answer is in if it took longer.
  const nowUs = world.scheduler.nowUs;
  scheduleFetch(world, broker, Math.max(nowUs + world.networkLatencyUs, broker.lastFetchAtUs + cluster.replicaFetchUs));
}

/** The periodic ISR check: followers that fell behind for longer than replica.lag.time.max.ms leave the ISR. */
export function onIsrCheck(world: World): void {
  const cluster = world.cluster;
  const nowUs = world.scheduler.nowUs;
  for (let p = 0; p < cluster.partitions.length; p++) {
    const repl = cluster.partitions[p]!;
    if (repl.leader < 0) continue;
    const leaderEnd = world.partitions[p]!.logEndOffset;
    let shrank = false;
    repl.replicas.forEach((replica, i) => {
      if (i === repl.leader || !replica.inSync) return;
      if (replica.fetchOffset >= leaderEnd || nowUs - replica.lastCaughtUpUs <= cluster.replicaLagTimeMaxUs) return;
      replica.inSync = false;
      shrank = true;
      cluster.counters.isrShrinks++;
      const behindMs = (nowUs - replica.lastCaughtUpUs) / 1000;
      world.log.add(nowUs, 'isr.shrunk', 'cluster', `Broker ${replica.broker} leaves the ISR of ${describePartition(world, p)}: it has not caught up with the leader for ${behindMs} ms (replica.lag.time.max.ms is ${cluster.replicaLagTimeMaxUs / 1000} ms); ISR now ${isrText(repl)}.`);
    });
    if (shrank) updateHighWatermark(world, p);
  }
  world.scheduler.schedule(nowUs + isrCheckIntervalUs(world), EventKind.isrCheck, 0, 0);
}

export function isrText(repl: PartitionReplicationRt): string {
  return `[${repl.replicas.filter((r) => r.inSync).map((r) => r.broker).join(', ')}]`;
}
