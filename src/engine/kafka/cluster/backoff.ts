import type { Rng } from '../../kernel/rng';

/** Kafka's producer back-off multiplier and jitter (CommonClientConfigs: RETRY_BACKOFF_EXP_BASE, RETRY_BACKOFF_JITTER). */
const MULTIPLIER = 2;
const JITTER = 0.2;

/**
 * Kafka's `ExponentialBackoff.backoff(attempts)` as the producer uses it: the wait before the
 * next retry after `failures` failed sends (1 for the first retry), ms:
 * `min(max, initial · 2^min(failures - 1, log2(max / initial)) · U(0.8, 1.2))`, truncated to
 * whole ms as Kafka's `(long)` cast does. With the defaults (100, 1000): about 100, 200, 400,
 * 800, then 1000 ms.
 */
export function retryBackoffMs(failures: number, initialMs: number, maxMs: number, rng: Rng): number {
  const expMax = maxMs > initialMs ? Math.log(maxMs / Math.max(initialMs, 1)) / Math.log(MULTIPLIER) : 0;
  if (expMax === 0) return initialMs;
  const term = initialMs * Math.pow(MULTIPLIER, Math.min(failures - 1, expMax));
  const factor = 1 - JITTER + rng.nextFloat() * 2 * JITTER;
  return Math.min(maxMs, Math.floor(factor * term));
}
