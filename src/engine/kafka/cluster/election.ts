import { assert } from '../../kernel/assert';
import { truncatePartitionLog } from '../truncation';
import { updateHighWatermark } from './highWatermark';
import { drainPartition } from './producerDelivery';
import { isrText, wakeFollowers } from './fetcher';
import { describePartition } from './describe';
import type { World } from '../world';

/**
 * Leader election, as Kafka's controller does it: the first replica, in assignment order, that
 * is up and in the ISR (clean); if none and unclean.leader.election.enable is on, the first one
 * that is up (unclean: the ISR becomes just that replica); otherwise the partition stays offline
 * until an ISR member comes back. The new leader's log is the partition's log from now on: what
 * the old leader had beyond it is truncated, on every replica.
 */
export function electLeader(world: World, globalPartition: number, reason: string): void {
  const cluster = world.cluster;
  const repl = cluster.partitions[globalPartition]!;
  const log = world.partitions[globalPartition]!;
  const nowUs = world.scheduler.nowUs;
  const where = describePartition(world, globalPartition);
  assert(repl.purgatory.length === 0, () => `${where}: a leader is elected while writes wait for the old one`);
  const up = (i: number) => cluster.brokers[repl.replicas[i]!.broker]!.up;
  let chosen = repl.replicas.findIndex((r, i) => r.inSync && up(i));
  let unclean = false;
  if (chosen < 0 && cluster.uncleanLeaderElection) {
    chosen = repl.replicas.findIndex((_, i) => up(i));
    unclean = chosen >= 0;
  }
  if (chosen < 0) {
    if (repl.leader >= 0) {
      cluster.counters.offlineEvents++;
      world.log.add(nowUs, 'partition.offline', 'cluster', `${where} is offline (${reason}): no replica in the ISR ${isrText(repl)} is up${cluster.uncleanLeaderElection ? ' and no other replica is up either' : ', and unclean.leader.election.enable is off'}. Producers cannot write to it and consumers read nothing new until one comes back.`);
    }
    repl.leader = -1;
    return;
  }
  const leader = repl.replicas[chosen]!;
  repl.leader = chosen;
  repl.leaderEpoch++;
  cluster.counters.leaderElections++;
  if (unclean) {
    cluster.counters.uncleanLeaderElections++;
    for (const r of repl.replicas) r.inSync = r === leader;
  }
  const newEnd = leader.logEndOffset;
  assert(newEnd <= log.logEndOffset, () => `${where}: the new leader has ${newEnd} records, more than the log's ${log.logEndOffset}`);
  world.log.add(nowUs, unclean ? 'partition.uncleanLeaderElected' : 'partition.leaderElected', 'cluster', `Broker ${leader.broker} now leads ${where} (${reason}; ${unclean ? 'UNCLEAN election: it was not in the ISR' : 'elected from the ISR'}; its log ends at ${newEnd}, leader epoch ${repl.leaderEpoch}).`);
  if (newEnd < log.logEndOffset) truncatePartitionLog(world, globalPartition, newEnd, `broker ${leader.broker}, the new leader, has only ${newEnd} records`);
  repl.leaderEpochStartOffset = newEnd;
  for (const r of repl.replicas) {
    if (r === leader) continue;
    const brokerUp = cluster.brokers[r.broker]!.up;
    r.fetchingTo = -1;
    if (r.logEndOffset > newEnd) {
      if (brokerUp) {
        world.log.add(nowUs, 'replica.truncated', 'cluster', `Broker ${r.broker} truncates its copy of ${where} from ${r.logEndOffset} to ${newEnd} records to match the new leader.`);
        r.logEndOffset = newEnd;
      } else {
        r.divergesAt = Math.min(r.divergesAt, newEnd);
      }
    }
    r.fetchOffset = Math.min(r.fetchOffset, r.logEndOffset);
    // Kafka's new leader counts its in-sync followers as caught up as of its election.
    if (r.inSync) r.lastCaughtUpUs = nowUs;
  }
  leader.fetchOffset = newEnd;
  updateHighWatermark(world, globalPartition);
  drainPartition(world, globalPartition);
  wakeFollowers(world, globalPartition);
}
