import { useThrottledAppStore } from '../hooks/useThrottledAppStore';
import { useAppStore } from '../store';
import { Feedback } from './Knob';

/** Extra delay on a slowed follower's fetches, ms. */
const SLOW_FETCH_MS = 500;
/** A slowed follower stays slow for this many times replica.lag.time.max.ms: long enough to leave the ISR, and come back. */
const SLOW_FOR_LAG_MAX_TIMES = 2;

/**
 * Broker faults, one row per broker: crash it (its partitions elect new leaders from the ISR),
 * restart it (it catches up and rejoins the ISR), or slow its replica fetches so it drops out of
 * the ISR. Shown only when the engine models brokers.
 */
export function BrokerKnobs() {
  const brokers = useThrottledAppStore((s) => s.snapshot?.brokers ?? null);
  const apply = useAppStore((s) => s.apply);
  const feedback = useAppStore((s) => s.knobFeedback.brokers);
  const lagMaxMs = useAppStore((s) => s.scenario?.spec.cluster.replicaLagTimeMaxMs ?? 30_000);
  const slowForMs = SLOW_FOR_LAG_MAX_TIMES * lagMaxMs;
  if (!brokers || brokers.length === 0) return null;
  return (
    <fieldset className="knob-group">
      <legend>Brokers</legend>
      <p className="knob-help-static">
        A crashed broker&apos;s partitions elect a new leader from their in-sync replicas; with <code className="config-name">acks=all</code>, writes fail
        when fewer than <code className="config-name">min.insync.replicas</code> copies are left.
      </p>
      <ul className="broker-rows">
        {brokers.map((broker) => (
          <li key={broker.id} className="button-row">
            <span className={broker.up ? 'broker-state' : 'broker-state broker-state-down'}>
              Broker {broker.id}: {broker.up ? ((broker.fetchDelayMs ?? 0) > 0 ? 'up, slow' : 'up') : 'down'}
            </span>
            {broker.up ? (
              <>
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => apply('brokers', { type: 'broker-crash', broker: broker.id, restartAfterMs: null })}
                  title="Stop the broker: its partitions elect new leaders; it stays down until you restart it"
                >
                  Crash broker {broker.id}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => apply('brokers', { type: 'slow-follower', broker: broker.id, delayMs: SLOW_FETCH_MS, durationMs: slowForMs })}
                  title={`Its replicas fetch ${SLOW_FETCH_MS} ms late for ${slowForMs / 1000} simulated seconds: behind for longer than replica.lag.time.max.ms (${lagMaxMs / 1000} s), they leave the ISR`}
                >
                  Slow broker {broker.id}
                </button>
              </>
            ) : (
              <button type="button" className="button" onClick={() => apply('brokers', { type: 'broker-restart', broker: broker.id })} title="Start it again: its replicas catch up and rejoin the ISR">
                Restart broker {broker.id}
              </button>
            )}
          </li>
        ))}
      </ul>
      <Feedback feedback={feedback} />
    </fieldset>
  );
}
