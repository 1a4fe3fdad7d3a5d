import { crashBroker, restartBroker, slowFollower } from './brokerFaults';
import type { Change } from '../../changes';
import type { World } from '../world';

type BrokerChange = Extract<Change, { type: 'broker-crash' | 'broker-restart' | 'slow-follower' }>;

/** Applies a broker fault now (from the scenario or sim.apply); returns why it was refused, or null. */
export function applyBrokerFault(world: World, change: BrokerChange): string | null {
  const brokers = world.cluster.brokers;
  if (!(Number.isInteger(change.broker) && change.broker >= 0 && change.broker < brokers.length)) {
    return `broker ${change.broker} does not exist: the cluster has ${brokers.length} broker${brokers.length === 1 ? '' : 's'}, numbered 0 to ${brokers.length - 1}`;
  }
  const broker = brokers[change.broker]!;
  switch (change.type) {
    case 'broker-crash':
      if (!broker.up) return `broker ${change.broker} is already down`;
      if (change.restartAfterMs !== null && !(Number.isInteger(change.restartAfterMs) && change.restartAfterMs >= 1)) {
        return `restartAfterMs must be a whole number of ms, at least 1 (or null), got ${change.restartAfterMs}`;
      }
      crashBroker(world, change.broker, change.restartAfterMs);
      return null;
    case 'broker-restart':
      if (broker.up) return `broker ${change.broker} is running: only a crashed broker can restart`;
      restartBroker(world, change.broker);
      return null;
    case 'slow-follower':
      if (!(Number.isFinite(change.delayMs) && change.delayMs >= 0)) return `delayMs must be a number of ms, at least 0, got ${change.delayMs}`;
      if (change.durationMs !== null && !(Number.isInteger(change.durationMs) && change.durationMs >= 1)) {
        return `durationMs must be a whole number of ms, at least 1 (or null), got ${change.durationMs}`;
      }
      slowFollower(world, change.broker, change.delayMs, change.durationMs);
      return null;
  }
}
