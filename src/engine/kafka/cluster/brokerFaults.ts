import { msToUs } from '../../kernel/time';
import { EventKind } from '../eventKinds';
import { electLeader } from './election';
import { inSyncCount, updateHighWatermark } from './highWatermark';
import { rejectBatch } from './producerDelivery';
import { scheduleFetch } from './fetcher';
import { describePartition } from './describe';
import type { World } from '../world';

/**
 * Broker faults. A crash is a process dying: its connections drop at once (producers waiting on
 * it get an error), the controller fences it (it leaves every ISR, unless it is the last member,
 * as Kafka never empties an ISR) and elects new leaders for the partitions it led. A restarted
 * broker's replicas truncate what diverged from their leader and catch up as followers; an
 * offline partition whose last ISR member comes back is led by it again.
 */

export function crashBroker(world: World, brokerId: number, restartAfterMs: number | null): void {
  const cluster = world.cluster;
  const broker = cluster.brokers[brokerId]!;
  const nowUs = world.scheduler.nowUs;
  broker.up = false;
  broker.fetchToken++;
  broker.fetchParked = false;
  broker.crashToken++;
  world.log.add(nowUs, 'broker.crashed', 'cluster', `Broker ${brokerId} crashed${restartAfterMs === null ? '' : `; it restarts in ${restartAfterMs} ms`}.`);
  for (let p = 0; p < cluster.partitions.length; p++) {
    const repl = cluster.partitions[p]!;
    const index = repl.replicas.findIndex((r) => r.broker === brokerId);
    if (index < 0) continue;
    const replica = repl.replicas[index]!;
    replica.fetchingTo = -1;
    if (replica.inSync && inSyncCount(repl) > 1) replica.inSync = false;
    if (repl.leader === index) {
      for (const batch of repl.purgatory.splice(0)) {
        world.cluster.batchesBySerial.delete(batch.serial);
        rejectBatch(world, world.producers[batch.producer]!, batch, `broker ${brokerId} crashed before the ISR had the records (disconnected)`);
      }
      electLeader(world, p, `broker ${brokerId}, its leader, crashed`);
    } else {
      updateHighWatermark(world, p);
    }
  }
  if (restartAfterMs !== null) {
    world.scheduler.schedule(nowUs + msToUs(restartAfterMs), EventKind.brokerRestart, brokerId, broker.crashToken);
  }
}

/** a = broker, b = crash token: the restart a broker-crash fault scheduled. */
export function onBrokerRestart(world: World, brokerId: number, crashToken: number): void {
  const broker = world.cluster.brokers[brokerId]!;
  if (crashToken !== broker.crashToken || broker.up) return;
  restartBroker(world, brokerId);
}

export function restartBroker(world: World, brokerId: number): void {
  const cluster = world.cluster;
  const broker = cluster.brokers[brokerId]!;
  const nowUs = world.scheduler.nowUs;
  broker.up = true;
  broker.fetchToken++;
  broker.fetchParked = false;
  world.log.add(nowUs, 'broker.restarted', 'cluster', `Broker ${brokerId} restarted; its replicas catch up from their leaders.`);
  for (let p = 0; p < cluster.partitions.length; p++) {
    const repl = cluster.partitions[p]!;
    const replica = repl.replicas.find((r) => r.broker === brokerId);
    if (replica === undefined) continue;
    const agreed = Math.min(replica.logEndOffset, replica.divergesAt);
    if (agreed < replica.logEndOffset) {
      world.log.add(nowUs, 'replica.truncated', 'cluster', `Broker ${brokerId} truncates its copy of ${describePartition(world, p)} from ${replica.logEndOffset} to ${agreed} records: the rest diverged from the leader's log while it was down.`);
      replica.logEndOffset = agreed;
    }
    replica.divergesAt = Infinity;
    replica.fetchOffset = replica.logEndOffset;
    replica.lastFetchLeaderEndOffset = replica.logEndOffset;
    replica.lastFetchUs = nowUs;
    if (repl.leader < 0 && (replica.inSync || cluster.uncleanLeaderElection)) {
      electLeader(world, p, `broker ${brokerId} restarted`);
    }
  }
  if (cluster.replicated) scheduleFetch(world, broker, nowUs + world.networkLatencyUs);
}

/** A slow-follower fault: the broker's fetch responses arrive delayMs late. */
export function slowFollower(world: World, brokerId: number, delayMs: number, durationMs: number | null): void {
  const broker = world.cluster.brokers[brokerId]!;
  const nowUs = world.scheduler.nowUs;
  broker.fetchDelayUs = msToUs(delayMs);
  broker.slowToken++;
  world.log.add(nowUs, 'broker.slowFollower', 'cluster', `Broker ${brokerId}'s fetches now take ${delayMs} ms longer${durationMs === null ? '' : ` for ${durationMs} ms`}: its replicas may fall out of the ISR (replica.lag.time.max.ms is ${world.cluster.replicaLagTimeMaxUs / 1000} ms).`);
  if (durationMs !== null) {
    world.scheduler.schedule(nowUs + msToUs(durationMs), EventKind.slowFollowerEnd, brokerId, broker.slowToken);
  }
}

/** a = broker, b = slow token: a slow-follower fault ends. */
export function onSlowFollowerEnd(world: World, brokerId: number, token: number): void {
  const broker = world.cluster.brokers[brokerId]!;
  if (token !== broker.slowToken) return;
  broker.fetchDelayUs = 0;
  world.log.add(world.scheduler.nowUs, 'broker.recovered', 'cluster', `Broker ${brokerId} fetches at normal speed again.`);
}
